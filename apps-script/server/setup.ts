// "Thiết lập sổ": creates the registry's sheets, or migrates a registry made by an
// older layout. Idempotent: on a registry that is already current it writes nothing.
import { REGISTRY_SCHEMA_VERSION, APPS, FILING_STATUSES, GENDERS } from '../../shared/schemas/registry';
import { catalogue } from '../../shared/catalogue';
import { validateCccd, validatePhone } from '../../shared/validate';
import {
  ACCOUNTS,
  CODES,
  DEFAULT_TO_DAN_PHO,
  FILINGS,
  LISTS,
  LOG,
  PORTALS,
  SUMMARY_SHEET,
  TABLES,
  TARGETS,
  V1_ACCOUNTS_NAME,
  V1_ACCOUNT_HEADERS,
  V1_FILING_HEADERS,
  VERSION_KEY,
  VOLUNTEERS,
  type TableSpec,
} from './layout';
import { Table, type Sheet, type Spreadsheet } from './table';
import { cellBool, cellDate, cellText, dateCell, isoNowVn, uuid } from './util';
import { cccdKey, readSettings, writeSettings } from './settings';
import { PROTECT_PREFIX, effectiveUser, ownerOf, syncProtectionEditors } from './protect';
import { appendLog, currentUser } from './log';

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

const HEADER_BG = '#1a4d8f';
const HEADER_FG = '#ffffff';

export function procedureOption(p: { id: string; officialName: string }): string {
  return `${p.id} — ${p.officialName}`;
}

function listValues(key: string): string[] | null {
  switch (key) {
    case 'procedure':
      return catalogue.map(procedureOption);
    case 'status':
      return [...FILING_STATUSES];
    case 'apps':
      return [...APPS];
    case 'portal':
      return [...PORTALS];
    case 'gender':
      return [...GENDERS];
    default:
      return null;
  }
}

function readVersion(ss: Spreadsheet): { version: number | null; meta: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null } {
  const found = ss.createDeveloperMetadataFinder().withKey(VERSION_KEY).find();
  const meta = found[0] ?? null;
  return { version: meta ? Number(meta.getValue()) : null, meta };
}

function styleHeader(sheet: Sheet, spec: TableSpec): void {
  const header = sheet.getRange(1, 1, 1, spec.columns.length);
  header.setValues([spec.columns.map((c) => c.header)]);
  header.setFontWeight('bold').setBackground(HEADER_BG).setFontColor(HEADER_FG);
  sheet.setFrozenRows(1);
}

function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Formats, dropdowns and protections of a freshly made (or migrated) table sheet. */
function decorate(ss: Spreadsheet, sheet: Sheet, spec: TableSpec): void {
  const lists = ss.getSheetByName(LISTS.name);
  const volunteers = ss.getSheetByName(VOLUNTEERS.name);
  spec.columns.forEach((col, i) => {
    const letter = columnLetter(i);
    const range = sheet.getRange(`${letter}2:${letter}`);
    if (col.format) range.setNumberFormat(col.format);
    if (col.checkbox) range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    if (col.list && spec !== LISTS) {
      let source: GoogleAppsScript.Spreadsheet.Range | null = null;
      if (col.list === 'volunteer' && volunteers) source = volunteers.getRange('A2:A');
      else if (lists) {
        const li = LISTS.columns.findIndex((c) => c.key === col.list);
        const l = columnLetter(li);
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
    const letter = columnLetter(i);
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
    const fixed = listValues(c.key);
    if (fixed) return fixed;
    const existing = current.map((r) => cellText(r[i])).filter(Boolean);
    if (c.key === 'toDanPho') return existing.length ? existing : DEFAULT_TO_DAN_PHO;
    return existing;
  });
  const height = Math.max(...desired.map((d) => d.length), current.length);
  const block = Array.from({ length: height }, (_, r) => desired.map((d) => d[r] ?? ''));
  const same = block.every((row, r) => row.every((v, c) => cellText(current[r]?.[c]) === v));
  if (same) return false;
  sheet.getRange(2, 1, height, width).setValues(block.map((r) => r.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v))));
  return true;
}

