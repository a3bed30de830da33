import { describe, expect, it } from 'vitest';
import rawCatalogue from '../../../shared/catalogue/procedures.json';
import {
  catalogue,
  FIELDS,
  findAllByCode,
  findByCode,
  findById,
  letterItems,
  replacementOf,
} from '../../../shared/catalogue';
import { CatalogueSchema, ProcedureSchema, TTHC_CODE_PATTERN, type Procedure } from '../../../shared/schemas/procedure';

const byId = (id: string): Procedure => {
  const p = findById(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
};

/** A plain mutable copy of a real record, for negative schema tests. */
const copyOf = (id: string): Record<string, unknown> => structuredClone(byId(id)) as unknown as Record<string, unknown>;

describe('catalogue data', () => {
  it('parses with the strict schema', () => {
    expect(CatalogueSchema.safeParse(rawCatalogue).success).toBe(true);
    expect(catalogue).toHaveLength(50);
  });

  it('holds the 47 letter items with group sizes 18/4/17/8, numbered 1..n in order', () => {
    const items = letterItems();
    expect(items).toHaveLength(47);
    const expectedSizes = { I: 18, II: 4, III: 17, IV: 8 } as const;
    for (const [group, size] of Object.entries(expectedSizes)) {
      const inGroup = items.filter((p) => p.group === group);
      expect(inGroup.map((p) => p.no)).toEqual(Array.from({ length: size }, (_, i) => i + 1));
      expect(inGroup.map((p) => p.id)).toEqual(Array.from({ length: size }, (_, i) => `${group}.${i + 1}`));
    }
  });

  it('has well-formed codes, unique except I.8/I.9 sharing their replacing code', () => {
    const owners = new Map<string, string[]>();
    for (const p of catalogue) {
      if (p.code === null) continue;
      expect(p.code).toMatch(TTHC_CODE_PATTERN);
      owners.set(p.code, [...(owners.get(p.code) ?? []), p.id]);
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([['3.000527', ['I.8', 'I.9']]]);
  });

  it('marks exactly the eight successor items as replaced, each naming its replacing code', () => {
    const replaced = catalogue.filter((p) => p.status.kind === 'replaced');
    const pairs = Object.fromEntries(replaced.map((p) => [p.id, p.status.kind === 'replaced' ? p.status.replacedBy : '']));
    expect(pairs).toEqual({
      'I.1': '1.013750',
      'I.6': '1.011609',
      'I.8': '3.000527',
      'I.9': '3.000527',
      'II.2': '1.013949',
      'II.3': '1.013947',
      'II.4': '1.012796',
      'IV.1': '1.013997',
    });
    for (const p of replaced) {
      expect(p.code).toBe(pairs[p.id]);
      if (p.status.kind === 'replaced') expect(p.status.note).toContain(p.status.replacedBy);
    }
  });

  it('marks repealed items without a code and without online filing', () => {
    const repealed = catalogue.filter((p) => p.status.kind === 'repealed');
    expect(repealed.map((p) => p.id)).toEqual(['I.10', 'I.11', 'IV.2', 'IV.3']);
    for (const p of repealed) {
      expect(p.code).toBeNull();
      expect(p.filedOn.filter((s) => s !== 'paper')).toEqual([]);
    }
    expect(byId('I.10').status.kind === 'repealed' && byId('I.10').status).toMatchObject({
      note: expect.stringContaining('Luật Phòng, chống ma túy 2021'),
    });
  });

  it('leaves code-less items unverified; I.1 points to the current code the portal lists (1.013750 "Thăm viếng mộ liệt sĩ")', () => {
    const noCodeUnverified = catalogue.filter((p) => p.code === null && p.status.kind === 'unverified');
    expect(noCodeUnverified.map((p) => p.id)).toEqual(['I.14', 'I.15', 'I.16']);
    const i1 = byId('I.1');
    expect(i1.officialName).toBe('Thăm viếng mộ liệt sĩ');
    expect(i1.status.kind === 'replaced' && i1.status.note).toContain('131/2021');
    expect(i1.directUrl).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-2324-7555-8e56-024dcdb30038');
    expect(i1.filedOn).toEqual(['dvcqg']);
  });

  it('includes the liên thông packages on the liên thông portal, the căn cước one (2.000987) beside the older 2.000986', () => {
    const packages = catalogue.filter((p) => p.group === 'X');
    expect(packages.map((p) => [p.id, p.code])).toEqual([
      ['X.1', '2.000986'],
      ['X.2', '1.011537'],
      ['X.3', '2.000987'],
    ]);
    expect(byId('X.3').officialName).toContain('cấp thẻ căn cước');
    for (const p of packages) {
      expect(p.filedOn).toEqual(['lienthong']);
      expect(p.onlineLevel).toBe('toàn trình');
    }
  });

  it('corrects III.9 to đăng ký lại khai tử while keeping the letter wording', () => {
    const p = byId('III.9');
    expect(p.code).toBe('1.005461');
    expect(p.officialName).toBe('Đăng ký lại khai tử');
    expect(p.nameInLetter).toMatch(/^Đăng ký khai tử/);
    expect(p.statusNote).toContain('Đăng ký lại khai tử');
  });

  it('corrects I.15 to "là người thân thích của trẻ em" while keeping the letter wording', () => {
    const p = byId('I.15');
    expect(p.officialName).toContain('là người thân thích của trẻ em');
    expect(p.officialName).not.toContain('không phải');
    expect(p.nameInLetter).toContain('không phải là thân thích');
  });

  it('routes filing surfaces as agreed', () => {
    expect(byId('III.2').filedOn).toEqual(['dvcqg']);
    expect(byId('III.3').filedOn).toEqual(['dvcqg']);
    expect(byId('III.7').filedOn).toEqual(['dvcqg', 'moj']);
    // III.11 is the paper liên thông (filed in person); online it is the liên thông portal's package.
    expect(byId('III.11').filedOn).toEqual(['lienthong', 'paper']);
    for (const p of letterItems()) {
      if (p.code !== null && p.status.kind !== 'repealed' && p.id !== 'III.11') expect(p.filedOn, p.id).toContain('dvcqg');
    }
  });

  it('takes detail URLs only from the record’s own sources', () => {
    expect(byId('III.2').directUrl).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');
    expect(byId('I.2').directUrl).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-b7cd-76e9-b909-bcf437629cb8');
    expect(byId('I.3').directUrl).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-b7ab-731d-844a-5e232b77afef');
    for (const p of catalogue) {
      if (p.directUrl === undefined) continue;
      expect(p.directUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/[0-9a-f-]{36}$/);
      expect(p.sources).toContain(p.directUrl);
    }
  });

  it('is frozen', () => {
    expect(() => {
      (catalogue[0] as { code: string | null }).code = '9.999999';
    }).toThrow(TypeError);
  });
});

describe('procedure schema', () => {
  it('rejects unknown keys, malformed codes and mismatched ids', () => {
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), extra: 1 }).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), code: '1.00119' }).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), id: 'III.3' }).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), directUrl: 'http://dichvucong.gov.vn/x' }).success).toBe(false);
  });

  it('requires a replaced status to name the record’s own code', () => {
    const replaced = { kind: 'replaced', replacedBy: '1.000656', note: 'Đã thay.' };
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), status: replaced }).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), status: { ...replaced, replacedBy: '1.001193' } }).success).toBe(true);
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), status: { kind: 'replaced', note: 'x' } }).success).toBe(false);
  });

  it('rejects a current procedure without a code and a repealed one filed online', () => {
    expect(ProcedureSchema.safeParse({ ...copyOf('III.2'), code: null }).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...copyOf('I.10'), filedOn: ['dvcqg'] }).success).toBe(false);
  });

  it('rejects duplicate codes and ids across the catalogue', () => {
    const list = catalogue.map((p) => structuredClone(p) as Procedure);
    expect(CatalogueSchema.safeParse(list).success).toBe(true);
    const sameCode = list.map((p) => (p.id === 'III.7' ? { ...p, code: '1.001193' } : p));
    expect(CatalogueSchema.safeParse(sameCode).success).toBe(false);
    expect(CatalogueSchema.safeParse([...list, list[0]]).success).toBe(false);
  });
});

