// «Thiết lập sổ»: creates the registry's sheets (after the migration feature has
// brought an older layout up to date), their formats, dropdowns and protections,
// and the triggers. Idempotent: on a registry that is already current it writes nothing.
import { REGISTRY_SCHEMA_VERSION } from '../../../shared/schemas/registry';
import type { Sheet, Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { colA1 } from '../infra/a1';
import { safeCell } from '../infra/table';
import { PROTECT_PREFIX, effectiveUser, ownerOf, syncProtectionEditors } from '../infra/protect';
import { ACCOUNTS, CODES, DEFAULT_TO_DAN_PHO, DIAGNOSTICS, FILINGS, LISTS, LOG, PACKS, SUMMARY_SHEET, TARGETS, V1_ACCOUNTS_NAME, VERSION_KEY, VOLUNTEERS, type TableSpec } from '../registry/layout';
import { fixedListValues } from '../registry/lists';
import { headersOf, styleHeader } from '../registry/header';
import { readSettings, writeSettings } from '../registry/settings';
import { readVersion } from '../registry/version';
import { appendLog, currentUser } from '../registry/log';

export interface SetUpReport {
  versionBefore: number | null;
  version: number;
  createdSheets: string[];
  migrated: { accounts: number; filings: number } | null;
  changed: boolean;
  /** Protections whose editors were brought in line with owner + set-up user + «Người quản lý sổ». */
  protectionsUpdated: number;
  /** The set-up user, added to «Người quản lý sổ» so a later settings save does not lock them out. */
  managerAdded: string | null;
}

/** Formats, dropdowns and protections of a freshly made (or migrated) table sheet. */
function decorate(ss: Spreadsheet, sheet: Sheet, spec: TableSpec): void {
  const lists = ss.getSheetByName(LISTS.name);
  const volunteers = ss.getSheetByName(VOLUNTEERS.name);
  spec.columns.forEach((col, i) => {
    const letter = colA1(i);
    const range = sheet.getRange(`${letter}2:${letter}`);
    if (col.format) range.setNumberFormat(col.format);
    if (col.checkbox) range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    if (col.list && spec !== LISTS) {
      let source: GoogleAppsScript.Spreadsheet.Range | null = null;
      if (col.list === 'volunteer' && volunteers) source = volunteers.getRange('A2:A');
      else if (lists) {
        const li = LISTS.columns.findIndex((c) => c.key === col.list);
        const l = colA1(li);
        source = lists.getRange(`${l}2:${l}`);
      }
      if (source) {
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInRange(source, true)
          .setAllowInvalid(col.list === 'apps' || col.list === 'volunteer')
          .setHelpText(`Chọn trong danh sách ở trang «${col.list === 'volunteer' ? VOLUNTEERS.name : LISTS.name}».`)
          .build();
        range.setDataValidation(rule);
      }
    }
  });
  // The editors list is set for every add-on protection at the end of set-up
  // (syncProtectionEditors); here the new protection only gets its description
  // and the running user (a protection mirrors the sheet's sharing until then).
  const me = Session.getEffectiveUser();
  const lockDown = (p: GoogleAppsScript.Spreadsheet.Protection, description: string) => {
    p.setDescription(PROTECT_PREFIX + description);
    p.addEditor(me);
  };
  if (spec.protectSheet) lockDown(sheet.protect(), `trang «${spec.name}» chỉ do tiện ích ghi`);
  for (const key of spec.protectColumns ?? []) {
    const i = spec.columns.findIndex((c) => c.key === key);
    const letter = colA1(i);
    lockDown(sheet.getRange(`${letter}:${letter}`).protect(), `cột «${spec.columns[i]!.header}» do tiện ích cấp`);
  }
  if (spec.hidden) sheet.hideSheet();
  sheet.addDeveloperMetadata('troLyDvc.table', spec.key);
}

function createTable(ss: Spreadsheet, spec: TableSpec): Sheet {
  const sheet = ss.insertSheet(spec.name);
  styleHeader(sheet, spec);
  return sheet;
}

/** Fills the dropdown lists; the ward's tổ dân phố list is seeded once and then left alone. */
function ensureLists(ss: Spreadsheet): boolean {
  const sheet = ss.getSheetByName(LISTS.name)!;
  const width = LISTS.columns.length;
  const last = sheet.getLastRow();
  const current = last > 1 ? sheet.getRange(2, 1, last - 1, width).getValues() : [];
  const desired: string[][] = LISTS.columns.map((c, i) => {
    const fixed = fixedListValues(c.key);
    if (fixed) return fixed;
    const existing = current.map((r) => cellText(r[i])).filter(Boolean);
    if (c.key === 'toDanPho') return existing.length ? existing : DEFAULT_TO_DAN_PHO;
    return existing;
  });
  const height = Math.max(...desired.map((d) => d.length), current.length);
  const block = Array.from({ length: height }, (_, r) => desired.map((d) => d[r] ?? ''));
  const same = block.every((row, r) => row.every((v, c) => cellText(current[r]?.[c]) === v));
  if (same) return false;
  sheet.getRange(2, 1, height, width).setValues(block.map((r) => r.map((v) => safeCell(v))));
  return true;
}

/**
 * Sets the registry up. `migrated` is what the migration feature moved from an
 * older layout just before (null when there was nothing to migrate).
 */
export function setUp(ss: Spreadsheet, migrated: { accounts: number; filings: number } | null): SetUpReport {
  const { version, meta } = readVersion(ss);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const report: SetUpReport = { versionBefore: version, version: REGISTRY_SCHEMA_VERSION, createdSheets: [], migrated, changed: Boolean(migrated), protectionsUpdated: 0, managerAdded: null };
  const migratedTables = migrated ? [ACCOUNTS.name, FILINGS.name] : [];
  names.delete(V1_ACCOUNTS_NAME);
  // Lists and volunteers first: the other sheets' dropdowns point at them.
  // Sheets added by later layouts (3: «Chẩn đoán», «Gói hướng dẫn») are created here on an older registry too.
  const order = [LISTS, VOLUNTEERS, ACCOUNTS, FILINGS, TARGETS, LOG, CODES, DIAGNOSTICS, PACKS];
  const fresh: Array<[Sheet, TableSpec]> = [];
  for (const spec of order) {
    if (!names.has(spec.name)) {
      fresh.push([createTable(ss, spec), spec]);
      report.createdSheets.push(spec.name);
    } else if (migratedTables.includes(spec.name)) {
      fresh.push([ss.getSheetByName(spec.name)!, spec]);
    } else if (version === null) {
      // A sheet with our name that we did not make: its headers must match.
      const heads = headersOf(ss.getSheetByName(spec.name)!);
      const missing = spec.columns.filter((c) => !heads.includes(c.header));
      if (missing.length === spec.columns.length && heads.length > 0) {
        throw new Error(`Trang tính «${spec.name}» đã có nhưng không phải của Trợ lý DVC. Hãy đổi tên trang đó rồi chạy lại.`);
      }
    }
  }
  if (!names.has(SUMMARY_SHEET)) {
    const s = ss.insertSheet(SUMMARY_SHEET);
    s.getRange(1, 1).setValue('Bấm «Tổng hợp và chỉ tiêu» trong menu Trợ lý DVC để làm mới trang này.');
    report.createdSheets.push(SUMMARY_SHEET);
  }
  if (fresh.length) report.changed = true;
  if (ensureLists(ss)) report.changed = true;
  for (const [sheet, spec] of fresh) decorate(ss, sheet, spec);
  if (!meta) {
    ss.addDeveloperMetadata(VERSION_KEY, String(REGISTRY_SCHEMA_VERSION), SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
    report.changed = true;
  } else if (version !== REGISTRY_SCHEMA_VERSION) {
    meta.setValue(String(REGISTRY_SCHEMA_VERSION));
    report.changed = true;
  }
  // Whoever runs set-up keeps write access after a later settings save: they join
  // «Người quản lý sổ» (the owner is always an editor and is not listed).
  const settings = readSettings();
  const runner = effectiveUser();
  if (runner && runner !== ownerOf(ss) && !settings.managers.includes(runner)) {
    settings.managers = [...settings.managers, runner];
    writeSettings(settings);
    report.managerAdded = runner;
    report.changed = true;
  }
  report.protectionsUpdated = syncProtectionEditors(ss, settings.managers);
  if (report.protectionsUpdated) report.changed = true;
  if (report.changed) {
    const extra = [
      report.managerAdded ? `Thêm ${report.managerAdded} vào «Người quản lý sổ».` : '',
      report.protectionsUpdated ? `Cập nhật người được sửa ${report.protectionsUpdated} vùng được bảo vệ.` : '',
    ].filter(Boolean).join(' ');
    appendLog(ss, [
      {
        who: currentUser(),
        source: 'Tiện ích bổ sung',
        action: report.migrated || upgraded(report) ? `Chuyển sổ từ phiên bản ${version ?? 1} lên ${REGISTRY_SCHEMA_VERSION}` : 'Thiết lập sổ',
        table: '',
        recordId: '',
        after: report.migrated
          ? `${report.migrated.accounts} tài khoản, ${report.migrated.filings} hồ sơ được giữ nguyên; CCCD đã chuyển sang 4 số cuối và khoá băm.`
          : `Tạo: ${report.createdSheets.join(', ') || '(không)'}${extra ? `. ${extra}` : ''}`,
      },
    ]);
  }
  return report;
}


/** A registry of an older layout (after version 1) brought up to date: only sheets were added. */
function upgraded(r: SetUpReport): boolean {
  return r.versionBefore !== null && r.versionBefore < REGISTRY_SCHEMA_VERSION && !r.migrated;
}

/** Installs the edit-logging and daily retention triggers (once; running it again changes nothing). */
export function installTriggers(ss: Spreadsheet) {
  const existing = ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  const made: string[] = [];
  if (!existing.includes('onEditLogged')) {
    ScriptApp.newTrigger('onEditLogged').forSpreadsheet(ss).onEdit().create();
    made.push('ghi nhật ký khi sửa tay');
  }
  if (!existing.includes('runRetentionPurge')) {
    ScriptApp.newTrigger('runRetentionPurge').timeBased().everyDays(1).atHour(2).create();
    made.push('xoá dữ liệu quá hạn hằng ngày');
  }
  return { made, message: made.length ? `Đã bật: ${made.join(', ')}.` : 'Các trình kích hoạt đã được bật từ trước.' };
}

/** The leader's alert after «Thiết lập sổ». */
export function setUpMessage(r: SetUpReport, triggersMade: string[]): string {
  if (!r.changed && !triggersMade.length) return 'Sổ đã được thiết lập đầy đủ; không có gì thay đổi.';
  if (r.migrated) return `Đã chuyển sổ sang bố cục mới: giữ nguyên ${r.migrated.accounts} tài khoản và ${r.migrated.filings} hồ sơ. Số CCCD đầy đủ đã được thay bằng 4 số cuối và khoá tìm trùng.`;
  const parts = [
    upgraded(r) ? `chuyển sổ lên phiên bản ${r.version} (giữ nguyên dữ liệu)` : '',
    r.createdSheets.length ? `tạo ${r.createdSheets.join(', ')}` : '',
    r.managerAdded ? `thêm ${r.managerAdded} vào «Người quản lý sổ»` : '',
    r.protectionsUpdated ? `cập nhật người được sửa ${r.protectionsUpdated} vùng được bảo vệ (chủ sổ, người chạy thiết lập và «Người quản lý sổ»)` : '',
    triggersMade.length ? `bật ${triggersMade.join(', ')}` : '',
  ].filter(Boolean);
  return `Đã thiết lập sổ: ${parts.join('; ')}.`;
}
