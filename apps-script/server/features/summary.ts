// «Tổng hợp và chỉ tiêu» and «Báo cáo gửi nhóm Zalo»: counts, progress against
// targets (summarise is pure), the summary sheet with its chart, and the
// plain-text report for the Zalo group.
import { findById } from '../../../shared/catalogue';
import { PeriodSchema } from '../../../shared/schemas/registry';
import { PERIOD } from '../../../shared/schemas/rules';
import { RegistryError, Table, type Spreadsheet } from '../infra/table';
import { cellDate, cellText } from '../infra/cells';
import { timestampInVietnam, todayInVietnam, viDate } from '../infra/time';
import { ACCOUNTS, FILINGS, SUMMARY_SHEET, TARGETS } from '../registry/layout';
import { diagnosticsLine, readMisses } from '../registry/misses';
import { volunteerMap } from '../registry/lists';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';

type Index = Record<string, number>;

export interface TargetProgress {
  toDanPho: string;
  period: string;
  accounts: number;
  accountsTarget: number;
  accountsPct: number;
  filings: number;
  filingsTarget: number;
  filingsPct: number;
}

export interface Summary {
  period: string | null;
  totals: { accounts: number; filings: number };
  byToDanPho: Array<{ label: string; accounts: number; filings: number }>;
  byVolunteer: Array<{ label: string; accounts: number; filings: number }>;
  byProcedure: Array<{ label: string; filings: number }>;
  byMonth: Array<{ label: string; accounts: number; filings: number }>;
  byApp: Array<{ label: string; accounts: number }>;
  targets: TargetProgress[];
}

/** Does the ISO date fall in the period (2026, 2026-Q4, 2026-11)? */
export function inPeriod(iso: string, period: string | null): boolean {
  if (!period) return true;
  if (!iso) return false;
  if (/^\d{4}$/.test(period)) return iso.startsWith(period);
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const m = Number(iso.slice(5, 7));
    return iso.startsWith(q[1]!) && Math.ceil(m / 3) === Number(q[2]);
  }
  return iso.startsWith(period);
}

