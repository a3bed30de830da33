// Anchor contract tests (refined-github style): every stored fixture page and variant, brought to a state by doing
// what a volunteer does, is loaded into jsdom; for every step of every guide shown there, its anchor must find exactly
// the element it should. A portal change (a fixture edit) names the broken anchor in seconds.
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue';
import { guideFor, guideForPortal } from '../../../extension/guides/build';
import { FILE_NAME, UPLOADED_FILE } from '../../../extension/guides/anchors';
import { documentRow } from '../../../extension/guides/form';
import type { Anchor, Guide, Step } from '../../../extension/guides/schema';
import { codeNear } from '../../../extension/engine/capture';
import { isFilled } from '../../../extension/engine/filled';
import { findAllAnchors, findAnchor, findNear } from '../../../extension/engine/find';
import { attach, loadFixture, press, type, until, type LoadedPage } from './fixture-dom';
import { CODE, handoffStates } from './states-handoff';
import { dvcqgStates, formStates, FIXTURE_ROWS, FORMS, LOGGED_IN, rowOf, uploadIn, type State } from './states-dvcqg';
import { inPhone, phoneCopies, phoneStates, phoneUploadIn, rowIn } from './states-phone';

const guides: Guide[] = [
  ...catalogue.map((p) => guideFor(p)).filter((g): g is Guide => !!g),
  guideForPortal('thainguyen', '2.000815', undefined, 'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55')!,
  guideForPortal('moj', '1.004884', catalogue.find((p) => p.id === 'III.7'), 'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?MaTTHC=1.004884')!,
];

/** Every anchor a step of a guide can show: its own, and its frame hints' (`<step>#frame`). */
function anchorsOf(g: Guide): Array<{ id: string; step: Step; anchor: Anchor }> {
  return g.steps.flatMap((s) => [
    ...(s.anchor ? [{ id: s.id, step: s, anchor: s.anchor }] : []),
    ...(s.frameHints ?? []).map((h) => ({ id: `${s.id}#frame`, step: s, anchor: h.anchor })),
  ]);
}
const keyOf = (a: Anchor) => JSON.stringify(a.alts);
const covered = new Set<string>();
/** Steps whose `refers` found what the step asks to read, on some fixture page. */
const referred = new Set<string>();
const states: State[] = [...dvcqgStates(), ...formStates(), ...handoffStates(), ...phoneStates()];
let page: LoadedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

describe('anchors on the stored fixture pages', () => {
  for (const state of states) {
    it(state.name, async () => {
      page = loadFixture(state.url, state.opts);
      await state.prepare?.(page);
      const doc = page.document;
      for (const check of state.checks) {
        const expected = check.expect(doc);
        expect(expected, `${state.name}: the fixture has no element for ${check.step}`).toBeTruthy();
        const targets = guides
          .filter((g) => !check.procedures || check.procedures.includes(g.procedureId ?? ''))
          .flatMap((g) => anchorsOf(g).filter((a) => a.id === check.step).map((a) => ({ ...a, guide: g.id })));
        expect(targets.length, `no guide has step ${check.step}`).toBeGreaterThan(0);
        const seen = new Set<string>();
        for (const t of targets) {
          const key = keyOf(t.anchor);
          if (seen.has(key)) continue;
          seen.add(key);
          const found = findAnchor(t.anchor.alts, doc.body);
          expect(found, `${t.guide} ${t.id} on "${state.name}"`).toBe(expected);
          check.also?.(doc, found!);
          covered.add(key);
          if (t.step.refers && t.id === t.step.id) {
            // What the hint asks the volunteer to read is found near the anchor (for a capture step: the code it reads).
            const refers = findNear(t.step.refers, found!);
            expect(refers.length, `${t.guide} ${t.id} refers to nothing on "${state.name}"`).toBeGreaterThan(0);
            const code = t.step.capture && codeNear(found!, t.step.capture.labels);
            if (code) expect(refers.map((e) => e.textContent).join(' '), `${t.guide} ${t.id} on "${state.name}"`).toContain(code);
            referred.add(t.step.id);
          }
        }
      }
    });
  }

  it('every anchor of every guide was checked on a fixture page (only rows and titles of unmodelled procedures are not)', () => {
    // Procedures whose titles the search fixture lists, and whose document rows the form fixture prints.
    const titled = new Set(['III.2', 'III.3', 'III.7']);
    const rowed = new Set(Object.keys(FIXTURE_ROWS));
    const unchecked = guides.flatMap((g) => anchorsOf(g).filter((a) => !covered.has(keyOf(a.anchor))).map((a) => ({ guide: g, id: a.id })));
    const unexpected = unchecked.filter(({ guide, id }) => {
      const p = guide.procedureId ?? '';
      return !((id === 'find.pick' && !titled.has(p)) || (/^form\.doc-\d+$/.test(id) && !rowed.has(p)));
    });
    expect(unexpected.map(({ guide, id }) => `${guide.id} ${id}`)).toEqual([]);
    expect(states.length).toBeGreaterThan(60);
    const refersSteps = new Set(guides.flatMap((g) => g.steps.filter((st) => st.refers).map((st) => st.id)));
    expect([...refersSteps].filter((id) => !referred.has(id))).toEqual([]);
  });
});

