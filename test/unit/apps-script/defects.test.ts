// Issue 12's numbered defects, each through the BUILT bundle over the strict
// fake. (ADDON_DIR=<older dist/apps-script> runs them against an older build.)
import { describe, expect, it } from 'vitest';
import { SyncResponseSchema } from '../../../shared/schemas/sync';
import { loadAddon, readyRegistry } from '../../fakes/addon-runtime';
import { sampleFiling } from '../../fakes/sample-records';
import { account, cccdFor, consent, filing, setUpRegistry, sheetRows } from './helpers';

type Reg = ReturnType<typeof readyRegistry>;
const envelope = (code: string, records: unknown[], action: 'record' | 'hello' = 'record') => ({ v: 1, action, accessCode: code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records });
const rec = (over: Record<string, unknown> = {}, clientId: string = crypto.randomUUID()) => sampleFiling({ consent: consent(), ...over }, clientId);
const rows = (r: { gas: Reg['gas'] }, sheet: string) => sheetRows(r.gas.ss, sheet);
const actions = (r: { gas: Reg['gas'] }) => rows(r, 'Nhật ký').map((e) => String(e['Hành động']));
function colOf(r: { gas: Reg['gas'] }, sheet: string, header: string): number {
  return (r.gas.ss.sheet(sheet)!.values[0] as string[]).indexOf(header) + 1;
}

describe('1. writes are flushed before the lock is released', () => {
  it('a post arriving right after a sidebar write releases the lock does not overwrite its «Nhật ký» row', () => {
    const r = readyRegistry();
    let gapUsed = false;
    r.gas.state.afterRelease = () => {
      if (gapUsed) return;
      gapUsed = true;
      r.post('không phải json');
    };
    r.run('addVolunteer', { name: 'Đỗ Văn Hùng', toDanPho: 'Tổ dân phố 4' });
    r.gas.state.afterRelease = undefined;
    expect(gapUsed).toBe(true);
    expect(actions(r)).toEqual(expect.arrayContaining(['Thêm tình nguyện viên', 'Từ chối yêu cầu: không phải JSON']));
  });
});

describe('2. deeply nested JSON', () => {
  it('is refused as invalid (not retryable) with a log line, whatever the depth', () => {
    const r = readyRegistry();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const good = rec();
    const body = JSON.stringify(envelope(r.code, [good])).replace('"dvcqg"', `"dvcqg","extra":${deep}`);
    const res = r.post(body).body;
    expect(SyncResponseSchema.parse(res)).toMatchObject({ ok: false, error: { code: 'INVALID', retryable: false } });
    expect(res.error.message).toMatch(/lồng nhau quá sâu/);
    expect(actions(r).at(-1)).toMatch(/^Từ chối yêu cầu/);
    expect(rows(r, 'Hồ sơ')).toHaveLength(0);
  });
});

describe('3. a damaged registry', () => {
  it('«Nhật ký» deleted: nothing is written and the answer (not retryable) names the sheet and «Thiết lập sổ»', () => {
    const r = readyRegistry();
    r.gas.ss.sheets = r.gas.ss.sheets.filter((s) => s.name !== 'Nhật ký');
    const res = r.post(envelope(r.code, [rec()])).body;
    expect(SyncResponseSchema.parse(res)).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP', retryable: false } });
    expect(res.error.message).toContain('«Nhật ký»');
    expect(res.error.message).toContain('«Thiết lập sổ»');
    expect(rows(r, 'Hồ sơ')).toHaveLength(0);
    // «Thiết lập sổ» repairs it, and the same record then goes in once.
    r.run('menuSetUp');
    expect(r.post(envelope(r.code, [rec({}, 'b1f0c9f2-58a7-4a6c-9d4e-2f3a1b0c9d8e')])).body.results[0].status).toBe('created');
  });

  it('a renamed column: nothing is written and the answer says which column of which sheet', () => {
    const r = readyRegistry();
    const fil = r.gas.ss.sheet('Hồ sơ')!;
    fil.values[0]![colOf(r, 'Hồ sơ', 'Mã hồ sơ') - 1] = 'Mã HS';
    const res = r.post(envelope(r.code, [rec()])).body;
    expect(res.error).toMatchObject({ code: 'NOT_SET_UP', retryable: false });
    expect(res.error.message).toContain('«Hồ sơ» thiếu cột «Mã hồ sơ»');
    expect(rows(r, 'Hồ sơ')).toHaveLength(0);
    expect(actions(r).at(-1)).toMatch(/^Từ chối yêu cầu: sổ cần sửa/);
  });
});

