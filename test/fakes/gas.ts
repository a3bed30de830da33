// In-memory fakes of the Apps Script services the add-on uses, faithful to the
// documented behaviour that matters for correctness: 1-based ranges, the real
// dimension-mismatch and bounds messages, empty cells read as '', Date cells,
// number formats ('@' keeps text, otherwise numeric and ISO-date strings are
// parsed like the Sheets UI does), a leading apostrophe forcing text, strings
// starting with '=' becoming formulas, notes, backgrounds, data validations,
// protections (enforced against the acting user, with the real Sheets message),
// developer metadata, charts. Every call on a spreadsheet object is counted so
// tests can prove batch reads and writes. As strict as the documentation where
// it matters: writes are buffered until flush(), the same execution's next
// spreadsheet call, or the end of the execution (a lock release does NOT flush);
// strings typed into non-text cells are parsed as a vi_VN spreadsheet does
// (dd/mm/yyyy dates, TRUE/FALSE, numbers); the spreadsheet has its own time zone;
// Properties, Cache and cell sizes are limited as documented.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

type Cell = unknown;

/** Spreadsheet calls whose effect Sheets buffers until the next flush (or the next read). */
const BUFFERED = new Set(['Range.setValues', 'Range.setValue', 'Range.setNotes', 'Range.setNote', 'Range.setBackgrounds', 'Range.setBackground', 'Range.setNumberFormats', 'Sheet.appendRow']);
/** Calls that only name a place (no data read): they leave buffered writes pending. */
const NAVIGATION = new Set(['SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActive', 'Spreadsheet.getSheetByName', 'Spreadsheet.getRangeByName', 'Spreadsheet.getRange', 'Sheet.getRange', 'Range.offset']);
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
function offsetMs(t: number, timeZone: string): number {
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
const pad2 = (n: number) => String(n).padStart(2, '0');
const isRealDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
function cloneCell(v: Cell): Cell {
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

function parseA1(a1: string, maxRows: number): { row: number; col: number; numRows: number; numCols: number; openRows: boolean } {
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

interface RangeRule<T> {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  value: T;
}
function ruleAt<T>(rules: RangeRule<T>[], row: number, col: number): T | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols) return r.value;
  }
  return undefined;
}

