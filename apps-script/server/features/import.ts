// «Nhập từ tệp»: an outbox file exported by the extension, imported for the
// volunteer the group leader picks, with the endpoint's validation and clientId
// idempotency (the shared intake).
import * as z from 'zod';
import { MAX_FILE_BYTES, MAX_RECORDS_PER_FILE, OUTBOX_FILE_KIND, OutboxFileSchema, SYNC_VERSION } from '../../../shared/schemas/sync';
import { SECRET_VALUE_MESSAGE } from '../../../shared/schemas/privacy';
import type { Spreadsheet } from '../infra/table';
import { todayInVietnam } from '../infra/time';
import { utf8Length } from '../infra/digest';
import type { LogEntry } from '../registry/log';
import { volunteerMap } from '../registry/lists';
import { requireCurrent } from '../registry/version';
import { logRefusal, storedSummary, writeRecords } from '../registry/intake';
import { TOO_DEEP_MESSAGE, nestedDeeperThan, secretKeyPaths, validateRecord, zodIssues } from '../registry/validation';
import { listValues } from '../registry/lists';

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
  if (nestedDeeperThan(body)) return fail(TOO_DEEP_MESSAGE);
  const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (obj.kind !== OUTBOX_FILE_KIND) return fail('Tệp không phải tệp hàng chờ do tiện ích Trợ lý DVC xuất ra.');
  if (obj.v !== SYNC_VERSION) return fail(`Phiên bản tệp không khớp (cần phiên bản ${SYNC_VERSION}): hãy cập nhật tiện ích rồi xuất lại.`);
  const { records: _r, ...rest } = obj;
  const secretKeys = secretKeyPaths(rest);
  if (secretKeys.length) return fail(SECRET_VALUE_MESSAGE);
  const shape = OutboxFileSchema.extend({ records: z.array(z.unknown()).max(MAX_RECORDS_PER_FILE) }).safeParse(obj);
  if (!shape.success) return fail(`Tệp không hợp lệ: ${zodIssues(shape.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const ctx = { today: todayInVietnam(now), groups: listValues(ss, 'toDanPho') };
  const items = shape.data.records.map((r) => validateRecord(r, ctx));
  const extra: LogEntry[] = [{ who, source: 'Nhập từ tệp', action: `Nhập tệp hàng chờ của ${volunteerId}`, table: '', recordId: '', after: `${items.length} bản ghi, xuất lúc ${shape.data.exportedAt}` }];
  const results = writeRecords(ss, items, { who, source: 'Nhập từ tệp', volunteerId, sourceLabel: 'Nhập từ tệp' }, extra, now);
  if (!Array.isArray(results)) return { ok: false, message: results.error!.message, created: 0, duplicates: 0, rejected: [] };
  const created = results.filter((r) => r.status === 'created').length;
  const duplicates = results.filter((r) => r.status === 'duplicate').length;
  const rejected = results.filter((r) => r.status === 'rejected').map((r) => ({ clientId: r.clientId, message: r.message ?? '' }));
  return {
    ok: true,
    created,
    duplicates,
    rejected,
    message: `Đã nhập ${created} bản ghi mới${created ? ` (${storedSummary(items, results)})` : ''}${duplicates ? `, bỏ qua ${duplicates} bản ghi đã có` : ''}${rejected.length ? `, từ chối ${rejected.length} bản ghi không hợp lệ` : ''}.`,
  };
}
