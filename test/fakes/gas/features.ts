// Data validation, protections, developer metadata and charts.
import { type CallCounter } from './base';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
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

export class FakeDataValidationBuilder {
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

export function emailOf(e: string | { getEmail(): string }): string {
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

export function metadataFinder(counter: CallCounter, lists: () => FakeDeveloperMetadata[]) {
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
export class FakeChartBuilder {
  private type = 'BAR';
  private ranges: FakeRange[] = [];
  private options: Record<string, unknown> = {};
  private position = [1, 1, 0, 0];
  constructor(
    _sheet: FakeSheet,
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

