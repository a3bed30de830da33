// The change log: who, when, what, before and after. ID numbers and phones are
// masked; the CCCD hash is never logged. Entries are collected and appended in one batch.
import { maskCccd, maskPhone } from '../../../shared/validate';
import { RegistryError, Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { colA1 } from '../infra/a1';
import { timestampInVietnam } from '../infra/time';
import { LOG } from './layout';

export interface LogEntry {
  who: string;
  source: 'Tiện ích bổ sung' | 'Điểm nhận' | 'Sửa tay' | 'Nhập từ tệp' | 'Hệ thống';
  action: string;
  table: string;
  recordId: string;
  before?: Record<string, unknown> | string;
  after?: Record<string, unknown> | string;
}

const HIDDEN = new Set(['cccdKey']);
const CCCD_KEYS = new Set(['cccdFull', 'cccd']);
const PHONE_KEYS = new Set(['phone']);

/** Masks anything that looks like a CCCD or phone number inside free text. */
export function maskText(text: string): string {
  return text
    .replace(/(?<!\d)\d{9,12}(?!\d)/g, (d) => maskCccd(d))
    .replace(/\+84\d{9}/g, (p) => maskPhone(p))
    .replace(/(?<![\d+])0\d{9}(?!\d)/g, (p) => maskPhone(`+84${p.slice(1)}`));
}

export function maskValue(key: string, v: unknown): unknown {
  if (v === '' || v === null || v === undefined) return v;
  if (CCCD_KEYS.has(key)) return maskCccd(String(v));
  if (PHONE_KEYS.has(key)) return maskPhone(String(v));
  if (typeof v === 'string') return maskText(v);
  return v;
}

export function maskRecord(rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!HIDDEN.has(k)) out[k] = maskValue(k, v);
  return out;
}

/** Only the fields that changed, masked. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (HIDDEN.has(k)) continue;
    const x = before[k] ?? '';
    const y = after[k] ?? '';
    if (String(x) !== String(y)) {
      b[k] = maskValue(k, x);
      a[k] = maskValue(k, y);
    }
  }
  return { before: b, after: a };
}

/** A log cell stays well under Sheets' 50,000 characters a cell. */
const MAX_LOG_CELL = 45_000;

function text(v: LogEntry['before']): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Appends log rows. «Nhật ký» is the add-on's own protected sheet, its columns
 * in the layout's order, so the last row is found from its first column alone:
 * one read, then one formatted block write (5 calls; 2 more when it must grow).
 */
export function appendLog(ss: Spreadsheet, entries: LogEntry[], now = new Date()): void {
  if (entries.length === 0) return;
  const at = timestampInVietnam(now);
  const rows = entries.map((e) => [at, e.who, e.source, e.action, e.table, e.recordId, text(e.before), text(e.after)].map((v) => v.slice(0, MAX_LOG_CELL)));
  let column: unknown[][];
  try {
    column = ss.getRange(`'${LOG.name}'!A1:A`).getValues();
  } catch {
    throw new RegistryError(`Chưa có trang tính «${LOG.name}». Hãy chạy «Thiết lập sổ» để tạo lại (nhật ký cũ không còn).`);
  }
  if (cellText(column[0]?.[0]) !== LOG.columns[0]!.header) {
    // Not the layout's order after all: the long way, by header.
    const table = Table.open(ss, LOG);
    table.append(rows.map((r) => table.makeRow(Object.fromEntries(LOG.columns.map((c, i) => [c.key, r[i]])))));
    return;
  }
  let last = column.length;
  while (last > 1 && cellText(column[last - 1]![0]) === '') last--;
  const first = last + 1;
  const lastNeeded = last + rows.length;
  if (lastNeeded > column.length) ss.getSheetByName(LOG.name)!.insertRowsAfter(column.length, lastNeeded - column.length + 500);
  const range = ss.getRange(`'${LOG.name}'!A${first}:${colA1(LOG.columns.length - 1)}${lastNeeded}`);
  range.setNumberFormats(rows.map((r) => r.map(() => '@')));
  range.setValues(rows);
}

/** The signed-in user, or a placeholder when Apps Script does not reveal it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || '(không rõ người dùng)';
  } catch {
    return '(không rõ người dùng)';
  }
}
