// Range: reads, buffered writes, formats, notes, protections checked per write.
import { checkCellSizes, cloneCell, colLetter, ruleAt, type Cell } from './base';
import { FakeDataValidation, FakeDeveloperMetadata, FakeProtection } from './features';
import type { FakeSheet } from './sheet';
export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    /** "C2:C" or "J:J": the range follows the sheet as it grows. */
    readonly openRows = false,
  ) {}
  private get counter() {
    return this.sheet.counter;
  }
  /** Every write checks the protections covering the range against the acting user. */
  private guard() {
    this.sheet.guardWrite(this.row, this.col, this.numRows, this.numCols);
  }
  private checkShape(data: unknown[][], what: string): void {
    if (!Array.isArray(data) || data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this.numRows}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row) || row.length !== this.numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numCols}.`,
        );
      }
    }
    void what;
  }
  private map<T>(grid: T[][], fallback: T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const src = grid[this.row - 1 + r];
      const line: T[] = new Array(this.numCols);
      for (let c = 0; c < this.numCols; c++) {
        const v = src?.[this.col - 1 + c];
        line[c] = v === undefined ? fallback : v;
      }
      out.push(line);
    }
    return out;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.col + this.numCols - 1;
  }
  getSheet() {
    return this.sheet;
  }
  getA1Notation() {
    const a = `${colLetter(this.col)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return a;
    return `${a}:${colLetter(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }
  /** Test/fake helper, not counted. */
  getA1NotationWithSheet() {
    return `'${this.sheet.name}'!${this.getA1Notation()}`;
  }
  getValues(): Cell[][] {
    this.counter.hit('Range.getValues');
    return this.map(this.sheet.values, '' as Cell).map((r) => r.map(cloneCell));
  }
  getValue(): Cell {
    this.counter.hit('Range.getValue');
    return cloneCell(this.sheet.values[this.row - 1]?.[this.col - 1] ?? '');
  }
  getDisplayValues(): string[][] {
    this.counter.hit('Range.getDisplayValues');
    return this.map(this.sheet.values, '' as Cell).map((r) => r.map((v) => this.sheet.spreadsheet.display(v)));
  }
  getFormulas(): string[][] {
    this.counter.hit('Range.getFormulas');
    return this.map(this.sheet.formulas, '');
  }
  setValues(data: Cell[][]) {
    this.counter.hit('Range.setValues');
    this.guard();
    this.checkShape(data, 'values');
    checkCellSizes(data);
    const copy = data.map((r) => [...r]);
    this.sheet.spreadsheet.defer(() => this.sheet.writeCells(this.row, this.col, copy));
    return this;
  }
  setValue(v: Cell) {
    this.counter.hit('Range.setValue');
    this.guard();
    checkCellSizes([[v]]);
    this.sheet.spreadsheet.defer(() => this.sheet.writeCells(this.row, this.col, Array.from({ length: this.numRows }, () => Array(this.numCols).fill(v))));
    return this;
  }
  /** Per-cell number formats ('@' plain text, 'dd/mm/yyyy', '0'…). */
  setNumberFormats(formats: string[][]) {
    this.counter.hit('Range.setNumberFormats');
    this.guard();
    this.checkShape(formats, 'formats');
    const copy = formats.map((r) => [...r]);
    this.sheet.spreadsheet.defer(() => this.sheet.writeGrid(this.sheet.cellFormats, this.row, this.col, copy));
    return this;
  }
  getNumberFormats(): string[][] {
    this.counter.hit('Range.getNumberFormats');
    return Array.from({ length: this.numRows }, (_, r) => Array.from({ length: this.numCols }, (_, c) => this.sheet.formatAt(this.row + r, this.col + c) ?? 'General'));
  }
  /** Format → Clear formatting: number formats, notes stay, backgrounds go. */
  clearFormat() {
    this.counter.hit('Range.clearFormat');
    this.guard();
    this.sheet.writeGrid(this.sheet.cellFormats, this.row, this.col, Array.from({ length: this.numRows }, () => Array(this.numCols).fill('General')));
    return this;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    this.counter.hit('Range.offset');
    const row = this.row + rowOffset;
    const col = this.col + columnOffset;
    const nr = numRows ?? this.numRows;
    const nc = numColumns ?? this.numCols;
    if (row < 1 || col < 1 || row + nr - 1 > this.sheet.maxRows || col + nc - 1 > this.sheet.maxCols) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this.sheet, row, col, nr, nc);
  }
  getNotes(): string[][] {
    this.counter.hit('Range.getNotes');
    return this.map(this.sheet.notes, '');
  }
  getNote(): string {
    this.counter.hit('Range.getNote');
    return this.sheet.notes[this.row - 1]?.[this.col - 1] ?? '';
  }
  setNotes(notes: string[][]) {
    this.counter.hit('Range.setNotes');
    this.guard();
    this.checkShape(notes, 'notes');
    const copy = notes.map((r) => r.map((n) => (n == null ? '' : String(n))));
    this.sheet.spreadsheet.defer(() => this.sheet.writeGrid(this.sheet.notes, this.row, this.col, copy));
    return this;
  }
  setNote(note: string) {
    this.counter.hit('Range.setNote');
    this.guard();
    this.sheet.writeGrid(this.sheet.notes, this.row, this.col, Array.from({ length: this.numRows }, () => Array(this.numCols).fill(note ?? '')));
    return this;
  }
  clearNote() {
    this.counter.hit('Range.clearNote');
    this.guard();
    this.sheet.writeGrid(this.sheet.notes, this.row, this.col, Array.from({ length: this.numRows }, () => Array(this.numCols).fill('')));
    return this;
  }
  getBackgrounds(): string[][] {
    this.counter.hit('Range.getBackgrounds');
    return this.map(this.sheet.backgrounds, '#ffffff');
  }
  setBackgrounds(colors: Array<Array<string | null>>) {
    this.counter.hit('Range.setBackgrounds');
    this.guard();
    this.checkShape(colors, 'backgrounds');
    const copy = colors.map((r) => r.map((c) => c ?? '#ffffff'));
    this.sheet.spreadsheet.defer(() => this.sheet.writeGrid(this.sheet.backgrounds, this.row, this.col, copy));
    return this;
  }
  setBackground(color: string | null) {
    this.counter.hit('Range.setBackground');
    this.guard();
    this.sheet.writeGrid(this.sheet.backgrounds, this.row, this.col, Array.from({ length: this.numRows }, () => Array(this.numCols).fill(color ?? '#ffffff')));
    return this;
  }
  setNumberFormat(format: string) {
    this.counter.hit('Range.setNumberFormat');
    this.guard();
    this.sheet.numberFormats.push({ row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols, value: format });
    return this;
  }
  getNumberFormat() {
    this.counter.hit('Range.getNumberFormat');
    return this.sheet.formatAt(this.row, this.col) ?? 'General';
  }
  setDataValidation(rule: FakeDataValidation | null) {
    this.counter.hit('Range.setDataValidation');
    this.guard();
    this.sheet.validations.push({ row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols, value: rule });
    return this;
  }
  getDataValidation() {
    this.counter.hit('Range.getDataValidation');
    return ruleAt(this.sheet.validations, this.row, this.col) ?? null;
  }
  setFontWeight(w: string) {
    this.counter.hit('Range.setFontWeight');
    this.guard();
    this.sheet.fontWeights.push({ row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols, value: w });
    return this;
  }
  setFontColor(_c: string) {
    this.counter.hit('Range.setFontColor');
    this.guard();
    return this;
  }
  setFontSize(_s: number) {
    this.counter.hit('Range.setFontSize');
    this.guard();
    return this;
  }
  setWrap(_w: boolean) {
    this.counter.hit('Range.setWrap');
    this.guard();
    return this;
  }
  setHorizontalAlignment(_a: string) {
    this.counter.hit('Range.setHorizontalAlignment');
    this.guard();
    return this;
  }
  clearContent() {
    this.counter.hit('Range.clearContent');
    this.guard();
    this.sheet.clearArea(this.row, this.col, this.numRows, this.numCols, false);
    return this;
  }
  clear() {
    this.counter.hit('Range.clear');
    this.guard();
    this.sheet.clearArea(this.row, this.col, this.numRows, this.numCols, true);
    return this;
  }
  activate() {
    this.counter.hit('Range.activate');
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return this;
  }
  protect() {
    this.counter.hit('Range.protect');
    const p = new FakeProtection(this.counter, 'RANGE', this, this.sheet, this.sheet.spreadsheet.owner);
    this.sheet.protections.push(p);
    return p;
  }
  addDeveloperMetadata(key: string, value?: string, visibility = 'DOCUMENT') {
    this.counter.hit('Range.addDeveloperMetadata');
    this.sheet.metadata.push(new FakeDeveloperMetadata(this.counter, this.sheet, key, value ?? null, visibility));
    return this;
  }
}

