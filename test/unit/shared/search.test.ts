import { describe, expect, it } from 'vitest';
import { catalogue, findById } from '../../../shared/catalogue';
import type { Procedure, ProcedureStatus } from '../../../shared/schemas/procedure';
import { foldVietnamese } from '../../../shared/text/fold';
import { editDistance, searchCatalogue, suggestProcedures } from '../../../shared/text/search';

const ids = (query: string, limit?: number) => searchCatalogue(query, catalogue, { limit }).map((r) => r.procedure.id);
const firstId = (query: string) => ids(query)[0];

describe('searchCatalogue on the ward catalogue', () => {
  it('ranks the plain procedure first for "khai sinh"', () => {
    const found = ids('khai sinh', 20);
    expect(found[0]).toBe('III.2');
    expect(found.indexOf('III.2')).toBeLessThan(found.indexOf('III.7'));
    expect(found.indexOf('III.2')).toBeLessThan(found.indexOf('X.1'));
  });

  it('finds III.2 from unaccented and accented full names', () => {
    expect(firstId('dang ky khai sinh')).toBe('III.2');
    expect(firstId('Đăng ký khai sinh')).toBe('III.2');
    expect(firstId('thủ tục đăng ký khai sinh')).toBe('III.2');
  });

  it('matches a national code exactly, or by its beginning', () => {
    const exact = searchCatalogue('1.001193', catalogue);
    expect(exact[0]?.procedure.id).toBe('III.2');
    expect(exact[0]?.matched).toBe('code');

    const partial = searchCatalogue('1.0011', catalogue);
    expect(partial[0]?.procedure.id).toBe('III.2');
    expect(partial.every((r) => r.matched === 'code' && r.procedure.code?.startsWith('1.0011'))).toBe(true);

    expect(ids('3.000527')).toEqual(['I.8', 'I.9']);
    expect(ids('9.999999')).toEqual([]);
  });

  it('finds hộ nghèo recognition for "ho ngheo"', () => {
    expect(firstId('ho ngheo')).toBe('I.17');
    expect(firstId('công nhận hộ nghèo')).toBe('I.17');
  });

  it('gives identical results for NFC, NFD and either tone placement', () => {
    const nfc = searchCatalogue('hòa giải', catalogue, { limit: 50 });
    expect(nfc.length).toBeGreaterThan(5);
    expect(searchCatalogue('hoà giải', catalogue, { limit: 50 })).toEqual(nfc);
    expect(searchCatalogue('hòa giải'.normalize('NFD'), catalogue, { limit: 50 })).toEqual(nfc);
    expect(searchCatalogue('HOA GIAI', catalogue, { limit: 50 })).toEqual(nfc);
    for (const r of nfc) {
      const text = foldVietnamese(`${r.procedure.nameInLetter} ${r.procedure.officialName} ${r.procedure.field}`);
      expect(text).toMatch(/\bhoa\b.*\bgiai\b|\bgiai\b.*\bhoa\b/);
    }
  });

  it('accepts NFD input for the required queries', () => {
    expect(firstId('Đăng ký khai sinh'.normalize('NFD'))).toBe('III.2');
    expect(firstId('hộ nghèo'.normalize('NFD'))).toBe('I.17');
  });

  it('treats an unfinished last word as a word start', () => {
    const results = searchCatalogue('dang ky khai si', catalogue);
    expect(results[0]?.procedure.id).toBe('III.2');
    expect(results[0]?.matched).toBe('prefix');
    expect(searchCatalogue('khai sinh', catalogue)[0]?.matched).toBe('name');
  });

  it('requires every word', () => {
    expect(ids('khai sinh tàu thủy')).toEqual([]);
    expect(ids('xyz')).toEqual([]);
  });

  it('opens an item by its letter id', () => {
    expect(ids('III.9')).toEqual(['III.9']);
    expect(ids('iv.2')).toEqual(['IV.2']);
  });

  it('ranks replaced above repealed items for the same words', () => {
    const found = ids('cai nghiện', 10);
    expect(found).toEqual(['I.8', 'I.9', 'I.10', 'I.11']);
    expect(ids('khôi phục sản xuất')).toEqual(['IV.1', 'IV.2']);
  });

  it('honours limit and ignores blank queries', () => {
    expect(ids('khai', 2)).toHaveLength(2);
    expect(ids('   ')).toEqual([]);
    expect(ids('khai', 0)).toEqual([]);
  });
});

