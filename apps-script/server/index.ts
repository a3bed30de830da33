/**
 * @OnlyCurrentDoc
 * Every export here becomes a global function in the pushed Code.js: only entry
 * points (menu, triggers, sidebar calls, web app). Logic lives in the modules.
 */
import { SYNC_VERSION } from '../../shared/schemas/sync';
import { CONSENT_TEXT, CONSENT_TEXT_VERSION, APPS, FILING_STATUSES, GENDERS } from '../../shared/schemas/registry';
import { catalogue } from '../../shared/catalogue';
import { foldVietnamese } from '../../shared/text/fold';
import { maskCccd, maskPhone } from '../../shared/validate';
import { setUp as runSetUp, procedureOption } from './setup';
import * as entry from './entry';
import * as actions from './actions';
import * as access from './access';
import { handlePost, importOutbox, failure, SERVER_VERSION } from './sync';
import { appendLog, currentUser, maskText } from './log';
import { readSettings, writeSettings, SettingsSchema } from './settings';
import { CODES, LOG, PORTALS, PORTAL_LABELS } from './layout';
import { WRITES, assertCanWrite, effectiveUser, isProtectedEditError, notAllowedMessage, syncProtectionEditors } from './protect';

const TITLE = 'Trợ lý DVC';
type Tab = 'entry' | 'check' | 'duplicates' | 'summary' | 'report' | 'codes' | 'log' | 'import' | 'settings';

function ss() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Every write takes the same script lock as the web endpoint, so a leader's
 * sidebar, a manual-edit log line and a volunteer's post never append to the
 * same row at once.
 */
