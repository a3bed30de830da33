// Dates in cells. A date cell holds a calendar day at midnight in the
// SPREADSHEET's time zone (File → Settings), which need not be Vietnam's: the
// zone is set once per execution (useSheetTimeZone) and every date read or
// written goes through it. "Today" and timestamps are Vietnam time (the ward's).
import { VIETNAM_TIME_ZONE, isoDateInVietnam, timestampInVietnam, todayInVietnam } from '../../../shared/time/vietnam';

export { todayInVietnam, timestampInVietnam };

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/** True for Date objects from any realm (Apps Script cells, Node vm contexts). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

let zoneName = VIETNAM_TIME_ZONE;
const offsetCache = new Map<number, number>();
const dayCache = new Map<number, string>();

/** The spreadsheet's time zone for this execution (Asia/Ho_Chi_Minh unless told otherwise). */
export function useSheetTimeZone(name: string | null | undefined): void {
  const next = name || VIETNAM_TIME_ZONE;
  if (next === zoneName) return;
  zoneName = next;
  offsetCache.clear();
  dayCache.clear();
}

export function sheetTimeZone(): string {
  return zoneName;
}

/** UTC offset of the sheet's zone at an instant, in ms (Utilities.formatDate 'Z' gives "+0700"). */
function offsetAt(t: number): number {
  if (zoneName === VIETNAM_TIME_ZONE) return VIETNAM_OFFSET_MS;
  const bucket = Math.floor(t / HOUR_MS);
  let off = offsetCache.get(bucket);
  if (off === undefined) {
    const z = Utilities.formatDate(new Date(bucket * HOUR_MS), zoneName, 'Z');
    const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
    off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(bucket, off);
  }
  return off;
}

/** The calendar day a date cell shows (yyyy-mm-dd). Cached: a sheet repeats the same days over and over. */
export function cellDay(d: Date): string {
  const t = d.getTime();
  let s = dayCache.get(t);
  if (s === undefined) {
    s = zoneName === VIETNAM_TIME_ZONE ? isoDateInVietnam(t) : new Date(t + offsetAt(t)).toISOString().slice(0, 10);
    if (dayCache.size > 20_000) dayCache.clear();
    dayCache.set(t, s);
  }
  return s;
}

/** Midnight of an ISO date in the sheet's zone, as a Date (what a date cell holds). */
export function dateCell(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!);
  // Two rounds settle the offset across a daylight-saving change.
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}

/** "2026-11-20" → "20/11/2026". */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
