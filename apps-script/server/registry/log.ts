// The change log: who, when, what, before and after. ID numbers and phones are
// masked; the CCCD hash is never logged. Entries are collected and appended in one batch.
import { maskCccd, maskPhone } from '../../../shared/validate';
import { Table, type Spreadsheet } from '../infra/table';
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

function text(v: LogEntry['before']): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function appendLog(ss: Spreadsheet, entries: LogEntry[], now = new Date()): void {
  if (entries.length === 0) return;
  const table = Table.open(ss, LOG);
  const at = timestampInVietnam(now);
  table.append(
    entries.map((e) =>
      table.makeRow({ at, who: e.who, source: e.source, action: e.action, table: e.table, recordId: e.recordId, before: text(e.before), after: text(e.after) }),
    ),
  );
}

/** The signed-in user, or a placeholder when Apps Script does not reveal it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || '(không rõ người dùng)';
  } catch {
    return '(không rõ người dùng)';
  }
}
