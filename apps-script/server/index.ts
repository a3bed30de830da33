/**
 * @OnlyCurrentDoc
 * The Apps Script globals, and nothing else: every export here becomes a global
 * function in the pushed Code.js (menus, triggers, google.script.run, the web
 * app). Each one picks the spreadsheet, takes the lock and the write check where
 * it writes, and hands over to one feature module.
 *
 * Every execution starts the script afresh, so module start-up is paid on every
 * menu click, sidebar call and post. The modules are therefore loaded on first
 * use (esbuild turns these require() calls into lazy initialisers): a post does
 * not build the sidebar's schemas, and onOpen builds none at all.
 */
import { withScriptLock } from './infra/lock';
import { useSheetTimeZone } from './infra/time';
import { WRITES } from './registry/layout';
import type * as Protect from './infra/protect';
import type * as Fold from '../../shared/text/fold';
import type * as Sync from '../../shared/schemas/sync';
import type * as Log from './registry/log';
import type * as Intake from './registry/intake';
import type * as Lookups from './registry/lookups';
import type * as Codes from './registry/codes';
import type * as Sidebar from './features/sidebar';
import type * as Migration from './features/migration';
import type * as Setup from './features/setup';
import type * as Entry from './features/entry';
import type * as Check from './features/check';
import type * as Duplicates from './features/duplicates';
import type * as Summary from './features/summary';
import type * as Volunteers from './features/volunteers';
import type * as Access from './features/access';
import type * as Audit from './features/audit';
import type * as Import from './features/import';
import type * as Settings from './features/settings';
import type * as Retention from './features/retention';
import type * as Endpoint from './features/endpoint';
import type * as Diagnostics from './features/diagnostics';
import type * as Packs from './features/packs';

const protect = () => require('./infra/protect') as typeof Protect;
const fold = () => require('../../shared/text/fold') as typeof Fold;
const sync = () => require('../../shared/schemas/sync') as typeof Sync;
const log = () => require('./registry/log') as typeof Log;
const intake = () => require('./registry/intake') as typeof Intake;
const lookups = () => require('./registry/lookups') as typeof Lookups;
const codes = () => require('./registry/codes') as typeof Codes;
const sidebar = () => require('./features/sidebar') as typeof Sidebar;
const migration = () => require('./features/migration') as typeof Migration;
const setup = () => require('./features/setup') as typeof Setup;
const entry = () => require('./features/entry') as typeof Entry;
const check = () => require('./features/check') as typeof Check;
const duplicates = () => require('./features/duplicates') as typeof Duplicates;
const summary = () => require('./features/summary') as typeof Summary;
const volunteers = () => require('./features/volunteers') as typeof Volunteers;
const access = () => require('./features/access') as typeof Access;
const audit = () => require('./features/audit') as typeof Audit;
const importing = () => require('./features/import') as typeof Import;
const settings = () => require('./features/settings') as typeof Settings;
const retention = () => require('./features/retention') as typeof Retention;
const endpoint = () => require('./features/endpoint') as typeof Endpoint;
const diagnostics = () => require('./features/diagnostics') as typeof Diagnostics;
const packs = () => require('./features/packs') as typeof Packs;

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
  const done = withScriptLock(() => protect().guardedWrite(ss(), sheets, fn));
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
    .addItem('Chẩn đoán hướng dẫn', 'menuDiagnostics')
    .addItem('Cài đặt bảo vệ dữ liệu', 'menuSettings')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuSetUp(): void {
  const r = writing(WRITES.everything, () => setup().setUp(ss(), migration().migrateOldLayout(ss())));
  codes().rebuildCodeIndex(ss());
  lookups().refreshLookups(ss());
  // The change log of manual edits and the retention purge need their triggers (idempotent).
  const triggers = setup().installTriggers(ss());
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, setup().setUpMessage(r, triggers.made), ui.ButtonSet.OK);
}
export function menuEntry(): void {
  sidebar().showSidebar('entry');
}
export function menuCheckData(): void {
  sidebar().showSidebar('check');
}
export function menuDuplicates(): void {
  sidebar().showSidebar('duplicates');
}
export function menuSummary(): void {
  sidebar().showSidebar('summary');
}
export function menuReport(): void {
  sidebar().showSidebar('report');
}
export function menuAccessCodes(): void {
  sidebar().showSidebar('codes');
}
export function menuImport(): void {
  sidebar().showSidebar('import');
}
export function menuChangeLog(): void {
  sidebar().showSidebar('log');
}
export function menuSettings(): void {
  sidebar().showSidebar('settings');
}
export function menuDiagnostics(): void {
  sidebar().showSidebar('diagnostics');
}

// ---- google.script.run (sidebar) ----

