// Ward settings and the CCCD hashing secret, in script properties (never in the
// sheet, which every editor and viewer can read).
import * as z from 'zod';
import { hmacSha256Hex } from '../infra/digest';

const EMAIL = /^[^\s@<>(),;:"'\[\]]+@[^\s@<>(),;:"'\[\]]+\.[^\s@<>(),;:"'\[\]]{2,}$/;
export const MAX_MANAGERS = 50;

/** Manager emails: one per line, or separated by commas/semicolons; trimmed, lower-cased, repeats dropped. */
export function normaliseEmails(v: unknown): unknown {
  const list = typeof v === 'string' ? v.split(/[\s,;]+/) : v;
  if (!Array.isArray(list)) return list;
  const out: string[] = [];
  for (const x of list) {
    const e = typeof x === 'string' ? x.trim().toLowerCase() : x;
    if (e === '' || out.includes(e as string)) continue;
    out.push(e as string);
  }
  return out;
}

export const ManagersSchema = z.preprocess(
  normaliseEmails,
  z
    // 50 addresses of at most 100 characters keep the settings well under the 9 KB a script property holds.
    .array(z.string({ message: 'Mỗi người quản lý là một địa chỉ email.' }).max(100, { message: 'Email quá dài: mỗi địa chỉ tối đa 100 ký tự.' }), { message: 'Nhập email của người quản lý sổ, mỗi dòng một địa chỉ.' })
    .max(MAX_MANAGERS, { message: `Tối đa ${MAX_MANAGERS} người quản lý sổ.` })
    .superRefine((list, ctx) => {
      const bad = list.filter((e) => !EMAIL.test(e));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Email không hợp lệ: ${bad.slice(0, 5).join(', ')}. Mỗi dòng một địa chỉ, ví dụ totruong@gmail.com.` });
    }),
);

export const SettingsSchema = z
  .object({
    ward: z.string().trim().min(2, { message: 'Nhập tên phường.' }).max(80),
    /** Store the full 12-digit CCCD (off by default: last 4 digits + keyed hash only). */
    fullCccd: z.boolean(),
    /** Personal data older than this many months is cleared by the retention purge; 0 = never. */
    retentionMonths: z.number().int().min(0).max(240),
    /** A record not updated for this many days is listed as stale in the audit view. */
    staleDays: z.number().int().min(7).max(3650),
    /**
     * «Người quản lý sổ»: group leaders and ward staff who use the add-on. With the
     * owner and whoever runs set-up, they are the editors of every range the add-on protects.
     */
    managers: ManagersSchema,
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 24, staleDays: 180, managers: [] };

const SETTINGS_KEY = 'TRO_LY_DVC_SETTINGS';
const SECRET_KEY = 'TRO_LY_DVC_CCCD_SECRET';

function props() {
  return PropertiesService.getScriptProperties();
}

export function readSettings(): Settings {
  const raw = props().getProperty(SETTINGS_KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(raw) });
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function writeSettings(s: Settings): void {
  props().setProperty(SETTINGS_KEY, JSON.stringify(s));
}

/** The HMAC secret, made on first use (two random UUIDs: 244 random bits). */
export function cccdSecret(): string {
  const p = props();
  let secret = p.getProperty(SECRET_KEY);
  if (!secret) {
    secret = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
    p.setProperty(SECRET_KEY, secret);
  }
  return secret;
}

/** Keyed hash of a 12-digit CCCD: equal numbers give equal keys; the number cannot be recovered without the secret. */
export function cccdKey(cccd: string, secret = cccdSecret()): string {
  return `h1:${hmacSha256Hex(cccd, secret).slice(0, 32)}`;
}