export function periodLabel(period: string | null): string {
  if (!period) return 'toàn bộ thời gian';
  if (/^\d{4}$/.test(period)) return `năm ${period}`;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `quý ${['I', 'II', 'III', 'IV'][Number(q[2]) - 1]}/${q[1]}`;
  return `tháng ${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

export function procedureLabel(cell: string): string {
  const id = cell.split(' ')[0] ?? '';
  const p = findById(id);
  return p ? p.officialName : cell;
}

const pct = (n: number, target: number) => (target > 0 ? Math.round((n / target) * 1000) / 10 : 0);

function bump<T extends Record<string, number>>(map: Map<string, T>, key: string, init: () => T, field: keyof T): void {
  let v = map.get(key);
  if (!v) map.set(key, (v = init()));
  (v[field] as number) += 1;
}

export function summarise(
  accounts: unknown[][],
  aIdx: Index,
  filings: unknown[][],
  fIdx: Index,
  targets: unknown[][],
  tIdx: Index,
  volunteerNames: Map<string, string>,
  period: string | null = null,
): Summary {
  const tdp = new Map<string, { accounts: number; filings: number }>();
  const vol = new Map<string, { accounts: number; filings: number }>();
  const month = new Map<string, { accounts: number; filings: number }>();
  const proc = new Map<string, { filings: number }>();
  const app = new Map<string, { accounts: number }>();
  const init2 = () => ({ accounts: 0, filings: 0 });
  const dated = { accounts: [] as Array<[string, string]>, filings: [] as Array<[string, string]> };
  const totals = { accounts: 0, filings: 0 };
  // Accounts and filings are counted the same way; each kind adds its own breakdown.
  const kinds = [
    { field: 'accounts' as const, rows: accounts, idx: aIdx, dateKey: 'createdOn', extra: (cells: unknown[]) => {
      for (const a of cellText(cells[aIdx.apps!]).split(/\s*[,;]\s*/)) if (a) bump(app, a, () => ({ accounts: 0 }), 'accounts');
    } },
    { field: 'filings' as const, rows: filings, idx: fIdx, dateKey: 'filedOn', extra: (cells: unknown[]) => {
      bump(proc, procedureLabel(cellText(cells[fIdx.procedureId!])) || '(chưa rõ)', () => ({ filings: 0 }), 'filings');
    } },
  ];
  for (const { field, rows, idx, dateKey, extra } of kinds) {
    for (const cells of rows) {
      if (!cellText(cells[idx.id!])) continue;
      const date = cellDate(cells[idx[dateKey]!]) || '';
      const t = cellText(cells[idx.toDanPho!]) || '(chưa rõ)';
      dated[field].push([t, date]);
      if (!inPeriod(date, period)) continue;
      totals[field]++;
      bump(tdp, t, init2, field);
      const v = cellText(cells[idx.volunteerId!]);
      bump(vol, volunteerNames.get(v) ?? (v || '(chưa rõ)'), init2, field);
      if (date) bump(month, date.slice(0, 7), init2, field);
      extra(cells);
    }
  }
  const accDates = dated.accounts;
  const filDates = dated.filings;
  const progress: TargetProgress[] = [];
  for (const cells of targets) {
    const t = cellText(cells[tIdx.toDanPho!]);
    const p = cellText(cells[tIdx.period!]);
    // One period: the targets of the chosen period only, as the Zalo report shows them.
    if (!t || !p || (period && p !== period)) continue;
    const at = Number(cells[tIdx.accountsTarget!]) || 0;
    const ft = Number(cells[tIdx.filingsTarget!]) || 0;
    const a = accDates.filter(([x, d]) => x === t && inPeriod(d, p)).length;
    const f = filDates.filter(([x, d]) => x === t && inPeriod(d, p)).length;
    progress.push({ toDanPho: t, period: p, accounts: a, accountsTarget: at, accountsPct: pct(a, at), filings: f, filingsTarget: ft, filingsPct: pct(f, ft) });
  }
  const sorted = <T extends { label: string }>(m: Map<string, Omit<T, 'label'>>, by: (x: T) => number) =>
    [...m.entries()].map(([label, v]) => ({ label, ...v }) as T).sort((a, b) => by(b) - by(a) || a.label.localeCompare(b.label, 'vi'));
  return {
    period,
    totals,
    byToDanPho: [...tdp.entries()].map(([label, v]) => ({ label, ...v })).sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true })),
    byVolunteer: sorted(vol, (x: { label: string; accounts: number; filings: number }) => x.accounts + x.filings),
    byProcedure: sorted(proc, (x: { label: string; filings: number }) => x.filings),
    byMonth: [...month.entries()].map(([label, v]) => ({ label, ...v })).sort((a, b) => a.label.localeCompare(b.label)),
    byApp: sorted(app, (x: { label: string; accounts: number }) => x.accounts),
    targets: progress,
  };
}

/**
 * The short plain-text report a group leader pastes into the Zalo group;
 * `diagnostics` is the one line about guide steps that failed in the period.
 */
export function zaloReport(s: Summary, ward: string, today: string, diagnostics: string | null = null): string {
  const lines: string[] = [];
  lines.push(`BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG – ${ward.toUpperCase()}`);
  lines.push(`Kỳ báo cáo: ${periodLabel(s.period)} (số liệu đến ngày ${viDate(today)})`);
  lines.push('');
  lines.push(`1. Tài khoản đã hỗ trợ người dân tạo: ${s.totals.accounts}`);
  for (const a of s.byApp) lines.push(`   - ${a.label}: ${a.accounts}`);
  lines.push(`2. Hồ sơ trực tuyến đã nộp: ${s.totals.filings}`);
  for (const p of s.byProcedure.slice(0, 8)) lines.push(`   - ${p.label}: ${p.filings}`);
  if (s.byProcedure.length > 8) lines.push(`   - Thủ tục khác: ${s.byProcedure.slice(8).reduce((n, p) => n + p.filings, 0)}`);
  const targets = s.targets.filter((t) => !s.period || t.period === s.period);
  if (targets.length) {
    lines.push('3. Tiến độ so với chỉ tiêu:');
    for (const t of targets) {
      lines.push(`   - ${t.toDanPho} (${periodLabel(t.period)}): tài khoản ${t.accounts}/${t.accountsTarget} (${t.accountsPct}%), hồ sơ ${t.filings}/${t.filingsTarget} (${t.filingsPct}%)`);
    }
  } else {
    lines.push('3. Tiến độ so với chỉ tiêu: chưa có chỉ tiêu cho kỳ này.');
  }
  const top = s.byProcedure.slice(0, 3);
  lines.push(`4. Nhu cầu nhiều nhất: ${top.length ? top.map((p) => `${p.label} (${p.filings})`).join('; ') : 'chưa có hồ sơ trong kỳ'}.`);
  if (diagnostics) lines.push(`5. ${diagnostics}`);
  return lines.join('\n');
}

function loadSummary(ss: Spreadsheet, period: string | null): Summary {
  const a = Table.open(ss, ACCOUNTS);
  const f = Table.open(ss, FILINGS);
  const tg = Table.open(ss, TARGETS);
  const names = new Map([...volunteerMap(ss)].map(([id, v]) => [id, `${v.name} (${id})`]));
  return summarise(a.rows().map((r) => r.cells), a.index, f.rows().map((r) => r.cells), f.index, tg.rows().map((r) => r.cells), tg.index, names, period);
}


export function refreshSummary(ss: Spreadsheet, period: string | null = null, now = new Date()): Summary {
  requireCurrent(ss);
  if (period && !PeriodSchema.safeParse(period).success) throw new RegistryError(PERIOD.message);
  const s = loadSummary(ss, period || null);
  const W = 7;
  const out: unknown[][] = [];
  const line = (...cells: unknown[]) => out.push([...cells, ...Array(W - cells.length).fill('')].slice(0, W));
  line(`Tổng hợp – ${periodLabel(s.period)} – cập nhật ${timestampInVietnam(now).replace('T', ' ').slice(0, 16)}`);
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
  if (period && !PeriodSchema.safeParse(period).success) throw new RegistryError(PERIOD.message);
  const s = loadSummary(ss, period || null);
  let line: string | null = null;
  try {
    line = diagnosticsLine(readMisses(ss), (d) => inPeriod(d, period || null));
  } catch (err) {
    // A damaged «Chẩn đoán» leaves the line out; its panel says what to mend.
    if (!(err instanceof RegistryError)) throw err;
  }
  return zaloReport(s, readSettings().ward, todayInVietnam(now), line);
}

