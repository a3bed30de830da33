// Counting calls, dates in time zones, A1 notation: what every part of the fake shares.
export class CallCounter {
  total = 0;
  byMethod = new Map<string, number>();
  /** Called on every spreadsheet service call (used to interleave "concurrent" requests). */
  hook: ((method: string) => void) | undefined;
  /** Set by the spreadsheet: commits the running execution's buffered writes before any other call. */
  beforeCall: ((method: string) => void) | undefined;
  hit(method: string): void {
    this.beforeCall?.(method);
    this.total++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    this.hook?.(method);
  }
  reset(): void {
    this.total = 0;
    this.byMethod.clear();
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.byMethod.entries()].sort());
  }
}

export type Cell = unknown;

/** Spreadsheet calls whose effect Sheets buffers until the next flush (or the next read). */
export const BUFFERED = new Set(['Range.setValues', 'Range.setValue', 'Range.setNotes', 'Range.setNote', 'Range.setBackgrounds', 'Range.setBackground', 'Range.setNumberFormats', 'Sheet.appendRow']);
/** Calls that only name a place (no data read): they leave buffered writes pending. */
export const NAVIGATION = new Set(['SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActive', 'Spreadsheet.getSheetByName', 'Spreadsheet.getRangeByName', 'Spreadsheet.getRange', 'Sheet.getRange', 'Range.offset']);
/** The most characters a cell holds. */
export const MAX_CELL_CHARS = 50_000;

/** Wall-clock parts of an instant in an IANA time zone. */
export function wallClock(t: number, timeZone: string): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year!, m: +parts.month!, d: +parts.day!, hh: +parts.hour!, mm: +parts.minute!, ss: +parts.second! };
}
export function offsetMs(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) - Math.floor(t / 1000) * 1000;
}
/** The instant of a wall-clock time in a time zone. */
export function instantOf(y: number, m: number, d: number, timeZone: string, hh = 0, mm = 0): number {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let t = wall - offsetMs(wall, timeZone);
  t = wall - offsetMs(t, timeZone);
  return t;
}
export const pad2 = (n: number) => String(n).padStart(2, '0');
export const isRealDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
export function cloneCell(v: Cell): Cell {
  return isDate(v) ? new Date((v as Date).getTime()) : v;
}

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1(a1: string, maxRows: number): { row: number; col: number; numRows: number; numCols: number; openRows: boolean } {
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a1.replace(/\$/g, ''));
  if (!m) throw new Error('Range not found');
  const colOf = (s: string) => s.toUpperCase().split('').reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
  const c1 = colOf(m[1]!);
  const r1 = m[2] ? Number(m[2]) : 1;
  const c2 = m[3] ? colOf(m[3]) : c1;
  // "C2:C" and "J:J" run to the last row of the sheet.
  const r2 = m[4] ? Number(m[4]) : m[3] ? maxRows : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1, openRows: Boolean(m[3] && !m[4]) };
}

export interface RangeRule<T> {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  value: T;
}
export function ruleAt<T>(rules: RangeRule<T>[], row: number, col: number): T | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols) return r.value;
  }
  return undefined;
}

export function checkCellSizes(data: Cell[][]): void {
  for (const row of data) for (const v of row) if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
}

