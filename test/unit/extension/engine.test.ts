// The engine's completion rules and page alignment, as pure functions over a Probe.
import { describe, expect, it } from 'vitest';
import { extractDossierCode, extractDueDate } from '../../../extension/engine/capture';
import { advance, alignToPage, explainToasts, isStepComplete, ruleMet, type Probe } from '../../../extension/engine/rules';
import { catalogue } from '../../../shared/catalogue';
import { CATCH_ALL_SURFACES } from '../../../extension/surfaces';
import { AGENCY_TITLE } from '../../../extension/guides/dvcqg';
import { guideFor } from '../../../extension/guides/build';
import { textMatches } from '../../../extension/engine/text';
import type { AnchorAlt, Step } from '../../../extension/guides/schema';

const probe = (p: Partial<Probe> = {}): Probe => ({
  surfaces: [],
  appears: () => false,
  missing: () => true,
  filled: () => false,
  changed: () => false,
  navigated: false,
  toasts: () => [],
  clicked: false,
  confirmed: false,
  ...p,
});
const step = (id: string, surfaces: Step['surfaces'], complete: Step['complete'], extra: Partial<Step> = {}): Step => ({
  id,
  surfaces,
  title: id,
  hint: id,
  anchor: { kind: 'nút', text: id, alts: [{ role: 'button', text: [id] }] },
  complete,
  ...extra,
});

describe('completion rules', () => {
  it('page: the page becomes one of the surfaces', () => {
    const s = step('a.b', ['dvcqg.detail'], [{ kind: 'page', surfaces: ['dvcqg.form'] }]);
    expect(isStepComplete(s, probe({ surfaces: ['dvcqg.detail'] }))).toBe(false);
    expect(isStepComplete(s, probe({ surfaces: ['dvcqg.form'] }))).toBe(true);
  });
  it('click: only a click on the anchor', () => {
    const s = step('a.b', ['dvcqg.detail'], [{ kind: 'click' }]);
    expect(isStepComplete(s, probe())).toBe(false);
    expect(isStepComplete(s, probe({ clicked: true }))).toBe(true);
  });
  it('appears: asks for the rule anchor', () => {
    const anchor = [{ role: 'button' as const, text: ['Nộp trực tuyến'] }];
    const s = step('a.b', ['dvcqg.detail'], [{ kind: 'appears', anchor }]);
    expect(isStepComplete(s, probe({ appears: (a) => a === anchor }))).toBe(true);
    expect(isStepComplete(s, probe({ appears: () => false }))).toBe(false);
  });
  it('filled: never on a sensitive step', () => {
    const s = step('a.b', ['dvcqg.form'], [{ kind: 'filled' }]);
    expect(ruleMet({ kind: 'filled' }, s, probe({ filled: () => true }))).toBe(true);
    expect(ruleMet({ kind: 'filled' }, { ...s, sensitive: true }, probe({ filled: () => true }))).toBe(false);
  });
  it('toast: folded text match', () => {
    const s = step('a.b', ['dvcqg.form'], [{ kind: 'toast', text: ['Nộp hồ sơ thành công'] }]);
    expect(isStepComplete(s, probe({ toasts: () => ['NỘP HỒ SƠ THÀNH CÔNG!'] }))).toBe(true);
    expect(isStepComplete(s, probe({ toasts: () => ['Lưu hồ sơ thành công'] }))).toBe(false);
  });
  it('confirm: the volunteer says so', () => {
    const s = step('a.b', ['dvcqg.form'], [{ kind: 'confirm' }]);
    expect(isStepComplete(s, probe({ confirmed: true }))).toBe(true);
    expect(isStepComplete(s, probe({ clicked: true }))).toBe(false);
  });
  it('explains toasts that a step knows about', () => {
    const s = step('a.b', ['dvcqg.form'], [{ kind: 'confirm' }], { explainToasts: [{ text: ['nhỏ hơn 2MB'], explain: 'Tệp quá lớn.' }] });
    expect(explainToasts(s, ['Vui lòng chọn tệp nhỏ hơn 2MB!', 'Khác'])).toEqual([{ toast: 'Vui lòng chọn tệp nhỏ hơn 2MB!', explain: 'Tệp quá lớn.' }]);
  });
});

