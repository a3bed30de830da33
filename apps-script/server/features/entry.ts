// «Nhập tài khoản và hồ sơ»: the entry sidebar's server side — the same zod
// schemas as the browser, then one batch write per sheet — and the account
// search and load for editing.
import type * as z from 'zod';
import { FilingInputSchema, ResidentAccountInputSchema } from '../../../shared/schemas/registry';
import { isSecretLikeKey, isSecretLikeValue, SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import { Table, type Row, type Spreadsheet } from '../infra/table';
import { cellText, textOf } from '../infra/cells';
import { timestampInVietnam, todayInVietnam } from '../infra/time';
import { uuid } from '../infra/digest';
import { ACCOUNTS, FILINGS } from '../registry/layout';
import { listValues, volunteerMap } from '../registry/lists';
import { appendLog, currentUser, diff, maskRecord, type LogEntry } from '../registry/log';
import { accountRecord, cccdColumns, checkCccd, filingRecord, phoneColumn, procedureError, rowObject, type FieldErrors } from '../registry/rows';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';

export interface SaveRequest {
  account: unknown;
  filings?: unknown[];
}

export type SaveResult =
  | { ok: true; accountId: string; filingIds: string[]; created: boolean; message: string }
  | { ok: false; message: string; errors: FieldErrors };

function issuesToErrors(error: z.ZodError, prefix: string, errors: FieldErrors): void {
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (errors[key]) continue;
    if (issue.code === 'unrecognized_keys') {
      const secret = issue.keys.some(isSecretLikeKey);
      errors[key || 'form'] = secret ? SECRET_VALUE_MESSAGE : `Trường không được phép: ${issue.keys.join(', ')}.`;
    } else errors[key] = issue.message;
  }
}

