// The built sidebar (dist/apps-script/Sidebar.html) in real Chromium, with
// google.script.run bridged over HTTPS to the BUILT server bundle running in a
// Node vm over the in-memory spreadsheet. Needs `npm run build:addon`.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Addon } from '../fakes/addon-runtime';
import { contrast, rows, useSidebar } from './addon-sidebar-harness';
import { sampleDiagnostic } from '../fakes/sample-records';
import { samplePackText } from '../fakes/sample-pack';

describe('add-on sidebar in real Chromium', () => {
  const h = useSidebar();
  const open = h.open;
  let addon: Addon;
  let calls: string[];
  beforeEach(() => {
    addon = h.addon;
    calls = h.calls;
  });

  it('adds a resident with a filing after showing field errors for a bad CCCD and phone, then edits and shows the log entry', async () => {
    const p = await open();
    await p.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await p.getByLabel('Năm sinh').fill('1980');
    await p.getByLabel('Giới tính').selectOption('Nam');
    await p.getByLabel('Tổ dân phố').selectOption('Tổ dân phố 3');
    await p.getByLabel('Số CCCD').fill('01908012345');
    await p.getByLabel('Số điện thoại di động').fill('0212 345 678');
    await p.getByLabel('Cổng DVC quốc gia/VNeID').check();
    await p.getByLabel('Tình nguyện viên').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Thêm hồ sơ' }).click();
    await p.getByLabel('Thủ tục').selectOption('III.2');
    await p.getByLabel('Mã hồ sơ').fill('G22.99-2611-000123');
    await p.getByRole('button', { name: 'Ghi vào sổ' }).click();

    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('trường chưa hợp lệ');
    const cccd = p.getByLabel('Số CCCD');
    expect(await cccd.getAttribute('aria-invalid')).toBe('true');
    expect(await p.locator('#cccd-error').textContent()).toContain('phải gồm đúng 12 chữ số');
    expect(await p.getByLabel('Số điện thoại di động').getAttribute('aria-invalid')).toBe('true');
    expect(await p.locator('#phone-error').textContent()).toContain('máy bàn');
    expect(await p.locator('#consent-error').textContent()).toContain('Cần có sự đồng ý');
    // The first invalid field has the focus; nothing reached the server.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(calls).not.toContain('saveAccount');
    expect(rows(addon, 'Tài khoản')).toHaveLength(0);

    await cccd.fill('019080123456');
    await p.getByLabel('Số điện thoại di động').fill('0912 345 678');
    await p.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    await p.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã thêm tài khoản của Nguyễn Văn An và 1 hồ sơ.');
    const [acc] = rows(addon, 'Tài khoản');
    expect(acc).toMatchObject({ 'Họ và tên': 'Nguyễn Văn An', 'CCCD (4 số cuối)': '3456', 'Số điện thoại': '+84912345678', 'Đã đồng ý': true });
    expect(rows(addon, 'Hồ sơ')[0]).toMatchObject({ 'Mã hồ sơ': 'G22.99-2611-000123', 'Mã TTHC': '1.001193' });

    // Edit: find, load, change the phone, save.
    await p.getByLabel('Tìm tài khoản để sửa').fill('nguyen van');
    await p.getByRole('button', { name: 'Tìm', exact: true }).click();
    await p.getByRole('button', { name: 'Sửa Nguyễn Văn An' }).click();
    await expect.poll(() => p.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
    expect(await p.getByLabel('Số CCCD').inputValue()).toBe('');
    await p.getByLabel('Số điện thoại di động').fill('0987 654 321');
    await p.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã lưu thay đổi cho Nguyễn Văn An.');
    expect(rows(addon, 'Tài khoản')).toHaveLength(1);
    expect(rows(addon, 'Tài khoản')[0]!['Số điện thoại']).toBe('+84987654321');
    expect(rows(addon, 'Tài khoản')[0]!['CCCD (4 số cuối)']).toBe('3456');

    await p.getByRole('tab', { name: 'Nhật ký' }).click();
    await p.getByRole('button', { name: 'Xem nhật ký gần đây' }).click();
    const table = p.getByRole('list', { name: 'Nhật ký gần đây' });
    await expect.poll(() => table.textContent()).toContain('Sửa tài khoản');
    const text = (await table.textContent())!;
    expect(text).toContain('+84 9•• ••• 678');
    expect(text).toContain('+84 9•• ••• 321');
    expect(text).not.toContain('0987654321');
    expect(text).not.toContain('019080123456');
    expect(h.errors).toEqual([]);
    await p.close();
  });

  it('check data lists invalid cells and jumps to them', async () => {
    addon.run('saveAccount', {
      account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ dân phố 3', apps: ['C-Thái Nguyên'], createdOn: '2026-11-20', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2026-11-20T09:00:00+07:00' } },
    });
    const acc = addon.gas.ss.sheet('Tài khoản')!;
    acc.writeCells(2, (acc.values[0] as string[]).indexOf('Số điện thoại') + 1, [['0123']]);
    const p = await open('menuCheckData');
    await p.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('có 1 ô cần sửa');
    const list = p.getByRole('list', { name: 'Các ô cần sửa' });
    expect(await list.textContent()).toContain('Số điện thoại');
    await list.getByRole('button').first().click();
    await expect.poll(() => addon.gas.ss.activeRange?.getA1Notation()).toBe('J2');
    await p.close();
  });

  it('issues an access code shown once, lists it, revokes it', async () => {
    const p = await open('menuAccessCodes');
    await p.getByLabel('Tình nguyện viên nhận mã').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Cấp mã' }).click();
    const code = (await p.getByTestId('issued-code').textContent())!.trim();
    expect(code).toMatch(/^DVC(-[A-Z2-9]{4}){5}$/);
    expect(JSON.stringify(addon.gas.ss.sheet('Mã truy cập')!.values)).not.toContain(code);
    await p.getByRole('button', { name: 'Đã ghi nhận, ẩn mã' }).click();
    expect(await p.getByTestId('issued-code').count()).toBe(0);
    await p.getByRole('button', { name: 'Xem danh sách mã' }).click();
    const list = p.getByRole('list', { name: 'Các mã đã cấp' });
    await expect.poll(() => list.textContent()).toContain('Đang dùng');
    await list.getByRole('button', { name: /^Thu hồi/ }).click();
    // Asked first, saying what will happen; nothing revoked yet.
    const confirm = list.getByRole('group', { name: /Xác nhận thu hồi/ });
    expect(await confirm.textContent()).toContain('không gửi được vào sổ nữa');
    expect(addon.run<Array<{ state: string }>>('listAccessCodes')[0]!.state).toBe('Đang dùng');
    await confirm.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect.poll(() => list.textContent()).toContain('Đã thu hồi');
    await p.close();
  });

  it('a leader not in «Người quản lý sổ» is told whom to ask, nothing is written; the owner adds them in Cài đặt and the same action succeeds', async () => {
    addon.actAs('totruong2@example.com');
    let p = await open('menuAccessCodes');
    const before = JSON.stringify(addon.gas.ss.sheets.map((s) => s.values));
    await p.getByLabel('Tình nguyện viên nhận mã').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Cấp mã' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Nhờ chủ sổ thêm email của bạn vào «Người quản lý sổ» trong Cài đặt rồi chạy lại «Thiết lập sổ»');
    expect(await p.getByRole('alert').first().textContent()).toContain('totruong2@example.com');
    expect(await p.getByTestId('issued-code').count()).toBe(0);
    expect(JSON.stringify(addon.gas.ss.sheets.map((s) => s.values))).toBe(before);
    await p.close();

    addon.actAs('owner@example.com');
    p = await open('menuSettings');
    const managers = p.getByLabel(/Người quản lý sổ/);
    expect(await managers.inputValue()).toBe('totruong@example.com');
    await managers.fill('totruong@example.com\ntotruong2@');
    await p.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => p.locator('#managers-error').textContent()).toContain('Email không hợp lệ: totruong2@');
    expect(await managers.getAttribute('aria-invalid')).toBe('true');
    await managers.fill('totruong@example.com\nTotruong2@example.com');
    await p.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => p.getByRole('region', { name: 'Cài đặt bảo vệ dữ liệu' }).getByRole('status').last().textContent()).toMatch(/Đã lưu cài đặt và cập nhật quyền sửa \d+ vùng được bảo vệ\./);
    await p.close();

    addon.actAs('totruong2@example.com');
    p = await open('menuAccessCodes');
    await p.getByLabel('Tình nguyện viên nhận mã').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Cấp mã' }).click();
    expect((await p.getByTestId('issued-code').textContent())!.trim()).toMatch(/^DVC(-[A-Z2-9]{4}){5}$/);
    expect(rows(addon, 'Nhật ký').at(-1)).toMatchObject({ 'Người thực hiện': 'totruong2@example.com', 'Hành động': 'Cấp mã truy cập' });
    expect(h.errors).toEqual([]);
    await p.close();
  });

  it('finds a duplicate pair and merges it after confirmation; builds the Zalo report; imports an outbox file', async () => {
    const consent = { given: true, textVersion: 'v1-2026-11', at: '2026-11-20T09:00:00+07:00' };
    const base = { fullName: 'Phạm Văn Dũng', birthYear: 1970, toDanPho: 'Tổ dân phố 3', apps: ['Cổng DVC tỉnh'], volunteerId: 'TNV-001', consent };
    addon.run('saveAccount', { account: { ...base, createdOn: '2026-10-01' } });
    addon.run('saveAccount', { account: { ...base, fullName: 'PHAM VAN DUNG', createdOn: '2026-11-05', phone: '0912345678' } });
    const p = await open('menuDuplicates');
    await p.getByRole('button', { name: 'Tìm trùng' }).click();
    const pairs = p.getByRole('list', { name: 'Các cặp có thể trùng' });
    await expect.poll(() => pairs.textContent()).toContain('Cùng họ tên, năm sinh và tổ dân phố');
    expect(await pairs.textContent()).toContain('Giữ: Phạm Văn Dũng');
    await pairs.getByRole('button', { name: 'Gộp cặp này' }).click();
    expect(rows(addon, 'Tài khoản')).toHaveLength(2); // nothing yet: a second click confirms
    await pairs.getByRole('button', { name: 'Xác nhận gộp' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã gộp');
    expect(rows(addon, 'Tài khoản')).toHaveLength(1);
    expect(rows(addon, 'Tài khoản')[0]).toMatchObject({ 'Họ và tên': 'Phạm Văn Dũng', 'Số điện thoại': '+84912345678' });

    await p.getByRole('tab', { name: 'Báo cáo Zalo' }).click();
    await p.getByLabel('Kỳ').fill('2026');
    await p.getByRole('button', { name: 'Tạo báo cáo' }).click();
    await expect.poll(() => p.getByLabel('Nội dung báo cáo').inputValue()).toContain('Tài khoản đã hỗ trợ người dân tạo: 1');
    expect(await p.getByLabel('Nội dung báo cáo').inputValue()).toContain('Kỳ báo cáo: năm 2026');

    await p.getByRole('tab', { name: 'Nhập từ tệp' }).click();
    const clientId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const file = { v: 1, kind: 'tro-ly-dvc-outbox', exportedAt: '2026-11-21T08:00:00+07:00', client: { app: 'tro-ly-dvc-extension', version: '0.1.0' }, records: [
      { clientId, kind: 'filing', filing: { residentName: 'Phạm Văn Dũng', toDanPho: 'Tổ dân phố 3', procedureId: 'III.2', procedureCode: '1.001193', dossierCode: 'G22.99-000777', filedOn: '2026-11-20', portal: 'dvcqg', status: 'Đã nộp', consent } },
    ] };
    await p.getByLabel('Tệp hàng chờ (.json)').setInputFiles({ name: 'hang-cho.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await p.getByLabel('Tình nguyện viên đã gửi tệp').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Nhập tệp' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã nhập 1 bản ghi mới (1 hồ sơ).');
    await p.getByRole('button', { name: 'Nhập tệp' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('bỏ qua 1 bản ghi đã có');
    expect(rows(addon, 'Hồ sơ').map((r) => r['Mã gửi từ tiện ích'])).toEqual([clientId]);
    expect(h.errors).toEqual([]);
    await p.close();
  });

  it('asks before «Xoá dữ liệu quá hạn ngay», saying what will happen; an error shows under the control used, with the focus', async () => {
    addon.run('saveAccount', { account: { fullName: 'Người Cũ', birthYear: 1960, toDanPho: 'Tổ dân phố 3', apps: ['C-Thái Nguyên'], createdOn: '2025-01-05', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2025-01-05T09:00:00+07:00' } } });
    addon.run('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 6, staleDays: 180 });
    let p = await open('menuSettings');
    await p.getByRole('button', { name: 'Xoá dữ liệu quá hạn ngay' }).click();
    const confirm = p.getByRole('group', { name: 'Xác nhận xoá dữ liệu quá hạn' });
    expect(await confirm.textContent()).toContain('cũ hơn 6 tháng');
    expect(await confirm.textContent()).toContain('Không hoàn tác được');
    expect(rows(addon, 'Tài khoản')[0]!['Họ và tên']).toBe('Người Cũ');
    await confirm.getByRole('button', { name: 'Xác nhận xoá' }).click();
    await expect.poll(() => p.getByRole('region', { name: 'Cài đặt bảo vệ dữ liệu' }).getByRole('status').last().textContent()).toContain('Đã xoá dữ liệu cá nhân trước');
    expect(rows(addon, 'Tài khoản')[0]!['Họ và tên']).toBe('(đã xoá theo thời hạn lưu)');
    await p.close();

    // A leader not yet allowed to write: the refusal appears right under «Cấp mã», and has the focus.
    addon.actAs('totruong2@example.com');
    p = await open('menuAccessCodes');
    await p.getByLabel('Tình nguyện viên nhận mã').selectOption('TNV-001');
    await p.getByRole('button', { name: 'Cấp mã' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await p.evaluate(() => document.activeElement?.previousElementSibling?.textContent?.trim())).toBe('Cấp mã');
    await p.close();
  });

  it('«Nhật ký» reads as plain Vietnamese and fits a 300 px sidebar', async () => {
    const r = addon.run<{ accountId: string }>('saveAccount', { account: { fullName: 'Nguyễn Văn An', birthYear: 1980, toDanPho: 'Tổ dân phố 3', phone: '0912 345 678', apps: ['C-Thái Nguyên'], createdOn: '2026-01-05', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2026-01-05T09:00:00+07:00' } } });
    addon.run('saveAccount', { account: { id: r.accountId, fullName: 'Nguyễn Văn An', birthYear: 1980, toDanPho: 'Tổ dân phố 3', phone: '0987 654 321', apps: ['C-Thái Nguyên'], createdOn: '2026-01-05', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2026-01-05T09:00:00+07:00' } } });
    const p = await open('menuChangeLog');
    await p.setViewportSize({ width: 300, height: 800 });
    await p.getByRole('button', { name: 'Xem nhật ký gần đây' }).click();
    const list = p.getByRole('list', { name: 'Nhật ký gần đây' });
    await expect.poll(() => list.textContent()).toContain('Sửa tài khoản');
    const text = (await list.textContent())!;
    expect(text).toContain('Số điện thoại: +84 9•• ••• 678 → +84 9•• ••• 321');
    expect(text).not.toMatch(/[{}"]|\bphone\b|\bfullName\b|\bupdatedAt\b/);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await p.close();
  });

  it('«Tổng hợp» and the Zalo report show one period with the same numbers', async () => {
    addon.run('saveAccount', { account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ dân phố 3', apps: ['C-Thái Nguyên'], createdOn: '2025-11-05', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2025-11-05T09:00:00+07:00' } } });
    addon.run('saveAccount', { account: { fullName: 'Lê Văn Cường', birthYear: 1970, toDanPho: 'Tổ dân phố 3', apps: ['C-Thái Nguyên'], createdOn: '2025-12-05', volunteerId: 'TNV-001', consent: { given: true, textVersion: 'v1-2026-11', at: '2025-12-05T09:00:00+07:00' } } });
    addon.gas.ss.sheet('Chỉ tiêu')!.writeCells(2, 1, [['Tổ dân phố 3', '2025-11', 4, 0]]);
    const p = await open('menuSummary');
    const summaryFor = async (period: string) => {
      await p.getByRole('tab', { name: 'Tổng hợp' }).click();
      await p.getByLabel('Kỳ').fill(period);
      await p.getByRole('button', { name: 'Làm mới tổng hợp' }).click();
      await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã làm mới');
      const summary = (await p.getByRole('tabpanel').textContent())!;
      await p.getByRole('tab', { name: 'Báo cáo Zalo' }).click();
      await p.getByLabel('Kỳ').fill(period);
      await p.getByRole('button', { name: 'Tạo báo cáo' }).click();
      await expect.poll(() => p.getByLabel('Nội dung báo cáo').inputValue()).toContain(period.slice(5, 7));
      return { summary, report: await p.getByLabel('Nội dung báo cáo').inputValue() };
    };
    const dec = await summaryFor('2025-12');
    expect(dec.summary).toContain('chưa có chỉ tiêu cho kỳ này');
    expect(dec.summary).not.toContain('2025-11');
    expect(dec.report).toContain('chưa có chỉ tiêu cho kỳ này');
    const nov = await summaryFor('2025-11');
    expect(nov.summary).toContain('1/4 (25%)');
    expect(nov.report).toContain('tài khoản 1/4 (25%)');
    await p.close();
  });

  it('date fields read and write dd/mm/yyyy whatever the browser language', async () => {
    const p = await open();
    const created = p.getByLabel('Ngày hỗ trợ');
    expect(await created.getAttribute('type')).toBe('text');
    expect(await created.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await p.getByLabel('Họ và tên').fill('Phạm Thị Dung');
    await p.getByLabel('Năm sinh').fill('1985');
    await p.getByLabel('Tổ dân phố').selectOption('Tổ dân phố 3');
    await p.getByLabel('Cổng DVC tỉnh').check();
    await p.getByLabel('Tình nguyện viên').selectOption('TNV-001');
    await p.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    await created.fill('31/02/2026');
    await p.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => p.locator('#createdOn-error').textContent()).toContain('không tồn tại');
    await created.fill('05/01/2026');
    await p.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã thêm tài khoản của Phạm Thị Dung');
    const cell = rows(addon, 'Tài khoản')[0]!['Ngày hỗ trợ'] as Date;
    expect(addon.gas.ss.display(cell)).toBe('05/01/2026');
    await p.close();
  });

  it('is keyboard operable, readable (≥ 16 px) and high-contrast', async () => {
    const p = await open();
    // Tabs: arrow keys move between them (ARIA tabs pattern).
    await p.getByRole('tab', { name: 'Nhập liệu' }).focus();
    await p.keyboard.press('ArrowRight');
    expect(await p.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Kiểm tra');
    // Roving tabindex: one Tab leaves the tab list for the panel's first control.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Kiểm tra dữ liệu');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByRole('status').last().textContent()).toContain('Đã kiểm tra');
    await p.getByRole('tab', { name: 'Kiểm tra' }).focus();
    await p.keyboard.press('Home');
    expect(await p.getByRole('tab', { name: 'Nhập liệu' }).getAttribute('aria-selected')).toBe('true');
    // Every form control has an accessible name; text is at least 16 px; contrast ≥ 4.5:1.
    const report = await p.evaluate(() => {
      const unnamed = [...document.querySelectorAll('input, select, textarea')].filter((el) => {
        const id = el.id;
        return !(id && document.querySelector(`label[for="${id}"]`)) && !el.closest('label') && !el.getAttribute('aria-label');
      }).length;
      const sizes = [...document.querySelectorAll('p, label, input, select, button, h1, h2, h3, legend, span')].map((el) => parseFloat(getComputedStyle(el).fontSize));
      const pairs = [...document.querySelectorAll('button.primary, body, label, .hint, [role=tab][aria-selected=true]')].map((el) => {
        const s = getComputedStyle(el);
        let bg = s.backgroundColor;
        let n: Element | null = el;
        while (bg === 'rgba(0, 0, 0, 0)' && n) {
          n = n.parentElement;
          bg = n ? getComputedStyle(n).backgroundColor : 'rgb(255, 255, 255)';
        }
        return [s.color, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg];
      });
      return { unnamed, minSize: Math.min(...sizes.filter((x) => x > 0)), pairs };
    });
    expect(report.unnamed).toBe(0);
    expect(report.minSize).toBeGreaterThanOrEqual(16);
    for (const [fg, bg] of report.pairs) expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
    expect(await p.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(16);
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('vi');
    await p.close();
  });

  it('«Chẩn đoán» shows the steps that failed over 7 or 30 days and each volunteer’s guide data, in plain Vietnamese that fits 300 px', async () => {
    const { code } = addon.run<{ code: string }>('issueAccessCode', 'TNV-001', 30);
    const envelope = (records: unknown[], action = 'record') => ({ v: 1, action, accessCode: code, client: { app: 'tro-ly-dvc-extension', version: '0.2.0', sentAt: new Date().toISOString(), guideData: '2026.12.01-1' }, records });
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const miss = (days: number, machine: string, over: Record<string, unknown> = {}) => sampleDiagnostic({ at: ago(days), installId: `00000000-0000-4000-8000-00000000000${machine}`, ...over });
    addon.post(envelope([miss(2, '1'), miss(1, '2', { path: '/p/home/dvc-nop-ho-so.html?id=' }), miss(10, '1', { stepId: 'find.search', surface: 'dvcqg.search' })]));
    const p = await open('menuDiagnostics');
    await p.setViewportSize({ width: 300, height: 800 });
    const week = p.getByRole('list', { name: /Bước bị lỗi trong 7 ngày qua/ });
    await expect.poll(() => week.textContent()).toContain('Bước «form.submit» không thấy trên trang Cổng DVC quốc gia (dvcqg.form)');
    const text = (await week.textContent())!;
    expect(text).toContain('Hướng dẫn thủ tục III.2 trên Cổng DVC quốc gia');
    expect(text).toContain('2 lần, trên 2 máy của 1 tình nguyện viên');
    expect(text).toContain('Đường dẫn lần cuối: /p/home/dvc-nop-ho-so.html?id=');
    expect(text).toMatch(/Từ \d{2}\/\d{2}\/\d{4}, lần cuối \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toContain('Dữ liệu hướng dẫn lúc lỗi: có sẵn trong bản cài 0.1.0');
    expect(text).not.toContain('find.search');
    await p.getByLabel('30 ngày qua').check();
    const month = p.getByRole('list', { name: /Bước bị lỗi trong 30 ngày qua/ });
    await expect.poll(() => month.textContent()).toContain('Bước «find.search» không thấy trên trang Cổng DVC quốc gia (dvcqg.search)');
    expect(await p.getByRole('heading', { name: /30 ngày qua \(2\)/ }).count()).toBe(1);
    const versions = p.getByRole('list', { name: 'Dữ liệu hướng dẫn trên máy tình nguyện viên' });
    expect(await versions.textContent()).toContain('Lê Thị Hoa: gói 2026.12.01-1');
    expect(await versions.textContent()).toContain('Tiện ích 0.2.0');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(h.errors).toEqual([]);
    await p.close();
  });

  it('Cài đặt → «Gói hướng dẫn»: places a pack file (served as it is), refuses a wrong or too large file where the leader is, removes it after asking', async () => {
    const p = await open('menuSettings');
    await p.setViewportSize({ width: 300, height: 900 });
    const section = p.getByRole('region', { name: 'Gói hướng dẫn' });
    await expect.poll(() => section.textContent()).toContain('Sổ chưa có gói hướng dẫn');
    const file = p.getByLabel('Tệp gói hướng dẫn (.json)');
    // Not a pack: the server's reason, under the button, with the focus.
    await file.setInputFiles({ name: 'hang-cho.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ v: 1, kind: 'tro-ly-dvc-outbox', records: [] })) });
    await section.getByRole('button', { name: 'Đặt gói vào sổ' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent ?? '')).toContain('không phải gói hướng dẫn hợp lệ');
    // Too large: refused in the sidebar before anything is sent.
    await file.setInputFiles({ name: 'goi-lon.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20) });
    await section.getByRole('button', { name: 'Đặt gói vào sổ' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Tệp quá lớn');
    expect(h.calls.filter((c) => c === 'uploadGuidePack')).toHaveLength(1);
    const text = samplePackText({ version: '2026.12.01-1', indent: 2 });
    await file.setInputFiles({ name: 'goi-huong-dan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await section.getByRole('button', { name: 'Đặt gói vào sổ' }).click();
    await expect.poll(() => section.getByRole('status').first().textContent()).toContain('Đã đặt gói hướng dẫn 2026.12.01-1 vào sổ.');
    const card = section.getByLabel('Gói đang đặt trong sổ');
    expect(await card.textContent()).toContain('Gói đang đặt: 2026.12.01-1, tạo ngày 01/12/2026');
    expect(await card.textContent()).toContain('bởi totruong@example.com');
    expect(addon.get({ pack: '1' }).text).toBe(text);
    await section.getByRole('button', { name: 'Gỡ gói hướng dẫn' }).click();
    const confirm = section.getByRole('group', { name: 'Xác nhận gỡ gói hướng dẫn' });
    expect(await confirm.textContent()).toContain('Gỡ gói 2026.12.01-1 khỏi sổ?');
    expect(addon.get({ pack: '1' }).text).toBe(text);
    await confirm.getByRole('button', { name: 'Xác nhận gỡ' }).click();
    await expect.poll(() => section.getByRole('status').last().textContent()).toContain('Đã gỡ gói hướng dẫn 2026.12.01-1');
    expect(JSON.parse(addon.get({ pack: '1' }).text)).toMatchObject({ ok: false, error: { code: 'NO_PACK' } });
    expect(await section.textContent()).toContain('Sổ chưa có gói hướng dẫn');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(h.errors).toEqual([]);
    await p.close();
  });
});