function headersOf(sheet: Sheet): string[] {
  const lastCol = sheet.getLastColumn();
  if (lastCol === 0) return [];
  return sheet.getRange(1, 1, 1, lastCol).getValues()[0]!.map((h) => cellText(h));
}

/** A string that Sheets would turn into a number, date or formula is written as text. */
function asText(v: unknown): unknown {
  return typeof v === 'string' && (/^[=+\-@]/.test(v) || /^[\d\s./-]+$/.test(v)) && v !== '' ? `'${v}` : v;
}

/** Version 1 → 2: ids, CCCD last 4 + keyed hash, consent columns, new headers. Every row is kept. */
function migrateV1(ss: Spreadsheet): { accounts: number; filings: number } {
  const settings = readSettings();
  const now = isoNowVn();
  let accounts = 0;
  let filings = 0;
  const old = ss.getSheetByName(V1_ACCOUNTS_NAME);
  if (old) {
    const last = old.getLastRow();
    const w = V1_ACCOUNT_HEADERS.length;
    const rows = last > 1 ? old.getRange(2, 1, last - 1, w).getValues() : [];
    const h = (name: string) => V1_ACCOUNT_HEADERS.indexOf(name);
    const out = rows
      .filter((r) => r.some((c) => cellText(c) !== ''))
      .map((r) => {
        const cccd = cellText(r[h('Số CCCD')]).replace(/\D/g, '');
        const cccdOk = validateCccd(cccd).ok;
        const phoneRaw = cellText(r[h('Số điện thoại')]);
        const phone = phoneRaw ? validatePhone(phoneRaw.length === 9 ? `0${phoneRaw}` : phoneRaw) : null;
        const created = cellDate(r[h('Ngày hỗ trợ')]);
        const consent = cellBool(r[h('Đồng ý')]);
        const apps = cellText(r[h('Ứng dụng')]);
        const fields: Record<string, unknown> = {
          id: uuid(),
          clientId: '',
          fullName: cellText(r[h('Họ và tên')]),
          birthYear: r[h('Năm sinh')] === '' ? '' : Number(r[h('Năm sinh')]) || cellText(r[h('Năm sinh')]),
          gender: '',
          toDanPho: cellText(r[h('Tổ dân phố')]),
          cccdLast4: cccd.length >= 4 ? cccd.slice(-4) : '',
          cccdKey: cccdOk ? cccdKey(cccd) : '',
          cccdFull: settings.fullCccd && cccdOk ? cccd : '',
          phone: phone?.ok ? phone.value : phoneRaw,
          apps,
          createdOn: created ? dateCell(created) : cellText(r[h('Ngày hỗ trợ')]),
          volunteerId: cellText(r[h('Tình nguyện viên')]),
          consentGiven: consent,
          consentVersion: consent ? 'sổ cũ (v1, không rõ nội dung)' : '',
          consentAt: consent && created ? `${created}T00:00:00+07:00` : '',
          notes: cellText(r[h('Ghi chú')]),
          updatedAt: now,
          source: 'Chuyển từ sổ cũ',
        };
        return ACCOUNTS.columns.map((c) => fields[c.key] ?? '');
      });
    // In place: the same sheet, renamed, keeps its sharing, history and links.
    old.clear();
    old.setName(ACCOUNTS.name);
    styleHeader(old, ACCOUNTS);
    if (out.length) old.getRange(2, 1, out.length, ACCOUNTS.columns.length).setValues(out.map((r) => r.map(asText)));
    accounts = out.length;
  }
  const oldFilings = ss.getSheetByName(FILINGS.name);
  if (oldFilings) {
    const heads = headersOf(oldFilings);
    if (V1_FILING_HEADERS.every((x) => heads.includes(x)) && !heads.includes(FILINGS.columns[0]!.header)) {
      const last = oldFilings.getLastRow();
      const rows = last > 1 ? oldFilings.getRange(2, 1, last - 1, heads.length).getValues() : [];
      const h = (name: string) => heads.indexOf(name);
      const out = rows
        .filter((r) => r.some((c) => cellText(c) !== ''))
        .map((r) => {
          const procText = cellText(r[h('Thủ tục')]);
          const proc = catalogue.find((p) => p.id === procText.split(' ')[0] || (p.code !== null && p.code === procText));
          const filed = cellDate(r[h('Ngày nộp')]);
          const fields: Record<string, unknown> = {
            id: uuid(),
            residentName: cellText(r[h('Họ và tên người dân')]),
            toDanPho: cellText(r[h('Tổ dân phố')]),
            procedureId: proc ? procedureOption(proc) : procText,
            procedureCode: proc?.code ?? '',
            dossierCode: cellText(r[h('Mã hồ sơ')]),
            filedOn: filed ? dateCell(filed) : cellText(r[h('Ngày nộp')]),
            status: cellText(r[h('Trạng thái')]),
            volunteerId: cellText(r[h('Tình nguyện viên')]),
            consentGiven: false,
            updatedAt: now,
            source: 'Chuyển từ sổ cũ',
          };
          return FILINGS.columns.map((c) => fields[c.key] ?? '');
        });
      oldFilings.clear();
      styleHeader(oldFilings, FILINGS);
      if (out.length) oldFilings.getRange(2, 1, out.length, FILINGS.columns.length).setValues(out.map((r) => r.map(asText)));
      filings = out.length;
    }
  }
  return { accounts, filings };
}

