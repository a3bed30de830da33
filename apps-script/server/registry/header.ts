// A table's header row: written and styled by set-up and migration, read to
// find columns by their text.
import type { Sheet } from '../infra/table';
import { cellText } from '../infra/cells';
import type { TableSpec } from './layout';

const HEADER_BG = '#1a4d8f';
const HEADER_FG = '#ffffff';

/** Writes and styles a table's header row (bold on dark blue, frozen). */
export function styleHeader(sheet: Sheet, spec: TableSpec): void {
  const header = sheet.getRange(1, 1, 1, spec.columns.length);
  header.setValues([spec.columns.map((c) => c.header)]);
  header.setFontWeight('bold').setBackground(HEADER_BG).setFontColor(HEADER_FG);
  sheet.setFrozenRows(1);
}

/** The header texts of a sheet as it is now. */
export function headersOf(sheet: Sheet): string[] {
  const lastCol = sheet.getLastColumn();
  if (lastCol === 0) return [];
  return sheet.getRange(1, 1, 1, lastCol).getValues()[0]!.map((h) => cellText(h));
}