function locked<T>(fn: () => T): T {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(20_000);
  } catch {
    throw new Error('Sổ đang bận ghi dữ liệu khác (có thể tiện ích đang gửi bản ghi). Hãy thử lại sau ít giây.');
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

/**
 * A write action: under the script lock, and only after checking that the user
 * the script runs as may edit every protection on the sheets it writes to, so a
 * leader not yet in «Người quản lý sổ» gets a clear message and nothing is
 * written. Should Sheets refuse a write anyway, its English error is replaced by
 * the same message.
 */
function writing<T>(sheets: string[], fn: () => T): T {
  return locked(() => {
    assertCanWrite(ss(), sheets);
    try {
      return fn();
    } catch (err) {
      if (isProtectedEditError(err)) throw new Error(notAllowedMessage(effectiveUser(), []));
      throw err;
    }
  });
}

/** Builds the menu. Safe in AuthMode.NONE: it only adds items, touching no service that needs authorization. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Thiết lập sổ', 'menuSetUp')
    .addItem('Nhập tài khoản và hồ sơ', 'menuEntry')
    .addItem('Kiểm tra dữ liệu', 'menuCheckData')
    .addItem('Tìm trùng', 'menuDuplicates')
    .addItem('Tổng hợp và chỉ tiêu', 'menuSummary')
    .addItem('Báo cáo gửi nhóm Zalo', 'menuReport')
    .addSeparator()
    .addItem('Tình nguyện viên và mã truy cập', 'menuAccessCodes')
    .addItem('Nhập từ tệp', 'menuImport')
    .addItem('Nhật ký thay đổi và rà soát', 'menuChangeLog')
    .addItem('Cài đặt bảo vệ dữ liệu', 'menuSettings')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

function showSidebar(tab: Tab): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar');
  const content = html.getContent().replace('<div id="app"></div>', `<div id="app" data-tab="${tab}"></div>`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(content).setTitle(TITLE));
}

export function menuSetUp(): void {
  const r = writing(WRITES.everything, () => runSetUp(ss()));
  // The change log of manual edits and the retention purge need their triggers (idempotent).
  const triggers = installTriggers();
  if (triggers.made.length) r.changed = true;
  const ui = SpreadsheetApp.getUi();
  if (!r.changed) ui.alert(TITLE, 'Sổ đã được thiết lập đầy đủ; không có gì thay đổi.', ui.ButtonSet.OK);
  else if (r.migrated) ui.alert(TITLE, `Đã chuyển sổ sang bố cục mới: giữ nguyên ${r.migrated.accounts} tài khoản và ${r.migrated.filings} hồ sơ. Số CCCD đầy đủ đã được thay bằng 4 số cuối và khoá tìm trùng.`, ui.ButtonSet.OK);
  else {
    const parts = [
      r.createdSheets.length ? `tạo ${r.createdSheets.join(', ')}` : '',
      r.managerAdded ? `thêm ${r.managerAdded} vào «Người quản lý sổ»` : '',
      r.protectionsUpdated ? `cập nhật người được sửa ${r.protectionsUpdated} vùng được bảo vệ (chủ sổ, người chạy thiết lập và «Người quản lý sổ»)` : '',
      triggers.made.length ? `bật ${triggers.made.join(', ')}` : '',
    ].filter(Boolean);
    ui.alert(TITLE, `Đã thiết lập sổ: ${parts.join('; ')}.`, ui.ButtonSet.OK);
  }
}
export function menuEntry(): void {
  showSidebar('entry');
}
export function menuCheckData(): void {
  showSidebar('check');
}
export function menuDuplicates(): void {
  showSidebar('duplicates');
}
export function menuSummary(): void {
  showSidebar('summary');
}
export function menuReport(): void {
  showSidebar('report');
}
export function menuAccessCodes(): void {
  showSidebar('codes');
}
export function menuImport(): void {
  showSidebar('import');
}
export function menuChangeLog(): void {
  showSidebar('log');
}
export function menuSettings(): void {
  showSidebar('settings');
}

// ---- google.script.run (sidebar) ----

/** Everything the sidebar needs to draw its forms. No personal data. */
export function getSidebarData() {
  const s = ss();
  const settings = readSettings();
  let toDanPho: string[] = [];
  let volunteers: Array<{ id: string; name: string; toDanPho: string; active: boolean }> = [];
  let ready = true;
  try {
    toDanPho = entry.listValues(s, 'toDanPho');
    volunteers = [...entry.volunteerMap(s)].map(([id, v]) => ({ id, ...v }));
  } catch {
    ready = false;
  }
  return {
    ready,
    user: currentUser(),
    settings,
    toDanPho,
    volunteers,
    procedures: catalogue.map((p) => ({ id: p.id, code: p.code, name: p.officialName, label: procedureOption(p), filedOn: [...p.filedOn] })),
    apps: [...APPS],
    statuses: [...FILING_STATUSES],
    genders: [...GENDERS],
    portals: PORTALS.map((p) => ({ id: p, label: PORTAL_LABELS[p] ?? p })),
    consent: { text: CONSENT_TEXT, version: CONSENT_TEXT_VERSION },
  };
}

export function saveAccount(req: entry.SaveRequest) {
  return writing(WRITES.registry, () => entry.saveAccount(ss(), req));
}
export function findAccounts(query: string) {
  return entry.listAccounts(ss(), String(query ?? ''), foldVietnamese);
}
export function getAccount(id: string) {
  return entry.getAccount(ss(), String(id));
}
export function checkData() {
  return writing(WRITES.check, () => actions.checkData(ss()));
}
export function jumpToCell(sheetName: string, a1: string): void {
  actions.jumpToCell(ss(), String(sheetName), String(a1));
}
export function findDuplicates() {
  return actions.duplicates(ss());
}
export function mergeDuplicates(idA: string, idB: string) {
  return writing(WRITES.registry, () => actions.mergeAccounts(ss(), String(idA), String(idB)));
}
export function refreshSummary(period?: string) {
  return writing(WRITES.summary, () => actions.refreshSummary(ss(), period ? String(period) : null));
}
export function buildZaloReport(period?: string) {
  return actions.buildZaloReport(ss(), period ? String(period) : null);
}
export function addVolunteer(input: { name: string; toDanPho: string; phone?: string }) {
  return writing(WRITES.volunteers, () => actions.addVolunteer(ss(), input));
}
export function listAccessCodes() {
  return access.listCodes(ss());
}
export function issueAccessCode(volunteerId: string, days: number) {
  return writing(WRITES.codes, () => access.issueCode(ss(), String(volunteerId), Number(days)));
}
export function revokeAccessCode(codeId: string) {
  return writing(WRITES.codes, () => access.revokeCode(ss(), String(codeId)));
}
export function getChangeLog(limit?: number) {
  return actions.recentLog(ss(), Number(limit ?? 50));
}
export function getAuditView() {
  return actions.auditView(ss());
}
export function importOutboxFile(text: string, volunteerId: string) {
  // importOutbox takes the script lock itself (shared with the web endpoint).
  assertCanWrite(ss(), WRITES.registry);
  return importOutbox(ss(), String(text ?? ''), String(volunteerId ?? ''), currentUser());
}
export function getSettings() {
  return readSettings();
}
/**
 * Saves the settings and brings every add-on protection's editors in line with
 * owner + the user saving + «Người quản lý sổ». A caller that leaves `managers`
 * out keeps the current list.
 */
export function saveSettings(input: unknown) {
  const before = readSettings();
  const raw = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const parsed = SettingsSchema.safeParse('managers' in raw ? raw : { ...raw, managers: before.managers });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? 'form');
      errors[key] ??= i.message;
    }
    return { ok: false as const, errors };
  }
  return writing(WRITES.everything, () => {
    const protectionsUpdated = syncProtectionEditors(ss(), parsed.data.managers);
    writeSettings(parsed.data);
    appendLog(ss(), [
      {
        who: currentUser(),
        source: 'Tiện ích bổ sung',
        action: 'Đổi cài đặt bảo vệ dữ liệu',
        table: '',
        recordId: '',
        before: { ...before },
        after: { ...parsed.data, ...(protectionsUpdated ? { vùngBảoVệĐãCậpNhật: protectionsUpdated } : {}) },
      },
    ]);
    return { ok: true as const, settings: parsed.data, protectionsUpdated };
  });
}
export function purgeExpiredData() {
  return writing(WRITES.registry, () => actions.purgeExpired(ss()));
}

