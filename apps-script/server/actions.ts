// Menu and sidebar actions over the registry: check data, duplicates and merge,
// summary and targets, Zalo report, audit view, retention purge, volunteers.
import { VolunteerSchema } from '../../shared/schemas/registry';
import { ACCOUNTS, FILINGS, LOG, SUMMARY_SHEET, TARGETS, VOLUNTEERS } from './layout';
import { checkAccounts, checkFilings, checkTargets, type CellIssue } from './check';
import { findDuplicates } from './duplicates';
import { summarise, zaloReport, periodLabel, type Summary } from './summary';
import { appendLog, currentUser, diff, type LogEntry } from './log';
import { listValues, volunteerMap } from './entry';
import { readSettings } from './settings';
import { requireCurrent } from './setup';
import { rowObject } from './records';
import { Table, type Row, type Spreadsheet } from './table';
import { cellText, isoDateVn, isoNowVn } from './util';
import { colA1 } from './a1';

const MARK_PREFIX = 'Trợ lý DVC – cần sửa: ';
const MARK_BG = '#f4cccc';
const PLAIN_BG = '#ffffff';
const MAX_LISTED = 300;

export interface CheckResult {
  checkedRows: number;
  issueCount: number;
  issues: Array<{ sheet: string; a1: string; row: number; column: string; message: string }>;
  truncated: boolean;
}

function markSheet(table: Table, issues: CellIssue[]): void {
  const n = table.dataRowCount;
  if (n === 0) return;
  const range = table.sheet.getRange(2, 1, n, table.width);
  const notes = range.getNotes();
  const bgs = range.getBackgrounds();
  // Clear our own earlier marks only; a leader's own notes and colours stay.
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < table.width; c++) {
      if (notes[r]![c]!.startsWith(MARK_PREFIX)) {
        notes[r]![c] = '';
        if (bgs[r]![c] === MARK_BG) bgs[r]![c] = PLAIN_BG;
      }
    }
  }
  const byCell = new Map<string, string[]>();
  for (const i of issues) {
    const k = `${i.rowNumber}:${i.col}`;
    const list = byCell.get(k);
    if (list) list.push(i.message);
    else byCell.set(k, [i.message]);
  }
  for (const [k, messages] of byCell) {
    const [row, col] = k.split(':').map(Number);
    notes[row! - 2]![col!] = MARK_PREFIX + messages.join(' ');
    bgs[row! - 2]![col!] = MARK_BG;
  }
  range.setNotes(notes);
  range.setBackgrounds(bgs);
}

export function checkData(ss: Spreadsheet, now = new Date()): CheckResult {
  requireCurrent(ss);
  const accounts = Table.open(ss, ACCOUNTS);
  const filings = Table.open(ss, FILINGS);
  const tdp = new Set(listValues(ss, 'toDanPho'));
  const vols = new Set(volunteerMap(ss).keys());
  const aRows = accounts.rows();
  const fRows = filings.rows();
  const accountIds = new Set(aRows.map((r) => cellText(accounts.get(r, 'id'))).filter(Boolean));
  const ctx = { today: isoDateVn(now), toDanPho: tdp, volunteers: vols, accountIds };
  const aIssues = checkAccounts(aRows.map((r) => r.cells), accounts.index, ctx);
  const fIssues = checkFilings(fRows.map((r) => r.cells), filings.index, ctx);
  const targets = Table.open(ss, TARGETS);
  const tRows = targets.rows();
  const tIssues = checkTargets(tRows.map((r) => r.cells), targets.index, ctx);
  markSheet(accounts, aIssues);
  markSheet(filings, fIssues);
  markSheet(targets, tIssues);
  const all = [...aIssues, ...fIssues, ...tIssues];
  const SPECS = { accounts: ACCOUNTS, filings: FILINGS, targets: TARGETS };
  const headerOf = (t: CellIssue['table'], key: string) => SPECS[t].columns.find((c) => c.key === key)?.header ?? key;
  return {
    checkedRows: aRows.length + fRows.length + tRows.length,
    issueCount: all.length,
    truncated: all.length > MAX_LISTED,
    issues: all.slice(0, MAX_LISTED).map((i) => ({
      sheet: SPECS[i.table].name,
      a1: `${colA1(i.col)}${i.rowNumber}`,
      row: i.rowNumber,
      column: headerOf(i.table, i.key),
      message: i.message,
    })),
  };
}

