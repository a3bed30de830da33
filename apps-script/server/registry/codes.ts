// The access codes of the web endpoint, one or more per volunteer. A code is
// shown once when issued; «Mã truy cập» keeps only its SHA-256 hash, the expiry,
// revocation and last use. Failed attempts are counted in the script cache.
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { sha256Hex } from '../infra/digest';
import { CODES } from './layout';
import { volunteerMap } from './lists';

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'; // no 0/O, 1/I/L, U
export const MAX_FAILURES = 5;
export const LOCKOUT_SECONDS = 15 * 60;
const GLOBAL_MAX_FAILURES = 50;

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

export type AuthOutcome =
  | { ok: true; codeId: string; volunteerId: string; volunteerName: string; rowNumber: number; table: Table }
  | { ok: false; code: 'AUTH_WRONG' | 'AUTH_EXPIRED' | 'AUTH_REVOKED' | 'RATE_LIMITED' | 'AUTH_MISSING'; message: string; codeId?: string; hashPrefix: string };

function failKey(hash: string) {
  return `auth-fail:${hash.slice(0, 40)}`;
}

/** Checks a presented code. Never throws for a bad code; counts failures in the cache. */
export function authenticate(ss: Spreadsheet, presented: string, now = new Date()): AuthOutcome {
  const hash = codeHash(presented ?? '');
  const hashPrefix = hash.slice(0, 8);
  const cache = CacheService.getScriptCache();
  const fails = Number(cache.get(failKey(hash)) ?? 0);
  const globalFails = Number(cache.get('auth-fail:all') ?? 0);
  if (fails >= MAX_FAILURES || globalFails >= GLOBAL_MAX_FAILURES) {
    return { ok: false, code: 'RATE_LIMITED', message: 'Mã truy cập bị nhập sai nhiều lần. Hãy đợi 15 phút rồi thử lại, hoặc hỏi tổ trưởng.', hashPrefix };
  }
  const fail = (code: 'AUTH_WRONG' | 'AUTH_EXPIRED' | 'AUTH_REVOKED', message: string, codeId?: string): AuthOutcome => {
    cache.put(failKey(hash), String(fails + 1), LOCKOUT_SECONDS);
    cache.put('auth-fail:all', String(globalFails + 1), 600);
    return { ok: false, code, message, hashPrefix, ...(codeId ? { codeId } : {}) };
  };
  if (!presented || normaliseCode(presented).length < 8) return fail('AUTH_WRONG', 'Thiếu mã truy cập hoặc mã quá ngắn.');
  const t = Table.open(ss, CODES);
  const rows = t.rows();
  const row = rows.find((r) => cellText(t.get(r, 'hash')) === hash);
  if (!row) return fail('AUTH_WRONG', 'Mã truy cập không đúng. Hãy kiểm tra lại mã tổ trưởng đã cấp.');
  const codeId = cellText(t.get(row, 'codeId'));
  if (cellText(t.get(row, 'revokedAt'))) return fail('AUTH_REVOKED', 'Mã truy cập này đã bị thu hồi. Hãy xin tổ trưởng mã mới.', codeId);
  if (cellText(t.get(row, 'expiresAt')) <= timestampInVietnam(now)) return fail('AUTH_EXPIRED', 'Mã truy cập đã hết hạn. Hãy xin tổ trưởng mã mới.', codeId);
  const volunteerId = cellText(t.get(row, 'volunteerId'));
  const vol = volunteerMap(ss).get(volunteerId);
  if (!vol || !vol.active) return fail('AUTH_REVOKED', 'Tình nguyện viên gắn với mã này không còn hoạt động.', codeId);
  if (fails > 0) cache.remove(failKey(hash));
  return { ok: true, codeId, volunteerId, volunteerName: vol.name, rowNumber: row.rowNumber, table: t };
}

/** Records the last use of a code (one write). */
export function touchCode(auth: Extract<AuthOutcome, { ok: true }>, now = new Date()): void {
  auth.table.sheet.getRange(auth.rowNumber, auth.table.index.lastUsedAt! + 1).setValue(timestampInVietnam(now));
}