describe('6. impossible dates', () => {
  it('are flagged by «Kiểm tra dữ liệu» and never counted as a month', () => {
    const a = setUpRegistry();
    a.run('saveAccount', { account: account({ createdOn: '2025-03-04' }), filings: [filing({ filedOn: '2025-03-05' })] });
    const acc = a.gas.ss.sheet('Tài khoản')!;
    const fil = a.gas.ss.sheet('Hồ sơ')!;
    acc.writeCells(2, colOf(a, 'Tài khoản', 'Ngày hỗ trợ'), [['31/02/2025']]);
    fil.writeCells(2, colOf(a, 'Hồ sơ', 'Ngày nộp'), [['2025-13-45']]);
    const res = a.run<{ issues: Array<{ column: string; message: string }> }>('checkData');
    expect(res.issues.find((i) => i.column === 'Ngày hỗ trợ')?.message).toBe('Ngày hỗ trợ không hợp lệ (dd/mm/yyyy).');
    expect(res.issues.find((i) => i.column === 'Ngày nộp')?.message).toBe('Ngày nộp không hợp lệ (dd/mm/yyyy).');
    const s = a.run<{ byMonth: Array<{ label: string }>; totals: { accounts: number; filings: number } }>('refreshSummary', '2025');
    expect(s.byMonth.map((m) => m.label)).toEqual([]);
    expect(s.totals).toEqual({ accounts: 0, filings: 0 });
  });
});

describe('8. a sheet trimmed to its columns, then missing one', () => {
  it('says «thiếu cột», not Sheets’ English "outside the dimensions"', () => {
    const a = setUpRegistry();
    const acc = a.gas.ss.sheet('Tài khoản')!;
    acc.maxCols = (acc.values[0] as string[]).length;
    acc.deleteColumns(colOf(a, 'Tài khoản', 'Ghi chú'), 1);
    expect(() => a.run('checkData')).toThrow('Trang tính «Tài khoản» thiếu cột «Ghi chú»');
  });
});

describe('10. clientId idempotency ignores letter case', () => {
  it('an upper-case UUID and its lower-case form are the same record', () => {
    const r = readyRegistry();
    const id = crypto.randomUUID();
    expect(r.post(envelope(r.code, [rec({}, id.toUpperCase())])).body.results).toEqual([{ clientId: id.toUpperCase(), status: 'created' }]);
    expect(r.post(envelope(r.code, [rec({}, id)])).body.results).toEqual([{ clientId: id, status: 'duplicate' }]);
    expect(rows(r, 'Hồ sơ').map((f) => f['Mã gửi từ tiện ích'])).toEqual([id]);
  });
});

describe('11. a present but malformed access code', () => {
  it('is "not right", not "missing"', () => {
    const r = readyRegistry();
    for (const code of ['abc', 'x'.repeat(200), 12345678]) {
      const res = r.post({ ...envelope(r.code, []), accessCode: code }).body;
      expect(res.error, String(code)).toMatchObject({ code: 'AUTH_WRONG', retryable: false });
      expect(res.error.message).not.toMatch(/Thiếu mã/);
      expect(res.error.message).toMatch(/không đúng/);
    }
    const { accessCode: _drop, ...noCode } = envelope(r.code, []);
    expect(r.post(noCode).body.error.code).toBe('AUTH_MISSING');
    expect(r.post({ ...noCode, accessCode: '' }).body.error.code).toBe('AUTH_MISSING');
  });
});

describe('13. cells that lost their text format', () => {
  it('are recognised: a phone or CCCD tail that lost its leading 0 is flagged clearly, and search still finds it', () => {
    const a = setUpRegistry();
    a.run('saveAccount', { account: account({ cccd: cccdFor(1980, '000123') }) });
    const acc = a.gas.ss.sheet('Tài khoản')!;
    acc.getRange(2, 1, 1, 19).clearFormat();
    acc.writeCells(2, colOf(a, 'Tài khoản', 'Số điện thoại'), [['0912345678']]);
    acc.writeCells(2, colOf(a, 'Tài khoản', 'CCCD (4 số cuối)'), [['0123']]);
    expect(acc.cell(2, colOf(a, 'Tài khoản', 'Số điện thoại'))).toBe(912345678);
    expect(acc.cell(2, colOf(a, 'Tài khoản', 'CCCD (4 số cuối)'))).toBe(123);
    const res = a.run<{ issues: Array<{ column: string; message: string }> }>('checkData');
    const lost = /mất định dạng văn bản/;
    expect(res.issues.find((i) => i.column === 'Số điện thoại')?.message).toMatch(lost);
    expect(res.issues.find((i) => i.column === 'Số điện thoại')?.message).toContain('0912345678');
    expect(res.issues.find((i) => i.column === 'CCCD (4 số cuối)')?.message).toMatch(lost);
    expect(a.run<unknown[]>('findAccounts', '0123')).toHaveLength(1);
  });
});

