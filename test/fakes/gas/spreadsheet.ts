// Spreadsheet: sheets, named ranges, its own time zone, and the executions whose writes it buffers.
import { BUFFERED, NAVIGATION, instantOf, isDate, pad2, wallClock, type CallCounter, type Cell } from './base';
import { FakeDeveloperMetadata, metadataFinder } from './features';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
export interface NamedRange {
  sheet: FakeSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  openRows: boolean;
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  /** The spreadsheet's own time zone (File → Settings), separate from the script's. */
  timeZone = 'Asia/Ho_Chi_Minh';
  /** Whether a leading apostrophe written into a plain-text ('@') cell stays a character. */
  textApostrophe: 'kept' | 'dropped' = 'kept';
  namedRanges = new Map<string, NamedRange>();
  /** One queue of buffered writes per running execution (innermost last). */
  private executions: Array<Array<() => void>> = [];
  metadata: FakeDeveloperMetadata[] = [];
  activeSheet: FakeSheet | undefined;
  activeRange: FakeRange | undefined;
  toasts: string[] = [];
  /** Not Apps Script API: the account the script is running as (set by createGas). */
  actor: () => string = () => this.owner;
  private nextId = 0;
  constructor(
    readonly counter: CallCounter,
    readonly owner = 'owner@example.com',
    readonly id = 'fake-spreadsheet-id',
  ) {
    this.activeSheet = this.addSheetUncounted('Trang tính1');
    counter.beforeCall = (method) => {
      if (!BUFFERED.has(method) && !NAVIGATION.has(method)) this.commit();
    };
  }
  // ---- executions and buffered writes (not Apps Script API) ----
  beginExecution(): void {
    this.executions.push([]);
  }
  /** The end of an execution applies what it still had buffered. */
  endExecution(): void {
    this.commit();
    this.executions.pop();
  }
  /** Buffers a write in the running execution (applied at once outside any execution, as test helpers write). */
  defer(op: () => void): void {
    const queue = this.executions.at(-1);
    if (queue) queue.push(op);
    else op();
  }
  /** Applies the running execution's buffered writes. */
  commit(): void {
    const queue = this.executions.at(-1);
    if (!queue) return;
    for (const op of queue.splice(0)) op();
  }
  /** Writes the running execution has buffered and not yet applied. */
  pendingWrites(): number {
    return this.executions.at(-1)?.length ?? 0;
  }
  /** A value as the vi_VN spreadsheet shows it (dates dd/mm/yyyy in its own time zone). */
  display(v: Cell): string {
    if (isDate(v)) {
      const w = wallClock((v as Date).getTime(), this.timeZone);
      return `${pad2(w.d)}/${pad2(w.m)}/${w.y}`;
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
  shrinkNamedRanges(sheet: FakeSheet, col: number, n: number): void {
    for (const r of this.namedRanges.values()) {
      if (r.sheet !== sheet) continue;
      const last = r.col + r.numCols - 1;
      const removed = Math.max(0, Math.min(last, col + n - 1) - Math.max(r.col, col) + 1);
      if (col < r.col) r.col = Math.max(col, r.col - n);
      r.numCols -= removed;
    }
  }
  addSheetUncounted(name: string): FakeSheet {
    const s = new FakeSheet(this, name, this.nextId++);
    this.sheets.push(s);
    return s;
  }
  /** Test helper: sheet by name without counting. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  getId() {
    return this.id;
  }
  getOwner() {
    this.counter.hit('Spreadsheet.getOwner');
    const email = this.owner;
    return { getEmail: () => email };
  }
  getName() {
    this.counter.hit('Spreadsheet.getName');
    return 'Sổ theo dõi (giả lập)';
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.counter.hit('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }
  /** Date cells keep the day and time they show; the instants they stand for move with the zone. */
  setSpreadsheetTimeZone(tz: string) {
    this.counter.hit('Spreadsheet.setSpreadsheetTimeZone');
    const old = this.timeZone;
    for (const sheet of this.sheets) {
      for (const row of sheet.values) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (!isDate(v)) continue;
          const w = wallClock((v as Date).getTime(), old);
          row[c] = new Date(instantOf(w.y, w.m, w.d, tz, w.hh, w.mm) + w.ss * 1000);
        }
      }
    }
    this.timeZone = tz;
  }
  setNamedRange(name: string, range: FakeRange) {
    this.counter.hit('Spreadsheet.setNamedRange');
    this.namedRanges.set(name, { sheet: range.sheet, row: range.row, col: range.col, numRows: range.numRows, numCols: range.numCols, openRows: range.openRows });
  }
  getRangeByName(name: string) {
    this.counter.hit('Spreadsheet.getRangeByName');
    const r = this.namedRanges.get(name);
    if (!r || !this.sheets.includes(r.sheet) || r.numCols < 1) return null;
    const numRows = r.openRows ? r.sheet.maxRows - r.row + 1 : r.numRows;
    return new FakeRange(r.sheet, r.row, r.col, numRows, r.numCols, r.openRows);
  }
  getNamedRanges() {
    this.counter.hit('Spreadsheet.getNamedRanges');
    return [...this.namedRanges.keys()].map((name) => ({ getName: () => name, getRange: () => this.getRangeByName(name) }));
  }
  getSheets() {
    this.counter.hit('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  /** A range in A1 notation with the sheet's name: "'Hồ sơ'!A1:S" (open-ended rows run to the sheet's last row). */
  getRange(a1: string) {
    this.counter.hit('Spreadsheet.getRange');
    const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1);
    if (!m) throw new Error('Range not found');
    const name = (m[1] ?? m[2]!).replace(/''/g, "'");
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error('Range not found');
    return sheet.rangeOf(m[3]!);
  }
  getSheetByName(name: string) {
    this.counter.hit('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    this.counter.hit('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const s = new FakeSheet(this, name, this.nextId++);
    if (index === undefined) this.sheets.push(s);
    else this.sheets.splice(index, 0, s);
    this.activeSheet = s;
    return s;
  }
  deleteSheet(s: FakeSheet) {
    this.counter.hit('Spreadsheet.deleteSheet');
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const [name, r] of this.namedRanges) if (r.sheet === s) this.namedRanges.delete(name);
  }
  getActiveSheet() {
    this.counter.hit('Spreadsheet.getActiveSheet');
    return this.activeSheet ?? this.sheets[0]!;
  }
  setActiveSheet(s: FakeSheet) {
    this.counter.hit('Spreadsheet.setActiveSheet');
    this.activeSheet = s;
    return s;
  }
  getActiveRange() {
    this.counter.hit('Spreadsheet.getActiveRange');
    return this.activeRange ?? null;
  }
  toast(msg: string) {
    this.counter.hit('Spreadsheet.toast');
    this.toasts.push(msg);
  }
  addDeveloperMetadata(key: string, value?: string, visibility = 'DOCUMENT') {
    this.counter.hit('Spreadsheet.addDeveloperMetadata');
    this.metadata.push(new FakeDeveloperMetadata(this.counter, this, key, value ?? null, visibility));
    return this;
  }
  getDeveloperMetadata() {
    this.counter.hit('Spreadsheet.getDeveloperMetadata');
    return [...this.metadata];
  }
  createDeveloperMetadataFinder() {
    this.counter.hit('Spreadsheet.createDeveloperMetadataFinder');
    return metadataFinder(this.counter, () => this.metadata);
  }
  getProtections(type: string) {
    this.counter.hit('Spreadsheet.getProtections');
    return this.sheets.flatMap((s) => s.protections.filter((p) => p.type === type));
  }
}