export function saveAccount(ss: Spreadsheet, req: SaveRequest, now = new Date()): SaveResult {
  requireCurrent(ss);
  const errors: FieldErrors = {};
  const parsed = ResidentAccountInputSchema.safeParse(req?.account);
  if (!parsed.success) issuesToErrors(parsed.error, 'account', errors);
  // No field may carry something that looks like a password, OTP or document photo.
  const scan = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (isSecretLikeValue(value) && !errors[path]) errors[path] = SECRET_VALUE_MESSAGE;
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) scan(v, `${path}.${k}`);
  };
  scan(req?.account, 'account');
  (Array.isArray(req?.filings) ? req.filings : []).forEach((f, i) => scan(f, `filings.${i}`));
  const filingInputs = Array.isArray(req?.filings) ? req.filings : [];
  const filings: z.output<typeof FilingInputSchema>[] = [];
  filingInputs.forEach((f, i) => {
    const r = FilingInputSchema.safeParse(f);
    if (!r.success) issuesToErrors(r.error, `filings.${i}`, errors);
    else {
      const e = procedureError(r.data.procedureId, r.data.procedureCode);
      if (e) errors[`filings.${i}.procedureId`] = e;
      filings.push(r.data);
    }
  });
  if (!parsed.success) {
    // Still check CCCD and phone, so the volunteer sees every problem at once.
    const raw = (req?.account ?? {}) as Record<string, unknown>;
    const by = typeof raw.birthYear === 'number' ? raw.birthYear : 0;
    if (typeof raw.cccd === 'string' && raw.cccd.trim() && !errors['account.cccd']) checkCccd(raw.cccd, by, typeof raw.gender === 'string' ? raw.gender : undefined, errors, 'account.cccd');
    if (typeof raw.phone === 'string' && !errors['account.phone']) phoneColumn(raw.phone, errors, 'account.phone');
    return { ok: false, message: 'Có trường chưa hợp lệ: hãy sửa các ô được đánh dấu.', errors };
  }
  const a = parsed.data;
  const settings = readSettings();
  const today = todayInVietnam(now);
  if (a.createdOn > today) errors['account.createdOn'] = 'Ngày hỗ trợ không được sau hôm nay.';
  const tdpList = listValues(ss, 'toDanPho');
  if (tdpList.length && !tdpList.includes(a.toDanPho)) errors['account.toDanPho'] = `Tổ dân phố «${a.toDanPho}» không có trong danh mục.`;
  const vols = volunteerMap(ss);
  if (!vols.has(a.volunteerId)) errors['account.volunteerId'] = `Tình nguyện viên «${a.volunteerId}» chưa có trong danh sách.`;
  const cccd = a.cccd ? checkCccd(a.cccd, a.birthYear, a.gender, errors, 'account.cccd') : null;
  const phone = phoneColumn(a.phone, errors, 'account.phone');
  filings.forEach((f, i) => {
    if (f.filedOn > today) errors[`filings.${i}.filedOn`] = 'Ngày nộp không được sau hôm nay.';
  });
  if (Object.keys(errors).length) return { ok: false, message: 'Có trường chưa hợp lệ: hãy sửa các ô được đánh dấu.', errors };

  const who = currentUser();
  const stamp = timestampInVietnam(now);
  const log: LogEntry[] = [];
  const accounts = Table.open(ss, ACCOUNTS);
  let accountId = a.id ?? '';
  let created = false;
  const fields = accountRecord(a, { phone, updatedAt: stamp, ...(cccd ? cccdColumns(cccd, settings) : {}) });
  if (a.id) {
    const row = accounts.rows().find((r) => cellText(accounts.get(r, 'id')) === a.id);
    if (!row) return { ok: false, message: 'Không tìm thấy tài khoản cần sửa (có thể đã bị gộp hoặc xoá).', errors: {} };
    const before = rowObject(accounts, row);
    // Keep the original consent record when the same text version is confirmed again.
    if (before.consentVersion === a.consent.textVersion && before.consentGiven === true) {
      fields.consentAt = before.consentAt;
    }
    const cells = [...row.cells];
    for (const [k, v] of Object.entries(fields)) cells[accounts.index[k]!] = v;
    const updated: Row = { rowNumber: row.rowNumber, cells };
    accounts.update([updated]);
    const d = diff(before, rowObject(accounts, updated));
    delete d.before.updatedAt;
    delete d.after.updatedAt;
    log.push({ who, source: 'Tiện ích bổ sung', action: 'Sửa tài khoản', table: ACCOUNTS.name, recordId: a.id, before: d.before, after: d.after });
  } else {
    accountId = uuid();
    created = true;
    accounts.append([accounts.makeRow({ ...fields, id: accountId, source: 'Biểu mẫu' })]);
    const after = maskRecord({ ...fields, id: accountId, cccdFull: fields.cccdFull ?? '', createdOn: a.createdOn });
    log.push({ who, source: 'Tiện ích bổ sung', action: 'Thêm tài khoản', table: ACCOUNTS.name, recordId: accountId, after });
  }

  const filingIds: string[] = [];
  if (filings.length) {
    const table = Table.open(ss, FILINGS);
    const appended: unknown[][] = [];
    const updated: Row[] = [];
    const existing = filings.some((f) => f.id) ? new Map(table.rows().map((r) => [cellText(table.get(r, 'id')), r])) : new Map<string, Row>();
    for (const f of filings) {
      const rec = filingRecord({ ...f, accountId }, { updatedAt: stamp });
      const row = f.id ? existing.get(f.id) : undefined;
      if (f.id && row) {
        const before = rowObject(table, row);
        const cells = [...row.cells];
        for (const [k, v] of Object.entries(rec)) cells[table.index[k]!] = v;
        const next = { rowNumber: row.rowNumber, cells };
        updated.push(next);
        const d = diff(before, rowObject(table, next));
        delete d.before.updatedAt;
        delete d.after.updatedAt;
        log.push({ who, source: 'Tiện ích bổ sung', action: 'Sửa hồ sơ', table: FILINGS.name, recordId: f.id, before: d.before, after: d.after });
        filingIds.push(f.id);
      } else {
        const id = uuid();
        appended.push(table.makeRow({ ...rec, id, source: 'Biểu mẫu' }));
        log.push({ who, source: 'Tiện ích bổ sung', action: 'Thêm hồ sơ', table: FILINGS.name, recordId: id, after: maskRecord({ ...rec, filedOn: f.filedOn, dueOn: f.dueOn ?? '' }) });
        filingIds.push(id);
      }
    }
    table.update(updated);
    table.append(appended);
  }
  appendLog(ss, log, now);
  return {
    ok: true,
    accountId,
    filingIds,
    created,
    message: created ? `Đã thêm tài khoản của ${a.fullName}${filingIds.length ? ` và ${filingIds.length} hồ sơ` : ''}.` : `Đã lưu thay đổi cho ${a.fullName}.`,
  };
}

