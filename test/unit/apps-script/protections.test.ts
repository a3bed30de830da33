// Who may write what «Thiết lập sổ» protects, through the BUILT bundle with a
// fake that enforces protections against the user the script runs as.
import { describe, expect, it } from 'vitest';
import { account, filing, setUpRegistry, sheetRows, snapshot } from './helpers';

const OWNER = 'owner@example.com';
const LEADER = 'totruong@example.com'; // ran «Thiết lập sổ» in setUpRegistry()
const SECOND = 'totruong2@example.com';
const ASK = /Nhờ chủ sổ thêm email của bạn vào «Người quản lý sổ» trong Cài đặt rồi chạy lại «Thiết lập sổ»/;
const SETTINGS = { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 24, staleDays: 180 };

function protections(addon: ReturnType<typeof setUpRegistry>) {
  const ss = addon.gas.ss;
  return [...ss.getProtections('RANGE'), ...ss.getProtections('SHEET')].filter((p) => p.description.startsWith('Trợ lý DVC: '));
}
function editorsOf(addon: ReturnType<typeof setUpRegistry>) {
  return [...new Set(protections(addon).map((p) => JSON.stringify([...p.editors].sort())))].map((e) => JSON.parse(e) as string[]);
}
function state(addon: ReturnType<typeof setUpRegistry>) {
  return snapshot(addon.gas.ss) + JSON.stringify([...addon.gas.scriptProps.map.entries()]);
}