describe('alignToPage', () => {
  const steps = [
    step('login.start', ['dvcqg.home', 'dvcqg.detail'], [{ kind: 'confirm' }]),
    step('vneid.a', ['vneid.login'], [{ kind: 'confirm' }]),
    step('vneid.b', ['vneid.login'], [{ kind: 'confirm' }]),
    step('find.pick', ['dvcqg.search'], [{ kind: 'confirm' }]),
    step('agency.one', ['dvcqg.detail'], [{ kind: 'confirm' }]),
    step('agency.two', ['dvcqg.detail'], [{ kind: 'confirm' }]),
    step('form.one', ['dvcqg.form'], [{ kind: 'confirm' }]),
  ];
  it('keeps the current step when it belongs to the page', () => expect(alignToPage(steps, 5, ['dvcqg.detail'])).toBe(5));
  it('jumps forward over steps the portal let us skip', () => expect(alignToPage(steps, 1, ['dvcqg.detail'])).toBe(4));
  it('goes back to the start of the nearest earlier block', () => {
    expect(alignToPage(steps, 6, ['vneid.login'])).toBe(1);
    expect(alignToPage(steps, 6, ['dvcqg.detail'])).toBe(4);
  });
  it('returns null on a page no step uses', () => expect(alignToPage(steps, 3, ['moj.wizard'])).toBeNull());
});

describe('text matching and capture', () => {
  it('matches whole folded words', () => {
    expect(textMatches('Ủy ban nhân dân Xã Đại Phúc', ['UBND xã', 'xã'])).toBe(true);
    expect(textMatches('Xác nhận', ['xã'])).toBe(false);
    expect(textMatches('  Đăng nhập ', ['dang nhap'], 'exact')).toBe(true);
    expect(textMatches('Đăng ký khai sinh có yếu tố nước ngoài', ['Đăng ký khai sinh'], 'exact')).toBe(false);
  });
  it('reads the dossier code after its label', () => {
    expect(extractDossierCode('Nộp hồ sơ thành công Mã hồ sơ: H55.242-261127-0001 Cơ quan', ['Mã hồ sơ'])).toBe('H55.242-261127-0001');
    expect(extractDossierCode('Số hồ sơ:G22.99.08-260921-896048.', ['Mã hồ sơ', 'Số hồ sơ'])).toBe('G22.99.08-260921-896048');
    expect(extractDossierCode('MÃ HỒ SƠ 000.00.31.H55-261127-0002', ['Mã hồ sơ'])).toBe('000.00.31.H55-261127-0002');
    expect(extractDossierCode('Không có mã', ['Mã hồ sơ'])).toBeNull();
  });
  it('reads the expected return date as yyyy-mm-dd', () => {
    expect(extractDueDate('Ngày hẹn trả dự kiến: 5/10/2026', ['Ngày hẹn trả dự kiến'])).toBe('2026-10-05');
  });
});