export interface AccountListItem {
  id: string;
  fullName: string;
  birthYear: string;
  toDanPho: string;
  cccdLast4: string;
  rowNumber: number;
}

/** Accounts matching a query (folded name or last 4 CCCD digits), at most 50. */
export function listAccounts(ss: Spreadsheet, query: string, fold: (s: string) => string): AccountListItem[] {
  const t = Table.open(ss, ACCOUNTS);
  const q = fold(query ?? '');
  const out: AccountListItem[] = [];
  for (const r of t.rows()) {
    const id = cellText(t.get(r, 'id'));
    if (!id) continue;
    const name = cellText(t.get(r, 'fullName'));
    const last4 = textOf(t.get(r, 'cccdLast4'), 4);
    if (q && !fold(name).includes(q) && last4 !== q) continue;
    out.push({ id, fullName: name, birthYear: cellText(t.get(r, 'birthYear')), toDanPho: cellText(t.get(r, 'toDanPho')), cccdLast4: last4, rowNumber: r.rowNumber });
    if (out.length >= 50) break;
  }
  return out;
}

export interface AccountForEditing {
  id: string;
  fullName: string;
  birthYear: string;
  gender: string;
  toDanPho: string;
  cccdLast4: string;
  phone: string;
  apps: string[];
  createdOn: string;
  volunteerId: string;
  consentGiven: boolean;
  consentVersion: string;
  consentAt: string;
  notes: string;
  filings: Array<{ id: string; procedureId: string; dossierCode: string; filedOn: string; dueOn: string; portal: string; status: string; notes: string }>;
}

/** One account and its filings, for editing. The CCCD never leaves the server: only its last 4 digits. */
export function getAccount(ss: Spreadsheet, id: string): AccountForEditing {
  const t = Table.open(ss, ACCOUNTS);
  const row = t.rows().find((r) => cellText(t.get(r, 'id')) === id);
  if (!row) throw new Error('Không tìm thấy tài khoản (có thể đã bị gộp hoặc xoá).');
  const o = rowObject(t, row);
  const text = (k: string, from: Record<string, unknown> = o) => String(from[k] ?? '');
  const f = Table.open(ss, FILINGS);
  const filings = f
    .rows()
    .filter((r) => cellText(f.get(r, 'accountId')) === id)
    .map((r) => {
      const x = rowObject(f, r);
      return {
        id: text('id', x),
        procedureId: text('procedureId', x).split(' ')[0] ?? '',
        dossierCode: text('dossierCode', x),
        filedOn: text('filedOn', x),
        dueOn: text('dueOn', x),
        portal: text('portal', x),
        status: text('status', x),
        notes: text('notes', x),
      };
    });
  return {
    id: text('id'),
    fullName: text('fullName'),
    birthYear: text('birthYear'),
    gender: text('gender'),
    toDanPho: text('toDanPho'),
    cccdLast4: text('cccdLast4'),
    phone: text('phone'),
    apps: text('apps').split(/\s*,\s*/).filter(Boolean),
    createdOn: text('createdOn'),
    volunteerId: text('volunteerId'),
    consentGiven: o.consentGiven === true,
    consentVersion: text('consentVersion'),
    consentAt: text('consentAt'),
    notes: text('notes'),
    filings,
  };
}
