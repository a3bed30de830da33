import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { SeenCodes } from '../../../extension/engine/capture';
import { checkCode, codeInText, normaliseCode } from '../../../extension/engine/code-check';
import { DOSSIER } from '../../../shared/schemas/rules';

const PAGE = 'Nộp hồ sơ thành công\nSố hồ sơ: H12.34-251201-0001\nCơ quan tiếp nhận: UBND phường Đồng Tiến';

describe('dossier code on the page', () => {
  it('normalises spaces, case and composition', () => {
    expect(normaliseCode('  h12.34 - 251201-0001 ')).toBe('h12.34-251201-0001');
    // "Ế" typed decomposed (E + circumflex + acute) equals the composed letter.
    expect(normaliseCode('HỒ-E\u0302\u0301-1')).toBe(normaliseCode('hồ-ế-1'));
  });

  it('finds the code whatever the spacing and case', () => {
    expect(codeInText('H12.34-251201-0001', PAGE)).toBe(true);
    expect(codeInText(' h12.34-251201-0001 ', PAGE)).toBe(true);
    expect(codeInText('H12.34 - 251201 - 0001', PAGE)).toBe(true);
    // A page that breaks the code across lines or with a no-break space.
    expect(codeInText('H12.34-251201-0001', 'Số hồ sơ:\u00a0H12.34-\n251201-0001.')).toBe(true);
    expect(codeInText('G22.99.08-260921-896048', 'Số hồ sơ: G22.99.08-260921-896048, ngày hẹn trả')).toBe(true);
  });

  it('does not find a code the page does not show', () => {
    expect(codeInText('abc 123', PAGE)).toBe(false);
    expect(codeInText('H12.34-251201-0002', PAGE)).toBe(false);
    expect(codeInText('', PAGE)).toBe(false);
    expect(codeInText('   ', PAGE)).toBe(false);
  });

  it('never counts part of a longer code', () => {
    expect(codeInText('H12.34-251201-0001', 'Số hồ sơ: H12.34-251201-00012')).toBe(false);
    expect(codeInText('H12.34-251201-0001', 'Số hồ sơ: XH12.34-251201-0001')).toBe(false);
    expect(codeInText('H12.34-251201-0001', 'Số hồ sơ: 000.H12.34-251201-0001')).toBe(false);
    expect(codeInText('H12.34-251201-0001', 'Số hồ sơ: H12.34-251201-0001/2')).toBe(false);
    expect(codeInText('251201-0001', PAGE)).toBe(false);
    expect(codeInText('H12.34', PAGE)).toBe(false);
    // …but punctuation around it is not part of it.
    expect(codeInText('H12.34-251201-0001', '(H12.34-251201-0001).')).toBe(true);
  });

  it('treats regex characters in the typed code as text', () => {
    expect(codeInText('H1.34', 'Số hồ sơ: H1x34')).toBe(false);
    expect(codeInText('a+b(1)', 'a+b(1)')).toBe(true);
  });
});

describe('checkCode', () => {
  it('accepts a code on the page, or one the page suggested earlier (a toast now gone)', () => {
    expect(checkCode('H12.34-251201-0001', PAGE)).toEqual({ ok: true });
    expect(checkCode('g22.99-000555', 'Trang chủ', ['G22.99-000555'])).toEqual({ ok: true });
  });

  it('warns about a code the page does not show, quoting it', () => {
    expect(checkCode(' abc 123 ', PAGE)).toEqual({ ok: false, shape: false, message: 'Mã “abc 123” không có trên trang này. Hãy so lại với mã cổng hiện trên màn hình.' });
    expect(checkCode('H12.34-251201-0001', 'Số hồ sơ: H12.34-251201-00012', ['H12.34-251201-00012'])).toMatchObject({ ok: false, shape: false });
  });

  it('refuses, with its own message, a code of a shape the registry refuses', () => {
    expect(checkCode('H12#34-0001', 'H12#34-0001')).toEqual({ ok: false, shape: true, message: DOSSIER.badChars });
    expect(checkCode('a1', 'a1')).toEqual({ ok: false, shape: true, message: DOSSIER.tooShort });
    expect(checkCode('1'.repeat(61), '1'.repeat(61))).toEqual({ ok: false, shape: true, message: DOSSIER.tooLong });
  });
});

describe('codes the page suggested during the step', () => {
  const capture = { labels: ['Số hồ sơ'] };
  it('keeps a code shown in a toast that has gone, for this step only', () => {
    const { document } = new JSDOM('<body><div class="Toastify"><p>Số hồ sơ: G22.99-000555</p></div></body>').window;
    const seen = new SeenCodes();
    const label = document.querySelector('p')!;
    expect(seen.suggest('s|9', capture, label, document)).toEqual({ dossierCode: 'G22.99-000555', dueOn: null, seen: ['G22.99-000555'] });
    label.remove();
    expect(seen.suggest('s|9', capture, null, document)).toEqual({ dossierCode: 'G22.99-000555', dueOn: null, seen: ['G22.99-000555'] });
    expect(checkCode('G22.99-000555', document.body.textContent ?? '', seen.suggest('s|9', capture, null, document).seen)).toEqual({ ok: true });
    // Another step (or session): forgotten.
    expect(seen.suggest('s|10', capture, null, document)).toEqual({ dossierCode: null, dueOn: null, seen: [] });
  });
});