describe('advance through a real guide', () => {
  const guide = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
  const ids = guide.steps.map((s) => s.id);
  const at = (id: string) => ids.indexOf(id);
  const loggedIn = (alts: readonly AnchorAlt[]) => alts.some((a) => a.css === '.user-dropdown') || alts.includes(AGENCY_TITLE);

  it('a resident already logged in goes straight from "Đăng nhập" to the agency on the procedure page', () => {
    const r = advance(guide.steps, 0, ['dvcqg.detail'], () => probe({ surfaces: ['dvcqg.detail'], appears: loggedIn }), { hold: false, pageChanged: true });
    expect(ids[r.index]).toBe('agency.province');
    expect(r.completed).toContain('login.start');
  });

  it('login modals on the portal page itself: "Đăng nhập" completes and the code modal step shows there', () => {
    const otpOpen = (alts: readonly AnchorAlt[]) => alts.some((a) => a.role === 'dialog' && a.text?.includes('Nhập mã xác nhận'));
    const r = advance(guide.steps, 0, ['dvcqg.detail'], () => probe({ surfaces: ['dvcqg.detail'], appears: otpOpen }), { hold: false, pageChanged: false });
    expect(ids[r.index]).toBe('vneid.otp');
  });

  it('the VNeID page after "Đăng nhập" shows the login method, and the /sso return skips to the next page step', () => {
    expect(ids[advance(guide.steps, 0, ['vneid.login'], () => probe({ surfaces: ['vneid.login'] }), { hold: false, pageChanged: true }).index]).toBe('vneid.method');
    expect(ids[advance(guide.steps, at('vneid.passcode'), ['dvcqg.detail'], () => probe({ surfaces: ['dvcqg.detail'], appears: loggedIn }), { hold: false, pageChanged: true }).index]).toBe('agency.province');
  });

  it('a click counts for one step only, and "hold" stops automatic completion after back/skip', () => {
    const r = advance(guide.steps, at('agency.confirm'), ['dvcqg.detail'], (_s, first) => probe({ surfaces: ['dvcqg.detail'], clicked: first }), { hold: false, pageChanged: false });
    expect(ids[r.index]).toBe('agency.card');
    const held = advance(guide.steps, at('agency.province'), ['dvcqg.detail'], () => probe({ surfaces: ['dvcqg.detail'], filled: () => true }), { hold: true, pageChanged: false });
    expect(ids[held.index]).toBe('agency.province');
  });

  it('the hand-off to the MOJ wizard jumps to the wizard steps', () => {
    const g = guideFor(catalogue.find((p) => p.id === 'III.7')!)!;
    const r = advance(g.steps, g.steps.findIndex((s) => s.id === 'agency.card'), ['moj.handoff'], () => probe({ surfaces: ['moj.handoff'] }), { hold: false, pageChanged: true });
    expect(g.steps[r.index]!.id).toBe('moj.handoff');
  });
});

describe('rules that do not depend on headings', () => {
  const anchor = { kind: 'nút', text: 'x', alts: [{ role: 'button' as const, text: ['x'] }] };
  it('fresh: only an occurrence new since the step began counts', () => {
    const s = step('a.b', ['lienthong.declare'], [{ kind: 'appears', anchor: [{ role: 'text', text: ['Kê khai'] }], fresh: true }]);
    const seen: Array<[boolean, string]> = [];
    expect(isStepComplete(s, probe({ appears: (_a, fresh, key) => (seen.push([fresh, key]), false) }))).toBe(false);
    expect(seen).toEqual([[true, 'c0']]);
  });
  it('changed, navigated, missing and all are asked of the probe with their keys', () => {
    const s = step('a.b', ['lienthong.declare'], [{ kind: 'all', rules: [{ kind: 'changed', signature: [{ css: '[formcontrolname]' }], attr: 'formcontrolname' }, { kind: 'missing', anchor: [{ css: '.x' }] }] }], { anchor });
    const keys: string[] = [];
    expect(isStepComplete(s, probe({ changed: (_r, key) => (keys.push(key), true), missing: () => true }))).toBe(true);
    expect(keys).toEqual(['c0.0']);
    expect(isStepComplete(s, probe({ changed: () => true, missing: () => false }))).toBe(false);
    expect(isStepComplete(step('a.c', ['dvcqg.form'], [{ kind: 'navigated' }]), probe({ navigated: true }))).toBe(true);
  });
  it('skipWhen passes a step over without counting it as done; a landmark jumps ahead on the same page', () => {
    const steps = [
      step('a.one', ['dvcqg.detail'], [{ kind: 'confirm' }]),
      step('a.two', ['dvcqg.detail'], [{ kind: 'confirm' }], { skipWhen: [{ kind: 'missing', anchor: [{ css: '#two' }] }] }),
      step('a.three', ['dvcqg.detail'], [{ kind: 'confirm' }]),
      step('a.four', ['dvcqg.detail'], [{ kind: 'confirm' }], { landmark: [{ css: '#four' }] }),
    ];
    const r = advance(steps, 1, ['dvcqg.detail'], () => probe({ missing: () => true }), { hold: false, pageChanged: false });
    expect(r).toEqual({ index: 2, completed: [] });
    const j = advance(steps, 0, ['dvcqg.detail'], () => probe({ missing: () => false, appears: (a) => a[0]?.css === '#four' }), { hold: false, pageChanged: false });
    expect(j.index).toBe(3);
    // Not while the volunteer holds the step (after "Quay lại"/"Bỏ qua").
    expect(advance(steps, 0, ['dvcqg.detail'], () => probe({ appears: (a) => a[0]?.css === '#four' }), { hold: true, pageChanged: false }).index).toBe(0);
  });
  it('never jumps to a step only on a catch-all page, but keeps one that is current there', () => {
    const steps = [step('a.one', ['dvcqg.detail'], [{ kind: 'confirm' }]), step('a.done', ['dvcqg.form', 'dvcqg.other'], [{ kind: 'confirm' }])];
    expect(alignToPage(steps, 0, ['dvcqg.other'], CATCH_ALL_SURFACES)).toBeNull();
    expect(alignToPage(steps, 1, ['dvcqg.other'], CATCH_ALL_SURFACES)).toBe(1);
  });
  it('does not loop back over steps passed in the same evaluation while the next page loads', () => {
    const steps = [step('a.one', ['dvcqg.detail'], [{ kind: 'filled' }]), step('a.two', ['dvcqg.form'], [{ kind: 'confirm' }])];
    const r = advance(steps, 0, ['dvcqg.detail'], () => probe({ filled: () => true }), { hold: false, pageChanged: false });
    expect(r).toEqual({ index: 1, completed: ['a.one'] });
  });
});