/** Installs the edit-logging and daily retention triggers (once; running it again changes nothing). */
export function installTriggers() {
  const existing = ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  const made: string[] = [];
  if (!existing.includes('onEditLogged')) {
    ScriptApp.newTrigger('onEditLogged').forSpreadsheet(ss()).onEdit().create();
    made.push('ghi nhật ký khi sửa tay');
  }
  if (!existing.includes('runRetentionPurge')) {
    ScriptApp.newTrigger('runRetentionPurge').timeBased().everyDays(1).atHour(2).create();
    made.push('xoá dữ liệu quá hạn hằng ngày');
  }
  return { made, message: made.length ? `Đã bật: ${made.join(', ')}.` : 'Các trình kích hoạt đã được bật từ trước.' };
}

// ---- triggers ----

/** Installable edit trigger: logs manual edits (masked). Script and web-app writes do not fire it. */
export function onEditLogged(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet().getName();
  if (sheet === LOG.name || sheet === CODES.name) return;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const mask = (v: unknown) => (v === undefined || v === null ? '' : maskText(String(v)));
  let who = '(không rõ người dùng)';
  try {
    who = e.user?.getEmail?.() || currentUser();
  } catch {
    /* the editor's address is not always available */
  }
  writing(WRITES.log, () => appendLog(ss(), [
    {
      who,
      source: 'Sửa tay',
      action: single ? 'Sửa ô' : 'Sửa nhiều ô',
      table: sheet,
      recordId: range.getA1Notation(),
      before: single ? mask(e.oldValue) : '',
      after: single ? mask(e.value) : `${range.getNumRows()} dòng × ${range.getNumColumns()} cột`,
    },
  ]));
}

export function runRetentionPurge(): void {
  writing(WRITES.registry, () => actions.purgeExpired(ss()));
}

// ---- web app ----

function json(body: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

/** Health and version only. */
export function doGet(): GoogleAppsScript.Content.TextOutput {
  return json({ ok: true, app: 'tro-ly-dvc-registry', v: SYNC_VERSION, serverVersion: SERVER_VERSION });
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    return json(handlePost(ss(), e));
  } catch (err) {
    // Log the failure class only: no request content (it may hold personal data).
    console.error(`doPost failed: ${(err as Error)?.name ?? 'Error'}`);
    return json(failure('SERVER', 'Máy chủ gặp lỗi khi ghi sổ. Tiện ích sẽ tự gửi lại sau.'));
  }
}

void maskCccd;
void maskPhone;
