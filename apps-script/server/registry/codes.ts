// The access codes of the web endpoint, one or more per volunteer. A code is
// shown once when issued (20 symbols from 30: about 98 random bits, so guessing
// one is futile); «Mã truy cập» keeps only its SHA-256 hash, the expiry and the
// revocation, and script properties keep the same entries indexed by hash, so a
// post checks its code without reading a sheet.
//
// Throttling never refuses a correct code: a presented code is looked up first,
// and only a code that is wrong is counted (per presented code, in the script
// cache). Refusals are logged, but at most a few lines per ten minutes.
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { sha256Hex } from '../infra/digest';
import { CODES } from './layout';
import type { Lookups } from './lookups';
import { clientProperty, type ClientReport } from './clients';

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'; // no 0/O, 1/I/L, U
export const MAX_FAILURES = 5;
export const LOCKOUT_SECONDS = 15 * 60;
const CODE_PREFIX = 'TRO_LY_DVC_CODE.';
const USED_PREFIX = 'TRO_LY_DVC_USED.';
const REFUSAL_WINDOW_MS = 10 * 60 * 1000;
/** Refusals logged one by one per window; after that only every 100th. */
const REFUSALS_LOGGED = 10;

/** A new code: "DVC-" + 5 groups of 4 characters from 30 symbols (≈ 98 bits from two UUIDs). */
export function newCode(): string {
  const hexes = (Utilities.getUuid() + Utilities.getUuid()).replace(/[^0-9a-f]/gi, '');
  let n = BigInt(`0x${hexes}`);
  let out = '';
  for (let i = 0; i < 20; i++) {
    out += ALPHABET[Number(n % 30n)];
    n /= 30n;
  }
  return `DVC-${out.match(/.{4}/g)!.join('-')}`;
}

/** Codes are typed by hand sometimes: ignore case, spaces and dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function codeHash(code: string): string {
  return sha256Hex(`tro-ly-dvc-access:${normaliseCode(code)}`);
}

export interface CodeEntry {
  codeId: string;
  volunteerId: string;
  expiresAt: string;
  revokedAt: string;
}

function props() {
  return PropertiesService.getScriptProperties();
}

/** Stores (or updates) a code's entry in the index. */
export function indexCode(hash: string, entry: CodeEntry): void {
  props().setProperty(CODE_PREFIX + hash, JSON.stringify(entry));
}

/** Rebuilds the index from «Mã truy cập» (set-up): the sheet is the record, the index follows it. */
export function rebuildCodeIndex(ss: Spreadsheet): number {
  const t = Table.open(ss, CODES);
  const p = props();
  const wanted: Record<string, string> = {};
  for (const r of t.rows()) {
    const hash = cellText(t.get(r, 'hash'));
    if (!hash) continue;
    wanted[CODE_PREFIX + hash] = JSON.stringify({ codeId: cellText(t.get(r, 'codeId')), volunteerId: cellText(t.get(r, 'volunteerId')), expiresAt: cellText(t.get(r, 'expiresAt')), revokedAt: cellText(t.get(r, 'revokedAt')) });
  }
  const current = p.getProperties();
  for (const k of Object.keys(current)) if (k.startsWith(CODE_PREFIX) && !(k in wanted)) p.deleteProperty(k);
  const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
  if (Object.keys(changed).length) p.setProperties(changed);
  return Object.keys(changed).length;
}

/** When each code was last used (codeId → timestamp), from script properties. */
export function lastUses(all: Record<string, string> = props().getProperties()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith(USED_PREFIX)) out[k.slice(USED_PREFIX.length)] = v;
  return out;
}

export type AuthOutcome =
  | { ok: true; codeId: string; volunteerId: string; volunteerName: string }
  | { ok: false; code: 'AUTH_WRONG' | 'AUTH_EXPIRED' | 'AUTH_REVOKED' | 'RATE_LIMITED'; message: string; codeId?: string; hashPrefix: string };

function failKey(hash: string) {
  return `auth-fail:${hash.slice(0, 40)}`;
}

/**
 * Checks a presented code against the index (a getProperties() result) and the
 * volunteers. Never throws for a bad code; a correct one is always accepted.
 */
export function authenticate(presented: string, all: Record<string, string>, lookups: Lookups, now = new Date()): AuthOutcome {
  const hash = codeHash(presented ?? '');
  const hashPrefix = hash.slice(0, 8);
  const raw = all[CODE_PREFIX + hash];
  const entry = raw ? (JSON.parse(raw) as CodeEntry) : null;
  const vol = entry ? lookups.volunteers[entry.volunteerId] : undefined;
  if (entry && !entry.revokedAt && entry.expiresAt > timestampInVietnam(now) && vol?.active) {
    return { ok: true, codeId: entry.codeId, volunteerId: entry.volunteerId, volunteerName: vol.name };
  }
  const cache = CacheService.getScriptCache();
  const fails = Number(cache.get(failKey(hash)) ?? 0);
  if (fails >= MAX_FAILURES) {
    return { ok: false, code: 'RATE_LIMITED', message: 'Mã truy cập này bị nhập sai nhiều lần. Hãy đợi 15 phút rồi thử lại, hoặc hỏi tổ trưởng.', hashPrefix };
  }
  cache.put(failKey(hash), String(fails + 1), LOCKOUT_SECONDS);
  if (!entry) return { ok: false, code: 'AUTH_WRONG', message: 'Mã truy cập không đúng. Hãy kiểm tra lại mã tổ trưởng đã cấp.', hashPrefix };
  const codeId = entry.codeId;
  if (entry.revokedAt) return { ok: false, code: 'AUTH_REVOKED', message: 'Mã truy cập này đã bị thu hồi. Hãy xin tổ trưởng mã mới.', codeId, hashPrefix };
  if (entry.expiresAt <= timestampInVietnam(now)) return { ok: false, code: 'AUTH_EXPIRED', message: 'Mã truy cập đã hết hạn. Hãy xin tổ trưởng mã mới.', codeId, hashPrefix };
  return { ok: false, code: 'AUTH_REVOKED', message: 'Tình nguyện viên gắn với mã này không còn hoạt động.', codeId, hashPrefix };
}

/**
 * Counts a refusal in this ten-minute window; true when it should get its own
 * log line (the first few of a window, then every 100th), with the count so far.
 */
export function refusalToLog(now = new Date()): { log: boolean; count: number } {
  const cache = CacheService.getScriptCache();
  const key = `auth-refusals:${Math.floor(now.getTime() / REFUSAL_WINDOW_MS)}`;
  const count = Number(cache.get(key) ?? 0) + 1;
  cache.put(key, String(count), REFUSAL_WINDOW_MS / 1000);
  return { log: count <= REFUSALS_LOGGED || count % 100 === 0, count };
}

/** Records the last use of a code, and what the volunteer's extension reported (one properties write: no spreadsheet call). */
export function touchCode(codeId: string, now = new Date(), client?: ClientReport): void {
  const at = timestampInVietnam(now);
  props().setProperties({ [USED_PREFIX + codeId]: at, ...(client ? clientProperty(client, at) : {}) });
}
