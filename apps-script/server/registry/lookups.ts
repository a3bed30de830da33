// What the web endpoint needs besides the two tables it appends to — the ward's
// tổ dân phố names, the volunteers, the spreadsheet's time zone, each table's
// width — kept in script properties, so a post reads none of those sheets.
// Refreshed from the sheets by «Thiết lập sổ», every sidebar opening and write
// action that touches them, and the edit trigger when «Danh mục» or «Tình
// nguyện viên» is edited by hand; rebuilt from the sheets when missing.
import { foldVietnamese } from '../../../shared/text/fold';
import type { Spreadsheet } from '../infra/table';
import { sheetTimeZone } from '../infra/time';
import { ACCOUNTS, DIAGNOSTICS, FILINGS, LISTS, VOLUNTEERS } from './layout';
import { listValues, volunteerMap } from './lists';

const KEY = 'TRO_LY_DVC_LOOKUPS';
/** Properties hold 9 KB a value: the snapshot is cut into pieces of at most 2,500 characters (≤ 7.5 KB in UTF-8). */
const PIECE = 2_500;

export interface Lookups {
  groups: string[];
  volunteers: Record<string, { name: string; active: boolean }>;
  timeZone: string;
  /** Columns each table had at the last refresh (a post reads that many). */
  widths: Record<string, number>;
}

/** The snapshot from a getProperties() result; null when it was never written. */
export function lookupsFrom(props: Record<string, string>): Lookups | null {
  const count = Number(props[`${KEY}.n`] ?? 0);
  if (!count) return null;
  let text = '';
  for (let i = 0; i < count; i++) text += props[`${KEY}.${i}`] ?? '';
  try {
    return JSON.parse(text) as Lookups;
  } catch {
    return null;
  }
}

/** Reads the lists from the sheets and stores the snapshot when it changed. */
export function refreshLookups(ss: Spreadsheet): Lookups {
  const volunteers: Lookups['volunteers'] = {};
  for (const [id, v] of volunteerMap(ss)) volunteers[id] = { name: v.name, active: v.active };
  const widths: Record<string, number> = {};
  for (const spec of [ACCOUNTS, FILINGS, DIAGNOSTICS]) widths[spec.key] = ss.getSheetByName(spec.name)?.getLastColumn() || spec.columns.length;
  const next: Lookups = { groups: listValues(ss, 'toDanPho'), volunteers, timeZone: sheetTimeZone(), widths };
  const props = PropertiesService.getScriptProperties();
  const text = JSON.stringify(next);
  const all = props.getProperties();
  const old = Number(all[`${KEY}.n`] ?? 0);
  let current = '';
  for (let i = 0; i < old; i++) current += all[`${KEY}.${i}`] ?? '';
  if (current === text) return next;
  const pieces: Record<string, string> = { [`${KEY}.n`]: String(Math.ceil(text.length / PIECE)) };
  for (let i = 0; i * PIECE < text.length; i++) pieces[`${KEY}.${i}`] = text.slice(i * PIECE, (i + 1) * PIECE);
  props.setProperties(pieces);
  for (let i = Math.ceil(text.length / PIECE); i < old; i++) props.deleteProperty(`${KEY}.${i}`);
  return next;
}

/** Sheets whose hand edits change the snapshot. */
export const LOOKUP_SHEETS = [LISTS.name, VOLUNTEERS.name];

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

/**
 * The ward's own spelling of a tổ dân phố name, or null when it is not in the
 * list. Compared folded (NFC/NFD, old or new tone placement, case, spacing), but
 * a name hiding zero-width characters is never taken for a listed one.
 */
export function canonicalGroup(name: string, groups: string[]): string | null {
  if (ZERO_WIDTH.test(name)) return null;
  const wanted = foldVietnamese(name);
  if (!wanted) return null;
  return groups.find((g) => foldVietnamese(g) === wanted) ?? null;
}
