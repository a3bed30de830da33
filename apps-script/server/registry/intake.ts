// Records arriving from outside (the web endpoint and «Nhập từ tệp»), once
// validated (registry/validation.ts): the same clientId idempotency for both.
// Answers never carry a resident's personal data back.
import { SYNC_VERSION, type RecordResult, type SyncErrorCode, type SyncRecord, type SyncResponse } from '../../../shared/schemas/sync';
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { uuid } from '../infra/digest';
import { withScriptLock } from '../infra/lock';
import { RegistryError } from '../infra/table';
import { ACCOUNTS, DIAGNOSTICS, FILINGS, type TableSpec } from './layout';
import { appendLog, maskRecord, type LogEntry } from './log';
import { accountRecord, diagnosticRecord, filingRecord } from './rows';
import { unredactedPath, type Validated } from './validation';

export const SERVER_VERSION = '0.3.0';
const RETRYABLE = new Set<SyncErrorCode>(['BUSY', 'SERVER', 'RATE_LIMITED']);

export function response(partial: Partial<SyncResponse> & { ok: boolean }): SyncResponse {
  return { v: SYNC_VERSION, results: [], serverVersion: SERVER_VERSION, ...partial };
}

export function failure(code: SyncErrorCode, message: string): SyncResponse {
  return response({ ok: false, error: { code, message, retryable: RETRYABLE.has(code) } });
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

type Kind = SyncRecord['kind'];
/** The sheet each kind of record goes to. */
export const SHEET_OF: Record<Kind, TableSpec> = { account: ACCOUNTS, filing: FILINGS, diagnostic: DIAGNOSTICS };
const KIND_LABEL: Record<Kind, string> = { account: 'tài khoản', filing: 'hồ sơ', diagnostic: 'chẩn đoán' };

export const DEFERRED_MESSAGE = 'Chưa ghi: mỗi lần gửi sổ nhận một loại bản ghi (hồ sơ, tài khoản hoặc chẩn đoán). Hãy gửi lại ngay bản ghi này; đây không phải lỗi.';

export interface WriteOptions {
  /** Store only the kind of the first valid record and answer the others "deferred" (the endpoint's call budget). */
  oneKind?: boolean;
  /** Columns each table had at the last lookups refresh (a post reads that many). */
  widths?: Record<string, number>;
  /** Runs first under the lock. */
  onLocked?: () => void;
}

/** The log lines of refused records: unredacted diagnostic paths on a line of their own (never the path itself). */
function refusalLines(items: Validated[], writer: Writer): LogEntry[] {
  const refused = items.filter((v) => v.rejected);
  const paths = refused.filter(unredactedPath).map((v) => v.clientId || '(không có mã)');
  const others = refused.filter((v) => !unredactedPath(v)).map((v) => v.clientId || '(không có mã)');
  const line = (action: string, ids: string[]): LogEntry => ({ who: writer.who, source: writer.source, action, table: '', recordId: ids.slice(0, 20).join(', '), after: '' });
  return [
    ...(others.length ? [line(`Từ chối ${others.length} bản ghi không hợp lệ`, others)] : []),
    ...(paths.length ? [line(`Từ chối ${paths.length} chẩn đoán có đường dẫn chưa được che (không lưu đường dẫn)`, paths)] : []),
  ];
}

/**
 * Dedupe + append under the script lock. The same number of spreadsheet calls
 * for 1 or 100 records: one block read and one block write per sheet the batch
 * needs, and one log write (diagnostics get no log line: they change no
 * registry data). Every sheet is read before anything is written, so a damaged
 * registry writes nothing and says what to mend.
 */
export function writeRecords(ss: Spreadsheet, items: Validated[], writer: Writer, extraLog: LogEntry[], now: Date, opts: WriteOptions = {}): RecordResult[] | SyncResponse {
  const valid = items.filter((v) => v.record);
  const first = valid[0]?.record?.kind;
  const stored = (k: Kind) => (opts.oneKind ? k === first : valid.some((v) => v.record!.kind === k));
  const kinds = (Object.keys(SHEET_OF) as Kind[]).filter(stored);
  const widths = opts.widths ?? {};
  const load = (spec: TableSpec) => Table.load(ss, spec, Math.max(widths[spec.key] ?? 0, spec.columns.length));
  const done = withScriptLock(() => {
    opts.onLocked?.();
    const tables = new Map<Kind, Table>();
    try {
      for (const k of kinds) tables.set(k, load(SHEET_OF[k]));
    } catch (err) {
      if (err instanceof RegistryError) return damaged(err.message);
      throw err;
    }
    const seen = new Set<string>();
    for (const t of tables.values()) for (const r of t.rows()) {
      const c = cellText(t.get(r, 'clientId')).toLowerCase();
      if (c) seen.add(c);
    }
    const stamp = timestampInVietnam(now);
    const rows = new Map<Kind, unknown[][]>(kinds.map((k) => [k, []]));
    const log: LogEntry[] = [...extraLog];
    const results: RecordResult[] = items.map((v) => {
      if (v.rejected) return { clientId: v.clientId, status: 'rejected', message: v.rejected.message, ...(v.rejected.issues.length ? { issues: v.rejected.issues } : {}) };
      const rec = v.record!;
      const table = tables.get(rec.kind);
      if (!table) return { clientId: rec.clientId, status: 'deferred', message: DEFERRED_MESSAGE };
      // A UUID is the same whatever its letter case.
      const key = rec.clientId.toLowerCase();
      if (seen.has(key)) return { clientId: rec.clientId, status: 'duplicate' };
      seen.add(key);
      const base = { clientId: key, updatedAt: stamp, source: writer.sourceLabel };
      if (rec.kind === 'diagnostic') {
        rows.get('diagnostic')!.push(table.makeRow(diagnosticRecord(rec.diagnostic, writer.volunteerId, { clientId: key, receivedAt: stamp })));
      } else if (rec.kind === 'account') {
        const id = uuid();
        const fields = accountRecord({ ...rec.account, volunteerId: writer.volunteerId }, { ...base, id, phone: v.phone ?? '' });
        rows.get('account')!.push(table.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm tài khoản', table: ACCOUNTS.name, recordId: id, after: maskRecord({ ...fields, createdOn: rec.account.createdOn }) });
      } else {
        const id = uuid();
        const fields = filingRecord({ ...rec.filing, volunteerId: writer.volunteerId }, { ...base, id });
        rows.get('filing')!.push(table.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm hồ sơ', table: FILINGS.name, recordId: id, after: maskRecord({ ...fields, filedOn: rec.filing.filedOn, dueOn: rec.filing.dueOn ?? '' }) });
      }
      return { clientId: rec.clientId, status: 'created' };
    });
    log.push(...refusalLines(items, writer));
    try {
      // The log first: a missing «Nhật ký» is found before any record is written.
      appendLog(ss, log, now);
    } catch (err) {
      if (err instanceof RegistryError) return damaged(err.message);
      throw err;
    }
    for (const [k, t] of tables) t.append(rows.get(k)!);
    return results;
  });
  return done.ok ? done.value : failure('BUSY', 'Sổ đang bận ghi dữ liệu khác. Tiện ích sẽ tự gửi lại sau ít phút.');
}

/** "3 hồ sơ, 1 chẩn đoán": what a batch of results stored, for messages. */
export function storedSummary(items: Validated[], results: RecordResult[]): string {
  const counts = new Map<Kind, number>();
  results.forEach((r, i) => {
    const k = items[i]?.record?.kind;
    if (k && r.status === 'created') counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  return [...counts].map(([k, n]) => `${n} ${KIND_LABEL[k]}`).join(', ');
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
