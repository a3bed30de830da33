// Guide data: every guide validates, references known surfaces (the schema's enum), and every
// catalogue procedure filed on the national portal has one.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue';
import { guideFor, guideForPortal } from '../../../extension/guides/build';
import { documentKey, isOptionalDocument } from '../../../extension/guides/form';
import { GuideSchema, type AnchorAlt } from '../../../extension/guides/schema';
import { SURFACE_IDS } from '../../../extension/surfaces';

describe('guide data', () => {
  const filedOnPortal = catalogue.filter((p) => p.filedOn.includes('dvcqg'));

  it('covers every catalogue procedure filed on dichvucong.gov.vn', () => {
    expect(filedOnPortal.length).toBeGreaterThan(30);
    for (const p of filedOnPortal) expect(guideFor(p), p.id).not.toBeNull();
  });

  for (const p of filedOnPortal) {
    it(`${p.id} ${p.code}: valid guide with one upload step per document`, () => {
      const guide = GuideSchema.parse(guideFor(p));
      expect(guide.procedureId).toBe(p.id);
      for (const s of guide.steps) for (const surface of s.surfaces) expect(SURFACE_IDS).toContain(surface);
      const uploads = guide.steps.filter((s) => s.id.startsWith('form.doc-'));
      expect(uploads).toHaveLength(p.documents.length);
      expect(guide.steps.at(-1)?.capture).toBeDefined();
    });
  }

  it('the khai sinh guide points at the exact procedure and warns about the variants', () => {
    const guide = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
    const pick = guide.steps.find((s) => s.id === 'find.pick')!;
    expect(pick.anchor!.alts[0]).toMatchObject({ role: 'link', match: 'exact' });
    expect(pick.anchor!.alts[0]!.text).toContain('Đăng ký khai sinh');
    expect(pick.details?.join(' ')).toContain('có yếu tố nước ngoài');
    expect(guide.steps.map((s) => s.title)).toContain('Tải lên: Giấy chứng sinh');
  });

  it('never anchors on Tailwind utility classes', () => {
    const bad = { role: 'button', css: 'button.bg-primary' } satisfies AnchorAlt;
    expect(() => GuideSchema.shape.steps.element.parse({ id: 'x.y', surfaces: ['dvcqg.home'], title: 't', hint: 'h', anchor: { kind: 'nút', text: 'x', alts: [bad] }, complete: [{ kind: 'click' }] })).toThrow(/Tailwind/);
    const ok = { css: '.cc-select-wrapper' } satisfies AnchorAlt;
    expect(() => GuideSchema.shape.steps.element.parse({ id: 'x.y', surfaces: ['dvcqg.home'], title: 't', hint: 'h', anchor: { kind: 'ô', text: 'x', alts: [ok] }, complete: [{ kind: 'click' }] })).not.toThrow();
  });

  it('sensitive steps cannot complete on field values, and capture steps need a confirmation', () => {
    const base = { id: 'x.y', surfaces: ['vneid.login'], title: 't', hint: 'h', anchor: { kind: 'ô', text: 'x', alts: [{ role: 'textbox' }] } };
    expect(() => GuideSchema.shape.steps.element.parse({ ...base, sensitive: true, complete: [{ kind: 'filled' }] })).toThrow(/sensitive/);
    expect(() => GuideSchema.shape.steps.element.parse({ ...base, capture: { labels: ['Mã hồ sơ'] }, complete: [{ kind: 'appears', anchor: [{ role: 'text' }] }] })).toThrow(/confirms/);
  });

  it('document keys are the row names a portal prints', () => {
    expect(documentKey('Giấy chứng sinh (không có: văn bản người làm chứng hoặc giấy cam đoan); trẻ bị bỏ rơi: biên bản')).toBe('Giấy chứng sinh');
    expect(documentKey('Văn bản ủy quyền nếu có')).toBe('Văn bản ủy quyền');
    expect(isOptionalDocument('Văn bản ủy quyền nếu có')).toBe(true);
    expect(isOptionalDocument('Giấy chứng sinh')).toBe(false);
  });
});

describe('hand-off guides', () => {
  it('every catalogue procedure filed online has a valid guide with a capture step', () => {
    for (const p of catalogue.filter((x) => x.filedOn.some((f) => f !== 'paper'))) {
      const g = GuideSchema.parse(guideFor(p));
      expect(g.steps.some((s) => s.capture), p.id).toBe(true);
    }
  });
  it('justice procedures carry the MOJ wizard after the national steps, with the frame hint', () => {
    const g = GuideSchema.parse(guideFor(catalogue.find((p) => p.id === 'III.7')!));
    const ids = g.steps.map((s) => s.id);
    expect(ids.indexOf('moj.handoff')).toBeGreaterThan(ids.indexOf('agency.card'));
    expect(g.steps.find((s) => s.id === 'moj.declare')?.frameHints?.[0]?.surfaces).toEqual(['moj.eform']);
  });
  it('liên thông packages use the shared next button and capture the return date', () => {
    const g = GuideSchema.parse(guideFor(catalogue.find((p) => p.id === 'X.1')!));
    expect(g.portal).toBe('lienthong');
    expect(g.steps.find((s) => s.id === 'lt.finish')?.anchor?.text).toBe('Hoàn thành');
    expect(g.steps.at(-1)?.capture?.dueLabels).toEqual(['Ngày hẹn trả dự kiến']);
  });
  it('Thái Nguyên and unknown codes get a portal guide named after the code', () => {
    const g = GuideSchema.parse(guideForPortal('thainguyen', '2.000815', undefined, 'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55'));
    expect(g.procedureName).toBe('Thủ tục mã 2.000815');
    expect(g.procedureId).toBeNull();
  });
});
