// Summary and targets, Zalo report, change log, edit trigger, audit view, retention purge.
import { describe, expect, it } from 'vitest';
import { account, cccdFor, filing, setUpRegistry, sheetRows } from './helpers';

function withData() {
  const a = setUpRegistry();
  a.run('addVolunteer', { name: 'Đỗ Văn Hùng', toDanPho: 'Tổ dân phố 4' });
  a.run('saveAccount', { account: account(), filings: [filing(), filing({ procedureId: 'II.1', dossierCode: 'H22-000002' })] });
  a.run('saveAccount', { account: account({ fullName: 'Trần Thị Bình', cccd: cccdFor(1980, '222222'), toDanPho: 'Tổ dân phố 4', volunteerId: 'TNV-002', apps: ['C-Thái Nguyên'] }), filings: [filing({ residentName: 'Trần Thị Bình', toDanPho: 'Tổ dân phố 4', volunteerId: 'TNV-002' })] });
  a.run('saveAccount', { account: account({ fullName: 'Lê Văn Cường', cccd: cccdFor(1980, '333333'), createdOn: '2026-10-05' }) });
  const targets = a.gas.ss.sheet('Chỉ tiêu')!;
  targets.writeCells(2, 1, [
    ['Tổ dân phố 3', '2026-11', 4, 5],
    ['Tổ dân phố 4', '2026-Q4', 2, 2],
  ]);
  return a;
}

describe('summary and targets', () => {
  it('counts per tổ, volunteer, procedure and month, progress in per cent, and a chart per tổ dân phố', () => {
    const a = withData();
    const s = a.run<any>('refreshSummary', '2026-11');
    expect(s.totals).toEqual({ accounts: 2, filings: 3 });
    expect(s.byToDanPho).toEqual([
      { label: 'Tổ dân phố 3', accounts: 1, filings: 2 },
      { label: 'Tổ dân phố 4', accounts: 1, filings: 1 },
    ]);
    expect(s.byVolunteer.map((v: { label: string }) => v.label)).toEqual(['Lê Thị Hoa (TNV-001)', 'Đỗ Văn Hùng (TNV-002)']);
    expect(s.byProcedure[0]).toEqual({ label: 'Thủ tục đăng ký khai sinh', filings: 2 });
    // One period: the November targets only (the quarter's target is a different period).
    expect(s.targets).toEqual([{ toDanPho: 'Tổ dân phố 3', period: '2026-11', accounts: 1, accountsTarget: 4, accountsPct: 25, filings: 2, filingsTarget: 5, filingsPct: 40 }]);
    expect(a.run<any>('refreshSummary', '2026-Q4').targets).toEqual([{ toDanPho: 'Tổ dân phố 4', period: '2026-Q4', accounts: 1, accountsTarget: 2, accountsPct: 50, filings: 1, filingsTarget: 2, filingsPct: 50 }]);
    a.run('refreshSummary', '2026-11');
    const sheet = a.gas.ss.sheet('Tổng hợp')!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]!.type).toBe('BAR');
    expect(sheet.charts[0]!.ranges[0]!.getA1Notation()).toBe('A4:C5');
    expect(sheet.cell(5, 1)).toBe('Tổ dân phố 3 (2026-11)');
    expect(sheet.cell(5, 2)).toBe(25);
    // Refreshing again updates the same chart.
    a.run('refreshSummary', '2026');
    expect(sheet.charts).toHaveLength(1);
    expect(() => a.run('refreshSummary', 'tháng 11')).toThrow('Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.');
  });

  it('builds the plain-text Zalo report for a period', () => {
    const a = withData();
    const text = a.run<string>('buildZaloReport', '2026-11');
    expect(text).toContain('PHƯỜNG ĐỒNG TIẾN');
    expect(text).toContain('Kỳ báo cáo: tháng 11/2026');
    expect(text).toContain('1. Tài khoản đã hỗ trợ người dân tạo: 2');
    expect(text).toContain('2. Hồ sơ trực tuyến đã nộp: 3');
    expect(text).toContain('Tổ dân phố 3 (tháng 11/2026): tài khoản 1/4 (25%), hồ sơ 2/5 (40%)');
    expect(text).toContain('4. Nhu cầu nhiều nhất: Thủ tục đăng ký khai sinh (2)');
    expect(text).not.toMatch(/\+84|\d{12}/);
  });
});