export function jumpToCell(ss: Spreadsheet, sheetName: string, a1: string): void {
  if (!/^[A-Z]{1,3}\d{1,7}$/.test(a1)) throw new Error('Địa chỉ ô không hợp lệ.');
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`Không có trang tính «${sheetName}».`);
  ss.setActiveSheet(sheet);
  sheet.getRange(a1).activate();
}

export interface DuplicateView {
  keep: { id: string; row: number; fullName: string; birthYear: string; toDanPho: string; cccdLast4: string; createdOn: string };
  drop: DuplicateView['keep'];
  reason: string;
}

export function duplicates(ss: Spreadsheet): DuplicateView[] {
  requireCurrent(ss);
  const t = Table.open(ss, ACCOUNTS);
  const rows = t.rows();
  const pairs = findDuplicates(rows.map((r) => r.cells), t.index);
  const view = (rowNumber: number) => {
    const o = rowObject(t, rows[rowNumber - 2]!);
    return { id: String(o.id), row: rowNumber, fullName: String(o.fullName), birthYear: String(o.birthYear), toDanPho: String(o.toDanPho), cccdLast4: String(o.cccdLast4), createdOn: String(o.createdOn) };
  };
  return pairs.map((p) => ({
    keep: view(p.keep.rowNumber),
    drop: view(p.drop.rowNumber),
    reason: p.reason === 'cccd' ? 'Cùng số CCCD' : 'Cùng họ tên, năm sinh và tổ dân phố',
  }));
}

/** Merges two accounts: keeps the older, fills its blanks from the newer, moves the filings, deletes the newer. */
export function mergeAccounts(ss: Spreadsheet, idA: string, idB: string, now = new Date()) {
  requireCurrent(ss);
  if (!idA || !idB || idA === idB) throw new Error('Hãy chọn hai tài khoản khác nhau để gộp.');
  const t = Table.open(ss, ACCOUNTS);
  const rows = t.rows();
  const a = rows.find((r) => cellText(t.get(r, 'id')) === idA);
  const b = rows.find((r) => cellText(t.get(r, 'id')) === idB);
  if (!a || !b) throw new Error('Không tìm thấy một trong hai tài khoản (có thể đã được gộp).');
  const oa = rowObject(t, a);
  const ob = rowObject(t, b);
  const aOlder = String(oa.createdOn || '9999') < String(ob.createdOn || '9999') || (oa.createdOn === ob.createdOn && a.rowNumber < b.rowNumber);
  const [keep, drop, okeep, odrop] = aOlder ? [a, b, oa, ob] : [b, a, ob, oa];
  const keepId = String(okeep.id);
  const dropId = String(odrop.id);
  const cells = [...keep.cells];
  const filled: string[] = [];
  for (const col of ACCOUNTS.columns) {
    if (['id', 'clientId', 'updatedAt', 'source'].includes(col.key)) continue;
    const i = t.index[col.key]!;
    if (cellText(cells[i]) === '' && cellText(drop.cells[i]) !== '') {
      cells[i] = drop.cells[i];
      filled.push(col.key);
    }
  }
  if (col('apps')) {
    const apps = new Set([...String(okeep.apps).split(/\s*,\s*/), ...String(odrop.apps).split(/\s*,\s*/)].filter(Boolean));
    cells[t.index.apps!] = [...apps].join(', ');
  }
  cells[t.index.updatedAt!] = isoNowVn(now);
  const updatedKeep: Row = { rowNumber: keep.rowNumber, cells };
  // Filings first (while row numbers are unchanged), then the account row, then the delete.
  const f = Table.open(ss, FILINGS);
  const moved = f.rows().filter((r) => cellText(f.get(r, 'accountId')) === dropId);
  f.update(moved.map((r) => {
    const c = [...r.cells];
    c[f.index.accountId!] = keepId;
    return { rowNumber: r.rowNumber, cells: c };
  }));
  t.update([updatedKeep]);
  t.deleteRow(drop.rowNumber);
  const d = diff(okeep, rowObject(t, updatedKeep));
  delete d.before.updatedAt;
  delete d.after.updatedAt;
  const who = currentUser();
  appendLog(ss, [
    { who, source: 'Tiện ích bổ sung', action: 'Gộp tài khoản trùng (giữ bản cũ)', table: ACCOUNTS.name, recordId: keepId, before: d.before, after: { ...d.after, gộpTừ: dropId, hồSơChuyểnSang: moved.length } },
    { who, source: 'Tiện ích bổ sung', action: 'Xoá tài khoản trùng sau khi gộp', table: ACCOUNTS.name, recordId: dropId, before: `Gộp vào ${keepId}`, after: '' },
  ], now);
  return { keptId: keepId, removedId: dropId, movedFilings: moved.length, filledFields: filled };
  function col(k: string) {
    return t.index[k] !== undefined;
  }
}

