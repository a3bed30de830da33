// The table port: one sheet with a header row, read and written in whole blocks.
// Every method makes a fixed number of spreadsheet calls, whatever the row count.
import { neutraliseFormula } from '../../../shared/schemas/privacy';
import { colA1 } from './a1';

export interface ColumnSpec {
  key: string;
  header: string;
  /** '@' = plain text (keeps leading zeros, "+84…" and "=…" as typed). */
  format?: string;
  /** The «Danh mục» list (or the volunteers) behind the column's dropdown. */
  list?: string;
  checkbox?: boolean;
  /** Holds personal data: masked in the change log, cleared by the retention purge. */
  personal?: boolean;
}

export interface TableSpec {
  key: string;
  name: string;
  columns: ColumnSpec[];
  /** Protect the whole sheet (warning-free) for everyone but the owner. */
  protectSheet?: boolean;
  /** Keys of columns protected against manual edits. */
  protectColumns?: string[];
  hidden?: boolean;
}

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Row {
  /** 1-based sheet row. */
  rowNumber: number;
  /** The whole row, including columns the add-on does not know. */
  cells: unknown[];
}

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Text Sheets would turn into a number, date or boolean when written to a cell not formatted as text. */
const COERCIBLE = /^(?:[+-]?[\d\s.,/:-]+|true|false)$/i;

/**
 * How a string is written, by the cell it lands in:
 * - 'literal': a cell this very write formats as plain text ('@'): written as
 *   it is. Sheets stores plain-text cells as typed, so no apostrophe is needed,
 *   and none is written: whether Sheets would keep a leading apostrophe in a
 *   plain-text cell as a character is not documented, and this way the stored
 *   value is right either way.
 * - 'text': a text column in a cell whose format is unknown (migration into a
 *   cleared sheet): "0123", "+84…" or "2026-11-20" get an apostrophe, which
 *   Sheets drops in a non-text cell, so they stay text.
 * - 'plain': any other cell: user text never becomes a formula.
 */
export type CellMode = 'literal' | 'text' | 'plain';
export function safeCell(v: unknown, mode: CellMode = 'plain'): unknown {
  if (typeof v === 'string') {
    if (mode === 'literal') return v;
    if (mode === 'text' && v !== '' && COERCIBLE.test(v)) return `'${v}`;
    return neutraliseFormula(v);
  }
  if (v === undefined || v === null) return '';
  return v;
}

/** A sheet's name as A1 notation wants it: 'Hồ sơ' (quotes doubled). */
function a1Sheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Extra rows added when a sheet is full, so growing is rare. */
const GROW_BY = 500;

export class Table {
  /** 0-based index of each known column, found by header text. */
  readonly index: Record<string, number>;
  readonly width: number;
  /** Per column index: is it a plain-text column? */
  private readonly textCols: boolean[];
  /** Per column index: the number format every written row gets. */
  private readonly formats: string[];
  private cache: Row[] | undefined;
  private lastRow: number;
  /** Set for a table read in one block (Table.load): its writes name the sheet in A1, and its height is known. */
  private loaded: { ss: Spreadsheet; maxRows: number } | undefined;
  private sheetRef: Sheet | null;

  constructor(
    readonly spec: TableSpec,
    sheet: Sheet | null,
    header: unknown[],
    lastRow: number,
  ) {
    this.sheetRef = sheet;
    this.index = {};
    const texts = header.map((h) => String(h).trim());
    for (const col of spec.columns) {
      const i = texts.indexOf(col.header);
      if (i < 0) throw new RegistryError(`Trang tính «${spec.name}» thiếu cột «${col.header}» (có thể tiêu đề cột đã bị đổi tên hoặc cột đã bị xoá): hãy đặt lại đúng tên tiêu đề, hoặc hoàn tác việc xoá cột.`);
      this.index[col.key] = i;
    }
    this.width = Math.max(texts.length, ...Object.values(this.index).map((i) => i + 1));
    this.textCols = new Array(this.width).fill(false);
    for (const col of spec.columns) if (col.format === '@') this.textCols[this.index[col.key]!] = true;
    this.formats = new Array(this.width).fill('General');
    for (const col of spec.columns) if (col.format) this.formats[this.index[col.key]!] = col.format;
    this.lastRow = lastRow;
  }

  /** The sheet (looked up on first use for a table read with Table.load). */
  get sheet(): Sheet {
    if (!this.sheetRef) {
      this.sheetRef = this.loaded!.ss.getSheetByName(this.spec.name);
      if (!this.sheetRef) throw new RegistryError(`Chưa có trang tính «${this.spec.name}». Hãy chạy «Thiết lập sổ» trước.`);
    }
    return this.sheetRef;
  }

  /**
   * Reads a whole table in one block — header and every row — naming the sheet
   * in A1 notation: 2 calls. `width` is how many columns it had last time; a
   * sheet that is narrower, wider or damaged is read again the long way
   * (Table.open), which says precisely what is missing.
   */
  static load(ss: Spreadsheet, spec: TableSpec, width: number): Table {
    let values: unknown[][];
    try {
      values = ss.getRange(`${a1Sheet(spec.name)}!A1:${colA1(Math.max(width, 1) - 1)}`).getValues();
    } catch {
      return Table.openAll(ss, spec);
    }
    let last = values.length;
    while (last > 1 && values[last - 1]!.every((v) => v === '' || v === null || v === undefined)) last--;
    let table: Table;
    try {
      table = new Table(spec, null, values[0] ?? [], last);
    } catch {
      return Table.openAll(ss, spec);
    }
    table.loaded = { ss, maxRows: values.length };
    table.cache = values.slice(1, last).map((cells, i) => ({ rowNumber: i + 2, cells }));
    return table;
  }

