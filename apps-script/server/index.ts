// Every export here becomes a global function in the pushed Code.js.
import { SYNC_VERSION } from '../../shared/schemas/sync';

const SERVER_VERSION = '0.1.0';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu().addItem('Thiết lập sổ', 'menuSetUp').addToUi();
  void e;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuSetUp(): void {}

export function doGet(): GoogleAppsScript.Content.TextOutput {
  const body = { ok: true, app: 'tro-ly-dvc-registry', v: SYNC_VERSION, serverVersion: SERVER_VERSION };
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  void e;
  return doGet();
}
