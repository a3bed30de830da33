// Small helpers shared by the server modules. Dates: Vietnam has no daylight
// saving, so Asia/Ho_Chi_Minh is always UTC+7 and needs no time-zone database.
const TZ_OFFSET_MS = 7 * 3600 * 1000;

/** True for Date objects from any realm (Apps Script cells, Node vm contexts). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const DATE_CACHE = new Map<number, string>();

/** ISO date (yyyy-mm-dd) of an instant, in Vietnam. Cached: a sheet repeats the same days over and over. */
export function isoDateVn(d: Date): string {
  const t = d.getTime();
  let s = DATE_CACHE.get(t);
  if (s === undefined) {
    s = new Date(t + TZ_OFFSET_MS).toISOString().slice(0, 10);
    if (DATE_CACHE.size > 20_000) DATE_CACHE.clear();
    DATE_CACHE.set(t, s);
  }
  return s;
}

/** Midnight in Vietnam of an ISO date, as a Date (what a date cell holds). */
export function dateCell(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!) - TZ_OFFSET_MS);
}

/** "2026-11-27T22:40:00+07:00": a timestamp in Vietnam time, readable in a cell. */
export function isoNowVn(now = new Date()): string {
  return `${new Date(now.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A cell value as a trimmed string ('' for empty); dates become ISO dates. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : isoDateVn(v);
  return String(v).trim();
}

/** A date cell as an ISO date, '' when empty, or null when it is not a date. */
export function cellDate(v: unknown): string | null {
  if (v === '' || v === null || v === undefined) return '';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : isoDateVn(v);
  const s = String(v).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

export function cellBool(v: unknown): boolean {
  return v === true || v === 'TRUE' || v === 'true' || v === 'Có' || v === 'có';
}

export function hex(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += ((b + 256) % 256).toString(16).padStart(2, '0');
  return s;
}

export function sha256Hex(text: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function uuid(): string {
  return Utilities.getUuid();
}
