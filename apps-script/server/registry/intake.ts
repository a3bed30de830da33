// Records arriving from outside (the web endpoint and «Nhập từ tệp»): the same
// validation and the same clientId idempotency for both. Answers never carry a
// resident's personal data back.
import type * as z from 'zod';
import { SYNC_VERSION, SyncRecordSchema, type RecordResult, type SyncErrorCode, type SyncRecord, type SyncResponse } from '../../../shared/schemas/sync';
import { FORMULA_MESSAGE, isFormulaLike, isSecretLikeKey, isSecretLikeValue, SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { uuid } from '../infra/digest';
import { withScriptLock } from '../infra/lock';
import { RegistryError } from '../infra/table';
import { ACCOUNTS, FILINGS, type TableSpec } from './layout';
import { appendLog, maskRecord, type LogEntry } from './log';
import { canonicalGroup } from './lookups';
import { accountRecord, filingRecord, phoneColumn, procedureError, type FieldErrors } from './rows';

export const SERVER_VERSION = '0.2.0';
const RETRYABLE = new Set<SyncErrorCode>(['BUSY', 'SERVER', 'RATE_LIMITED']);

export function response(partial: Partial<SyncResponse> & { ok: boolean }): SyncResponse {
  return { v: SYNC_VERSION, results: [], serverVersion: SERVER_VERSION, ...partial };
}

export function failure(code: SyncErrorCode, message: string): SyncResponse {
  return response({ ok: false, error: { code, message, retryable: RETRYABLE.has(code) } });
}

export type Issue = { path: string; message: string };

/** Deeper than any envelope or file the extension makes (envelope → records → record → filing → consent). */
export const MAX_DEPTH = 12;
export const TOO_DEEP_MESSAGE = `Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_DEPTH} tầng): đây không phải dữ liệu do tiện ích Trợ lý DVC tạo ra.`;

/** Is the JSON value nested deeper than `max`? Iterative, so no depth can overflow the stack. */
export function nestedDeeperThan(value: unknown, max = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export function secretKeyPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => secretKeyPaths(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isSecretLikeKey(k) && k !== 'accessCode') out.push([...path, k].join('.'));
      secretKeyPaths(v, [...path, k], out);
    }
  }
  return out;
}

function badStrings(value: unknown, path: string[] = [], out: Issue[] = []): Issue[] {
  if (typeof value === 'string') {
    if (isSecretLikeValue(value)) out.push({ path: path.join('.'), message: SECRET_VALUE_MESSAGE });
    else if (isFormulaLike(value)) out.push({ path: path.join('.'), message: FORMULA_MESSAGE });
  } else if (Array.isArray(value)) value.forEach((v, i) => badStrings(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) badStrings(v, [...path, k], out);
  return out;
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 10).map((i) => ({
    path: i.path.map(String).join('.'),
    message:
      i.code === 'unrecognized_keys'
        ? `Trường không được phép: ${i.keys.join(', ')}.`
        : i.code === 'invalid_union' || i.code === 'invalid_value'
          ? i.message.startsWith('Invalid') ? 'Giá trị không hợp lệ.' : i.message
          : i.message.startsWith('Invalid') || i.message.startsWith('Too ') || i.message.startsWith('Unrecognized') ? 'Giá trị không hợp lệ.' : i.message,
  }));
}

export interface Validated {
  clientId: string;
  record?: SyncRecord;
  phone?: string;
  rejected?: { message: string; issues: Issue[] };
}

export interface RecordContext {
  today: string;
  /** The ward's tổ dân phố names; a record's tổ must be one of them (stored in the ward's spelling). */
  groups: string[];
}

export function unknownGroupMessage(name: string, groups: string[]): string {
  return `Tổ dân phố «${name}» không có trong danh mục của phường. Hãy chọn một tổ trong danh sách${groups[0] ? ` (ví dụ «${groups[0]}»)` : ''}; gửi lại nguyên như cũ sẽ không được nhận.`;
}

/** Validates one record; never throws. */
export function validateRecord(raw: unknown, ctx: RecordContext): Validated {
  const clientId = raw && typeof raw === 'object' && typeof (raw as { clientId?: unknown }).clientId === 'string' ? String((raw as { clientId: string }).clientId).slice(0, 64) : '';
  const reject = (message: string, issues: Issue[] = []): Validated => ({ clientId, rejected: { message, issues } });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return reject('Bản ghi không đúng định dạng.');
  const secretKeys = secretKeyPaths(raw);
  if (secretKeys.length) return reject(SECRET_VALUE_MESSAGE, secretKeys.map((p) => ({ path: p, message: SECRET_VALUE_MESSAGE })));
  const bad = badStrings(raw);
  if (bad.length) return reject(bad[0]!.message, bad);
  const parsed = SyncRecordSchema.safeParse(raw);
  if (!parsed.success) return reject('Bản ghi chưa hợp lệ: ' + zodIssues(parsed.error).map((i) => `${i.path || 'bản ghi'}: ${i.message}`).join('; '), zodIssues(parsed.error));
  const rec = parsed.data;
  // Placeholder until the «Chẩn đoán» sheet lands on the add-on side (issue 10): refused, never half-written.
  if (rec.kind === 'diagnostic') return reject('Sổ này chưa nhận bản ghi chẩn đoán: hãy cập nhật tiện ích bổ trợ của sổ.');
  const errors: FieldErrors = {};
  let phone = '';
  const fields = rec.kind === 'filing' ? rec.filing : rec.account;
  const group = canonicalGroup(fields.toDanPho, ctx.groups);
  if (group) fields.toDanPho = group;
  else errors[`${rec.kind}.toDanPho`] = unknownGroupMessage(fields.toDanPho, ctx.groups);
  if (rec.kind === 'filing') {
    const e = procedureError(rec.filing.procedureId, rec.filing.procedureCode);
    if (e) errors['filing.procedureId'] = e;
  } else {
    phone = phoneColumn(rec.account.phone, errors, 'account.phone');
  }
  const issues = Object.entries(errors).map(([path, message]) => ({ path, message }));
  if (issues.length) return reject(issues.map((i) => i.message).join(' '), issues);
  return { clientId, record: rec, phone };
}

