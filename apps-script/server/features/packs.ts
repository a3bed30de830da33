// Cài đặt → «Gói hướng dẫn»: the leader places a signed guide pack in the
// registry (the sidebar reads the chosen file's text and sends it here), sees
// its version and date, can remove it; `doGet ?pack=1` serves it to the ward's
// extensions. The signature is the extension's to verify (the public key is in
// its build); here the envelope's shape and size are checked.
import { GuidePackSchema, MAX_PACK_BYTES, comparePackVersions } from '../../../shared/schemas/pack';
import type { Spreadsheet } from '../infra/table';
import { timestampInVietnam } from '../infra/time';
import { utf8Length } from '../infra/digest';
import { PACKS } from '../registry/layout';
import { appendLog } from '../registry/log';
import { readPackText, removePack, storePack, storedPack, type StoredPack } from '../registry/packs';
import { nestedDeeperThan, zodIssues } from '../registry/validation';

export type PackUpload = { ok: true; pack: StoredPack; message: string } | { ok: false; message: string };

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** Checks a pack file's text; the pack, or a Vietnamese reason. Pure (no spreadsheet call). */
export function checkPackText(text: string): { ok: true; version: string; createdAt: string; keyId: string } | { ok: false; message: string } {
  if (typeof text !== 'string' || !text.trim()) return { ok: false, message: 'Tệp gói hướng dẫn trống.' };
  const bytes = utf8Length(text);
  if (bytes > MAX_PACK_BYTES) return { ok: false, message: `Tệp gói hướng dẫn quá lớn (${kb(bytes)}; tối đa ${kb(MAX_PACK_BYTES)}). Hãy chọn đúng tệp gói do nhóm phát triển phát hành.` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Tệp không phải gói hướng dẫn (không đọc được JSON). Hãy chọn đúng tệp .json của gói.' };
  }
  if (nestedDeeperThan(body, 4)) return { ok: false, message: 'Tệp không phải gói hướng dẫn Trợ lý DVC (cấu trúc không đúng).' };
  const parsed = GuidePackSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: `Tệp không phải gói hướng dẫn hợp lệ: ${zodIssues(parsed.error).map((i) => `${i.path || 'tệp'}: ${i.message}`).join('; ')}` };
  return { ok: true, version: parsed.data.version, createdAt: parsed.data.createdAt, keyId: parsed.data.keyId };
}

/** Stores a checked pack in place of the current one (the caller holds the lock and the write check). */
export function uploadPack(ss: Spreadsheet, text: string, who: string, now = new Date()): PackUpload {
  const checked = checkPackText(text);
  if (!checked.ok) return checked;
  const before = storedPack();
  const pack = storePack(ss, text, { version: checked.version, createdAt: checked.createdAt, keyId: checked.keyId, uploadedAt: timestampInVietnam(now), uploadedBy: who });
  appendLog(ss, [{ who, source: 'Tiện ích bổ sung', action: 'Đặt gói hướng dẫn', table: PACKS.name, recordId: pack.version, after: `${kb(pack.bytes)}, tạo lúc ${pack.createdAt}${before ? `, thay gói ${before.version}` : ''}` }], now);
  const older = before && comparePackVersions(pack.version, before.version) < 0;
  return {
    ok: true,
    pack,
    message: `Đã đặt gói hướng dẫn ${pack.version} vào sổ.${older ? ` Lưu ý: gói này cũ hơn gói ${before.version} vừa thay; tiện ích đã dùng gói mới hơn sẽ không quay lại gói cũ.` : ''} Tiện ích của tình nguyện viên sẽ nhận gói ở lần tải hướng dẫn tới.`,
  };
}

export function removeGuidePack(ss: Spreadsheet, who: string, now = new Date()): { ok: boolean; message: string } {
  const before = storedPack();
  if (!before) return { ok: true, message: 'Sổ không có gói hướng dẫn nào.' };
  removePack(ss);
  appendLog(ss, [{ who, source: 'Tiện ích bổ sung', action: 'Gỡ gói hướng dẫn', table: PACKS.name, recordId: before.version, after: '' }], now);
  return { ok: true, message: `Đã gỡ gói hướng dẫn ${before.version}. Tiện ích sẽ dùng hướng dẫn có sẵn trong bản cài.` };
}

/** The current pack's description for Cài đặt (no spreadsheet call), or null. */
export function currentPack(): StoredPack | null {
  return storedPack();
}

/** `doGet ?pack=1`: the stored file exactly as uploaded, or { ok: false, error } as JSON. */
export function servePack(ss: Spreadsheet): string {
  const r = readPackText(ss);
  return r.ok ? r.text : JSON.stringify({ ok: false, error: { code: r.code, message: r.message } });
}
