import { CONSENT_TEXT_VERSION } from '../../../shared/schemas/registry';
import type { FakeSpreadsheet } from '../../fakes/gas';
import { loadAddon, type Addon } from '../../fakes/addon-runtime';

export const consent = () => ({ given: true, textVersion: CONSENT_TEXT_VERSION, at: '2026-11-20T09:00:00+07:00' });

/** A valid 12-digit CCCD for a man born in `year` (Thái Nguyên code 019). */
export function cccdFor(year: number, tail = '123456'): string {
  const century = Math.floor(year / 100) - 19;
  return `019${century * 2}${String(year % 100).padStart(2, '0')}${tail}`;
}

export function account(over: Record<string, unknown> = {}) {
  return {
    fullName: 'Nguyễn Văn An',
    birthYear: 1980,
    gender: 'Nam',
    toDanPho: 'Tổ dân phố 3',
    cccd: cccdFor(1980),
    phone: '0912 345 678',
    apps: ['Cổng DVC quốc gia/VNeID'],
    createdOn: '2026-11-20',
    volunteerId: 'TNV-001',
    consent: consent(),
    ...over,
  };
}

export function filing(over: Record<string, unknown> = {}) {
  return {
    residentName: 'Nguyễn Văn An',
    toDanPho: 'Tổ dân phố 3',
    procedureId: 'III.2',
    procedureCode: null,
    dossierCode: 'G22.99-2611-000123',
    filedOn: '2026-11-20',
    portal: 'dvcqg',
    status: 'Đã nộp',
    volunteerId: 'TNV-001',
    consent: consent(),
    ...over,
  };
}

/** Set up + one volunteer (TNV-001). */
export function setUpRegistry(): Addon {
  const addon = loadAddon();
  addon.run('menuSetUp');
  const v = addon.run<{ ok: boolean; id: string }>('addVolunteer', { name: 'Lê Thị Hoa', toDanPho: 'Tổ dân phố 3' });
  if (!v.ok || v.id !== 'TNV-001') throw new Error('volunteer not added');
  return addon;
}

/** Everything observable in the fake spreadsheet, for "nothing changed" assertions. */
export function snapshot(ss: FakeSpreadsheet): string {
  return JSON.stringify(
    ss.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      formulas: s.formulas,
      notes: s.notes,
      bgs: s.backgrounds,
      formats: s.numberFormats,
      validations: s.validations.map((v) => ({ ...v, value: v.value && { t: v.value.criteriaType, v: v.value.values, h: v.value.helpText } })),
      protections: s.protections.map((p) => ({ d: p.description, e: [...p.editors], r: p.range?.getA1Notation() ?? null })),
      meta: s.metadata.map((m) => [m.key, m.value]),
      frozen: s.frozenRows,
      hidden: s.hidden,
      charts: s.charts.length,
    })).concat([{ meta: ss.metadata.map((m) => [m.key, m.value]) } as never]),
  );
}

/** Rows (objects keyed by header) of a sheet in the fake. */
export function sheetRows(ss: FakeSpreadsheet, name: string): Array<Record<string, unknown>> {
  const s = ss.sheet(name);
  if (!s) return [];
  const header = (s.values[0] ?? []) as string[];
  return s.values.slice(1).filter((r) => r?.some((v) => v !== '' && v !== undefined)).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