export interface Writer {
  who: string;
  source: LogEntry['source'];
  volunteerId: string;
  sourceLabel: string;
}

/** What a write answers when the registry itself needs mending (not retryable: resending will not help). */
export function damaged(message: string): SyncResponse {
  return failure('NOT_SET_UP', `Sổ của phường cần sửa trước khi nhận bản ghi: ${message} Nhờ tổ trưởng sửa rồi chạy «Thiết lập sổ».`);
}

/**
 * Dedupe + append under the script lock. The same number of spreadsheet calls
 * for 1 or 100 records: one block read and one block write per sheet the batch
 * needs, and one log write. Every sheet is read before anything is written, so a
 * damaged registry writes nothing and says what to mend.
 */
export function writeRecords(ss: Spreadsheet, items: Validated[], writer: Writer, extraLog: LogEntry[], onLocked: () => void, now: Date, widths: Record<string, number> = {}): RecordResult[] | SyncResponse {
  const kinds = new Set(items.flatMap((v) => (v.record ? [v.record.kind] : [])));
  const load = (spec: TableSpec) => Table.load(ss, spec, Math.max(widths[spec.key] ?? 0, spec.columns.length));
  const done = withScriptLock(() => {
    onLocked();
    let accounts: Table | null;
    let filings: Table | null;
    try {
      accounts = kinds.has('account') ? load(ACCOUNTS) : null;
      filings = kinds.has('filing') ? load(FILINGS) : null;
    } catch (err) {
      if (err instanceof RegistryError) return damaged(err.message);
      throw err;
    }
    const seen = new Set<string>();
    for (const t of [accounts, filings]) for (const r of t?.rows() ?? []) {
      const c = cellText(t!.get(r, 'clientId')).toLowerCase();
      if (c) seen.add(c);
    }
    const stamp = timestampInVietnam(now);
    const accRows: unknown[][] = [];
    const filRows: unknown[][] = [];
    const log: LogEntry[] = [...extraLog];
    const rejected: string[] = [];
    const results: RecordResult[] = items.map((v) => {
      if (v.rejected) {
        rejected.push(v.clientId || '(không có mã)');
        return { clientId: v.clientId, status: 'rejected', message: v.rejected.message, ...(v.rejected.issues.length ? { issues: v.rejected.issues } : {}) };
      }
      const rec = v.record!;
      // A UUID is the same whatever its letter case.
      const key = rec.clientId.toLowerCase();
      if (seen.has(key)) return { clientId: rec.clientId, status: 'duplicate' };
      seen.add(key);
      const id = uuid();
      const base = { id, clientId: key, updatedAt: stamp, source: writer.sourceLabel };
      if (rec.kind === 'account') {
        const fields = accountRecord({ ...rec.account, volunteerId: writer.volunteerId }, { ...base, phone: v.phone ?? '' });
        accRows.push(accounts!.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm tài khoản', table: ACCOUNTS.name, recordId: id, after: maskRecord({ ...fields, createdOn: rec.account.createdOn }) });
      } else if (rec.kind === 'filing') {
        const fields = filingRecord({ ...rec.filing, volunteerId: writer.volunteerId }, base);
        filRows.push(filings!.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm hồ sơ', table: FILINGS.name, recordId: id, after: maskRecord({ ...fields, filedOn: rec.filing.filedOn, dueOn: rec.filing.dueOn ?? '' }) });
      }
      return { clientId: rec.clientId, status: 'created' };
    });
    if (rejected.length) {
      log.push({ who: writer.who, source: writer.source, action: `Từ chối ${rejected.length} bản ghi không hợp lệ`, table: '', recordId: rejected.slice(0, 20).join(', '), after: '' });
    }
    try {
      // The log first: a missing «Nhật ký» is found before any record is written.
      appendLog(ss, log, now);
    } catch (err) {
      if (err instanceof RegistryError) return damaged(err.message);
      throw err;
    }
    accounts?.append(accRows);
    filings?.append(filRows);
    return results;
  });
  return done.ok ? done.value : failure('BUSY', 'Sổ đang bận ghi dữ liệu khác. Tiện ích sẽ tự gửi lại sau ít phút.');
}

/** A refused request still leaves one log line (under the lock, so log rows never collide). */
export function logRefusal(ss: Spreadsheet, action: string, detail: string, now: Date): void {
  withScriptLock(() => {
    try {
      appendLog(ss, [{ who: '(điểm nhận)', source: 'Điểm nhận', action, table: '', recordId: '', after: detail }], now);
    } catch (err) {
      // Without «Nhật ký» there is nowhere to log; the answer still says what to mend.
      if (!(err instanceof RegistryError)) throw err;
    }
  }, 5_000);
}