describe('what a step remembers and what sub-frames report', async () => {
  const { StepMemory } = await import('../../../extension/engine/step-memory');
  const { FrameSignals, buildFrameReport } = await import('../../../extension/engine/frame-signals');
  const s = step('a.b', ['dvcqg.form'], [{ kind: 'appears', anchor: [{ role: 'text', text: ['x'] }], fresh: true }]);

  it('a toast already showing when the step began is not the step\'s news; a second one of the same text is', () => {
    const m = new StepMemory();
    m.forSession('s1');
    m.enter(s, 'https://x/', ['Vui lòng chọn tệp nhỏ hơn 2MB!']);
    expect(m.freshToasts('a.b', ['Vui lòng chọn tệp nhỏ hơn 2MB!'])).toEqual([]);
    expect(m.freshToasts('a.b', ['Vui lòng chọn tệp nhỏ hơn 2MB!', 'Vui lòng chọn tệp nhỏ hơn 2MB!'])).toEqual(['Vui lòng chọn tệp nhỏ hơn 2MB!']);
  });

  it('fresh occurrences count against the baseline taken once the anchor shows', () => {
    const m = new StepMemory();
    m.enter(s, 'https://x/', []);
    m.ready(s, false, () => ['Mau so 01.doc']);
    expect(m.fresh('a.b', 'c0', ['Mau so 01.doc'])).toBe(false); // no baseline yet: never fresh
    m.ready(s, true, () => ['Mau so 01.doc']);
    expect(m.fresh('a.b', 'c0', ['Mau so 01.doc'])).toBe(false);
    expect(m.fresh('a.b', 'c0', ['Mau so 01.doc', 'giay.pdf'])).toBe(true);
  });

  it('frame reports carry only keys and booleans, expire, and a click counts once', () => {
    let now = 0;
    const f = new FrameSignals(() => now);
    const report = buildFrameReport('s1', s, probe({ appears: () => true }), true, 1);
    expect(report).toEqual({ session: 's1', stepId: 'a.b', anchor: true, met: ['c0'], filled: false, clicks: 1 });
    f.receive(7, report);
    expect(f.met('s1', 'a.b', 'c0')).toBe(true);
    expect(f.met('s2', 'a.b', 'c0')).toBe(false); // another session's report
    expect(f.takeClick('s1', 'a.b')).toBe(true);
    expect(f.takeClick('s1', 'a.b')).toBe(false);
    now = 10_000;
    expect(f.anchor('s1', 'a.b')).toBe(false); // the frame went quiet: its report expired
    f.receive(7, null);
    expect(f.active).toBe(false);
  });
});
