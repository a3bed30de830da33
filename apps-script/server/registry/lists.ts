// The registry's lists: the «Danh mục» columns behind the dropdowns (the tổ dân
// phố list is the ward's to edit; the others are fixed by the add-on) and the
// volunteers of «Tình nguyện viên».
import { APPS, FILING_STATUSES, GENDERS } from '../../../shared/schemas/registry';
import { allProcedures } from './catalogue';
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { LISTS, PORTALS, VOLUNTEERS } from './layout';

/** How a procedure appears in the «Thủ tục» dropdown and cells: "III.2 — Thủ tục đăng ký khai sinh". */
export function procedureOption(p: { id: string; officialName: string }): string {
  return `${p.id} — ${p.officialName}`;
}

/** The add-on's own values of a «Danh mục» column, or null for a column the ward fills (tổ dân phố). */
export function fixedListValues(key: string): string[] | null {
  switch (key) {
    case 'procedure':
      return allProcedures().map(procedureOption);
    case 'status':
      return [...FILING_STATUSES];
    case 'apps':
      return [...APPS];
    case 'portal':
      return [...PORTALS];
    case 'gender':
      return [...GENDERS];
    default:
      return null;
  }
}

/** The non-empty values of one «Danh mục» column, as the sheet holds them now. */
export function listValues(ss: Spreadsheet, column: string): string[] {
  const t = Table.open(ss, LISTS);
  return t.columns([column]).map((r) => cellText(r[column])).filter(Boolean);
}

export interface VolunteerEntry {
  name: string;
  toDanPho: string;
  active: boolean;
}

export function volunteerMap(ss: Spreadsheet): Map<string, VolunteerEntry> {
  const t = Table.open(ss, VOLUNTEERS);
  const map = new Map<string, VolunteerEntry>();
  for (const r of t.rows()) {
    const id = cellText(t.get(r, 'id'));
    if (id) map.set(id, { name: cellText(t.get(r, 'name')), toDanPho: cellText(t.get(r, 'toDanPho')), active: t.get(r, 'active') === true });
  }
  return map;
}
