import { describe, expect, it } from 'vitest';
import { findById } from '../../../shared/catalogue';
import { readViDate, viDateText } from '../../../extension/pages/DateField';
import { parseMarkdown } from '../../../extension/pages/Markdown';
import { toDanPhoError } from '../../../extension/pages/ToDanPhoField';
import { lookupUrl, procedurePageUrl, wardCounter } from '../../../extension/pages/printable/links';
import { appointmentSlip, appointmentText, checklistSlip, checklistText } from '../../../extension/pages/printable/slips';

describe('documents checklist for the resident', () => {
  const p = findById('III.2')!;

  it('splits the documents into ticked and not yet, with fee, time, where and the ward counter', () => {
    const slip = checklistSlip(p, new Set([0, 2]), 'Phường Đồng Tiến');
    expect(slip.have).toEqual([p.documents[0], p.documents[2]]);
    expect(slip.missing).toEqual(p.documents.filter((_, i) => i !== 0 && i !== 2));
    expect(slip.counter).toBe('Bộ phận tiếp nhận và trả kết quả (một cửa), UBND phường Đồng Tiến, trong giờ hành chính');
    const text = checklistText(slip);
    expect(text.split('\n')[0]).toBe('GIẤY TỜ CẦN CHUẨN BỊ');
    expect(text).toContain(`Thủ tục: ${p.officialName} (mã 1.001193)`);
    expect(text).toContain(`[x] ${p.documents[0]}`);
    expect(text).toContain(`[ ] ${p.documents[1]}`);
    expect(text).toContain(`Lệ phí: ${p.feeNote}`);
    expect(text).toContain(`Trang thủ tục: ${p.directUrl}`);
    expect(checklistText(checklistSlip(p, new Set(p.documents.map((_, i) => i))))).toContain('Đã đủ giấy tờ.');
  });

  it('links a procedure without its own page to the portal catalogue by code, else to a search by name', () => {
    expect(procedurePageUrl(p)).toBe(p.directUrl);
    expect(procedurePageUrl({ code: '1.001699', nameInLetter: 'x' })).toBe('https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.001699');
    expect(procedurePageUrl({ code: null, nameInLetter: 'Xác nhận đơn' })).toMatch(/^https:\/\/dichvucong\.gov\.vn\/tim-kiem-thu-tuc-hanh-chinh\?keyword=/);
    expect(wardCounter(undefined)).toContain('UBND phường Đồng Tiến');
    expect(wardCounter('phường Ba Hàng')).toContain('UBND phường Ba Hàng,');
  });
});

describe('appointment slip', () => {
  it('names the lookup page of the portal the dossier was filed on', () => {
    expect(lookupUrl('dvcqg')).toBe('https://dichvucong.gov.vn/tra-cuu-ho-so');
    expect(lookupUrl('lienthong')).toBe('https://lienthong.dichvucong.gov.vn/#/tra-cuu-ho-so');
    expect(lookupUrl('moj')).toBe('https://dichvucongnganhtuphap.moj.gov.vn/tra-cuu/nop-ho-so/1');
    expect(lookupUrl('thainguyen')).toBe('https://dichvucong.gov.vn/tra-cuu-ho-so');
  });

  it('writes dates day first and only the note the resident chose', () => {
    const base = { procedureName: 'Thủ tục đăng ký khai sinh', code: '1.001193', dossierCode: 'G22.99-000100', portal: 'dvcqg' as const, filedOn: '2030-09-01', dueOn: '2030-09-05', note: '' };
    const text = appointmentText(appointmentSlip(base));
    expect(text).toContain('Ngày nộp: 01/09/2030');
    expect(text).toContain('Ngày hẹn trả (dự kiến): 05/09/2030');
    expect(text).not.toContain('Ghi chú');
    expect(text).toContain('1. Mở trang tra cứu hồ sơ');
    expect(appointmentText(appointmentSlip({ ...base, dueOn: null, note: ' Bà Lan ' }))).toMatch(/Ngày hẹn trả \(dự kiến\): xem trên cổng khi tra cứu[\s\S]*Ghi chú: Bà Lan\n/);
  });
});

describe('dates typed day first', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and eight digits; refuses impossible dates', () => {
    expect(readViDate('05/09/2030')).toEqual({ ok: true, value: '2030-09-05' });
    expect(readViDate('5/9/2030')).toEqual({ ok: true, value: '2030-09-05' });
    expect(readViDate('05092030')).toEqual({ ok: true, value: '2030-09-05' });
    expect(readViDate('31/02/2030').ok).toBe(false);
    // Never month first: "09/13/2030" is the 9th of a 13th month.
    expect(readViDate('09/13/2030')).toEqual({ ok: false, error: 'Tháng phải từ 01 đến 12.' });
    expect(viDateText('2030-09-05')).toBe('05/09/2030');
    expect(viDateText('not a date')).toBe('');
    expect(viDateText(undefined)).toBe('');
  });
});

describe('tổ dân phố against the ward list', () => {
  const groups = ['Tổ dân phố 5', 'Tổ dân phố 12'];

  it('accepts a name of the list in any Unicode form or spacing, refuses others, checks nothing without a list', () => {
    expect(toDanPhoError('Tổ dân phố 5', groups)).toBeNull();
    expect(toDanPhoError('Tổ dân phố 5'.normalize('NFD'), groups)).toBeNull();
    expect(toDanPhoError('  Tổ  dân phố 12 ', groups)).toBeNull();
    expect(toDanPhoError('Tổ 5', groups)).toBe('Hãy chọn một tổ dân phố trong danh sách của phường.');
    expect(toDanPhoError('Tổ dân phố 99', groups)).not.toBeNull();
    expect(toDanPhoError('Tổ 5', undefined)).toBeNull();
    expect(toDanPhoError('Tổ 5', [])).toBeNull();
  });
});

describe('Markdown subset of the repository documents', () => {
  it('reads headings, paragraphs joined across lines, lists and bold', () => {
    const blocks = parseMarkdown('# Tiêu đề\n\nDòng một\ndòng hai.\n\n## Mục\n- **Một**: a\n- Hai\n\nCuối.');
    expect(blocks).toEqual([
      { kind: 'h1', text: 'Tiêu đề' },
      { kind: 'p', text: 'Dòng một dòng hai.' },
      { kind: 'h2', text: 'Mục' },
      { kind: 'ul', items: ['**Một**: a', 'Hai'] },
      { kind: 'p', text: 'Cuối.' },
    ]);
  });
});
