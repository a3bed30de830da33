// Entry form server side, check data, duplicates and merge — through the built bundle.
import { describe, expect, it } from 'vitest';
import { account, cccdFor, filing, setUpRegistry, sheetRows } from './helpers';

type Save = { ok: boolean; accountId: string; filingIds: string[]; errors: Record<string, string>; message: string };

describe('saveAccount (entry sidebar)', () => {
  it('adds an account and its filing in one batch per sheet, CCCD masked with a keyed hash', () => {
    const addon = setUpRegistry();
    addon.gas.counter.reset();
    const r = addon.run<Save>('saveAccount', { account: account(), filings: [filing()] });
    expect(r.ok).toBe(true);
    expect(r.message).toBe('Đã thêm tài khoản của Nguyễn Văn An và 1 hồ sơ.');
    expect(addon.gas.counter.byMethod.get('Range.setValues')).toBe(3); // accounts, filings, log
    const [row] = sheetRows(addon.gas.ss, 'Tài khoản');
    expect(row).toMatchObject({ 'CCCD (4 số cuối)': '3456', 'Số CCCD đầy đủ': '', 'Số điện thoại': '+84912345678', 'Nguồn': 'Biểu mẫu' });
    expect(JSON.stringify(addon.gas.ss.sheets.map((s) => s.values))).not.toContain(cccdFor(1980));
    const [f] = sheetRows(addon.gas.ss, 'Hồ sơ');
    expect(f).toMatchObject({ 'Mã tài khoản': r.accountId, 'Mã TTHC': '1.001193', 'Trạng thái': 'Đã nộp' });
  });

  it('grows a full sheet before appending (ranges past the grid are refused) and keeps text as text on the new rows', () => {
    const addon = setUpRegistry();
    const acc = addon.gas.ss.sheet('Tài khoản')!;
    expect(() => acc.getRange(acc.maxRows + 1, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    acc.maxRows = 1; // full: only the header row
    acc.numberFormats = []; // and the new rows carry no text format
    addon.gas.counter.reset();
    const r = addon.run<Save>('saveAccount', { account: account({ cccd: cccdFor(1980, '000123') }) });
    expect(r.ok).toBe(true);
    expect(addon.gas.counter.byMethod.get('Sheet.insertRowsAfter')).toBe(1);
    expect(acc.maxRows).toBeGreaterThan(2);
    // Without a text format the apostrophe keeps it "0123" (not the number 123) and the phone as text.
    expect(sheetRows(addon.gas.ss, 'Tài khoản')[0]!['CCCD (4 số cuối)']).toBe('0123');
    expect(sheetRows(addon.gas.ss, 'Tài khoản')[0]!['Số điện thoại']).toBe('+84912345678');
  });

  it('waits for the script lock the endpoint uses; if it stays busy, says so in Vietnamese and writes nothing', () => {
    const addon = setUpRegistry();
    addon.gas.state.lockHeld = true; // a volunteer's post is being appended
    expect(() => addon.run('saveAccount', { account: account() })).toThrow(/Sổ đang bận ghi dữ liệu khác/);
    expect(sheetRows(addon.gas.ss, 'Tài khoản')).toHaveLength(0);
    addon.gas.state.lockHeld = false;
    expect(addon.run<Save>('saveAccount', { account: account() }).ok).toBe(true);
    expect(addon.gas.state.lockHeld).toBe(false); // released after use
  });

  it('stores the full CCCD only when the ward turns full storage on', () => {
    const addon = setUpRegistry();
    expect(addon.run<{ ok: boolean }>('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: true, retentionMonths: 24, staleDays: 180 }).ok).toBe(true);
    addon.run('saveAccount', { account: account() });
    expect(sheetRows(addon.gas.ss, 'Tài khoản')[0]!['Số CCCD đầy đủ']).toBe(cccdFor(1980));
    // The log never shows it.
    expect(JSON.stringify(sheetRows(addon.gas.ss, 'Nhật ký'))).not.toContain(cccdFor(1980));
  });

  it('refuses bad input per field in Vietnamese and writes nothing', () => {
    const addon = setUpRegistry();
    const before = JSON.stringify(addon.gas.ss.sheets.map((s) => s.values));
    const r = addon.run<Save>('saveAccount', {
      account: account({ cccd: '01908012345', phone: '0212 345 678', fullName: 'A', createdOn: '2099-01-01' }),
      filings: [filing({ procedureId: 'IX.9', dossierCode: 'x' })],
    });
    expect(r.ok).toBe(false);
    expect(r.errors['account.cccd']).toContain('12 chữ số');
    expect(r.errors['account.phone']).toContain('máy bàn');
    expect(r.errors['account.fullName']).toBe('Họ và tên quá ngắn.');
    expect(r.errors['filings.0.procedureId']).toContain('không hợp lệ');
    expect(r.errors['filings.0.dossierCode']).toBe('Mã hồ sơ quá ngắn.');
    expect(JSON.stringify(addon.gas.ss.sheets.map((s) => s.values))).toBe(before);
  });

  it('refuses a CCCD whose birth year disagrees, an unknown tổ dân phố and a secret-looking note', () => {
    const addon = setUpRegistry();
    const r = addon.run<Save>('saveAccount', { account: account({ cccd: cccdFor(1990), toDanPho: 'Tổ 99', notes: 'mật khẩu: abc123' }) });
    expect(r.ok).toBe(false);
    expect(r.errors['account.notes']).toContain('mật khẩu');
    const r2 = addon.run<Save>('saveAccount', { account: account({ cccd: cccdFor(1990), toDanPho: 'Tổ 99' }) });
    expect(r2.errors['account.cccd']).toMatch(/năm sinh/i);
    expect(r2.errors['account.toDanPho']).toContain('không có trong danh mục');
    const r3 = addon.run<Save>('saveAccount', { account: { ...account(), password: 'x' } });
    expect(r3.ok).toBe(false);
    expect(Object.values(r3.errors).join(' ')).toContain('mật khẩu');
  });

  it('stores text starting with = + - @ as text, never as a formula', () => {
    const addon = setUpRegistry();
    const r = addon.run<Save>('saveAccount', { account: account({ notes: '=HYPERLINK("http://x","bấm")' }), filings: [filing({ notes: '+1 bản sao' })] });
    expect(r.ok).toBe(true);
    for (const s of addon.gas.ss.sheets) expect(s.formulas.flat().filter(Boolean)).toEqual([]);
    expect(sheetRows(addon.gas.ss, 'Tài khoản')[0]!['Ghi chú']).toBe('=HYPERLINK("http://x","bấm")');
    expect(sheetRows(addon.gas.ss, 'Hồ sơ')[0]!['Ghi chú']).toBe('+1 bản sao');
  });

  it('edits an account: keeps the CCCD when not re-entered, logs before/after with phones masked', () => {
    const addon = setUpRegistry();
    const r = addon.run<Save>('saveAccount', { account: account(), filings: [filing()] });
    const loaded = addon.run<Record<string, any>>('getAccount', r.accountId);
    expect(loaded).toMatchObject({ fullName: 'Nguyễn Văn An', cccdLast4: '3456', createdOn: '2026-11-20', apps: ['Cổng DVC quốc gia/VNeID'] });
    expect(loaded.cccd).toBeUndefined();
    expect(loaded.filings).toHaveLength(1);
    const edit = addon.run<Save>('saveAccount', {
      account: account({ id: r.accountId, cccd: undefined, phone: '0987 654 321', apps: ['Cổng DVC quốc gia/VNeID', 'C-Thái Nguyên'] }),
      filings: [filing({ id: r.filingIds[0], status: 'Đã trả kết quả' })],
    });
    expect(edit.ok).toBe(true);
    const rows = sheetRows(addon.gas.ss, 'Tài khoản');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'CCCD (4 số cuối)': '3456', 'Số điện thoại': '+84987654321', 'Ứng dụng đã đăng ký': 'Cổng DVC quốc gia/VNeID, C-Thái Nguyên' });
    expect(String(rows[0]!['Khoá tìm trùng CCCD'])).toMatch(/^h1:/);
    expect(sheetRows(addon.gas.ss, 'Hồ sơ')[0]!['Trạng thái']).toBe('Đã trả kết quả');
    const log = sheetRows(addon.gas.ss, 'Nhật ký');
    const editEntry = log.find((e) => e['Hành động'] === 'Sửa tài khoản')!;
    expect(JSON.parse(String(editEntry['Trước']))).toEqual({ phone: '+84 9•• ••• 678', apps: 'Cổng DVC quốc gia/VNeID' });
    expect(JSON.parse(String(editEntry['Sau']))).toEqual({ phone: '+84 9•• ••• 321', apps: 'Cổng DVC quốc gia/VNeID, C-Thái Nguyên' });
    expect(log.some((e) => e['Hành động'] === 'Sửa hồ sơ')).toBe(true);
    expect(addon.run<unknown[]>('findAccounts', 'nguyen van')).toHaveLength(1);
    expect(addon.run<unknown[]>('findAccounts', '3456')).toHaveLength(1);
  });
});

describe('checkData', () => {
  it('marks invalid cells with a note and colour, lists them with addresses, and clears its marks once fixed', () => {
    const addon = setUpRegistry();
    addon.run('saveAccount', { account: account(), filings: [filing()] });
    const acc = addon.gas.ss.sheet('Tài khoản')!;
    const header = acc.values[0] as string[];
    const col = (h: string) => header.indexOf(h) + 1;
    acc.writeCells(2, col('Số điện thoại'), [['0212345678']]);
    acc.writeCells(2, col('Năm sinh'), [[1850]]);
    acc.notes[1] = [];
    acc.notes[1]![col('Họ và tên') - 1] = 'ghi chú riêng của tổ trưởng';
    const fil = addon.gas.ss.sheet('Hồ sơ')!;
    fil.writeCells(2, (fil.values[0] as string[]).indexOf('Thủ tục (danh mục)') + 1, [['IV.99 — không có']]);
    const res = addon.run<{ issueCount: number; issues: Array<{ sheet: string; a1: string; message: string; column: string }> }>('checkData');
    const where = res.issues.map((i) => `${i.sheet}!${i.a1}`);
    expect(where).toContain(`Tài khoản!${String.fromCharCode(64 + col('Số điện thoại'))}2`);
    expect(where).toContain(`Tài khoản!${String.fromCharCode(64 + col('Năm sinh'))}2`);
    expect(res.issues.find((i) => i.column === 'Số điện thoại')!.message).toContain('máy bàn');
    expect(res.issues.find((i) => i.sheet === 'Hồ sơ')!.message).toContain('không có trong danh mục');
    expect(acc.backgrounds[1]![col('Số điện thoại') - 1]).toBe('#f4cccc');
    expect(acc.notes[1]![col('Năm sinh') - 1]).toContain('Năm sinh phải từ 1900');
    expect(acc.notes[1]![col('Họ và tên') - 1]).toBe('ghi chú riêng của tổ trưởng');
    // Targets are checked too.
    addon.gas.ss.sheet('Chỉ tiêu')!.writeCells(2, 1, [['Tổ dân phố 3', 'quý 4', -1, 5]]);
    const withTargets = addon.run<{ issues: Array<{ sheet: string; a1: string; message: string }> }>('checkData');
    expect(withTargets.issues.filter((i) => i.sheet === 'Chỉ tiêu').map((i) => `${i.a1} ${i.message}`)).toEqual([
      'B2 Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.',
      'C2 Chỉ tiêu phải là số nguyên không âm.',
    ]);
    addon.gas.ss.sheet('Chỉ tiêu')!.clearArea(2, 1, 1, 4, true);
    // Jump to the cell.
    addon.run('jumpToCell', 'Tài khoản', res.issues[0]!.a1);
    expect(addon.gas.ss.activeRange?.getA1Notation()).toBe(res.issues[0]!.a1);
    expect(() => addon.run('jumpToCell', 'Tài khoản', 'A1; x')).toThrow('Địa chỉ ô không hợp lệ.');
    // Fix and re-check: our marks go, the leader's own note stays.
    acc.writeCells(2, col('Số điện thoại'), [['+84912345678']]);
    acc.writeCells(2, col('Năm sinh'), [[1980]]);
    const again = addon.run<{ issues: Array<{ sheet: string }> }>('checkData');
    expect(again.issues.filter((i) => i.sheet === 'Tài khoản')).toEqual([]);
    expect(acc.backgrounds[1]![col('Số điện thoại') - 1]).toBe('#ffffff');
    expect(acc.notes[1]![col('Năm sinh') - 1]).toBe('');
    expect(acc.notes[1]![col('Họ và tên') - 1]).toBe('ghi chú riêng của tổ trưởng');
  });
});

describe('duplicates and merge', () => {
  it('lists pairs (same CCCD; same folded name + birth year + tổ) and merges keeping the older, moving filings, logging', () => {
    const addon = setUpRegistry();
    const older = addon.run<Save>('saveAccount', { account: account({ createdOn: '2026-10-01', phone: undefined }), filings: [filing()] });
    const newer = addon.run<Save>('saveAccount', { account: account({ createdOn: '2026-11-02', fullName: 'NGUYỄN VĂN AN' }), filings: [filing({ dossierCode: 'G22.99-2611-000999' })] });
    const third = addon.run<Save>('saveAccount', { account: account({ createdOn: '2026-11-03', fullName: 'Nguyen Van An', cccd: undefined }) });
    addon.run('saveAccount', { account: account({ fullName: 'Trần Thị Bình', cccd: cccdFor(1980, '999999') }) });
    const pairs = addon.run<Array<{ keep: { id: string }; drop: { id: string }; reason: string }>>('findDuplicates');
    expect(pairs.map((p) => [p.keep.id, p.drop.id])).toEqual(
      expect.arrayContaining([
        [older.accountId, newer.accountId],
        [older.accountId, third.accountId],
      ]),
    );
    expect(pairs).toHaveLength(2);
    expect(pairs.find((p) => p.drop.id === newer.accountId)!.reason).toBe('Cùng số CCCD');
    expect(pairs.find((p) => p.drop.id === third.accountId)!.reason).toBe('Cùng họ tên, năm sinh và tổ dân phố');
    // Ask to keep the newer one: the server still keeps the older.
    const m = addon.run<{ keptId: string; removedId: string; movedFilings: number; filledFields: string[] }>('mergeDuplicates', newer.accountId, older.accountId);
    expect(m).toMatchObject({ keptId: older.accountId, removedId: newer.accountId, movedFilings: 1 });
    expect(m.filledFields).toContain('phone');
    const rows = sheetRows(addon.gas.ss, 'Tài khoản');
    expect(rows.map((r) => r['Mã bản ghi'])).not.toContain(newer.accountId);
    expect(rows.find((r) => r['Mã bản ghi'] === older.accountId)!['Số điện thoại']).toBe('+84912345678');
    expect(sheetRows(addon.gas.ss, 'Hồ sơ').every((f) => f['Mã tài khoản'] === older.accountId)).toBe(true);
    const log = sheetRows(addon.gas.ss, 'Nhật ký');
    const entry = log.find((e) => e['Hành động'] === 'Gộp tài khoản trùng (giữ bản cũ)')!;
    expect(String(entry['Sau'])).toContain(newer.accountId);
    expect(String(entry['Sau'])).toContain('+84 9•• ••• 678');
    expect(addon.run<unknown[]>('findDuplicates')).toHaveLength(1);
    expect(() => addon.run('mergeDuplicates', newer.accountId, older.accountId)).toThrow(/Không tìm thấy/);
  });
});
