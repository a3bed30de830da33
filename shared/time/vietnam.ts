// Vietnam time and calendar dates, for the extension, the sidebar and the add-on
// server alike. Vietnam has no daylight saving: Asia/Ho_Chi_Minh is always UTC+7,
// so no time-zone database is needed (the browser's own zone never matters).
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** month is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a real calendar day written yyyy-mm-dd ("2025-02-31" and "2025-13-45" are not). */
export function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The calendar day (yyyy-mm-dd) of an instant, in Vietnam. */
export function isoDateInVietnam(instant: Date | number): string {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam, yyyy-mm-dd. */
export function todayInVietnam(now: Date | number = Date.now()): string {
  return isoDateInVietnam(now);
}

/** This month in Vietnam, as a period (2026-11). */
export function monthInVietnam(now: Date | number = Date.now()): string {
  return isoDateInVietnam(now).slice(0, 7);
}

/** "2026-11-27T22:40:00+07:00": an instant in Vietnam time, readable in a cell. */
export function timestampInVietnam(now: Date | number = Date.now()): string {
  const t = typeof now === 'number' ? now : now.getTime();
  return `${new Date(t + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The ISO date n days after (or before, n < 0) the given one. */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date n calendar months before the given one (the day clamped to the month's length). */
export function monthsBefore(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y! * 12 + (m! - 1) - n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d!, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
