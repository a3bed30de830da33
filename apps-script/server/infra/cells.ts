// Reading cell values: Sheets hands back strings, numbers, booleans and Dates.
import { isCalendarDate } from '../../../shared/time/vietnam';
import { cellDay, isDate } from './time';


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
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
  // "31/02/2025" or "2025-13-45" held as text are not dates.
  return isCalendarDate(iso) ? iso : null;
}

/**
 * A text cell's content as the add-on wrote it. A cell that lost its text
 * format (Format → Clear formatting) holds 912345678 for "0912345678" and 123
 * for "0123": `digits` pads such a number back to the given length.
 */
export function textOf(v: unknown, digits = 0): string {
  if (typeof v === 'number' && Number.isInteger(v) && digits) return String(v).padStart(digits, '0');
  return cellText(v);
}

/** Did Sheets turn this text cell's digits into a number (the cell lost its text format)? */
export function lostTextFormat(v: unknown): v is number {
  return typeof v === 'number';
}

export function cellBool(v: unknown): boolean {
  return v === true || v === 'TRUE' || v === 'true' || v === 'Có' || v === 'có';
}
