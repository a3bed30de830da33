/**
 * The scenarios are valid data; their traps catch the mistakes on the fixture pages (the pages the
 * practice replicas are built from) and never the right action next to them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findById } from '../../../shared/catalogue';
import { PORTAL_HOSTS } from '../../../shared/hosts';
import { findAllAnchors } from '../../../extension/engine/find';
import { guideFor } from '../../../extension/guides/build';
import { ScenarioSchema, type Trap } from '../../../extension/practice/scenario-schema';
import { SCENARIOS } from '../../../extension/practice/scenarios';
import { watchTraps } from '../../../extension/practice/traps';
import { attach, loadFixture, press, until, type LoadedPage } from '../extension/fixture-dom';
import { button, card, choose, DVC, FORMS, KHAI_SINH, LOGGED_IN } from '../extension/states-dvcqg';

const trap = (id: string): Trap => SCENARIOS.flatMap((s) => s.traps).find((t) => t.id === id)!;
const clickAnchors = (t: Trap, d: Document) => (t.when.kind === 'click' ? findAllAnchors(t.when.on, d.body) : []);
const pages: LoadedPage[] = [];
const load = (...a: Parameters<typeof loadFixture>) => {
  const p = loadFixture(...a);
  pages.push(p);
  return p;
};
afterEach(() => pages.splice(0).forEach((p) => p.close()));

describe('practice scenarios', () => {
  it('are valid, run a real guide, name steps it has and hosts that exist, and bring a file over 2 MB on the national portal', () => {
    const ids = new Set<string>();
    for (const s of SCENARIOS) {
      expect(() => ScenarioSchema.parse(s), s.id).not.toThrow();
      expect(ids.has(s.id)).toBe(false);
      ids.add(s.id);
      const guide = guideFor(findById(s.procedureId)!);
      expect(guide, s.id).not.toBeNull();
      const steps = new Set(guide!.steps.map((x) => x.id));
      for (const t of s.traps) for (const step of t.steps ?? []) expect(steps.has(step), `${s.id} ${t.id} ${step}`).toBe(true);
      for (const host of Object.keys(s.variants)) expect(Object.values(PORTAL_HOSTS), host).toContain(host);
      if (guide!.portal === 'dvcqg' && s.traps.some((t) => t.id === 'file-too-big')) expect(s.files.some((f) => f.bytes > 2 * 1024 * 1024), s.id).toBe(true);
    }
    // The four flows of practice mode.
    expect(SCENARIOS.map((s) => s.procedureId)).toEqual(['III.2', 'III.3', 'X.3', 'III.7']);
  });

  for (const order of ['so-first', 'ward-first']) {
    it(`the Sở and Trung tâm card traps find those cards' buttons only, never the ward's (${order})`, async () => {
      const p = load(KHAI_SINH, { variants: { cards: order }, localStorage: LOGGED_IN });
      await choose(p, 0, 'Tỉnh Thái Nguyên');
      await choose(p, 1, 'Phường Đồng Tiến');
      press(button(card(p.document), 'Nộp hồ sơ')!, 'click');
      await until(() => p.document.querySelectorAll('.grid-cols-12 > div').length === 3, 'three cards');
      const cardOf = (el: Element) => el.closest('.grid-cols-12 > div')!.textContent!;
      expect(clickAnchors(trap('so-card'), p.document).map(cardOf)).toEqual([expect.stringContaining('Cơ quan thực hiện: Sở Tư pháp')]);
      expect(clickAnchors(trap('centre-card'), p.document).map(cardOf)).toEqual([expect.stringContaining('Trung tâm Phục vụ hành chính công')]);
    });
  }

  for (const buttons of ['buttons', 'links']) {
    it(`the draft trap finds "Lưu hồ sơ", not "Lưu và nộp hồ sơ" (${buttons})`, () => {
      const p = load(`${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}`, { variants: { buttons }, localStorage: LOGGED_IN });
      expect(clickAnchors(trap('save-draft'), p.document).map((e) => e.textContent)).toEqual(['Lưu hồ sơ']);
    });
  }

  it('watching a replica: a click on the Sở card and a file over 2 MB are caught once each', async () => {
    const p = load(KHAI_SINH, { localStorage: LOGGED_IN });
    const caught: string[] = [];
    const stop = watchTraps({ doc: p.document, traps: SCENARIOS[0]!.traps, currentStep: () => 'agency.card', onMistake: (t) => caught.push(t.id) });
    await choose(p, 0, 'Tỉnh Thái Nguyên');
    await choose(p, 1, 'Phường Đồng Tiến');
    press(button(card(p.document), 'Nộp hồ sơ')!, 'click');
    await until(() => p.document.querySelectorAll('.grid-cols-12 > div').length === 3, 'three cards');
    const buttonOf = (text: string) => [...p.document.querySelectorAll('.grid-cols-12 > div')].find((c) => c.textContent!.includes(text))!.querySelector('button')!;
    press(buttonOf('Sở Tư pháp'), 'click');
    expect(caught).toEqual(['so-card']);
    stop();

    const form = load(`${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}`, { localStorage: LOGGED_IN });
    const stopForm = watchTraps({ doc: form.document, traps: SCENARIOS[0]!.traps, currentStep: () => 'form.doc-2', onMistake: (t) => caught.push(t.id) });
    press(form.document.querySelector('button[title="Tải lên file"]')!, 'click');
    attach(form.document.querySelector('input[type="file"]')!, 'anh.jpg', 2 * 1024 * 1024 + 1);
    await until(() => caught.length === 2, 'the toast caught');
    await new Promise((r) => setTimeout(r, 400)); // the toast stays: still one mistake
    expect(caught).toEqual(['so-card', 'file-too-big']);
    stopForm();
  });

  it('the consent trap fires on "Xác nhận chia sẻ" without the tick, not with it (VNeID fixture, second consent)', () => {
    const p = load('https://sso.dancuquocgia.gov.vn/auth?client_id=btp-tthc&redirect_uri=https%3A%2F%2Fdichvucongnganhtuphap.moj.gov.vn%2Fdanh-sach-thu-tuc', { cookies: { vneid_sess: '1' } });
    const caught: string[] = [];
    const stop = watchTraps({ doc: p.document, traps: SCENARIOS[3]!.traps, currentStep: () => 'vneid.moj-consent', onMistake: (t) => caught.push(t.id) });
    const consent = () => [...p.document.querySelectorAll('button')].find((b) => b.textContent === 'Xác nhận chia sẻ')!;
    press(consent(), 'click');
    expect(caught).toEqual(['consent-unticked']);
    (p.document.getElementById('agree') as HTMLInputElement).checked = true;
    press(consent(), 'click');
    expect(caught).toEqual(['consent-unticked']);
    stop();
  });
});