export function getSidebarData() {
  const data = sidebar().sidebarData(ss());
  if (data.ready) lookups().refreshLookups(ss());
  return data;
}
export function saveAccount(req: Entry.SaveRequest) {
  return writing(WRITES.registry, () => entry().saveAccount(ss(), req));
}
export function findAccounts(query: string) {
  return entry().listAccounts(ss(), String(query ?? ''), fold().foldVietnamese);
}
export function getAccount(id: string) {
  return entry().getAccount(ss(), String(id));
}
export function checkData() {
  return writing(WRITES.check, () => check().checkData(ss()));
}
export function jumpToCell(sheetName: string, a1: string): void {
  sidebar().jumpToCell(ss(), String(sheetName), String(a1));
}
export function findDuplicates() {
  return duplicates().duplicateView(ss());
}
export function mergeDuplicates(idA: string, idB: string) {
  return writing(WRITES.registry, () => duplicates().mergeAccounts(ss(), String(idA), String(idB)));
}
export function refreshSummary(period?: string) {
  return writing(WRITES.summary, () => summary().refreshSummary(ss(), period ? String(period) : null));
}
export function buildZaloReport(period?: string) {
  return summary().buildZaloReport(ss(), period ? String(period) : null);
}
export function addVolunteer(input: { name: string; toDanPho: string; phone?: string }) {
  const r = writing(WRITES.volunteers, () => volunteers().addVolunteer(ss(), input));
  if (r.ok) lookups().refreshLookups(ss());
  return r;
}
export function listAccessCodes() {
  return access().listCodes(ss());
}
export function issueAccessCode(volunteerId: string, days: number) {
  return writing(WRITES.codes, () => access().issueCode(ss(), String(volunteerId), Number(days)));
}
export function revokeAccessCode(codeId: string) {
  return writing(WRITES.codes, () => access().revokeCode(ss(), String(codeId)));
}
export function getChangeLog(limit?: number) {
  return audit().recentLog(ss(), Number(limit ?? 50));
}
export function getAuditView() {
  return audit().auditView(ss());
}
export function importOutboxFile(text: string, volunteerId: string) {
  // importOutbox takes the script lock itself (shared with the web endpoint).
  protect().assertCanWrite(ss(), WRITES.registry);
  return importing().importOutbox(ss(), String(text ?? ''), String(volunteerId ?? ''), log().currentUser());
}
export function getSettings() {
  return settings().readSettings();
}
export function saveSettings(input: unknown) {
  const before = settings().readSettings();
  const parsed = settings().parseSettings(input, before);
  if (!parsed.ok) return parsed;
  return writing(WRITES.everything, () => settings().applySettings(ss(), before, parsed.settings));
}
export function purgeExpiredData() {
  return writing(WRITES.registry, () => retention().purgeExpired(ss()));
}
export function installTriggers() {
  return setup().installTriggers(ss());
}
export function getDiagnostics() {
  return diagnostics().diagnosticsView(ss());
}
export function getGuidePack() {
  return packs().currentPack();
}
export function uploadGuidePack(text: string) {
  return writing(WRITES.packs, () => packs().uploadPack(ss(), String(text ?? ''), log().currentUser()));
}
export function removeGuidePack() {
  return writing(WRITES.packs, () => packs().removeGuidePack(ss(), log().currentUser()));
}

// ---- triggers ----

/** Installable edit trigger: logs manual edits (masked). Script and web-app writes do not fire it. */
export function onEditLogged(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e?.range) return;
  writing(WRITES.log, () => audit().logManualEdit(ss(), e));
  // A hand edit of the lists or the volunteers reaches the endpoint at once.
  if (lookups().LOOKUP_SHEETS.includes(e.range.getSheet().getName())) lookups().refreshLookups(ss());
}

export function runRetentionPurge(): void {
  writing(WRITES.registry, () => retention().purgeExpired(ss()));
}

// ---- web app ----

function json(body: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

/** Health and version; with `?pack=1`, the ward's guide pack exactly as the leader placed it (or a JSON error). */
export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  if (e?.parameter?.pack === '1') {
    return ContentService.createTextOutput(packs().servePack(SpreadsheetApp.getActiveSpreadsheet())).setMimeType(ContentService.MimeType.JSON);
  }
  return json({ ok: true, app: 'tro-ly-dvc-registry', v: sync().SYNC_VERSION, serverVersion: intake().SERVER_VERSION });
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    // No time-zone read here: the endpoint takes it from its lookups (one call fewer per post).
    return json(endpoint().handlePost(SpreadsheetApp.getActiveSpreadsheet(), e));
  } catch (err) {
    // A damaged registry is not a passing fault: say what to mend, do not ask for retries.
    if ((err as Error)?.name === 'RegistryError') return json(intake().damaged((err as Error).message));
    // Log the failure class only: no request content (it may hold personal data).
    console.error(`doPost failed: ${(err as Error)?.name ?? 'Error'}`);
    return json(intake().failure('SERVER', 'Máy chủ gặp lỗi khi ghi sổ. Tiện ích sẽ tự gửi lại sau.'));
  }
}
