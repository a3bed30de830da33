// «Nhật ký thay đổi và rà soát»: the recent change log, the staff audit view, and
// the installable edit trigger that logs manual edits (masked).
import { Table, type Row, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { ACCOUNTS, CODES, FILINGS, LOG, VOLUNTEERS } from '../registry/layout';
import { appendLog, currentUser, maskText } from '../registry/log';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';

export function auditView(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const settings = readSettings();
  const a = Table.open(ss, ACCOUNTS);
  const f = Table.open(ss, FILINGS);
  const withFiling = new Set(f.columns(['accountId']).map((r) => cellText(r.accountId)).filter(Boolean));
  const staleBefore = timestampInVietnam(new Date(now.getTime() - settings.staleDays * 86_400_000));
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

/** Vietnamese names of the fields a log entry may mention (the sheets' headers, and a few of the add-on's own). */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries([ACCOUNTS, FILINGS, VOLUNTEERS, CODES].flatMap((t) => t.columns.map((c) => [c.key, c.header]))),
  ward: 'Tên phường',
  fullCccd: 'Lưu số CCCD đầy đủ',
  retentionMonths: 'Thời hạn lưu (tháng)',
  staleDays: 'Coi là lâu không cập nhật sau (ngày)',
  managers: 'Người quản lý sổ',
  vùngBảoVệĐãCậpNhật: 'Số vùng bảo vệ đã cập nhật',
  gộpTừ: 'Gộp từ',
  hồSơChuyểnSang: 'Số hồ sơ chuyển sang',
};

function plain(v: unknown): string {
  if (v === true) return 'có';
  if (v === false) return 'không';
  if (Array.isArray(v)) return v.map(plain).join(', ') || '(trống)';
  if (v === '' || v === null || v === undefined) return '(trống)';
  return String(v);
}

function fields(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** "Số điện thoại: +84 9•• ••• 678 → +84 9•• ••• 321; …": a log entry's before and after in plain Vietnamese. */
export function describeChange(before: string, after: string): string {
  const b = fields(before);
  const a = fields(after);
  if (!b && !a) return [before && `Trước: ${before}`, after && (before ? `Sau: ${after}` : after)].filter(Boolean).join(' · ');
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys
    .map((k) => {
      const label = FIELD_LABELS[k] ?? k;
      if (b && a) return `${label}: ${plain(b[k])} → ${plain(a[k])}`;
      return `${label}: ${plain((a ?? b)![k])}`;
    })
    .join('; ');
}

/** The newest log entries (already masked when written), newest first, each with its change in plain Vietnamese. */
export function recentLog(ss: Spreadsheet, limit = 50) {
  const sheet = ss.getSheetByName(LOG.name);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const n = Math.min(Math.max(1, Math.floor(limit) || 50), 500, last - 1);
  const rows = sheet.getRange(last - n + 1, 1, n, LOG.columns.length).getValues();
  return rows.reverse().map((r) => {
    const e = Object.fromEntries(LOG.columns.map((c, i) => [c.key, cellText(r[i])])) as Record<(typeof LOG.columns)[number]['key'], string>;
    return { ...e, details: describeChange(e.before ?? '', e.after ?? '') };
  });
}

/** The log line for a manual edit, or null for edits of the add-on's own sheets. */
export function logManualEdit(ss: Spreadsheet, e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
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
  appendLog(ss, [
    {
      who,
      source: 'Sửa tay',
      action: single ? 'Sửa ô' : 'Sửa nhiều ô',
      table: sheet,
      recordId: range.getA1Notation(),
      before: single ? mask(e.oldValue) : '',
      after: single ? mask(e.value) : `${range.getNumRows()} dòng × ${range.getNumColumns()} cột`,
    },
  ]);
}