describe('change log and audit', () => {
  it('an installable edit trigger logs manual edits with ID numbers and phones masked', () => {
    const a = withData();
    // «Thiết lập sổ» already installed both; the sidebar button changes nothing then.
    expect(a.run<{ made: string[] }>('installTriggers').made).toHaveLength(0);
    expect(a.gas.state.triggers.map((t) => [t.handler, t.eventType])).toEqual([['onEditLogged', 'ON_EDIT'], ['runRetentionPurge', 'CLOCK']]);
    const sheet = a.gas.ss.sheet('Tài khoản')!;
    const range = sheet.getRange('J2');
    a.g.onEditLogged!({ range, value: '0987654321', oldValue: '+84912345678', user: { getEmail: () => 'canbo@example.com' } });
    a.g.onEditLogged!({ range: sheet.getRange('C2'), value: 'CCCD 019080123456', oldValue: '' });
    a.g.onEditLogged!({ range: a.gas.ss.sheet('Nhật ký')!.getRange('A2'), value: 'x' });
    const log = sheetRows(a.gas.ss, 'Nhật ký').filter((e) => e['Nguồn'] === 'Sửa tay');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ 'Người thực hiện': 'canbo@example.com', 'Trang tính': 'Tài khoản', 'Bản ghi / ô': 'J2' });
    expect(String(log[0]!['Sau'])).not.toContain('0987654321');
    expect(String(log[0]!['Trước'])).not.toContain('912345678');
    expect(String(log[1]!['Sau'])).toBe('CCCD ••••••••3456');
  });

  it('lists the change log newest first, and the staff audit view', () => {
    const a = withData();
    const log = a.run<Array<Record<string, string>>>('getChangeLog', 3);
    expect(log).toHaveLength(3);
    expect(log[0]!.action).toBe('Thêm tài khoản');
    // One account without consent, one without filing, one stale.
    const acc = a.gas.ss.sheet('Tài khoản')!;
    const h = acc.values[0] as string[];
    acc.writeCells(2, h.indexOf('Đã đồng ý') + 1, [[false]]);
    acc.writeCells(3, h.indexOf('Cập nhật lúc') + 1, [['2020-01-01T00:00:00+07:00']]);
    const audit = a.run<any>('getAuditView');
    expect(audit.counts).toEqual({ noConsent: 1, noFiling: 1, stale: 1 });
    expect(audit.noConsent[0]).toMatchObject({ fullName: 'Nguyễn Văn An', a1: 'A2' });
    expect(audit.noFiling[0]).toMatchObject({ fullName: 'Lê Văn Cường' });
    expect(audit.stale[0]).toMatchObject({ fullName: 'Trần Thị Bình' });
  });
});

describe('privacy settings and retention', () => {
  it('validates settings in Vietnamese and purges personal data past the retention period, keeping the counts', () => {
    const a = withData();
    const secret = a.run<{ ok: boolean; errors: Record<string, string> }>('saveAccount', { account: account({ fullName: 'Đỗ Thị Mai', cccd: undefined }), filings: [filing({ dossierCode: 'OTP 123456' })] });
    expect(secret.ok).toBe(false);
    expect(secret.errors['filings.0.dossierCode']).toContain('mật khẩu, mã OTP');
    const bad = a.run<{ ok: boolean; errors: Record<string, string> }>('saveSettings', { ward: '', fullCccd: false, retentionMonths: 24, staleDays: 180 });
    expect(bad.ok).toBe(false);
    expect(bad.errors.ward).toBe('Nhập tên phường.');
    // Older data: the October account is purged with a retention of 1 month (today is after 2026-11-27).
    a.run('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 1, staleDays: 180 });
    const log = a.gas.ss.sheet('Nhật ký')!;
    const oldRow = log.lastRowIndex() + 1;
    log.writeCells(oldRow, 1, [['2025-01-02T08:00:00+07:00', 'x@example.com', 'Tiện ích bổ sung', 'Thêm tài khoản', 'Tài khoản', 'id-cu', '', '{"fullName":"Người Cũ"}']]);
    const res = a.run<{ accounts: number; filings: number; logEntries: number }>('purgeExpiredData');
    expect(res.accounts).toBeGreaterThanOrEqual(1);
    expect(res.logEntries).toBe(1);
    expect(log.cell(oldRow, 7)).toBe('(đã xoá theo thời hạn lưu)');
    expect(log.cell(oldRow, 8)).toBe('');
    expect(log.cell(oldRow, 4)).toBe('Thêm tài khoản');
    const purged = sheetRows(a.gas.ss, 'Tài khoản').find((r) => r['Họ và tên'] === '(đã xoá theo thời hạn lưu)')!;
    expect(purged).toMatchObject({ 'Số điện thoại': '', 'CCCD (4 số cuối)': '', 'Khoá tìm trùng CCCD': '', 'Năm sinh': '', 'Tổ dân phố': 'Tổ dân phố 3' });
    expect(a.run<any>('refreshSummary', '2026').totals.accounts).toBe(3);
    expect(sheetRows(a.gas.ss, 'Nhật ký').at(-1)!['Hành động']).toBe('Xoá dữ liệu cá nhân quá thời hạn lưu');
    expect(a.run<{ accounts: number }>('purgeExpiredData').accounts).toBe(0);
  });

  it('keeps the CCCD secret in script properties, never in the sheet', () => {
    const a = withData();
    const secret = a.gas.scriptProps.map.get('TRO_LY_DVC_CCCD_SECRET')!;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a.gas.ss.sheets.map((s) => s.values))).not.toContain(secret);
  });
});
