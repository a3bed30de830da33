// The web endpoint (doPost): envelope checks, the access code, then the records
// through the shared intake. Every outcome is a SyncResponse (Apps Script web
// apps cannot set HTTP status codes).
import * as z from 'zod';
import { MAX_BODY_BYTES, MAX_RECORDS_PER_ENVELOPE, SYNC_VERSION, SyncEnvelopeSchema, type SyncResponse } from '../../../shared/schemas/sync';
import { SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import type { Spreadsheet } from '../infra/table';
import { todayInVietnam, useSheetTimeZone } from '../infra/time';
import { utf8Length } from '../infra/digest';
import { readSettings } from '../registry/settings';
import { requireCurrent } from '../registry/version';
import { lookupsFrom, refreshLookups, type Lookups } from '../registry/lookups';
import { failure, logRefusal, response, writeRecords, type Writer } from '../registry/intake';
import { TOO_DEEP_MESSAGE, nestedDeeperThan, secretKeyPaths, validateRecord, zodIssues } from '../registry/validation';
import { authenticate, refusalToLog, touchCode } from '../registry/codes';

const EnvelopeShape = SyncEnvelopeSchema.extend({ records: z.array(z.unknown()).max(MAX_RECORDS_PER_ENVELOPE, { message: `Tối đa ${MAX_RECORDS_PER_ENVELOPE} bản ghi mỗi lần gửi.` }) });

/** The endpoint's lookups (tổ names, volunteers, time zone), rebuilt from the sheets when missing. */
function lookupsFor(ss: Spreadsheet, all: Record<string, string>): Lookups {
  const saved = lookupsFrom(all);
  if (saved) return saved;
  requireCurrent(ss);
  return refreshLookups(ss);
}

export function handlePost(ss: Spreadsheet, e: GoogleAppsScript.Events.DoPost | undefined, now = new Date()): SyncResponse {
  /** Refusals leave a log line, but not one per request when someone floods the endpoint. */
  const refuse = (action: string, detail: string, answer: SyncResponse): SyncResponse => {
    const { log, count } = refusalToLog(now);
    if (log) logRefusal(ss, action, count > 1 ? `${detail} (lần từ chối thứ ${count} trong 10 phút)` : detail, now);
    return answer;
  };
  const text = e?.postData?.contents ?? '';
  const declared = Number(e?.postData?.length ?? 0);
  if (declared > MAX_BODY_BYTES || text.length > MAX_BODY_BYTES || utf8Length(text) > MAX_BODY_BYTES) {
    return refuse('Từ chối yêu cầu: quá lớn', `${Math.max(declared, utf8Length(text))} byte`, failure('TOO_LARGE', `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024} KB). Hãy gửi ít bản ghi hơn mỗi lần.`));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse('Từ chối yêu cầu: không phải JSON', `${utf8Length(text)} byte`, failure('BAD_JSON', 'Dữ liệu gửi lên không đúng định dạng JSON.'));
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return refuse('Từ chối yêu cầu: không phải đối tượng JSON', '', failure('BAD_JSON', 'Dữ liệu gửi lên không đúng định dạng.'));
  }
  if (nestedDeeperThan(body)) return refuse('Từ chối yêu cầu: lồng nhau quá sâu', `${utf8Length(text)} byte`, failure('INVALID', TOO_DEEP_MESSAGE));
  const obj = body as Record<string, unknown>;
  if (obj.v !== SYNC_VERSION) {
    return refuse('Từ chối yêu cầu: sai phiên bản', `v=${JSON.stringify(obj.v ?? null).slice(0, 20)}`, failure('BAD_VERSION', `Phiên bản dữ liệu không khớp (máy chủ dùng phiên bản ${SYNC_VERSION}): hãy cập nhật tiện ích Trợ lý DVC.`));
  }
  const { records: _records, ...envelopeOnly } = obj;
  const secretKeys = secretKeyPaths(envelopeOnly);
  if (secretKeys.length) return refuse('Từ chối yêu cầu: có trường giống mật khẩu/OTP', secretKeys.join(', '), failure('INVALID', SECRET_VALUE_MESSAGE));
  const env = EnvelopeShape.safeParse(obj);
  if (!env.success) {
    const onlyCode = env.error.issues.every((i) => i.path[0] === 'accessCode');
    const issues = zodIssues(env.error);
    const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ').slice(0, 500);
    if (onlyCode) {
      const missing = obj.accessCode === undefined || obj.accessCode === null || obj.accessCode === '';
      return missing
        ? refuse('Từ chối yêu cầu: thiếu mã truy cập', detail, failure('AUTH_MISSING', 'Thiếu mã truy cập. Hãy dán mã tổ trưởng đã cấp vào trang Tuỳ chọn của tiện ích.'))
        : refuse('Từ chối yêu cầu: mã truy cập sai dạng', detail, failure('AUTH_WRONG', 'Mã truy cập không đúng (sai dạng: mã có dạng DVC-XXXX-XXXX-XXXX-XXXX-XXXX). Hãy dán lại đúng mã tổ trưởng đã cấp.'));
    }
    return refuse('Từ chối yêu cầu: dữ liệu không hợp lệ', detail, failure('INVALID', `Dữ liệu gửi lên không hợp lệ: ${issues.map((i) => `${i.path || 'gói'}: ${i.message}`).join('; ')}`));
  }
  const all = PropertiesService.getScriptProperties().getProperties();
  let lookups: Lookups;
  try {
    lookups = lookupsFor(ss, all);
  } catch (err) {
    return failure('NOT_SET_UP', `Sổ của phường chưa sẵn sàng: ${(err as Error).message}`);
  }
  const auth = authenticate(env.data.accessCode, all, lookups, now);
  if (!auth.ok) return refuse(`Từ chối yêu cầu: ${auth.code}`, `mã ${auth.codeId ?? '?'} (băm ${auth.hashPrefix}…)`, failure(auth.code, auth.message));
  // The code's last use and what the volunteer's extension runs (guide data, version): properties, no sheet.
  touchCode(auth.codeId, now, { volunteerId: auth.volunteerId, version: env.data.client.version, guideData: env.data.client.guideData ?? '' });
  const ward = readSettings().ward;
  const linked = { volunteerId: auth.volunteerId, volunteerName: auth.volunteerName, ward, groups: lookups.groups.slice(0, 300) };
  if (env.data.action === 'hello') return response({ ok: true, linked });
  useSheetTimeZone(lookups.timeZone);
  const ctx = { today: todayInVietnam(now), groups: lookups.groups };
  const items = env.data.records.map((r) => validateRecord(r, ctx));
  const writer: Writer = { who: `${auth.volunteerId} (mã ${auth.codeId})`, source: 'Điểm nhận', volunteerId: auth.volunteerId, sourceLabel: 'Tiện ích trình duyệt' };
  // One kind of record per post (RECORD_KINDS_PER_POST): one sheet read and written, a fixed cost.
  const results = writeRecords(ss, items, writer, [], now, { oneKind: true, widths: lookups.widths });
  if (!Array.isArray(results)) {
    if (results.error?.code === 'NOT_SET_UP') return refuse('Từ chối yêu cầu: sổ cần sửa', results.error.message.slice(0, 300), results);
    return results;
  }
  return response({ ok: true, linked, results });
}
