// Reading cell values: Sheets hands back strings, numbers, booleans and Dates.
import { cellDay, isDate } from './time';

export { isDate };

/** A cell value as a trimmed string ('' for empty); dates become ISO dates. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : cellDay(v);
  return String(v).trim();
}

/** A date cell as an ISO date, '' when empty, or null when it is not a date. */
export function cellDate(v: unknown): string | null {
  if (v === '' || v === null || v === undefined) return '';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : cellDay(v);
  const s = String(v).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

export function cellBool(v: unknown): boolean {
  return v === true || v === 'TRUE' || v === 'true' || v === 'Có' || v === 'có';
}
