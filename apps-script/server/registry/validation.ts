// Validation of records arriving from outside (the web endpoint and «Nhập từ tệp»):
// bounded nesting, no secret-looking keys or values, no formulas, the shared
// schemas, the ward's tổ dân phố names, the catalogue. Pure: no spreadsheet call.
import type * as z from 'zod';
import { SyncRecordSchema, UNREDACTED_PATH_MESSAGE, type SyncRecord } from '../../../shared/schemas/sync';
import { FORMULA_MESSAGE, isFormulaLike, isSecretLikeKey, isSecretLikeValue, SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import { canonicalGroup } from './lookups';
import { phoneColumn, procedureError, type FieldErrors } from './rows';

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

/** Was the record refused because its diagnostic path was not redacted (logged on its own line)? */
export function unredactedPath(v: Validated): boolean {
  return Boolean(v.rejected?.issues.some((i) => i.path === 'diagnostic.path' && i.message === UNREDACTED_PATH_MESSAGE));
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
  if (rec.kind === 'diagnostic') return { clientId, record: rec };
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