function loadSummary(ss: Spreadsheet, period: string | null): Summary {
  const a = Table.open(ss, ACCOUNTS);
  const f = Table.open(ss, FILINGS);
  const tg = Table.open(ss, TARGETS);
  const names = new Map([...volunteerMap(ss)].map(([id, v]) => [id, `${v.name} (${id})`]));
  return summarise(a.rows().map((r) => r.cells), a.index, f.rows().map((r) => r.cells), f.index, tg.rows().map((r) => r.cells), tg.index, names, period);
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export function refreshSummary(ss: Spreadsheet, period: string | null = null, now = new Date()): Summary {
  requireCurrent(ss);
  if (period && !PERIOD.test(period)) throw new Error('Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.');
  const s = loadSummary(ss, period || null);
  const W = 7;
  const out: unknown[][] = [];
  const line = (...cells: unknown[]) => out.push([...cells, ...Array(W - cells.length).fill('')].slice(0, W));
  line(`Tổng hợp – ${periodLabel(s.period)} – cập nhật ${isoNowVn(now).replace('T', ' ').slice(0, 16)}`);
  line('Tài khoản đã hỗ trợ', s.totals.accounts, 'Hồ sơ đã nộp', s.totals.filings);
  line('');
  const chartHeaderRow = out.length + 1;
  line('Tổ dân phố (kỳ)', '% chỉ tiêu tài khoản', '% chỉ tiêu hồ sơ', 'Tài khoản', 'Chỉ tiêu tài khoản', 'Hồ sơ', 'Chỉ tiêu hồ sơ');
  for (const t of s.targets) line(`${t.toDanPho} (${t.period})`, t.accountsPct, t.filingsPct, t.accounts, t.accountsTarget, t.filings, t.filingsTarget);
  const chartLastRow = out.length;
  line('');
  line('Theo tổ dân phố', 'Tài khoản', 'Hồ sơ');
  for (const x of s.byToDanPho) line(x.label, x.accounts, x.filings);
  line('');
  line('Theo tình nguyện viên', 'Tài khoản', 'Hồ sơ');
  for (const x of s.byVolunteer) line(x.label, x.accounts, x.filings);
  line('');
  line('Theo thủ tục', 'Hồ sơ');
  for (const x of s.byProcedure) line(x.label, x.filings);
  line('');
  line('Theo tháng', 'Tài khoản', 'Hồ sơ');
  for (const x of s.byMonth) line(x.label, x.accounts, x.filings);
  let sheet = ss.getSheetByName(SUMMARY_SHEET);
  if (!sheet) sheet = ss.insertSheet(SUMMARY_SHEET);
  sheet.clearContents();
  const maxRows = sheet.getMaxRows();
  if (out.length > maxRows) sheet.insertRowsAfter(maxRows, out.length - maxRows);
  sheet.getRange(1, 1, out.length, W).setValues(out.map((r) => r.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v))));
  const charts = sheet.getCharts();
  const dataRange = sheet.getRange(chartHeaderRow, 1, Math.max(1, chartLastRow - chartHeaderRow + 1), 3);
  const builder = (charts[0] ? charts[0].modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.BAR)
    .addRange(dataRange)
    .setPosition(1, W + 2, 0, 0)
    .setOption('title', `Tiến độ theo tổ dân phố (% chỉ tiêu) – ${periodLabel(s.period)}`)
    .setOption('hAxis', { minValue: 0, maxValue: 100 })
    .setOption('legend', { position: 'top' });
  if (charts[0]) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
  return s;
}

