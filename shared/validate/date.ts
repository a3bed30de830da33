/** Vietnamese dates are written day first: dd/mm/yyyy. Stored as ISO yyyy-mm-dd. */
import { daysInMonth } from '../time/vietnam';

export type ViDateResult = { ok: true; value: string } | { ok: false; error: string };

export interface ParseViDateOptions {
  /** Reject dates after `today` (birth, death and issue dates). */
  notInFuture?: boolean;
  /** Reference day for notInFuture, read in local time (default: now). */
  today?: Date;
  /** Earliest accepted year (default 1900). */
  minYear?: number;
}

// Day and month may be typed without the leading zero; "/", "." and "-" are all common separators.
const VI_DATE = /^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DEFAULT_MIN_YEAR = 1900;

const pad2 = (n: number) => String(n).padStart(2, '0');
const toIso = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;

/** "dd/mm/yyyy" → "yyyy-mm-dd", or a Vietnamese error message. */
export function parseViDate(input: string, options: ParseViDateOptions = {}): ViDateResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Chưa nhập ngày.' };
  const match = VI_DATE.exec(trimmed);
  if (!match) return { ok: false, error: 'Ngày phải có dạng dd/mm/yyyy, ví dụ 05/09/2024.' };

  const day = Number(match[1]);
  const month = Number(match[3]);
  const year = Number(match[4]);
  const minYear = options.minYear ?? DEFAULT_MIN_YEAR;

  if (month < 1 || month > 12) return { ok: false, error: 'Tháng phải từ 01 đến 12.' };
  if (year < minYear) return { ok: false, error: `Năm phải từ ${minYear} trở đi.` };
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > 31) return { ok: false, error: 'Ngày phải từ 01 đến 31.' };
  if (day > lastDay) {
    return { ok: false, error: `Ngày ${pad2(day)}/${pad2(month)}/${year} không tồn tại: tháng ${pad2(month)}/${year} chỉ có ${lastDay} ngày.` };
  }

  const value = toIso(year, month, day);
  if (options.notInFuture) {
    const today = options.today ?? new Date();
    const todayIso = toIso(today.getFullYear(), today.getMonth() + 1, today.getDate());
    // ISO strings of equal length compare in date order.
    if (value > todayIso) return { ok: false, error: `Ngày không được sau hôm nay (${formatViDate(todayIso)}).` };
  }
  return { ok: true, value };
}

/** "yyyy-mm-dd" → "dd/mm/yyyy". Throws RangeError on anything that is not a real ISO date. */
export function formatViDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not an ISO date: ${iso}`);
  }
  return `${match[3]}/${match[2]}/${match[1]}`;
}
