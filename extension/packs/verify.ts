/**
 * Checks a downloaded guide pack before anything of it is used: its envelope, that a key built into
 * this extension signed exactly its payload (Ed25519), that the payload passes the guide schemas, and
 * that it is newer than every guide data already used. Any failure: a Vietnamese reason, and the
 * guides in use stay as they are.
 */
import { verifyAsync } from '@noble/ed25519';
import { GuidePackSchema, type GuidePack } from '../../shared/schemas/pack';
import { GuideDataSchema, type GuideData } from './schema';
import { compareVersions, extensionAtLeast } from './version';

export type PackRefusalReason = 'format' | 'key' | 'signature' | 'schema' | 'mismatch' | 'extension' | 'older';

export type PackVerdict =
  | { ok: true; data: GuideData; pack: GuidePack }
  | { ok: 'same'; version: string; message: string }
  | { ok: false; reason: PackRefusalReason; version?: string; message: string };

export interface VerifyContext {
  keys: Readonly<Record<string, string>>;
  extensionVersion: string;
  /** The version in use now (bundled or pack). */
  current: string;
  /** The newest version ever used on this computer (never go back below it). */
  floor: string;
}

const KEEP = 'Tiện ích không dùng gói này và vẫn dùng hướng dẫn đang có.';

function base64(s: string): Uint8Array {
  const bin = atob(s);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function verifyPack(raw: unknown, ctx: VerifyContext): Promise<PackVerdict> {
  const envelope = GuidePackSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, reason: 'format', message: `Tệp tải về không phải gói hướng dẫn của Trợ lý DVC (sai định dạng). ${KEEP}` };
  }
  const pack = envelope.data;
  const v = pack.version;
  const key = ctx.keys[pack.keyId];
  if (!key) {
    return { ok: false, reason: 'key', version: v, message: `Gói ${v} được ký bằng khoá «${pack.keyId}» mà bản tiện ích này không biết. ${KEEP}` };
  }
  let valid = false;
  try {
    valid = await verifyAsync(base64(pack.signature), new TextEncoder().encode(pack.payload), base64(key));
  } catch {
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      reason: 'signature',
      version: v,
      message: `Chữ ký của gói ${v} không đúng: gói đã bị sửa sau khi ký, hoặc không phải do nhóm phát triển Trợ lý DVC ký. ${KEEP}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(pack.payload);
  } catch {
    return { ok: false, reason: 'schema', version: v, message: `Gói ${v} có chữ ký đúng nhưng nội dung không đọc được. ${KEEP}` };
  }
  const data = GuideDataSchema.safeParse(json);
  if (!data.success) {
    const issue = data.error.issues[0];
    const where = issue?.path.length ? ` ở ${issue.path.join('.')}` : '';
    return { ok: false, reason: 'schema', version: v, message: `Gói ${v} có dữ liệu không hợp lệ${where} (${issue?.message ?? 'sai cấu trúc'}). ${KEEP}` };
  }
  if (data.data.version !== v) {
    return { ok: false, reason: 'mismatch', version: v, message: `Số phiên bản ghi ngoài gói (${v}) khác số trong nội dung đã ký (${data.data.version}). ${KEEP}` };
  }
  if (!extensionAtLeast(ctx.extensionVersion, data.data.minExtensionVersion)) {
    return {
      ok: false,
      reason: 'extension',
      version: v,
      message: `Gói ${v} cần Trợ lý DVC bản ${data.data.minExtensionVersion} trở lên (máy này đang có bản ${ctx.extensionVersion}). Hãy cập nhật tiện ích; hướng dẫn đang có vẫn dùng được.`,
    };
  }
  if (v === ctx.current) return { ok: 'same', version: v, message: `Đang dùng gói ${v}: chưa có gói mới hơn.` };
  if (compareVersions(v, ctx.floor) <= 0) {
    return { ok: false, reason: 'older', version: v, message: `Gói ${v} cũ hơn dữ liệu hướng dẫn đã dùng trên máy này (${ctx.floor}): tiện ích không quay lại bản cũ.` };
  }
  return { ok: true, data: data.data, pack };
}