export class FakeDataValidation {
  constructor(
    readonly criteriaType: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType() {
    return this.criteriaType;
  }
  getCriteriaValues() {
    return this.values;
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
}

class FakeDataValidationBuilder {
  private type = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private help = '';
  requireValueInList(values: string[], showDropdown = true) {
    this.type = 'VALUE_IN_LIST';
    this.values = [values, showDropdown];
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true) {
    this.type = 'VALUE_IN_RANGE';
    this.values = [range.getA1NotationWithSheet(), showDropdown];
    return this;
  }
  requireCheckbox() {
    this.type = 'CHECKBOX';
    this.values = [];
    return this;
  }
  requireNumberBetween(a: number, b: number) {
    this.type = 'NUMBER_BETWEEN';
    this.values = [a, b];
    return this;
  }
  requireDate() {
    this.type = 'DATE_IS_VALID_DATE';
    return this;
  }
  requireFormulaSatisfied(f: string) {
    this.type = 'CUSTOM_FORMULA';
    this.values = [f];
    return this;
  }
  setAllowInvalid(v: boolean) {
    this.allowInvalid = v;
    return this;
  }
  setHelpText(t: string) {
    this.help = t;
    return this;
  }
  build() {
    return new FakeDataValidation(this.type, this.values, this.allowInvalid, this.help);
  }
}

/** The error Sheets raises when a script writes, as a user who is not an editor, into a protected range or sheet. */
export const PROTECTED_EDIT_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function emailOf(e: string | { getEmail(): string }): string {
  return (typeof e === 'string' ? e : e.getEmail()).trim().toLowerCase();
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  editors = new Set<string>();
  domainEdit = true;
  removed = false;
  /**
   * "Until the script actually changes the list of editors for the range …, the
   * permissions mirror those of the spreadsheet itself, which effectively means
   * that the range remains unprotected." Set by the first editor change.
   */
  restricted = false;
  constructor(
    private readonly counter: CallCounter,
    readonly type: 'RANGE' | 'SHEET',
    readonly range: FakeRange | null,
    readonly sheet: FakeSheet,
    owner: string,
  ) {
    this.editors.add(owner);
  }
  private get owner() {
    return this.sheet.spreadsheet.owner;
  }
  /** Not Apps Script API: may `email` edit the cells this protects? The owner always may. */
  allows(email: string): boolean {
    const e = email.toLowerCase();
    if (e === this.owner || this.warningOnly || !this.restricted) return true;
    if (this.editors.has(e)) return true;
    // Domain edit: everyone in the owner's domain (a Workspace setting).
    return this.domainEdit && e !== '' && e.split('@')[1] === this.owner.split('@')[1];
  }
  /** Changing a protection needs the same right as editing what it protects. */
  private guard() {
    if (!this.allows(this.sheet.spreadsheet.actor())) throw new Error(PROTECTED_EDIT_ERROR);
  }
  setDescription(d: string) {
    this.counter.hit('Protection.setDescription');
    this.guard();
    this.description = d;
    return this;
  }
  getDescription() {
    this.counter.hit('Protection.getDescription');
    return this.description;
  }
  setWarningOnly(w: boolean) {
    this.counter.hit('Protection.setWarningOnly');
    this.guard();
    this.warningOnly = w;
    if (!w) this.restricted = true;
    return this;
  }
  isWarningOnly() {
    this.counter.hit('Protection.isWarningOnly');
    return this.warningOnly;
  }
  canEdit() {
    this.counter.hit('Protection.canEdit');
    return this.allows(this.sheet.spreadsheet.actor());
  }
  addEditor(e: string | { getEmail(): string }) {
    this.counter.hit('Protection.addEditor');
    return this.add([e]);
  }
  addEditors(list: Array<string | { getEmail(): string }>) {
    this.counter.hit('Protection.addEditors');
    return this.add(list);
  }
  private add(list: Array<string | { getEmail(): string }>) {
    this.guard();
    for (const e of list) this.editors.add(emailOf(e));
    this.restricted = true;
    return this;
  }
  removeEditor(e: string | { getEmail(): string }) {
    this.counter.hit('Protection.removeEditor');
    return this.remove_([e]);
  }
  removeEditors(list: Array<string | { getEmail(): string }>) {
    this.counter.hit('Protection.removeEditors');
    return this.remove_(list);
  }
  /** The owner and the user running the script stay editors (as in Sheets). */
  private remove_(list: Array<string | { getEmail(): string }>) {
    this.guard();
    const me = this.sheet.spreadsheet.actor().toLowerCase();
    for (const e of list) {
      const email = emailOf(e);
      if (email !== this.owner && email !== me) this.editors.delete(email);
    }
    this.restricted = true;
    return this;
  }
  getEditors() {
    this.counter.hit('Protection.getEditors');
    return [...this.editors].map((email) => ({ getEmail: () => email }));
  }
  canDomainEdit() {
    this.counter.hit('Protection.canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(v: boolean) {
    this.counter.hit('Protection.setDomainEdit');
    this.guard();
    this.domainEdit = v;
    return this;
  }
  getRange() {
    return this.range;
  }
  getProtectionType() {
    return this.type;
  }
  remove() {
    this.counter.hit('Protection.remove');
    this.guard();
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  /** Not Apps Script API: does this protection cover any cell of the block? */
  covers(row: number, col: number, numRows: number, numCols: number): boolean {
    if (this.type === 'SHEET' || !this.range) return true;
    const r = this.range;
    const rLast = r.openRows ? Infinity : r.row + r.numRows - 1;
    return row <= rLast && row + numRows - 1 >= r.row && col <= r.col + r.numCols - 1 && col + numCols - 1 >= r.col;
  }
}

let metadataSeq = 1;
export class FakeDeveloperMetadata {
  readonly id = metadataSeq++;
  constructor(
    private readonly counter: CallCounter,
    private readonly owner: { metadata: FakeDeveloperMetadata[] },
    readonly key: string,
    public value: string | null,
    readonly visibility: string,
  ) {}
  getId() {
    return this.id;
  }
  getKey() {
    this.counter.hit('DeveloperMetadata.getKey');
    return this.key;
  }
  getValue() {
    this.counter.hit('DeveloperMetadata.getValue');
    return this.value;
  }
  setValue(v: string) {
    this.counter.hit('DeveloperMetadata.setValue');
    this.value = v;
    return this;
  }
  getVisibility() {
    return this.visibility;
  }
  remove() {
    this.counter.hit('DeveloperMetadata.remove');
    this.owner.metadata = this.owner.metadata.filter((m) => m !== this);
  }
}

function metadataFinder(counter: CallCounter, lists: () => FakeDeveloperMetadata[]) {
  let key: string | undefined;
  const finder = {
    withKey(k: string) {
      key = k;
      return finder;
    },
    find() {
      counter.hit('DeveloperMetadataFinder.find');
      return lists().filter((m) => key === undefined || m.key === key);
    },
  };
  return finder;
}

export class FakeChart {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly options: Record<string, unknown>,
    readonly position: number[],
  ) {}
  getChartId() {
    return this.id;
  }
  getRanges() {
    return this.ranges;
  }
  getOptions() {
    return { get: (k: string) => this.options[k] };
  }
  modify() {
    return new FakeChartBuilder(this.ranges[0]!.sheet, this);
  }
}

let chartSeq = 1;
class FakeChartBuilder {
  private type = 'BAR';
  private ranges: FakeRange[] = [];
  private options: Record<string, unknown> = {};
  private position = [1, 1, 0, 0];
  constructor(
    private readonly sheet: FakeSheet,
    private readonly existing?: FakeChart,
  ) {
    if (existing) {
      this.type = existing.type;
      this.ranges = [...existing.ranges];
      this.options = { ...existing.options };
      this.position = [...existing.position];
    }
  }
  setChartType(t: string) {
    this.type = t;
    return this;
  }
  addRange(r: FakeRange) {
    this.ranges.push(r);
    return this;
  }
  clearRanges() {
    this.ranges = [];
    return this;
  }
  setOption(k: string, v: unknown) {
    this.options[k] = v;
    return this;
  }
  setPosition(row: number, col: number, ox: number, oy: number) {
    this.position = [row, col, ox, oy];
    return this;
  }
  build() {
    return new FakeChart(this.existing?.id ?? `chart-${chartSeq++}`, this.type, this.ranges, this.options, this.position);
  }
}

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

function checkCellSizes(data: Cell[][]): void {
  for (const row of data) for (const v of row) if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
}

interface NamedRange {
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

// ---------------------------------------------------------------------------

class FakeMenu {
  items: Array<{ caption: string; fn: string } | 'separator' | { sub: FakeMenu }> = [];
  constructor(
    private readonly ui: FakeUi,
    readonly title: string,
  ) {}
  addItem(caption: string, fn: string) {
    this.items.push({ caption, fn });
    return this;
  }
  addSeparator() {
    this.items.push('separator');
    return this;
  }
  addSubMenu(m: FakeMenu) {
    this.items.push({ sub: m });
    return this;
  }
  addToUi() {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput {
  title = '';
  constructor(public content: string) {}
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  getContent() {
    return this.content;
  }
  append(s: string) {
    this.content += s;
    return this;
  }
  setWidth(_w: number) {
    return this;
  }
  setSandboxMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
}

export class FakeUi {
  menus: FakeMenu[] = [];
  sidebars: FakeHtmlOutput[] = [];
  dialogs: FakeHtmlOutput[] = [];
  alerts: string[] = [];
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  alertAnswer = 'YES';
  createAddonMenu() {
    return new FakeMenu(this, 'Trợ lý DVC (add-on)');
  }
  createMenu(title: string) {
    return new FakeMenu(this, title);
  }
  showSidebar(h: FakeHtmlOutput) {
    this.sidebars.push(h);
  }
  showModalDialog(h: FakeHtmlOutput, title: string) {
    h.title = title;
    this.dialogs.push(h);
  }
  alert(...args: unknown[]) {
    this.alerts.push(args.filter((a) => typeof a === 'string').join(' | '));
    return this.alertAnswer;
  }
  /** Captions of the add-on menu, in order. */
  captions(): string[] {
    return (this.menus.at(-1)?.items ?? []).flatMap((i) => (typeof i === 'object' && 'caption' in i ? [i.caption] : []));
  }
}

function signedBytes(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}
function toBuffer(v: string | number[]): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.map((b) => (b < 0 ? b + 256 : b)));
}

export interface FakeTrigger {
  id: string;
  handler: string;
  eventType: string;
  getHandlerFunction(): string;
  getEventType(): string;
  getUniqueId(): string;
}

export interface GasOptions {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  activeUser?: string;
  /** Directory of the built HTML files for HtmlService.createHtmlOutputFromFile. */
  htmlDir?: string;
  now?: () => number;
  /** The spreadsheet's time zone (File → Settings); the script's stays Asia/Ho_Chi_Minh. */
  spreadsheetTimeZone?: string;
  /** Whether an apostrophe written into a plain-text cell stays a character (unsettled by the documentation). */
  textApostrophe?: 'kept' | 'dropped';
}

/** Documented limits of PropertiesService and CacheService. */
export const LIMITS = { propertyValueBytes: 9 * 1024, propertyStoreBytes: 500 * 1024, cacheValueBytes: 100 * 1024, cacheKeyChars: 250, cacheMaxSeconds: 21_600 };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The Apps Script globals, over one in-memory spreadsheet. */
export function createGas(opts: GasOptions = {}) {
  const counter = new CallCounter();
  const ss = new FakeSpreadsheet(counter);
  if (opts.spreadsheetTimeZone) ss.timeZone = opts.spreadsheetTimeZone;
  if (opts.textApostrophe) ss.textApostrophe = opts.textApostrophe;
  const ui = new FakeUi();
  const now = opts.now ?? (() => Date.now());
  const state = {
    authMode: opts.authMode ?? 'FULL',
    /** The signed-in user (menu, sidebar, triggers). Tests switch it to act as another leader. */
    activeUser: opts.activeUser ?? 'totruong@example.com',
    /** The account the script runs as when it is not the active user (the web app executes as its deployer). */
    runAs: null as string | null,
    sleeps: [] as number[],
    lockHeld: false,
    lockWaitsFailed: 0,
    triggers: [] as FakeTrigger[],
    flushes: 0,
    /** Runs right after a lock is released (tests use it to start another execution in that gap). */
    afterRelease: undefined as (() => void) | undefined,
    /** Spreadsheet calls made while a script lock was held (the bench reports them). */
    callsUnderLock: 0,
  };
  const guard = (service: string) => {
    if (state.authMode === 'NONE') {
      throw new Error(`You do not have permission to call ${service}. Required permissions: (AuthMode.NONE)`);
    }
  };
  const makeStore = (service: string) => {
    const map = new Map<string, string>();
    /** Sizes in UTF-8 bytes: 9 KB a value, 500 KB the whole store (keys and values). */
    const check = (next: Map<string, string>) => {
      let total = 0;
      for (const [k, v] of next) {
        if (bytes(v) > LIMITS.propertyValueBytes) throw new Error('Argument too large: value');
        total += bytes(k) + bytes(v);
      }
      if (total > LIMITS.propertyStoreBytes) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    };
    const write = (entries: Array<[string, string]>, replace = false) => {
      const next = replace ? new Map<string, string>() : new Map(map);
      for (const [k, v] of entries) next.set(k, String(v));
      check(next);
      map.clear();
      for (const [k, v] of next) map.set(k, v);
    };
    return {
      map,
      getProperty(k: string) {
        guard(service);
        return map.get(k) ?? null;
      },
      setProperty(k: string, v: string) {
        guard(service);
        write([[k, String(v)]]);
        return this;
      },
      setProperties(o: Record<string, string>, deleteAllOthers = false) {
        guard(service);
        write(Object.entries(o).map(([k, v]) => [k, String(v)]), deleteAllOthers);
        return this;
      },
      getProperties() {
        guard(service);
        return Object.fromEntries(map);
      },
      deleteProperty(k: string) {
        guard(service);
        map.delete(k);
        return this;
      },
    };
  };
  const scriptProps = makeStore('PropertiesService.getScriptProperties');
  const docProps = makeStore('PropertiesService.getDocumentProperties');
  const userProps = makeStore('PropertiesService.getUserProperties');

  /** A cache: 250-character keys, 100 KB values, 10 minutes by default, 6 hours at most. */
  const makeCache = () => {
    const cacheMap = new Map<string, { value: string; expires: number }>();
    const put = (k: string, v: string, ttl = 600) => {
      if (k.length > LIMITS.cacheKeyChars) throw new Error('Argument too large: key');
      if (bytes(String(v)) > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
      cacheMap.set(k, { value: String(v), expires: now() + Math.min(Math.max(ttl, 1), LIMITS.cacheMaxSeconds) * 1000 });
    };
    const get = (k: string) => {
      const e = cacheMap.get(k);
      if (!e || e.expires <= now()) return null;
      return e.value;
    };
    return {
      map: cacheMap,
      get,
      put,
      getAll: (keys: string[]) => Object.fromEntries(keys.flatMap((k) => (get(k) === null ? [] : [[k, get(k)!]]))),
      putAll: (o: Record<string, string>, ttl?: number) => Object.entries(o).forEach(([k, v]) => put(k, v, ttl)),
      remove(k: string) {
        cacheMap.delete(k);
      },
      removeAll: (keys: string[]) => keys.forEach((k) => cacheMap.delete(k)),
    };
  };
  const cache = makeCache();
  const documentCache = makeCache();
  const userCache = makeCache();

  const lock = () => ({
    mine: false,
    since: 0,
    tryLock(_ms: number) {
      if (state.lockHeld && !this.mine) return false;
      state.lockHeld = true;
      this.mine = true;
      this.since = counter.total;
      return true;
    },
    waitLock(ms: number) {
      if (!this.tryLock(ms)) {
        state.lockWaitsFailed++;
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      }
    },
    hasLock() {
      return this.mine;
    },
    releaseLock() {
      if (this.mine) {
        this.mine = false;
        state.lockHeld = false;
        state.callsUnderLock += counter.total - this.since;
        state.afterRelease?.();
      }
    },
  });

  const SpreadsheetApp = {
    getActiveSpreadsheet() {
      counter.hit('SpreadsheetApp.getActiveSpreadsheet');
      return ss;
    },
    getActive() {
      counter.hit('SpreadsheetApp.getActive');
      return ss;
    },
    getUi() {
      return ui;
    },
    flush() {
      counter.hit('SpreadsheetApp.flush');
      state.flushes++;
    },
    newDataValidation() {
      return new FakeDataValidationBuilder();
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', CHECKBOX: 'CHECKBOX' },
  };

  const Utilities = {
    DigestAlgorithm: { SHA_256: 'SHA_256' },
    Charset: { UTF_8: 'UTF_8' },
    computeDigest(alg: string, value: string | number[]) {
      if (alg !== 'SHA_256') throw new Error('Unsupported digest in fake');
      return signedBytes(createHash('sha256').update(toBuffer(value)).digest());
    },
    computeHmacSha256Signature(value: string | number[], key: string | number[]) {
      return signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
    },
    getUuid() {
      return randomUUID();
    },
    base64Encode(v: string | number[]) {
      return toBuffer(v).toString('base64');
    },
    base64EncodeWebSafe(v: string | number[]) {
      return toBuffer(v).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    newBlob(data: string) {
      return { getBytes: () => signedBytes(Buffer.from(data, 'utf8')), getDataAsString: () => data };
    },
    sleep(ms: number) {
      state.sleeps.push(ms);
    },
    /** The Java SimpleDateFormat patterns the add-on uses: yyyy MM dd HH mm ss, 'Z' as +0700. */
    formatDate(date: Date, timeZone: string, format: string) {
      const t = date.getTime();
      const w = wallClock(t, timeZone);
      const off = Math.round(offsetMs(t, timeZone) / 60_000);
      const z = `${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 60))}${pad2(Math.abs(off) % 60)}`;
      return format
        .replace(/'([^']*)'/g, '\u0000$1\u0000')
        .split('\u0000')
        .map((part, i) => (i % 2 ? part : part.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (tok) => ({ yyyy: String(w.y), MM: pad2(w.m), dd: pad2(w.d), HH: pad2(w.hh), mm: pad2(w.mm), ss: pad2(w.ss), Z: z })[tok]!)))
        .join('');
    },
  };

  const MimeType = { ATOM: 'ATOM', CSV: 'CSV', ICAL: 'ICAL', JAVASCRIPT: 'JAVASCRIPT', JSON: 'JSON', RSS: 'RSS', TEXT: 'TEXT', VCARD: 'VCARD', XML: 'XML' } as const;
  const ContentService = {
    MimeType,
    createTextOutput(text = '') {
      let mime = 'TEXT';
      return {
        setMimeType(m: string) {
          if (!Object.values(MimeType).includes(m as never)) throw new Error('Invalid argument: mimeType');
          mime = m;
          return this;
        },
        getMimeType: () => mime,
        getContent: () => text,
      };
    },
  };

  const HtmlService = {
    SandboxMode: { IFRAME: 'IFRAME' },
    createHtmlOutputFromFile(name: string) {
      const dir = opts.htmlDir ?? path.resolve(import.meta.dirname, '../../dist/apps-script');
      return new FakeHtmlOutput(readFileSync(path.join(dir, `${name}.html`), 'utf8'));
    },
    createHtmlOutput(content = '') {
      return new FakeHtmlOutput(content);
    },
  };

  let triggerSeq = 1;
  const ScriptApp = {
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    EventType: { ON_EDIT: 'ON_EDIT', CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN' },
    newTrigger(handler: string) {
      guard('ScriptApp.newTrigger');
      let eventType = '';
      const make = () => {
        const id = `trigger-${triggerSeq++}`;
        const t: FakeTrigger = { id, handler, eventType, getHandlerFunction: () => handler, getEventType: () => eventType, getUniqueId: () => id };
        state.triggers.push(t);
        return t;
      };
      return {
        forSpreadsheet(_s: unknown) {
          return {
            onEdit() {
              eventType = 'ON_EDIT';
              return { create: make };
            },
            onOpen() {
              eventType = 'ON_OPEN';
              return { create: make };
            },
          };
        },
        timeBased() {
          eventType = 'CLOCK';
          const b = { everyDays: () => b, everyHours: () => b, atHour: () => b, create: make };
          return b;
        },
      };
    },
    getProjectTriggers() {
      guard('ScriptApp.getProjectTriggers');
      return [...state.triggers];
    },
    getUserTriggers(_s: unknown) {
      guard('ScriptApp.getUserTriggers');
      return [...state.triggers];
    },
    deleteTrigger(t: FakeTrigger) {
      state.triggers = state.triggers.filter((x) => x.id !== t.id);
    },
  };

  // Writes are checked as the account the script runs as: the signed-in user for
  // menus and sidebar calls, the deployer (the owner) for the web app.
  const actor = () => (state.runAs ?? (state.authMode === 'NONE' ? '' : state.activeUser)).toLowerCase();
  ss.actor = actor;
  const Session = {
    getActiveUser: () => ({ getEmail: () => (state.authMode === 'NONE' ? '' : state.activeUser) }),
    getEffectiveUser: () => ({ getEmail: () => actor() }),
    /** The script's zone (the manifest's timeZone), not the spreadsheet's. */
    getScriptTimeZone: () => 'Asia/Ho_Chi_Minh',
  };

  const Charts = { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } };
  const logs: string[] = [];
  const Logger = { log: (...a: unknown[]) => logs.push(a.map(String).join(' ')) };

  const globals = {
    SpreadsheetApp,
    Utilities,
    PropertiesService: {
      getScriptProperties: () => scriptProps,
      getDocumentProperties: () => docProps,
      getUserProperties: () => userProps,
    },
    CacheService: { getScriptCache: () => cache, getDocumentCache: () => documentCache, getUserCache: () => userCache },
    LockService: { getScriptLock: lock, getDocumentLock: lock, getUserLock: lock },
    ContentService,
    HtmlService,
    ScriptApp,
    Session,
    Charts,
    Logger,
  };
  return { globals, counter, ss, ui, state, scriptProps, cache, documentCache, userCache, logs };
}

export type Gas = ReturnType<typeof createGas>;