describe('what rows, pickers and codes hold', () => {
  it('a template link or the radio labels of "Loại bản" are never a new file; an uploaded file is', async () => {
    page = loadFixture(`https://dichvucong.gov.vn/nop-ho-so?formalityId=${FORMS['III.2']}`, { variants: { docs: 'eform' }, localStorage: LOGGED_IN });
    const d = page.document;
    const inRow = (name: string) => findAllAnchors([{ ...UPLOADED_FILE, within: documentRow(name) }], d.body).map((e) => e.textContent!.trim());
    expect(inRow('Tờ khai đăng ký khai sinh')).toEqual(['Mau so 01.doc']); // already there: a baseline, not an upload
    expect(inRow('Giấy chứng sinh')).toEqual([]); // "1 Bản chính 1 Bản sao" is not a file
    press(uploadIn(rowOf(d, FIXTURE_ROWS['III.2']![1]!))!, 'click');
    attach(d.querySelector('input[type="file"]')!, 'giay-chung-sinh.pdf');
    await until(() => inRow('Giấy chứng sinh').length, 'uploaded file');
    expect(inRow('Giấy chứng sinh')).toEqual(['giay-chung-sinh.pdf']);
    // The row is still found by its name, with a leading STT and a file named after another document.
    expect(findAnchor(documentRow('Giấy chứng sinh'), d.body)).toBe(rowOf(d, FIXTURE_ROWS['III.2']![1]!));
    expect(new RegExp(FILE_NAME, 'i').test('1 Bản chính')).toBe(false);
  });

  it('a chosen picker is filled without readonly; an empty one shows its placeholder', async () => {
    page = loadFixture('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');
    const province = guides[0]!.steps.find((s) => s.id === 'agency.province')!.anchor!.alts;
    expect(isFilled(findAnchor(province, page.document.body)!)).toBe(false);
    press(findAnchor(province, page.document.body)!, 'click');
    const li = await until(() => [...page!.document.querySelectorAll('ul[role="listbox"] > li')].find((l) => l.textContent === 'Tỉnh Thái Nguyên'), 'option');
    press(li, 'mousedown');
    const chosen = findAnchor(province, page.document.body)!;
    expect(chosen.tagName).toBe('INPUT');
    expect(chosen.hasAttribute('readonly')).toBe(false);
    expect(isFilled(chosen)).toBe(true);
  });

  it('reads the dossier code beside its label, in separate nodes or under a table header', async () => {
    page = loadFixture('https://dichvucong.gov.vn/ho-so-cua-toi', { localStorage: LOGGED_IN, sessionStorage: { dvc_last: CODE } });
    const th = [...page.document.querySelectorAll('th')].find((e) => e.textContent === 'Mã hồ sơ')!;
    expect(codeNear(th, ['Mã hồ sơ', 'Số hồ sơ'])).toBe(CODE);
    page.close();
    page = loadFixture('https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000987', { variants: { lt_result: 'nodes' } });
    page.document.getElementById('root')!.innerHTML = '<div><span>Số hồ sơ:</span> <b>G22.99.08-260921-896048</b></div>';
    expect(codeNear(page.document.querySelector('span')!, ['Số hồ sơ'])).toBe('G22.99.08-260921-896048');
  });

  it('on the phone layout, "filled" and "a file appears" read the visible copy, never the hidden one', async () => {
    for (const layout of ['mobile', 'mobile-first']) {
      page?.close();
      page = loadFixture(`https://dichvucong.gov.vn/nop-ho-so?formalityId=${FORMS['III.2']}`, { variants: { layout }, localStorage: LOGGED_IN });
      const d = page.document;
      const fields = guides[0]!.steps.find((s) => s.id === 'form.fields')!.anchor!.alts;
      const form = findAnchor(fields, d.body)!;
      expect(phoneCopies(d).some((c) => c.contains(form)), layout).toBe(true);
      expect(isFilled(form)).toBe(false);
      // The dropdowns first (each choice re-renders both copies), then typing in the visible copy only: the hidden
      // copy's inputs stay empty until the page re-renders.
      for (const name of ['citizenmoiquanhe', 'citizenNKS_GioiTinh']) {
        press(inPhone(d, (c) => c.querySelector(`.sd-question[data-name^="${name}"] .sd-dropdown`))!, 'click');
        press(await until(() => inPhone(d, (c) => c.querySelector('.sv-list__item')), 'option'), 'click');
      }
      const visibleForm = findAnchor(fields, d.body)!;
      for (const input of visibleForm.querySelectorAll<HTMLInputElement>('input.sd-input:not([readonly])')) type(input, 'x');
      expect(isFilled(visibleForm), layout).toBe(true);
      const hiddenForm = [...d.querySelectorAll('.sd-root-modern')].find((f) => f !== visibleForm)!;
      expect([...hiddenForm.querySelectorAll<HTMLInputElement>('input.sd-input')].filter((i) => i.value === 'x'), 'the hidden copy is still empty').toEqual([]);
      // A file: only the visible row's name counts, once.
      const row = FIXTURE_ROWS['III.2']![1]!;
      press(phoneUploadIn(inPhone(d, (c) => rowIn(c, row)))!, 'click');
      attach(d.querySelector('input[type="file"]')!, 'giay-chung-sinh.pdf');
      const files = () => findAllAnchors([{ ...UPLOADED_FILE, within: documentRow('Giấy chứng sinh') }], d.body);
      await until(() => files().length, 'uploaded file');
      expect(files().map((e) => phoneCopies(d).some((c) => c.contains(e))), layout).toEqual([true]);
      expect(d.querySelectorAll('.file-name').length, 'the hidden copy holds the name too').toBe(2);
    }
  });
});
