// The sidebar: opening it at a tab, the data it draws its forms from, and
// jumping to a cell it lists.
import { CONSENT_TEXT, CONSENT_TEXT_VERSION, APPS, FILING_STATUSES, GENDERS } from '../../../shared/schemas/registry';
import { catalogue } from '../../../shared/catalogue';
import type { Spreadsheet } from '../infra/table';
import { PORTALS, PORTAL_LABELS } from '../registry/layout';
import { listValues, procedureOption, volunteerMap, type VolunteerEntry } from '../registry/lists';
import { currentUser } from '../registry/log';
import { readSettings } from '../registry/settings';

const TITLE = 'Trợ lý DVC';
export type Tab = 'entry' | 'check' | 'duplicates' | 'summary' | 'report' | 'codes' | 'log' | 'import' | 'settings' | 'diagnostics';

export function showSidebar(tab: Tab): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar');
  const content = html.getContent().replace('<div id="app"></div>', `<div id="app" data-tab="${tab}"></div>`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(content).setTitle(TITLE));
}

/** Everything the sidebar needs to draw its forms. No personal data. */
export function sidebarData(ss: Spreadsheet) {
  const settings = readSettings();
  let toDanPho: string[] = [];
  let volunteers: Array<{ id: string } & VolunteerEntry> = [];
  let ready = true;
  try {
    toDanPho = listValues(ss, 'toDanPho');
    volunteers = [...volunteerMap(ss)].map(([id, v]) => ({ id, ...v }));
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

export function jumpToCell(ss: Spreadsheet, sheetName: string, a1: string): void {
  if (!/^[A-Z]{1,3}\d{1,7}$/.test(a1)) throw new Error('Địa chỉ ô không hợp lệ.');
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`Không có trang tính «${sheetName}».`);
  ss.setActiveSheet(sheet);
  sheet.getRange(a1).activate();
}

