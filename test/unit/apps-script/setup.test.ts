// Menu and "Thiết lập sổ", driven through the BUILT bundle in a Node vm.
import { describe, expect, it } from 'vitest';
import { REGISTRY_SCHEMA_VERSION } from '../../../shared/schemas/registry';
import { loadAddon } from '../../fakes/addon-runtime';
import { snapshot, sheetRows } from './helpers';

const SHEETS = ['Danh mục', 'Tình nguyện viên', 'Tài khoản', 'Hồ sơ', 'Chỉ tiêu', 'Nhật ký', 'Mã truy cập', 'Tổng hợp', 'Chẩn đoán', 'Gói hướng dẫn'];

describe('menu', () => {
  it('builds the whole Vietnamese menu in AuthMode.NONE without touching authorized services', () => {
    const addon = loadAddon({ authMode: 'NONE' });
    addon.run('onOpen', { authMode: 'NONE' });
    expect(addon.gas.ui.captions()).toEqual([
      'Thiết lập sổ',
      'Nhập tài khoản và hồ sơ',
      'Kiểm tra dữ liệu',
      'Tìm trùng',
      'Tổng hợp và chỉ tiêu',
      'Báo cáo gửi nhóm Zalo',
      'Tình nguyện viên và mã truy cập',
      'Nhập từ tệp',
      'Nhật ký thay đổi và rà soát',
      'Chẩn đoán hướng dẫn',
      'Cài đặt bảo vệ dữ liệu',
    ]);
    // Every item points at a global function the bundle defines.
    const fns = addon.gas.ui.menus[0]!.items.flatMap((i) => (typeof i === 'object' && 'fn' in i ? [i.fn] : []));
    for (const fn of fns) expect(typeof addon.g[fn]).toBe('function');
    expect(addon.gas.counter.total).toBe(0);
  });

  it('onInstall builds the same menu', () => {
    const addon = loadAddon();
    addon.run('onInstall', { authMode: 'FULL' });
    expect(addon.gas.ui.captions()).toHaveLength(11);
  });

  it('each sidebar menu item opens the one inlined sidebar at its tab', () => {
    const addon = loadAddon();
    const tabs: Record<string, string> = {
      menuEntry: 'entry', menuCheckData: 'check', menuDuplicates: 'duplicates', menuSummary: 'summary', menuReport: 'report',
      menuAccessCodes: 'codes', menuImport: 'import', menuChangeLog: 'log', menuSettings: 'settings', menuDiagnostics: 'diagnostics',
    };
    for (const [fn, tab] of Object.entries(tabs)) {
      addon.run(fn);
      const html = addon.gas.ui.sidebars.at(-1)!;
      expect(html.getTitle()).toBe('Trợ lý DVC');
      expect(html.getContent()).toContain(`<div id="app" data-tab="${tab}"></div>`);
      expect(html.getContent()).not.toMatch(/<script[^>]+src=/);
    }
  });
});