describe('14. text is stored right whether or not Sheets keeps an apostrophe in a plain-text cell', () => {
  for (const mode of ['kept', 'dropped'] as const) {
    it(`apostrophe ${mode}: phone, CCCD tail, procedure code and formula-like notes stored exactly, also in rows that lost their format`, () => {
      const a = loadAddon({ textApostrophe: mode });
      a.run('menuSetUp');
      a.run('addVolunteer', { name: 'Lê Thị Hoa', toDanPho: 'Tổ dân phố 3' });
      const acc = a.gas.ss.sheet('Tài khoản')!;
      acc.getRange(2, 1, 5, 19).clearFormat();
      a.run('saveAccount', { account: account({ cccd: cccdFor(1980, '000123'), notes: '=HYPERLINK("http://x","bấm")' }), filings: [filing({ notes: '+1 bản sao' })] });
      const [row] = rows(a, 'Tài khoản');
      expect(row).toMatchObject({ 'Số điện thoại': '+84912345678', 'CCCD (4 số cuối)': '0123', 'Ghi chú': '=HYPERLINK("http://x","bấm")' });
      expect(rows(a, 'Hồ sơ')[0]).toMatchObject({ 'Mã TTHC': '1.001193', 'Ghi chú': '+1 bản sao' });
      for (const s of a.gas.ss.sheets) expect(s.formulas.flat().filter(Boolean)).toEqual([]);
    });
  }
});