export function buildZaloReport(ss: Spreadsheet, period: string | null, now = new Date()): string {
  requireCurrent(ss);
  if (period && !PERIOD.test(period)) throw new Error('Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.');
  const s = loadSummary(ss, period || null);
  return zaloReport(s, readSettings().ward, isoDateVn(now));
}

export function auditView(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const settings = readSettings();
  const a = Table.open(ss, ACCOUNTS);
  const f = Table.open(ss, FILINGS);
  const withFiling = new Set(f.columns(['accountId']).map((r) => cellText(r.accountId)).filter(Boolean));
  const staleBefore = isoNowVn(new Date(now.getTime() - settings.staleDays * 86_400_000));
  const item = (r: Row) => ({
    id: cellText(a.get(r, 'id')),
    fullName: cellText(a.get(r, 'fullName')),
    toDanPho: cellText(a.get(r, 'toDanPho')),
    a1: `A${r.rowNumber}`,
    sheet: ACCOUNTS.name,
  });
  const noConsent: ReturnType<typeof item>[] = [];
  const noFiling: ReturnType<typeof item>[] = [];
  const stale: ReturnType<typeof item>[] = [];
  for (const r of a.rows()) {
    const id = cellText(a.get(r, 'id'));
    if (!id) continue;
    if (a.get(r, 'consentGiven') !== true || !cellText(a.get(r, 'consentVersion'))) noConsent.push(item(r));
    if (!withFiling.has(id)) noFiling.push(item(r));
    const upd = cellText(a.get(r, 'updatedAt'));
    if (!upd || upd < staleBefore) stale.push(item(r));
  }
  const cap = <T,>(l: T[]) => l.slice(0, 200);
  return { staleDays: settings.staleDays, counts: { noConsent: noConsent.length, noFiling: noFiling.length, stale: stale.length }, noConsent: cap(noConsent), noFiling: cap(noFiling), stale: cap(stale) };
}

/** The newest log entries (already masked when written), newest first. */
export function recentLog(ss: Spreadsheet, limit = 50) {
  const sheet = ss.getSheetByName(LOG.name);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const n = Math.min(Math.max(1, Math.floor(limit) || 50), 500, last - 1);
  const rows = sheet.getRange(last - n + 1, 1, n, LOG.columns.length).getValues();
  return rows.reverse().map((r) => Object.fromEntries(LOG.columns.map((c, i) => [c.key, cellText(r[i])])));
}