describe('status ranking with equal matches', () => {
  const base = findById('III.2')!;
  const variant = (id: string, no: number, status: ProcedureStatus, code: string | null): Procedure => ({
    ...base,
    id,
    no,
    code,
    status,
  });
  const twins: Procedure[] = [
    variant('I.1', 1, { kind: 'repealed', note: 'Đã bãi bỏ.' }, null),
    variant('I.2', 2, { kind: 'replaced', replacedBy: '1.000002', note: 'Đã thay.' }, '1.000002'),
    variant('I.3', 3, { kind: 'unverified', note: 'Chưa xác minh.' }, '1.000003'),
    variant('I.4', 4, { kind: 'current' }, '1.000004'),
  ];

  it('puts current first, then unverified, replaced, repealed', () => {
    const found = searchCatalogue('khai sinh', twins).map((r) => r.procedure.status.kind);
    expect(found).toEqual(['current', 'unverified', 'replaced', 'repealed']);
  });
});

describe('name length', () => {
  const base = findById('III.2')!;
  const named = (id: string, no: number, name: string, code: string): Procedure => ({
    ...base,
    id,
    no,
    code,
    nameInLetter: name,
    officialName: name,
  });

  it('prefers the shorter name when both contain the phrase, whatever the catalogue order', () => {
    const list = [
      named('I.1', 1, 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', '1.000001'),
      named('I.2', 2, 'Đăng ký khai sinh', '1.000002'),
    ];
    expect(searchCatalogue('khai sinh', list).map((r) => r.procedure.id)).toEqual(['I.2', 'I.1']);
  });
});

describe('typos', () => {
  it('finds the right procedure first despite a swapped, missing or i/y letter', () => {
    expect(firstId('khai sihn')).toBe('III.2');
    expect(firstId('dang ki khai tu')).toBe('III.3');
    expect(firstId('ho ngeo')).toBe('I.17');
    expect(firstId('đăng kí khai sinh')).toBe('III.2');
    expect(firstId('dang ky kahi sinh')).toBe('III.2');
  });

  it('marks typo-corrected matches, one typo above two', () => {
    const results = searchCatalogue('khai sihn', catalogue, { limit: 20 });
    expect(results[0]?.matched).toBe('fuzzy');
    expect(results.every((r) => r.matched === 'fuzzy')).toBe(true);
    const one = searchCatalogue('dang ky khai sihn', catalogue)[0]!;
    const two = searchCatalogue('dang ky kahi sihn', catalogue)[0]!;
    expect(one.procedure.id).toBe('III.2');
    expect(two.procedure.id).toBe('III.2');
    expect(two.score).toBeLessThan(one.score);
  });

  it('treats i and y as one letter without calling it a typo', () => {
    const ki = searchCatalogue('dang ki khai tu', catalogue);
    expect(ki[0]?.matched).toBe('name');
    expect(ki.map((r) => r.procedure.id)).toEqual(ids('dang ky khai tu'));
  });

  it('corrects nothing when the words as typed find something', () => {
    // "khai" and "tu" are found as typed: no typo-corrected "khai sinh" joins the results.
    const found = searchCatalogue('khai tu', catalogue, { limit: 60 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.matched !== 'fuzzy')).toBe(true);
    expect(found.map((r) => r.procedure.id)).not.toContain('III.2');
  });

  it('does not guess words shorter than four letters', () => {
    expect(ids('xyz')).toEqual([]);
    expect(ids('khai sjn')).toEqual([]);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('sihn', 'sinh')).toBe(1);
    expect(editDistance('ngeo', 'ngheo')).toBe(1);
    expect(editDistance('khai', 'khai')).toBe(0);
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });
});

describe('suggestions when nothing matches', () => {
  it('offers the closest names', () => {
    expect(ids('khai sinh tàu thủy')).toEqual([]);
    const suggested = suggestProcedures('khai sinh tàu thủy', catalogue).map((p) => p.id);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(3);
    expect(suggested).toContain('III.2');
    // A word the names do not have ("2025"): the name with the other words comes first.
    expect(ids('công nhận hộ nghèo năm 2025')).toEqual([]);
    expect(suggestProcedures('công nhận hộ nghèo năm 2025', catalogue)[0]?.id).toBe('I.17');
  });

  it('suggests nothing for letters unlike any name', () => {
    expect(suggestProcedures('qqqq zzzz', catalogue)).toEqual([]);
    expect(suggestProcedures('   ', catalogue)).toEqual([]);
  });
});
