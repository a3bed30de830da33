// Retention: personal data older than the ward's retention period is cleared
// (the rows stay, so the counts still add up), in the registry and in the log.
import { monthsBefore } from '../../../shared/time/vietnam';
import { Table, type Row, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam, todayInVietnam } from '../infra/time';
import { ACCOUNTS, FILINGS, LOG, type TableSpec } from '../registry/layout';
import { appendLog, currentUser } from '../registry/log';
import { rowObject } from '../registry/rows';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';

const REMOVED = '(đã xoá theo thời hạn lưu)';

/**
 * Clears the personal columns of rows whose date (support or filing date) is
 * before the cutoff, writing a placeholder into the name column. Returns how
 * many rows changed.
 */
function purgeTable(ss: Spreadsheet, spec: TableSpec, dateKey: string, nameKey: string, cutoff: string, stamp: string): number {
  const t = Table.open(ss, spec);
  const changed: Row[] = [];
  for (const r of t.rows()) {
    const day = rowObject(t, r)[dateKey] as string;
    if (!day || day >= cutoff || cellText(t.get(r, nameKey)) === REMOVED) continue;
    const c = [...r.cells];
    for (const col of spec.columns) if (col.personal) c[t.index[col.key]!] = '';
    c[t.index[nameKey]!] = REMOVED;
    c[t.index.updatedAt!] = stamp;
    changed.push({ rowNumber: r.rowNumber, cells: c });
  }
  t.update(changed);
  return changed.length;
}

/** The change log shows names too: entries older than the cutoff keep what happened, not to whom. */
function purgeLog(ss: Spreadsheet, cutoff: string): number {
  const log = Table.open(ss, LOG);
  const changed: Row[] = [];
  for (const r of log.rows()) {
    const at = cellText(log.get(r, 'at'));
    const before = log.get(r, 'before');
    if (!at || at.slice(0, 10) >= cutoff || before === REMOVED || (!cellText(before) && !cellText(log.get(r, 'after')))) continue;
    const c = [...r.cells];
    c[log.index.before!] = REMOVED;
    c[log.index.after!] = '';
    changed.push({ rowNumber: r.rowNumber, cells: c });
  }
  log.update(changed);
  return changed.length;
}

/** Clears personal data older than the retention period; the rows stay for the counts. */
export function purgeExpired(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const settings = readSettings();
  if (settings.retentionMonths === 0) return { accounts: 0, filings: 0, cutoff: null as string | null };
  const cutoff = monthsBefore(todayInVietnam(now), settings.retentionMonths);
  const stamp = timestampInVietnam(now);
  const nA = purgeTable(ss, ACCOUNTS, 'createdOn', 'fullName', cutoff, stamp);
  const nF = purgeTable(ss, FILINGS, 'filedOn', 'residentName', cutoff, stamp);
  const nL = purgeLog(ss, cutoff);
  if (nA || nF || nL) {
    appendLog(ss, [{ who: currentUser(), source: 'Hệ thống', action: 'Xoá dữ liệu cá nhân quá thời hạn lưu', table: '', recordId: '', after: `Trước ${cutoff}: ${nA} tài khoản, ${nF} hồ sơ, ${nL} dòng nhật ký (giữ lại số liệu thống kê).` }], now);
  }
  return { accounts: nA, filings: nF, logEntries: nL, cutoff };
}