/** Clears personal data older than the retention period; the rows stay for the counts. */
export function purgeExpired(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const settings = readSettings();
  if (settings.retentionMonths === 0) return { accounts: 0, filings: 0, cutoff: null as string | null };
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - settings.retentionMonths);
  const cutoff = isoDateVn(d);
  const REMOVED = '(đã xoá theo thời hạn lưu)';
  let nA = 0;
  let nF = 0;
  const a = Table.open(ss, ACCOUNTS);
  const changedA: Row[] = [];
  for (const r of a.rows()) {
    const created = rowObject(a, r).createdOn as string;
    if (!created || created >= cutoff || cellText(a.get(r, 'fullName')) === REMOVED) continue;
    const c = [...r.cells];
    for (const col of ACCOUNTS.columns) if (col.personal) c[a.index[col.key]!] = '';
    c[a.index.fullName!] = REMOVED;
    c[a.index.updatedAt!] = isoNowVn(now);
    changedA.push({ rowNumber: r.rowNumber, cells: c });
    nA++;
  }
  a.update(changedA);
  const f = Table.open(ss, FILINGS);
  const changedF: Row[] = [];
  for (const r of f.rows()) {
    const filed = rowObject(f, r).filedOn as string;
    if (!filed || filed >= cutoff || cellText(f.get(r, 'residentName')) === REMOVED) continue;
    const c = [...r.cells];
    for (const col of FILINGS.columns) if (col.personal) c[f.index[col.key]!] = '';
    c[f.index.residentName!] = REMOVED;
    c[f.index.updatedAt!] = isoNowVn(now);
    changedF.push({ rowNumber: r.rowNumber, cells: c });
    nF++;
  }
  f.update(changedF);
  // The change log shows names too: entries older than the cutoff keep what happened, not to whom.
  const logSheet = ss.getSheetByName(LOG.name);
  let nL = 0;
  const lastLog = logSheet ? logSheet.getLastRow() : 0;
  if (logSheet && lastLog > 1) {
    const iAt = LOG.columns.findIndex((c) => c.key === 'at');
    const iBefore = LOG.columns.findIndex((c) => c.key === 'before');
    const block = logSheet.getRange(2, 1, lastLog - 1, LOG.columns.length).getValues();
    let last = -1;
    block.forEach((r, i) => {
      const at = cellText(r[iAt]);
      if (at && at.slice(0, 10) < cutoff && (cellText(r[iBefore]) || cellText(r[iBefore + 1])) && r[iBefore] !== REMOVED) {
        r[iBefore] = REMOVED;
        r[iBefore + 1] = '';
        last = i;
        nL++;
      }
    });
    if (last >= 0) {
      const changed = block.slice(0, last + 1).map((r) => r.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v)));
      logSheet.getRange(2, 1, changed.length, LOG.columns.length).setValues(changed);
    }
  }
  if (nA || nF || nL) {
    appendLog(ss, [{ who: currentUser(), source: 'Hệ thống', action: 'Xoá dữ liệu cá nhân quá thời hạn lưu', table: '', recordId: '', after: `Trước ${cutoff}: ${nA} tài khoản, ${nF} hồ sơ, ${nL} dòng nhật ký (giữ lại số liệu thống kê).` }], now);
  }
  return { accounts: nA, filings: nF, logEntries: nL, cutoff };
}

export function addVolunteer(ss: Spreadsheet, input: { name: string; toDanPho: string; phone?: string }, now = new Date()) {
  requireCurrent(ss);
  const t = Table.open(ss, VOLUNTEERS);
  const ids = t.columns(['id']).map((r) => cellText(r.id));
  const max = ids.reduce((m, id) => Math.max(m, Number(/^TNV-(\d+)$/.exec(id)?.[1] ?? 0)), 0);
  const id = `TNV-${String(max + 1).padStart(3, '0')}`;
  const parsed = VolunteerSchema.safeParse({ id, name: input?.name, toDanPho: input?.toDanPho, phone: input?.phone || undefined, active: true });
  if (!parsed.success) {
    return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])) };
  }
  t.append([t.makeRow({ ...parsed.data, phone: parsed.data.phone ?? '' })]);
  const entry: LogEntry = { who: currentUser(), source: 'Tiện ích bổ sung', action: 'Thêm tình nguyện viên', table: VOLUNTEERS.name, recordId: id, after: { name: parsed.data.name, toDanPho: parsed.data.toDanPho } };
  appendLog(ss, [entry], now);
  return { ok: true as const, id };
}
