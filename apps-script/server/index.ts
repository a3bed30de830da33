/**
 * @OnlyCurrentDoc
 * The Apps Script globals, and nothing else: every export here becomes a global
 * function in the pushed Code.js (menus, triggers, google.script.run, the web
 * app). Each one picks the spreadsheet, takes the lock and the write check where
 * it writes, and hands over to one feature module.
 */
import { SYNC_VERSION } from '../../shared/schemas/sync';
import { foldVietnamese } from '../../shared/text/fold';
import { withScriptLock } from './infra/lock';
import { useSheetTimeZone } from './infra/time';
import { guardedWrite, assertCanWrite } from './infra/protect';
import { WRITES } from './registry/layout';
import { currentUser } from './registry/log';
import { SERVER_VERSION, damaged, failure } from './registry/intake';
import { LOOKUP_SHEETS, refreshLookups } from './registry/lookups';
import { rebuildCodeIndex } from './registry/codes';
import { RegistryError } from './infra/table';
import { showSidebar, sidebarData, jumpToCell as jumpTo } from './features/sidebar';
import { migrateOldLayout } from './features/migration';
import { installTriggers as install, setUp, setUpMessage } from './features/setup';
import * as entry from './features/entry';
import { checkData as runCheck } from './features/check';
import { duplicateView, mergeAccounts } from './features/duplicates';
import { buildZaloReport as zalo, refreshSummary as refresh } from './features/summary';
import { addVolunteer as addVol } from './features/volunteers';
import { issueCode, listCodes, revokeCode } from './features/access';
import { auditView, logManualEdit, recentLog } from './features/audit';
import { importOutbox } from './features/import';
import { applySettings, parseSettings, readSettings } from './features/settings';
import { purgeExpired } from './features/retention';
import { handlePost } from './features/endpoint';

const TITLE = 'Trợ lý DVC';
const BUSY = 'Sổ đang bận ghi dữ liệu khác (có thể tiện ích đang gửi bản ghi). Hãy thử lại sau ít giây.';

let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
/** The registry; its time zone is read once per execution (each execution starts afresh). */
function ss() {
  if (!active) {
    active = SpreadsheetApp.getActiveSpreadsheet();
    useSheetTimeZone(active.getSpreadsheetTimeZone());
  }
  return active;
}

/**
 * A write action: under the script lock the endpoint uses too (so a leader's
 * sidebar, a manual-edit log line and a volunteer's post never append to the
 * same row at once), after the protection check.
 */
function writing<T>(sheets: string[], fn: () => T): T {
  const done = withScriptLock(() => guardedWrite(ss(), sheets, fn));
  if (!done.ok) throw new Error(BUSY);
  return done.value;
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

export function menuSetUp(): void {
  const r = writing(WRITES.everything, () => setUp(ss(), migrateOldLayout(ss())));
  rebuildCodeIndex(ss());
  refreshLookups(ss());
  // The change log of manual edits and the retention purge need their triggers (idempotent).
  const triggers = install(ss());
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, setUpMessage(r, triggers.made), ui.ButtonSet.OK);
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

export function getSidebarData() {
  const data = sidebarData(ss());
  if (data.ready) refreshLookups(ss());
  return data;
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
  return writing(WRITES.check, () => runCheck(ss()));
}
export function jumpToCell(sheetName: string, a1: string): void {
  jumpTo(ss(), String(sheetName), String(a1));
}
export function findDuplicates() {
  return duplicateView(ss());
}
export function mergeDuplicates(idA: string, idB: string) {
  return writing(WRITES.registry, () => mergeAccounts(ss(), String(idA), String(idB)));
}
export function refreshSummary(period?: string) {
  return writing(WRITES.summary, () => refresh(ss(), period ? String(period) : null));
}
export function buildZaloReport(period?: string) {
  return zalo(ss(), period ? String(period) : null);
}
export function addVolunteer(input: { name: string; toDanPho: string; phone?: string }) {
  const r = writing(WRITES.volunteers, () => addVol(ss(), input));
  if (r.ok) refreshLookups(ss());
  return r;
}
export function listAccessCodes() {
  return listCodes(ss());
}
export function issueAccessCode(volunteerId: string, days: number) {
  return writing(WRITES.codes, () => issueCode(ss(), String(volunteerId), Number(days)));
}
export function revokeAccessCode(codeId: string) {
  return writing(WRITES.codes, () => revokeCode(ss(), String(codeId)));
}
export function getChangeLog(limit?: number) {
  return recentLog(ss(), Number(limit ?? 50));
}
export function getAuditView() {
  return auditView(ss());
}
export function importOutboxFile(text: string, volunteerId: string) {
  // importOutbox takes the script lock itself (shared with the web endpoint).
  assertCanWrite(ss(), WRITES.registry);
  return importOutbox(ss(), String(text ?? ''), String(volunteerId ?? ''), currentUser());
}
export function getSettings() {
  return readSettings();
}
export function saveSettings(input: unknown) {
  const before = readSettings();
  const parsed = parseSettings(input, before);
  if (!parsed.ok) return parsed;
  return writing(WRITES.everything, () => applySettings(ss(), before, parsed.settings));
}
export function purgeExpiredData() {
  return writing(WRITES.registry, () => purgeExpired(ss()));
}
export function installTriggers() {
  return install(ss());
}

// ---- triggers ----

/** Installable edit trigger: logs manual edits (masked). Script and web-app writes do not fire it. */
export function onEditLogged(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  writing(WRITES.log, () => logManualEdit(ss(), e));
  // A hand edit of the lists or the volunteers reaches the endpoint at once.
  if (LOOKUP_SHEETS.includes(e.range.getSheet().getName())) refreshLookups(ss());
}

export function runRetentionPurge(): void {
  writing(WRITES.registry, () => purgeExpired(ss()));
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
    // No time-zone read here: the endpoint takes it from its lookups (one call fewer per post).
    return json(handlePost(SpreadsheetApp.getActiveSpreadsheet(), e));
  } catch (err) {
    // A damaged registry is not a passing fault: say what to mend, do not ask for retries.
    if (err instanceof RegistryError) return json(damaged(err.message));
    // Log the failure class only: no request content (it may hold personal data).
    console.error(`doPost failed: ${(err as Error)?.name ?? 'Error'}`);
    return json(failure('SERVER', 'Máy chủ gặp lỗi khi ghi sổ. Tiện ích sẽ tự gửi lại sau.'));
  }
}