  private static openAll(ss: Spreadsheet, spec: TableSpec): Table {
    const t = Table.open(ss, spec);
    t.rows();
    return t;
  }

  /** Opens a table: 3 calls (sheet, last row, header). */
  static open(ss: Spreadsheet, spec: TableSpec): Table {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) throw new RegistryError(`Chưa có trang tính «${spec.name}». Hãy chạy «Thiết lập sổ» trước.`);
    const lastRow = sheet.getLastRow();
    // Only the columns the sheet has: a sheet trimmed to its columns and missing
    // one gets "thiếu cột «…»", not Sheets' "outside the dimensions".
    const lastCol = sheet.getLastColumn();
    const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0]! : [];
    return new Table(spec, sheet, header, lastRow);
  }

  get dataRowCount(): number {
    return Math.max(0, this.lastRow - 1);
  }

  /** Every data row, read once with one call. */
  rows(): Row[] {
    if (this.cache) return this.cache;
    const n = this.dataRowCount;
    const values = n > 0 ? this.sheet.getRange(2, 1, n, this.width).getValues() : [];
    this.cache = values.map((cells, i) => ({ rowNumber: i + 2, cells }));
    return this.cache;
  }

  /** Only the given columns (one call over the block spanning them). */
  columns(keys: string[]): Array<Record<string, unknown>> {
    const n = this.dataRowCount;
    if (n === 0) return [];
    if (this.cache) return this.cache.map((r) => Object.fromEntries(keys.map((k) => [k, r.cells[this.index[k]!]])));
    const idx = keys.map((k) => this.index[k]!);
    const from = Math.min(...idx);
    const to = Math.max(...idx);
    const values = this.sheet.getRange(2, from + 1, n, to - from + 1).getValues();
    return values.map((cells) => Object.fromEntries(keys.map((k, j) => [k, cells[idx[j]! - from]])));
  }

  private safeRow(cells: unknown[]): unknown[] {
    return cells.map((v, i) => safeCell(v, this.textCols[i] ? 'literal' : 'plain'));
  }

  /**
   * Writes whole rows: the block gets the columns' number formats first (a row
   * may have lost them, or never had them), then the values. 3 calls.
   */
  private writeBlock(first: number, rows: unknown[][]): void {
    const range = this.loaded
      ? this.loaded.ss.getRange(`${a1Sheet(this.spec.name)}!A${first}:${colA1(this.width - 1)}${first + rows.length - 1}`)
      : this.sheet.getRange(first, 1, rows.length, this.width);
    range.setNumberFormats(rows.map(() => this.formats));
    range.setValues(rows.map((r) => this.safeRow(r)));
  }

  get(row: Row, key: string): unknown {
    return row.cells[this.index[key]!];
  }

  /** A new row array with the given fields set (other columns empty). */
  makeRow(fields: Record<string, unknown>): unknown[] {
    const cells: unknown[] = new Array(this.width).fill('');
    for (const [k, v] of Object.entries(fields)) {
      const i = this.index[k];
      if (i !== undefined) cells[i] = v;
    }
    return cells;
  }

  /** Appends rows in one call; returns their row numbers. */
  append(rows: unknown[][]): number[] {
    if (rows.length === 0) return [];
    const start = this.lastRow + 1;
    const maxRows = this.loaded ? this.loaded.maxRows : this.sheet.getMaxRows();
    const needed = start + rows.length - 1;
    if (needed > maxRows) {
      this.sheet.insertRowsAfter(maxRows, needed - maxRows + GROW_BY);
      if (this.loaded) this.loaded.maxRows = needed + GROW_BY;
    }
    this.writeBlock(start, rows);
    this.lastRow += rows.length;
    if (this.cache) rows.forEach((cells, i) => this.cache!.push({ rowNumber: start + i, cells }));
    return rows.map((_, i) => start + i);
  }

  /**
   * Writes changed rows back in one call: the block from the first to the last
   * changed row (unchanged rows in between are written back as read).
   */
  update(changed: Row[]): void {
    if (changed.length === 0) return;
    const all = this.rows();
    const byNumber = new Map(changed.map((r) => [r.rowNumber, r]));
    const first = Math.min(...byNumber.keys());
    const last = Math.max(...byNumber.keys());
    const block: unknown[][] = [];
    for (let n = first; n <= last; n++) {
      const row = byNumber.get(n) ?? all[n - 2];
      if (!row) throw new RegistryError('Dòng cần ghi không còn trong trang tính; hãy tải lại và thử lại.');
      block.push(row.cells);
    }
    this.writeBlock(first, block);
    for (const r of changed) if (all[r.rowNumber - 2]) all[r.rowNumber - 2] = r;
  }

  /** Deletes one row (one call) and renumbers the cached rows below it. */
  deleteRow(rowNumber: number): void {
    this.sheet.deleteRow(rowNumber);
    this.lastRow -= 1;
    if (this.cache) {
      this.cache.splice(rowNumber - 2, 1);
      for (let i = rowNumber - 2; i < this.cache.length; i++) this.cache[i]!.rowNumber -= 1;
    }
  }
}