describe('4. nobody can lock the ward out', () => {
  it('500 wrong codes from one attacker, then a volunteer’s correct code is accepted; the refusals are logged without flooding', () => {
    const r = readyRegistry();
    const logBefore = rows(r, 'Nhật ký').length;
    for (let i = 0; i < 500; i++) {
      const guess = `DVC-${String(i).padStart(4, '0').replace(/[01]/g, 'A')}-AAAA-BBBB-CCCC-DDDD`;
      expect(r.post(envelope(guess, [], 'hello')).body.error.code).toMatch(/AUTH_WRONG|RATE_LIMITED/);
    }
    const res = r.post(envelope(r.code, [rec()])).body;
    expect(res.ok).toBe(true);
    expect(res.results[0].status).toBe('created');
    const refusals = rows(r, 'Nhật ký').slice(logBefore).filter((e) => String(e['Hành động']).startsWith('Từ chối yêu cầu'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.length).toBeLessThanOrEqual(15);
    expect(String(refusals.at(-1)!['Sau'])).toMatch(/lần từ chối thứ 500 trong 10 phút/);
  }, 120_000);

  it('one wrong code repeated is slowed down, yet never the correct code of another volunteer', () => {
    const r = readyRegistry();
    const other = r.run<{ code: string }>('issueAccessCode', r.volunteerId, 30).code;
    for (let i = 0; i < 10; i++) r.post(envelope('DVC-WRON-GWRO-NGWR-ONGW-RONG', [], 'hello'));
    expect(r.post(envelope('DVC-WRON-GWRO-NGWR-ONGW-RONG', [], 'hello')).body.error.code).toBe('RATE_LIMITED');
    expect(r.post(envelope(other, [], 'hello')).body.ok).toBe(true);
    expect(r.post(envelope(r.code, [], 'hello')).body.ok).toBe(true);
  });
});

describe('5. «Tổ dân phố» against «Danh mục»', () => {
  it('hello gives the ward’s list; records take a listed name however it is typed, in the ward’s spelling, and refuse others for good', () => {
    const r = readyRegistry();
    const hello = r.post(envelope(r.code, [], 'hello')).body;
    expect(hello.linked.groups).toEqual(Array.from({ length: 12 }, (_, i) => `Tổ dân phố ${i + 1}`));
    const typed = ['Tổ dân phố 5'.normalize('NFD'), 'tổ  dân phố 5', 'TỔ DÂN PHỐ 5'];
    const bad = ['Tổ dân phố 99', 'Tổ dân phố\u200b 5', 'X'];
    const { body } = r.post(envelope(r.code, [...typed, ...bad].map((t) => rec({ toDanPho: t }))));
    expect(body.results.map((x: { status: string }) => x.status)).toEqual(['created', 'created', 'created', 'rejected', 'rejected', 'rejected']);
    for (const x of body.results.slice(3)) expect(x.message).toMatch(/không có trong danh mục của phường/);
    expect(rows(r, 'Hồ sơ').map((f) => f['Tổ dân phố'])).toEqual(['Tổ dân phố 5', 'Tổ dân phố 5', 'Tổ dân phố 5']);
  });

  it('a hand edit of «Danh mục» reaches the endpoint (old and new tone placement match)', () => {
    const r = readyRegistry();
    const lists = r.gas.ss.sheet('Danh mục')!;
    lists.writeCells(14, 1, [['Tổ Hoà Bình']]);
    r.g.onEditLogged!({ range: lists.getRange('A14'), value: 'Tổ Hoà Bình', oldValue: '' });
    const { body } = r.post(envelope(r.code, [rec({ toDanPho: 'Tổ Hòa Bình' })]));
    expect(body.results[0].status).toBe('created');
    expect(rows(r, 'Hồ sơ')[0]!['Tổ dân phố']).toBe('Tổ Hoà Bình');
  });
});

describe('7. the spreadsheet’s own time zone', () => {
  it('dates are written and read as days in the spreadsheet’s zone, wherever it is', () => {
    for (const zone of ['America/New_York', 'Asia/Tokyo']) {
      const r = readyRegistry({ spreadsheetTimeZone: zone, toDanPho: 'Tổ dân phố 3' });
      r.post(envelope(r.code, [rec({ filedOn: '2026-01-20', toDanPho: 'Tổ dân phố 3' })]));
      r.run('saveAccount', { account: account({ createdOn: '2026-01-20', volunteerId: r.volunteerId }) });
      const fil = r.gas.ss.sheet('Hồ sơ')!;
      const acc = r.gas.ss.sheet('Tài khoản')!;
      expect(r.gas.ss.display(fil.cell(2, colOf(r, 'Hồ sơ', 'Ngày nộp'))), zone).toBe('20/01/2026');
      expect(r.gas.ss.display(acc.cell(2, colOf(r, 'Tài khoản', 'Ngày hỗ trợ'))), zone).toBe('20/01/2026');
      // A date typed by hand into the sheet counts in its own month.
      fil.writeCells(2, colOf(r, 'Hồ sơ', 'Ngày nộp'), [['01/02/2026']]);
      const s = r.run<{ byMonth: Array<{ label: string; filings: number }> }>('refreshSummary', '2026');
      expect(s.byMonth.find((m) => m.filings === 1)?.label, zone).toBe('2026-02');
      expect(r.run<{ filings: Array<{ filedOn: string }> }>('getAccount', sheetRows(r.gas.ss, 'Tài khoản')[0]!['Mã bản ghi']).filings).toEqual([]);
    }
  });
});

describe('9. saving settings', () => {
  it('a manager list too long to store is refused in Vietnamese before anything changes', () => {
    const a = setUpRegistry();
    const before = JSON.stringify([a.gas.ss.getProtections('RANGE').map((p) => [...p.editors]), [...a.gas.scriptProps.map.entries()]]);
    const managers = Array.from({ length: 50 }, (_, i) => `${'to.truong.'.repeat(18)}${i}@example.com`);
    const res = a.run<{ ok: boolean; errors: Record<string, string> }>('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 24, staleDays: 180, managers });
    expect(res.ok).toBe(false);
    expect(res.errors.managers).toBe('Email quá dài: mỗi địa chỉ tối đa 100 ký tự.');
    expect(JSON.stringify([a.gas.ss.getProtections('RANGE').map((p) => [...p.editors]), [...a.gas.scriptProps.map.entries()]])).toBe(before);
    // Saved first, then applied: the longest list that passes is stored and its editors set.
    const longest = Array.from({ length: 50 }, (_, i) => `${'t'.repeat(85)}${String(i).padStart(2, '0')}@example.com`);
    expect(a.run<{ ok: boolean }>('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 24, staleDays: 180, managers: longest }).ok).toBe(true);
    expect(a.run<{ managers: string[] }>('getSettings').managers).toHaveLength(50);
  });
});
