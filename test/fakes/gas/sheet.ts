// Sheet: the grid, typed-input parsing (vi_VN), rows and columns, protections.
import { checkCellSizes, instantOf, isDate, isRealDay, parseA1, ruleAt, type Cell, type RangeRule } from './base';
import { FakeChart, FakeChartBuilder, FakeDataValidation, FakeDeveloperMetadata, FakeProtection, PROTECTED_EDIT_ERROR, metadataFinder } from './features';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';
export class FakeSheet {
  values: Cell[][] = [];
  formulas: string[][] = [];
  notes: string[][] = [];
  backgrounds: string[][] = [];
  numberFormats: RangeRule<string>[] = [];
  /** Per-cell formats set by setNumberFormats / clearFormat (override the range rules). */
  cellFormats: string[][] = [];
  validations: RangeRule<FakeDataValidation | null>[] = [];
  fontWeights: RangeRule<string>[] = [];
  protections: FakeProtection[] = [];
  metadata: FakeDeveloperMetadata[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  hidden = false;
  maxRows = 1000;
  maxCols = 26;
  readonly sheetId: number;
  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    id: number,
  ) {
    this.sheetId = id;
  }
  get counter() {
    return this.spreadsheet.counter;
  }

  // ---- helpers (not Apps Script API; not counted) ----
  /** Throws the real Sheets error when the acting user may not edit a protection covering the block. */
  guardWrite(row: number, col: number, numRows: number, numCols: number): void {
    const who = this.spreadsheet.actor();
    for (const p of this.protections) {
      if (p.covers(row, col, numRows, numCols) && !p.allows(who)) throw new Error(PROTECTED_EDIT_ERROR);
    }
  }
  private guardRows(row: number, numRows: number): void {
    this.guardWrite(row, 1, numRows, Math.max(this.maxCols, 1));
  }
  writeGrid<T>(grid: T[][], row: number, col: number, data: T[][]): void {
    for (let r = 0; r < data.length; r++) {
      const target = (grid[row - 1 + r] ??= []);
      const src = data[r]!;
      for (let c = 0; c < src.length; c++) target[col - 1 + c] = src[c]!;
    }
    this.maxRows = Math.max(this.maxRows, row - 1 + data.length);
  }
  /** The number format of one cell ('General' when none was set). */
  formatAt(row: number, col: number): string | undefined {
    return this.cellFormats[row - 1]?.[col - 1] ?? ruleAt(this.numberFormats, row, col);
  }
  /**
   * What Sheets stores for a value written by a script into a cell with
   * `format`. A plain-text ('@') cell keeps the string as written (a leading
   * apostrophe is kept or dropped as `spreadsheet.textApostrophe` says: the
   * documentation does not settle it). Elsewhere a leading apostrophe forces
   * text, '=' makes a formula, and the rest is parsed as a vi_VN spreadsheet
   * parses typed input: TRUE/FALSE, integers (leading zeros lost), decimals with
   * a comma, dd/mm/yyyy and yyyy-mm-dd dates (midnight in the spreadsheet's time zone).
   */
  private coerce(v: Cell, format: string | undefined): { value: Cell; formula: string } {
    if (v === null || v === undefined) return { value: '', formula: '' };
    if (isDate(v)) return { value: new Date((v as Date).getTime()), formula: '' };
    if (typeof v === 'string') {
      if (format === '@') return { value: v.startsWith("'") && this.spreadsheet.textApostrophe === 'dropped' ? v.slice(1) : v, formula: '' };
      if (v.startsWith("'")) return { value: v.slice(1), formula: '' };
      if (v.startsWith('=') && v.length > 1) return { value: '', formula: v };
      const t = v.trim();
      if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
      if (/^[+-]?\d+$/.test(t)) return { value: Number(t), formula: '' };
      if (/^[+-]?\d+,\d+$/.test(t)) return { value: Number(t.replace(',', '.')), formula: '' };
      const tz = this.spreadsheet.timeZone;
      const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
      if (vi && isRealDay(+vi[3]!, +vi[2]!, +vi[1]!)) return { value: new Date(instantOf(+vi[3]!, +vi[2]!, +vi[1]!, tz)), formula: '' };
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
      if (iso && isRealDay(+iso[1]!, +iso[2]!, +iso[3]!)) return { value: new Date(instantOf(+iso[1]!, +iso[2]!, +iso[3]!, tz)), formula: '' };
      return { value: v, formula: '' };
    }
    if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: '' };
    return { value: String(v), formula: '' };
  }
  writeCells(row: number, col: number, data: Cell[][]): void {
    for (let r = 0; r < data.length; r++) {
      const vals = (this.values[row - 1 + r] ??= []);
      const forms = (this.formulas[row - 1 + r] ??= []);
      const src = data[r]!;
      for (let c = 0; c < src.length; c++) {
        const { value, formula } = this.coerce(src[c], this.formatAt(row + r, col + c));
        vals[col - 1 + c] = value;
        forms[col - 1 + c] = formula;
      }
    }
    // Test helpers write directly; Range writes were bounds-checked already.
    this.maxRows = Math.max(this.maxRows, row - 1 + data.length);
  }
  clearArea(row: number, col: number, numRows: number, numCols: number, formats: boolean): void {
    for (let r = row - 1; r < row - 1 + numRows && r < this.values.length; r++) {
      for (let c = col - 1; c < col - 1 + numCols; c++) {
        if (this.values[r]) this.values[r]![c] = '';
        if (this.formulas[r]) this.formulas[r]![c] = '';
        if (formats) {
          if (this.notes[r]) this.notes[r]![c] = '';
          if (this.backgrounds[r]) this.backgrounds[r]![c] = '#ffffff';
        }
      }
    }
  }
  lastRowIndex(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const row = this.values[r];
      const f = this.formulas[r];
      if (row?.some((v) => v !== '' && v !== undefined) || f?.some((v) => v)) return r + 1;
    }
    return 0;
  }
  /** Test helper: the cell value at 1-based row/col. */
  cell(row: number, col: number): Cell {
    return this.values[row - 1]?.[col - 1] ?? '';
  }

  // ---- Apps Script API ----
  getName() {
    this.counter.hit('Sheet.getName');
    return this.name;
  }
  setName(n: string) {
    this.counter.hit('Sheet.setName');
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name === n)) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this.name = n;
    return this;
  }
  getSheetId() {
    return this.sheetId;
  }
  getParent() {
    return this.spreadsheet;
  }
  getLastRow() {
    this.counter.hit('Sheet.getLastRow');
    return this.lastRowIndex();
  }
  getLastColumn() {
    this.counter.hit('Sheet.getLastColumn');
    let max = 0;
    for (const row of this.values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= max; c--) {
        if (row[c] !== '' && row[c] !== undefined) {
          max = c + 1;
          break;
        }
      }
    }
    return max;
  }
  getMaxRows() {
    this.counter.hit('Sheet.getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    this.counter.hit('Sheet.getMaxColumns');
    return this.maxCols;
  }
  /** Not counted: the range of an A1 notation on this sheet, bounds-checked. */
  rangeOf(a1: string): FakeRange {
    const p = parseA1(a1, this.maxRows);
    this.checkBounds(p.row, p.col, p.numRows, p.numCols);
    return new FakeRange(this, p.row, p.col, p.numRows, p.numCols, p.openRows);
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    this.counter.hit('Sheet.getRange');
    if (typeof a === 'string') return this.rangeOf(a);
    const row = a;
    const col = b ?? 1;
    const numRows = c ?? 1;
    const numCols = d ?? 1;
    if (!Number.isInteger(row) || row < 1) throw new Error('The starting row of the range is too small.');
    if (!Number.isInteger(col) || col < 1) throw new Error('The starting column of the range is too small.');
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numCols) || numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    this.checkBounds(row, col, numRows, numCols);
    return new FakeRange(this, row, col, numRows, numCols);
  }
  /** Ranges past the sheet's grid are refused, as in Sheets (grow it with insertRowsAfter first). */
  private checkBounds(row: number, col: number, numRows: number, numCols: number): void {
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  insertRowsAfter(after: number, n: number) {
    this.counter.hit('Sheet.insertRowsAfter');
    this.guardRows(after + 1, n);
    if (after < 1 || after > this.maxRows) throw new Error('Those rows are out of bounds.');
    for (const grid of [this.values, this.formulas, this.notes, this.backgrounds] as unknown[][][]) {
      if (grid.length > after) grid.splice(after, 0, ...Array.from({ length: n }, () => []));
    }
    // New rows do not get the number formats of column ranges set earlier (conservative).
    this.maxRows += n;
    return this;
  }
  getDataRange() {
    this.counter.hit('Sheet.getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRowIndex()), Math.max(1, this.getLastColumnUncounted()));
  }
  private getLastColumnUncounted() {
    let max = 0;
    for (const row of this.values) if (row) for (let c = 0; c < row.length; c++) if (row[c] !== '' && row[c] !== undefined) max = Math.max(max, c + 1);
    return max;
  }
  appendRow(row: Cell[]) {
    // appendRow grows the sheet when it is full; the row goes after the last one when the write is applied.
    this.counter.hit('Sheet.appendRow');
    this.guardRows(this.lastRowIndex() + 1, 1);
    checkCellSizes([row]);
    const copy = [...row];
    this.spreadsheet.defer(() => this.writeCells(this.lastRowIndex() + 1, 1, [copy]));
    return this;
  }
  deleteRow(row: number) {
    this.counter.hit('Sheet.deleteRow');
    this.guardRows(row, 1);
    return this.deleteRowsUncounted(row, 1);
  }
  deleteRows(row: number, n: number) {
    this.counter.hit('Sheet.deleteRows');
    this.guardRows(row, n);
    return this.deleteRowsUncounted(row, n);
  }
  private deleteRowsUncounted(row: number, n: number) {
    if (row < 1 || row + n - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    for (const grid of [this.values, this.formulas, this.notes, this.backgrounds] as unknown[][][]) grid.splice(row - 1, n);
    this.maxRows -= n;
    return this;
  }
  deleteColumns(col: number, n: number) {
    this.counter.hit('Sheet.deleteColumns');
    this.guardWrite(1, col, this.maxRows, n);
    if (col < 1 || col + n - 1 > this.maxCols) throw new Error('Those columns are out of bounds.');
    for (const grid of [this.values, this.formulas, this.notes, this.backgrounds, this.cellFormats] as unknown[][][]) for (const row of grid) if (row) row.splice(col - 1, n);
    this.maxCols -= n;
    this.spreadsheet.shrinkNamedRanges(this, col, n);
    return this;
  }
  deleteColumn(col: number) {
    return this.deleteColumns(col, 1);
  }
  insertColumnsAfter(after: number, n: number) {
    this.counter.hit('Sheet.insertColumnsAfter');
    this.guardWrite(1, after + 1, this.maxRows, n);
    for (const grid of [this.values, this.formulas, this.notes, this.backgrounds] as unknown[][][]) {
      for (const row of grid) if (row && row.length > after) row.splice(after, 0, ...Array(n).fill(undefined));
    }
    this.maxCols += n;
    return this;
  }
  setFrozenRows(n: number) {
    this.counter.hit('Sheet.setFrozenRows');
    this.frozenRows = n;
  }
  getFrozenRows() {
    this.counter.hit('Sheet.getFrozenRows');
    return this.frozenRows;
  }
  setColumnWidth(_c: number, _w: number) {
    this.counter.hit('Sheet.setColumnWidth');
    return this;
  }
  setColumnWidths(_c: number, _n: number, _w: number) {
    this.counter.hit('Sheet.setColumnWidths');
    return this;
  }
  setTabColor(_c: string) {
    this.counter.hit('Sheet.setTabColor');
    return this;
  }
  hideSheet() {
    this.counter.hit('Sheet.hideSheet');
    this.hidden = true;
    return this;
  }
  isSheetHidden() {
    this.counter.hit('Sheet.isSheetHidden');
    return this.hidden;
  }
  activate() {
    this.counter.hit('Sheet.activate');
    this.spreadsheet.activeSheet = this;
    return this;
  }
  clear() {
    this.counter.hit('Sheet.clear');
    this.guardRows(1, this.maxRows);
    // "Clears the sheet of content and formatting information."
    this.numberFormats = [];
    this.cellFormats = [];
    this.fontWeights = [];
    this.values = [];
    this.formulas = [];
    this.notes = [];
    this.backgrounds = [];
    return this;
  }
  clearContents() {
    this.counter.hit('Sheet.clearContents');
    this.guardRows(1, this.maxRows);
    this.values = [];
    this.formulas = [];
    return this;
  }
  protect() {
    this.counter.hit('Sheet.protect');
    const p = new FakeProtection(this.counter, 'SHEET', null, this, this.spreadsheet.owner);
    this.protections.push(p);
    return p;
  }
  getProtections(type: string) {
    this.counter.hit('Sheet.getProtections');
    return this.protections.filter((p) => p.type === type);
  }
  addDeveloperMetadata(key: string, value?: string, visibility = 'DOCUMENT') {
    this.counter.hit('Sheet.addDeveloperMetadata');
    this.metadata.push(new FakeDeveloperMetadata(this.counter, this, key, value ?? null, visibility));
    return this;
  }
  getDeveloperMetadata() {
    this.counter.hit('Sheet.getDeveloperMetadata');
    return [...this.metadata];
  }
  createDeveloperMetadataFinder() {
    this.counter.hit('Sheet.createDeveloperMetadataFinder');
    return metadataFinder(this.counter, () => this.metadata);
  }
  newChart() {
    this.counter.hit('Sheet.newChart');
    return new FakeChartBuilder(this);
  }
  insertChart(chart: FakeChart) {
    this.counter.hit('Sheet.insertChart');
    this.charts.push(chart);
  }
  updateChart(chart: FakeChart) {
    this.counter.hit('Sheet.updateChart');
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw new Error('The chart does not exist.');
    this.charts[i] = chart;
  }
  removeChart(chart: FakeChart) {
    this.counter.hit('Sheet.removeChart');
    this.charts = this.charts.filter((c) => c.id !== chart.id);
  }
  getCharts() {
    this.counter.hit('Sheet.getCharts');
    return [...this.charts];
  }
  autoResizeColumns(_c: number, _n: number) {
    this.counter.hit('Sheet.autoResizeColumns');
    return this;
  }
}