describe('Thiết lập sổ', () => {
  it('creates every sheet with headers, frozen row, formats, dropdowns, protections and the schema version', () => {
    const addon = loadAddon();
    addon.run('menuSetUp');
    const ss = addon.gas.ss;
    for (const name of SHEETS) expect(ss.sheet(name), name).toBeTruthy();
    const acc = ss.sheet('Tài khoản')!;
    expect(acc.frozenRows).toBe(1);
    expect(acc.values[0]).toContain('CCCD (4 số cuối)');
    expect(acc.values[0]).toContain('Phiên bản nội dung đồng ý');
    // Text format keeps leading zeros and "+84…" as typed.
    const phoneCol = (acc.values[0] as string[]).indexOf('Số điện thoại') + 1;
    expect(acc.numberFormats.some((f) => f.col === phoneCol && f.value === '@')).toBe(true);
    // Dropdowns: tổ dân phố, procedures, statuses, apps come from the lists sheet.
    const filings = ss.sheet('Hồ sơ')!;
    const header = filings.values[0] as string[];
    const ruleFor = (sheet: typeof filings, h: string) => sheet.validations.find((v) => v.col === (sheet.values[0] as string[]).indexOf(h) + 1)?.value;
    expect(ruleFor(filings, 'Thủ tục (danh mục)')?.criteriaType).toBe('VALUE_IN_RANGE');
    expect(ruleFor(filings, 'Trạng thái')?.criteriaType).toBe('VALUE_IN_RANGE');
    expect(ruleFor(acc, 'Tổ dân phố')?.criteriaType).toBe('VALUE_IN_RANGE');
    expect(ruleFor(acc, 'Ứng dụng đã đăng ký')?.criteriaType).toBe('VALUE_IN_RANGE');
    expect(ruleFor(acc, 'Đã đồng ý')?.criteriaType).toBe('CHECKBOX');
    expect(header[0]).toBe('Mã bản ghi');
    const lists = sheetRows(ss, 'Danh mục');
    expect(lists.map((r) => r['Ứng dụng']).filter(Boolean)).toEqual(['Cổng DVC quốc gia/VNeID', 'Cổng DVC tỉnh', 'C-Thái Nguyên', 'Phổ Yên SmartCity']);
    expect(lists.some((r) => String(r['Thủ tục']).startsWith('III.2 — '))).toBe(true);
    expect(lists.map((r) => r['Trạng thái hồ sơ']).filter(Boolean)).toContain('Yêu cầu bổ sung');
    // Protected: id columns and the whole log; only the owner and the person who ran set-up may edit.
    const descs = ss.getProtections('RANGE').map((p) => p.description).concat(ss.getProtections('SHEET').map((p) => p.description));
    expect(descs.some((d) => d.includes('Mã bản ghi'))).toBe(true);
    expect(descs.some((d) => d.includes('Nhật ký'))).toBe(true);
    for (const p of [...ss.getProtections('RANGE'), ...ss.getProtections('SHEET')]) expect([...p.editors].sort()).toEqual(['owner@example.com', 'totruong@example.com']);
    expect(ss.sheet('Mã truy cập')!.hidden).toBe(true);
    expect(ss.metadata.find((m) => m.key === 'troLyDvc.schemaVersion')?.value).toBe(String(REGISTRY_SCHEMA_VERSION));
    expect(addon.gas.ui.alerts.at(-1)).toContain('Đã thiết lập sổ');
    expect(addon.gas.state.triggers.map((t) => t.handler)).toEqual(['onEditLogged', 'runRetentionPurge']);
  });

  it('running it again changes nothing', () => {
    const addon = loadAddon();
    addon.run('menuSetUp');
    addon.run('addVolunteer', { name: 'Lê Thị Hoa', toDanPho: 'Tổ dân phố 3' });
    const before = snapshot(addon.gas.ss);
    addon.gas.counter.reset();
    addon.run('menuSetUp');
    expect(snapshot(addon.gas.ss)).toBe(before);
    expect(addon.gas.counter.byMethod.get('Range.setValues') ?? 0).toBe(0);
    expect(addon.gas.state.triggers).toHaveLength(2);
    expect(addon.gas.ui.alerts.at(-1)).toContain('không có gì thay đổi');
  });

  it('keeps a ward-edited tổ dân phố list', () => {
    const addon = loadAddon();
    addon.run('menuSetUp');
    const lists = addon.gas.ss.sheet('Danh mục')!;
    lists.writeCells(2, 1, [['Tổ Đồng Tiến 1'], ['Tổ Đồng Tiến 2']]);
    addon.run('menuSetUp');
    expect(lists.cell(2, 1)).toBe('Tổ Đồng Tiến 1');
    expect(lists.cell(3, 1)).toBe('Tổ Đồng Tiến 2');
  });

  it('migrates a version-1 registry in place: every row kept, CCCD hashed, ids added', () => {
    const addon = loadAddon();
    const ss = addon.gas.ss;
    const old = ss.addSheetUncounted('Sổ tài khoản');
    old.writeCells(1, 1, [
      ['Họ và tên', 'Năm sinh', 'Tổ dân phố', 'Số CCCD', 'Số điện thoại', 'Ứng dụng', 'Ngày hỗ trợ', 'Tình nguyện viên', 'Đồng ý', 'Ghi chú'],
      ['Trần Văn Bình', 1975, 'Tổ dân phố 2', "'019075001234", "'0987654321", 'Cổng DVC quốc gia/VNeID', '2025-03-04', 'TNV-001', true, 'đã hướng dẫn'],
      ['Phạm Thị Cúc', 1990, 'Tổ dân phố 4', "'019190009876", '', 'C-Thái Nguyên', '2025-04-05', 'TNV-002', false, ''],
    ]);
    const oldFilings = ss.addSheetUncounted('Hồ sơ');
    oldFilings.writeCells(1, 1, [
      ['Họ và tên người dân', 'Tổ dân phố', 'Thủ tục', 'Mã hồ sơ', 'Ngày nộp', 'Trạng thái', 'Tình nguyện viên'],
      ['Trần Văn Bình', 'Tổ dân phố 2', '1.001193', 'H22.1-000777', '2025-03-05', 'Đã nộp', 'TNV-001'],
    ]);
    ss.addDeveloperMetadata('troLyDvc.schemaVersion', '1');
    addon.run('menuSetUp');
    const accounts = sheetRows(ss, 'Tài khoản');
    expect(ss.sheet('Sổ tài khoản')).toBeUndefined();
    expect(accounts).toHaveLength(2);
    expect(accounts[0]).toMatchObject({ 'Họ và tên': 'Trần Văn Bình', 'CCCD (4 số cuối)': '1234', 'Số CCCD đầy đủ': '', 'Số điện thoại': '+84987654321', 'Đã đồng ý': true, 'Ghi chú': 'đã hướng dẫn' });
    expect(String(accounts[0]!['Khoá tìm trùng CCCD'])).toMatch(/^h1:[0-9a-f]{32}$/);
    expect(String(accounts[0]!['Mã bản ghi'])).toMatch(/^[0-9a-f-]{36}$/);
    // The full number is nowhere in the spreadsheet any more.
    expect(JSON.stringify(ss.sheets.map((s) => s.values))).not.toContain('019075001234');
    const filings = sheetRows(ss, 'Hồ sơ');
    expect(filings).toHaveLength(1);
    expect(filings[0]).toMatchObject({ 'Thủ tục (danh mục)': expect.stringMatching(/^III\.2 — /), 'Mã TTHC': '1.001193', 'Mã hồ sơ': 'H22.1-000777' });
    expect(ss.metadata.find((m) => m.key === 'troLyDvc.schemaVersion')?.value).toBe(String(REGISTRY_SCHEMA_VERSION));
    expect(sheetRows(ss, 'Nhật ký').at(-1)!['Hành động']).toBe(`Chuyển sổ từ phiên bản 1 lên ${REGISTRY_SCHEMA_VERSION}`);
    expect(addon.gas.ui.alerts.at(-1)).toContain('giữ nguyên 2 tài khoản và 1 hồ sơ');
    // And then it is current: a second run changes nothing.
    const before = snapshot(ss);
    addon.run('menuSetUp');
    expect(snapshot(ss)).toBe(before);
  });

  it('refuses a registry made by a newer version, and actions refuse an unset registry', () => {
    const addon = loadAddon();
    expect(() => addon.run('checkData')).toThrow(/Sổ chưa được thiết lập/);
    addon.gas.ss.addDeveloperMetadata('troLyDvc.schemaVersion', String(REGISTRY_SCHEMA_VERSION + 1));
    expect(() => addon.run('menuSetUp')).toThrow(/phiên bản mới hơn/);
  });
});
