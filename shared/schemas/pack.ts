import * as z from 'zod';
import { VERSION_PATTERN } from './sync';

/**
 * A guide pack: the guide data (guides, surface routes, catalogue corrections) released as a
 * signed file, so a corrected guide reaches every volunteer without a new extension build. The
 * ward's registry may hold one (Cài đặt → «Gói hướng dẫn») and serve it at `<exec URL>?pack=1`.
 *
 * The add-on checks the envelope's shape and size only. The extension verifies `signature`
 * (Ed25519 over the UTF-8 bytes of `payload`, with the public key in its build), validates the
 * payload with its own schemas, and never goes back to an older `version`.
 */
export const PACK_FORMAT = 'tro-ly-dvc-guide-pack';
export const PACK_FORMAT_VERSION = 1;
/** The largest pack file the registry stores and serves (UTF-8 bytes of the whole file). */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/** An Ed25519 signature (64 bytes) in standard base64: 86 characters and "==". */
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const GuidePackSchema = z
  .object({
    format: z.literal(PACK_FORMAT, { message: 'Đây không phải tệp gói hướng dẫn Trợ lý DVC.' }),
    formatVersion: z.literal(PACK_FORMAT_VERSION, { message: 'Gói hướng dẫn theo định dạng khác: hãy cập nhật Trợ lý DVC.' }),
    /** e.g. "2026.12.01-1"; compared with comparePackVersions. */
    version: z.string().min(1).max(40).regex(VERSION_PATTERN, { message: 'Phiên bản gói không hợp lệ.' }),
    createdAt: z.iso.datetime({ offset: true, message: 'Ngày tạo gói không hợp lệ.' }),
    /** The guide data as JSON text; the signature covers exactly these characters (as UTF-8). */
    payload: z.string().min(2).refine(isJsonText, { message: 'Nội dung gói không phải JSON.' }),
    signature: z.string().regex(SIGNATURE, { message: 'Chữ ký của gói không đúng dạng (Ed25519, base64).' }),
    keyId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:\-]+$/, { message: 'Mã khoá ký không hợp lệ.' }),
  })
  .strict();
export type GuidePack = z.infer<typeof GuidePackSchema>;

/**
 * Orders pack versions by their numeric parts, then their text: "2026.12.01-2" > "2026.12.01-1"
 * > "2026.11.30-9"; "2026.12.10-1" > "2026.12.9-1". Negative when a is older than b.
 */
export function comparePackVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[^0-9]+/).filter(Boolean).map(Number);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `<exec URL>?pack=1` answers when the registry holds no pack (or cannot serve it). */
export const PackErrorSchema = z
  .object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(['NO_PACK', 'PACK_DAMAGED']), message: z.string() }).strict(),
  })
  .strict();
