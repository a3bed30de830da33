// The web endpoint (doPost): envelope checks, the access code, then the records
// through the shared intake. Every outcome is a SyncResponse (Apps Script web
// apps cannot set HTTP status codes).
import * as z from 'zod';
import { MAX_BODY_BYTES, MAX_RECORDS_PER_ENVELOPE, SYNC_VERSION, SyncEnvelopeSchema, type SyncResponse } from '../../../shared/schemas/sync';
import { SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import type { Spreadsheet } from '../infra/table';
import { todayInVietnam } from '../infra/time';
import { utf8Length } from '../infra/digest';
import { withScriptLock } from '../infra/lock';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';
import { failure, logRefusal, response, secretKeyPaths, validateRecord, writeRecords, zodIssues, type Writer } from '../registry/intake';
import { authenticate, touchCode } from '../registry/codes';

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
    withScriptLock(() => touchCode(auth, now), 5_000);
    return response({ ok: true, linked });
  }
  const ctx = { today: todayInVietnam(now) };
  const items = env.data.records.map((r) => validateRecord(r, ctx));
  const writer: Writer = { who: `${auth.volunteerId} (mã ${auth.codeId})`, source: 'Điểm nhận', volunteerId: auth.volunteerId, sourceLabel: 'Tiện ích trình duyệt' };
  const results = writeRecords(ss, items, writer, [], () => touchCode(auth, now), now);
  if (!Array.isArray(results)) return results;
  return response({ ok: true, linked, results });
}