export function setUp(ss: Spreadsheet): SetUpReport {
  const { version, meta } = readVersion(ss);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const isV1 = names.has(V1_ACCOUNTS_NAME) && (version === null || version === 1);
  if (version !== null && version > REGISTRY_SCHEMA_VERSION) {
    throw new Error(`Sổ này được tạo bởi phiên bản mới hơn của Trợ lý DVC (lược đồ ${version}). Hãy cập nhật tiện ích bổ sung.`);
  }
  const report: SetUpReport = { versionBefore: version, version: REGISTRY_SCHEMA_VERSION, createdSheets: [], migrated: null, changed: false, protectionsUpdated: 0, managerAdded: null };
  let migratedTables: string[] = [];
  if (isV1) {
    report.migrated = migrateV1(ss);
    migratedTables = [ACCOUNTS.name, FILINGS.name];
    names.delete(V1_ACCOUNTS_NAME);
    names.add(ACCOUNTS.name);
    report.changed = true;
  }
  // Lists and volunteers first: the other sheets' dropdowns point at them.
  const order = [LISTS, VOLUNTEERS, ACCOUNTS, FILINGS, TARGETS, LOG, CODES];
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
        action: report.migrated ? `Chuyển sổ từ phiên bản ${version ?? 1} lên ${REGISTRY_SCHEMA_VERSION}` : 'Thiết lập sổ',
        table: '',
        recordId: '',
        after: report.migrated
          ? `${report.migrated.accounts} tài khoản, ${report.migrated.filings} hồ sơ được giữ nguyên; CCCD đã chuyển sang 4 số cuối và khoá băm.`
          : `Tạo: ${report.createdSheets.join(', ') || '(không)'}${extra ? `. ${extra}` : ''}`,
      },
    ]);
  }
  void TABLES;
  return report;
}

/** Throws a clear message unless the registry is set up and current. */
export function requireCurrent(ss: Spreadsheet): void {
  const { version } = readVersion(ss);
  if (version === null) throw new Error('Sổ chưa được thiết lập. Hãy chọn «Thiết lập sổ» trong menu Trợ lý DVC.');
  if (version < REGISTRY_SCHEMA_VERSION) throw new Error('Sổ đang theo bố cục cũ. Hãy chọn «Thiết lập sổ» để chuyển sang bố cục mới (không mất dữ liệu).');
  if (version > REGISTRY_SCHEMA_VERSION) throw new Error('Sổ được tạo bởi phiên bản mới hơn của Trợ lý DVC. Hãy cập nhật tiện ích bổ sung.');
}

export { Table };
