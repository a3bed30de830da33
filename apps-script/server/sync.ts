// The web endpoint (doPost) and "Nhập từ tệp": the same validation and the same
// clientId idempotency. Answers never carry a resident's personal data back.
import * as z from 'zod';
import {
  MAX_BODY_BYTES,
  MAX_FILE_BYTES,
  MAX_RECORDS_PER_ENVELOPE,
  MAX_RECORDS_PER_FILE,
  OUTBOX_FILE_KIND,
  OutboxFileSchema,
  SYNC_VERSION,
  SyncEnvelopeSchema,
  SyncRecordSchema,
  type RecordResult,
  type SyncErrorCode,
  type SyncRecord,
  type SyncResponse,
} from '../../shared/schemas/sync';
import { FORMULA_MESSAGE, isFormulaLike, isSecretLikeKey, isSecretLikeValue, SECRET_VALUE_MESSAGE } from '../../shared/schemas/privacy';
import { ACCOUNTS, FILINGS } from './layout';
import { appendLog, maskRecord, type LogEntry } from './log';
import { accountRecord, filingRecord, phoneColumn, procedureError, type FieldErrors } from './records';
import { authenticate, touchCode } from './access';
import { volunteerMap } from './entry';
import { readSettings } from './settings';
import { requireCurrent } from './setup';
import { Table, type Spreadsheet } from './table';
import { cellText, isoDateVn, isoNowVn, utf8Length, uuid } from './util';

export const SERVER_VERSION = '0.2.0';
const LOCK_WAIT_MS = 20_000;
const RETRYABLE = new Set<SyncErrorCode>(['BUSY', 'SERVER', 'RATE_LIMITED']);

export function response(partial: Partial<SyncResponse> & { ok: boolean }): SyncResponse {
  return { v: SYNC_VERSION, results: [], serverVersion: SERVER_VERSION, ...partial };
}

export function failure(code: SyncErrorCode, message: string): SyncResponse {
  return response({ ok: false, error: { code, message, retryable: RETRYABLE.has(code) } });
}

type Issue = { path: string; message: string };

function secretKeyPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
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

function zodIssues(error: z.ZodError): Issue[] {
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

interface Validated {
  clientId: string;
  record?: SyncRecord;
  phone?: string;
  rejected?: { message: string; issues: Issue[] };
}

interface RecordContext {
  today: string;
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
  const errors: FieldErrors = {};
  const tomorrow = isoDateVn(new Date(Date.parse(`${ctx.today}T12:00:00Z`) + 86_400_000));
  let phone = '';
  if (rec.kind === 'filing') {
    const e = procedureError(rec.filing.procedureId, rec.filing.procedureCode);
    if (e) errors['filing.procedureId'] = e;
    if (rec.filing.filedOn > tomorrow) errors['filing.filedOn'] = 'Ngày nộp không được sau hôm nay.';
  } else {
    phone = phoneColumn(rec.account.phone, errors, 'account.phone');
    if (rec.account.createdOn > tomorrow) errors['account.createdOn'] = 'Ngày hỗ trợ không được sau hôm nay.';
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

/**
 * Dedupe + append under the script lock. Same number of spreadsheet calls for
 * 1 or 100 records: one read of the id columns and one append per sheet.
 */
export function writeRecords(ss: Spreadsheet, items: Validated[], writer: Writer, extraLog: LogEntry[], onLocked: () => void, now: Date): RecordResult[] | SyncResponse {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    return failure('BUSY', 'Sổ đang bận ghi dữ liệu khác. Tiện ích sẽ tự gửi lại sau ít phút.');
  }
  try {
    onLocked();
    const accounts = Table.open(ss, ACCOUNTS);
    const filings = Table.open(ss, FILINGS);
    const seen = new Set<string>();
    for (const t of [accounts, filings]) for (const r of t.columns(['clientId'])) {
      const c = cellText(r.clientId);
      if (c) seen.add(c);
    }
    const stamp = isoNowVn(now);
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
      if (seen.has(rec.clientId)) return { clientId: rec.clientId, status: 'duplicate' };
      seen.add(rec.clientId);
      const id = uuid();
      const base = { id, clientId: rec.clientId, updatedAt: stamp, source: writer.sourceLabel };
      if (rec.kind === 'account') {
        const fields = accountRecord({ ...rec.account, volunteerId: writer.volunteerId }, { ...base, phone: v.phone ?? '' });
        accRows.push(accounts.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm tài khoản', table: ACCOUNTS.name, recordId: id, after: maskRecord({ ...fields, createdOn: rec.account.createdOn }) });
      } else {
        const fields = filingRecord({ ...rec.filing, volunteerId: writer.volunteerId }, base);
        filRows.push(filings.makeRow(fields));
        log.push({ who: writer.who, source: writer.source, action: 'Thêm hồ sơ', table: FILINGS.name, recordId: id, after: maskRecord({ ...fields, filedOn: rec.filing.filedOn, dueOn: rec.filing.dueOn ?? '' }) });
      }
      return { clientId: rec.clientId, status: 'created' };
    });
    if (rejected.length) {
      log.push({ who: writer.who, source: writer.source, action: `Từ chối ${rejected.length} bản ghi không hợp lệ`, table: '', recordId: rejected.slice(0, 20).join(', '), after: '' });
    }
    accounts.append(accRows);
    filings.append(filRows);
    appendLog(ss, log, now);
    SpreadsheetApp.flush();
    return results;
  } finally {
    lock.releaseLock();
  }
}

/** A refused request still leaves one log line (under the lock, so log rows never collide). */
function logRefusal(ss: Spreadsheet, action: string, detail: string, now: Date): void {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(5_000)) return;
  try {
    appendLog(ss, [{ who: '(điểm nhận)', source: 'Điểm nhận', action, table: '', recordId: '', after: detail }], now);
  } finally {
    lock.releaseLock();
  }
}