describe('protections: owner + set-up user + «Người quản lý sổ»', () => {
  it('set-up makes every add-on protection editable by the owner and the set-up user only, with domain edit off; the set-up user joins the managers', () => {
    const addon = setUpRegistry();
    expect(protections(addon).length).toBeGreaterThanOrEqual(6);
    expect(editorsOf(addon)).toEqual([[OWNER, LEADER].sort()]);
    for (const p of protections(addon)) expect(p.domainEdit).toBe(false);
    expect(addon.run<{ managers: string[] }>('getSettings').managers).toEqual([LEADER]);
  });

  it('a second leader not yet listed gets a clear Vietnamese message and nothing is written, whatever the action', () => {
    const addon = setUpRegistry();
    const id = addon.run<{ ok: true; accountId: string }>('saveAccount', { account: account(), filings: [filing()] }).accountId;
    const codeId = addon.run<{ codeId: string }>('issueAccessCode', 'TNV-001', 30).codeId;
    addon.actAs(SECOND);
    const before = state(addon);
    const refused: Array<[string, unknown[]]> = [
      ['saveAccount', [{ account: account({ fullName: 'Trần Thị Bình' }), filings: [filing()] }]],
      ['saveAccount', [{ account: account({ id, cccd: undefined, notes: 'sửa' }) }]],
      ['addVolunteer', [{ name: 'Phạm Văn Cường', toDanPho: 'Tổ dân phố 3' }]],
      ['issueAccessCode', ['TNV-001', 30]],
      ['revokeAccessCode', [codeId]],
      ['checkData', []],
      ['mergeDuplicates', [id, id]],
      ['purgeExpiredData', []],
      ['saveSettings', [{ ...SETTINGS, managers: [SECOND] }]],
      ['menuSetUp', []],
      ['importOutboxFile', ['{}', 'TNV-001']],
    ];
    for (const [name, args] of refused) {
      let message = '';
      try {
        addon.run(name, ...args);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, name).toMatch(ASK);
      expect(message, name).toContain(SECOND);
      expect(message, name).not.toMatch(/protected cell/);
      expect(state(addon), name).toBe(before);
    }
    // The manual-edit trigger cannot write the log either: it says so, and writes nothing.
    const sheet = addon.gas.ss.sheet('Tài khoản')!;
    expect(() => addon.g.onEditLogged!({ range: sheet.getRange('C2'), oldValue: 'a', value: 'b' })).toThrow(ASK);
    expect(state(addon)).toBe(before);
  });

  it('once the owner adds them to «Người quản lý sổ», the same action succeeds and is logged with their email', () => {
    const addon = setUpRegistry();
    addon.actAs(SECOND);
    expect(() => addon.run('saveAccount', { account: account(), filings: [filing()] })).toThrow(ASK);
    addon.actAs(OWNER);
    const saved = addon.run<{ ok: boolean; settings: { managers: string[] }; protectionsUpdated: number }>('saveSettings', { ...SETTINGS, managers: [LEADER, ' ToTruong2@Example.com '] });
    expect(saved.ok).toBe(true);
    expect(saved.settings.managers).toEqual([LEADER, SECOND]);
    expect(saved.protectionsUpdated).toBe(protections(addon).length);
    expect(editorsOf(addon)).toEqual([[OWNER, LEADER, SECOND].sort()]);
    addon.actAs(SECOND);
    const r = addon.run<{ ok: boolean; accountId: string }>('saveAccount', { account: account(), filings: [filing()] });
    expect(r.ok).toBe(true);
    expect(sheetRows(addon.gas.ss, 'Tài khoản').map((a) => a['Mã bản ghi'])).toEqual([r.accountId]);
    const log = sheetRows(addon.gas.ss, 'Nhật ký');
    expect(log.at(-1)).toMatchObject({ 'Người thực hiện': SECOND, 'Hành động': 'Thêm hồ sơ' });
    expect(log.at(-2)).toMatchObject({ 'Người thực hiện': SECOND, 'Hành động': 'Thêm tài khoản' });
    // Running set-up again (as the brief tells them) changes nothing.
    const before = snapshot(addon.gas.ss);
    addon.run('menuSetUp');
    expect(snapshot(addon.gas.ss)).toBe(before);
    expect(addon.gas.ui.alerts.at(-1)).toContain('không có gì thay đổi');
  });

  it('removing someone from the list removes their write access; saving unchanged settings changes no protection', () => {
    const addon = setUpRegistry();
    addon.actAs(OWNER);
    addon.run('saveSettings', { ...SETTINGS, managers: [SECOND] });
    expect(editorsOf(addon)).toEqual([[OWNER, SECOND].sort()]);
    addon.actAs(LEADER);
    expect(() => addon.run('addVolunteer', { name: 'Phạm Văn Cường', toDanPho: 'Tổ dân phố 3' })).toThrow(ASK);
    addon.actAs(SECOND);
    const again = addon.run<{ ok: boolean; protectionsUpdated: number }>('saveSettings', { ...SETTINGS, staleDays: 200 });
    expect(again).toMatchObject({ ok: true, protectionsUpdated: 0 });
    expect(addon.run<{ managers: string[] }>('getSettings').managers).toEqual([SECOND]);
  });

  it('refuses invalid manager emails with a Vietnamese message and changes nothing', () => {
    const addon = setUpRegistry();
    const before = state(addon);
    const r = addon.run<{ ok: boolean; errors: Record<string, string> }>('saveSettings', { ...SETTINGS, managers: ['to truong', 'a@b'] });
    expect(r.ok).toBe(false);
    expect(r.errors.managers).toBe('Email không hợp lệ: to truong, a@b. Mỗi dòng một địa chỉ, ví dụ totruong@gmail.com.');
    expect(state(addon)).toBe(before);
    // One per line or separated by commas, as typed in the settings panel.
    expect(addon.run<{ ok: boolean; settings: { managers: string[] } }>('saveSettings', { ...SETTINGS, managers: `${LEADER}\n${SECOND}, ${SECOND}` }).settings.managers).toEqual([LEADER, SECOND]);
  });

  it('the web endpoint runs as the deploying owner: it writes whatever the active user', () => {
    const addon = setUpRegistry();
    const code = addon.run<{ code: string }>('issueAccessCode', 'TNV-001', 30).code;
    addon.actAs(SECOND);
    const res = addon.post({ v: 1, action: 'hello', accessCode: code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records: [] });
    expect(res.body.ok).toBe(true);
  });
});