describe('catalogue lookups', () => {
  it('finds by code and id', () => {
    expect(findByCode('1.001193')?.id).toBe('III.2');
    expect(findByCode(' 3.000527 ')?.id).toBe('I.8');
    expect(findAllByCode('3.000527').map((p) => p.id)).toEqual(['I.8', 'I.9']);
    expect(findByCode('9.999999')).toBeUndefined();
    expect(findById('X.2')?.code).toBe('1.011537');
    expect(findById('V.1')).toBeUndefined();
  });

  it('describes replacements', () => {
    expect(replacementOf(byId('III.2'))).toBeNull();
    expect(replacementOf(byId('I.10'))).toBeNull();
    const r = replacementOf(byId('I.9'));
    expect(r?.kind).toBe('self');
    expect(r?.code).toBe('3.000527');
    expect(r?.procedure?.id).toBe('I.9');
    expect(r?.description).toContain('Đăng ký cai nghiện ma túy tự nguyện');
  });

  it('lists distinct fields in letter order', () => {
    expect(FIELDS[0]).toBe('Người có công');
    expect(new Set(FIELDS).size).toBe(FIELDS.length);
    expect(FIELDS.indexOf('Đất đai')).toBeLessThan(FIELDS.indexOf('Hộ tịch'));
    expect(FIELDS.indexOf('Hộ tịch')).toBeLessThan(FIELDS.indexOf('Thủy lợi'));
    expect([...FIELDS].sort()).toEqual([...new Set(catalogue.map((p) => p.field))].sort());
  });
});