const EnvelopeShape = SyncEnvelopeSchema.extend({ records: z.array(z.unknown()).max(MAX_RECORDS_PER_ENVELOPE, { message: `Tối đa ${MAX_RECORDS_PER_ENVELOPE} bản ghi mỗi lần gửi.` }) });

export function handlePost(ss: Spreadsheet, e: GoogleAppsScript.Events.DoPost | undefined, now = new Date()): SyncResponse {
  const text = e?.postData?.contents ?? '';
  const declared = Number(e?.postData?.length ?? 0);
  if (declared > MAX_BODY_BYTES || text.length > MAX_BODY_BYTES || utf8Length(text) > MAX_BODY_BYTES) {
    logRefusal(ss, 'Từ chối yêu cầu: quá lớn', `${Math.max(declared, utf8Length(text))} byte`, now);
    return failure('TOO_LARGE', `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024} KB). Hãy gửi ít bản ghi hơn mỗi lần.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    logRefusal(ss, 'Từ chối yêu cầu: không phải JSON', `${utf8Length(text)} byte`, now);
    return failure('BAD_JSON', 'Dữ liệu gửi lên không đúng định dạng JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    logRefusal(ss, 'Từ chối yêu cầu: không phải đối tượng JSON', '', now);
    return failure('BAD_JSON', 'Dữ liệu gửi lên không đúng định dạng.');
  }
  const obj = body as Record<string, unknown>;
  if (obj.v !== SYNC_VERSION) {
    logRefusal(ss, 'Từ chối yêu cầu: sai phiên bản', `v=${JSON.stringify(obj.v ?? null).slice(0, 20)}`, now);
    return failure('BAD_VERSION', `Phiên bản dữ liệu không khớp (máy chủ dùng phiên bản ${SYNC_VERSION}): hãy cập nhật tiện ích Trợ lý DVC.`);
  }
  try {
    requireCurrent(ss);
  } catch (err) {
    return failure('NOT_SET_UP', `Sổ của phường chưa sẵn sàng: ${(err as Error).message}`);
  }
  const { records: _records, ...envelopeOnly } = obj;
  const secretKeys = secretKeyPaths(envelopeOnly);
  if (secretKeys.length) {
    logRefusal(ss, 'Từ chối yêu cầu: có trường giống mật khẩu/OTP', secretKeys.join(', '), now);
    return failure('INVALID', SECRET_VALUE_MESSAGE);
  }
  const env = EnvelopeShape.safeParse(obj);
  if (!env.success) {
    const onlyCode = env.error.issues.every((i) => i.path[0] === 'accessCode');
    const issues = zodIssues(env.error);
    logRefusal(ss, 'Từ chối yêu cầu: dữ liệu không hợp lệ', issues.map((i) => `${i.path}: ${i.message}`).join('; ').slice(0, 500), now);
    if (onlyCode) return failure('AUTH_MISSING', 'Thiếu mã truy cập. Hãy dán mã tổ trưởng đã cấp vào trang Tuỳ chọn của tiện ích.');
    return failure('INVALID', `Dữ liệu gửi lên không hợp lệ: ${issues.map((i) => `${i.path || 'gói'}: ${i.message}`).join('; ')}`);
  }
  const auth = authenticate(ss, env.data.accessCode, now);
  if (!auth.ok) {
    logRefusal(ss, `Từ chối yêu cầu: ${auth.code}`, `mã ${auth.codeId ?? '?'} (băm ${auth.hashPrefix}…)`, now);
    return failure(auth.code, auth.message);
  }
  const ward = readSettings().ward;
  const linked = { volunteerId: auth.volunteerId, volunteerName: auth.volunteerName, ward };
  if (env.data.action === 'hello') {
    const lock = LockService.getScriptLock();
    if (lock.tryLock(5_000)) {
      try {
        touchCode(auth, now);
      } finally {
        lock.releaseLock();
      }
    }
    return response({ ok: true, linked });
  }
  const ctx = { today: isoDateVn(now) };
  const items = env.data.records.map((r) => validateRecord(r, ctx));
  const writer: Writer = { who: `${auth.volunteerId} (mã ${auth.codeId})`, source: 'Điểm nhận', volunteerId: auth.volunteerId, sourceLabel: 'Tiện ích trình duyệt' };
  const results = writeRecords(ss, items, writer, [], () => touchCode(auth, now), now);
  if (!Array.isArray(results)) return results;
  return response({ ok: true, linked, results });
}

export interface ImportResult {
  ok: boolean;
  message: string;
  created: number;
  duplicates: number;
  rejected: Array<{ clientId: string; message: string }>;
}

/** "Nhập từ tệp": an outbox file exported by the extension, imported for the chosen volunteer. */
export function importOutbox(ss: Spreadsheet, text: string, volunteerId: string, who: string, now = new Date()): ImportResult {
  requireCurrent(ss);
  const fail = (message: string): ImportResult => {
    logRefusal(ss, 'Từ chối nhập tệp', message.slice(0, 300), now);
    return { ok: false, message, created: 0, duplicates: 0, rejected: [] };
  };
  if (typeof text !== 'string' || text.length === 0) return fail('Tệp trống.');
  if (utf8Length(text) > MAX_FILE_BYTES) return fail(`Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
  const vol = volunteerMap(ss).get(volunteerId);
  if (!vol) return fail('Hãy chọn tình nguyện viên đã gửi tệp này.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail('Tệp không phải JSON do tiện ích Trợ lý DVC xuất ra.');
  }
  const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (obj.kind !== OUTBOX_FILE_KIND) return fail('Tệp không phải tệp hàng chờ do tiện ích Trợ lý DVC xuất ra.');
  if (obj.v !== SYNC_VERSION) return fail(`Phiên bản tệp không khớp (cần phiên bản ${SYNC_VERSION}): hãy cập nhật tiện ích rồi xuất lại.`);
  const { records: _r, ...rest } = obj;
  const secretKeys = secretKeyPaths(rest);
  if (secretKeys.length) return fail(SECRET_VALUE_MESSAGE);
  const shape = OutboxFileSchema.extend({ records: z.array(z.unknown()).max(MAX_RECORDS_PER_FILE) }).safeParse(obj);
  if (!shape.success) return fail(`Tệp không hợp lệ: ${zodIssues(shape.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const ctx = { today: isoDateVn(now) };
  const items = shape.data.records.map((r) => validateRecord(r, ctx));
  const extra: LogEntry[] = [{ who, source: 'Nhập từ tệp', action: `Nhập tệp hàng chờ của ${volunteerId}`, table: '', recordId: '', after: `${items.length} bản ghi, xuất lúc ${shape.data.exportedAt}` }];
  const results = writeRecords(ss, items, { who, source: 'Nhập từ tệp', volunteerId, sourceLabel: 'Nhập từ tệp' }, extra, () => undefined, now);
  if (!Array.isArray(results)) return { ok: false, message: results.error!.message, created: 0, duplicates: 0, rejected: [] };
  const created = results.filter((r) => r.status === 'created').length;
  const duplicates = results.filter((r) => r.status === 'duplicate').length;
  const rejected = results.filter((r) => r.status === 'rejected').map((r) => ({ clientId: r.clientId, message: r.message ?? '' }));
  return {
    ok: true,
    created,
    duplicates,
    rejected,
    message: `Đã nhập ${created} bản ghi mới${duplicates ? `, bỏ qua ${duplicates} bản ghi đã có` : ''}${rejected.length ? `, từ chối ${rejected.length} bản ghi không hợp lệ` : ''}.`,
  };
}
