// The VNeID consent step on the stored fixture, in every fx_vneid placement: pressing "Xác nhận chia sẻ"
// without the tick is refused by VNeID and must not complete the step; with the tick it completes once the
// passcode dialog shows. The real probe, step memory and sub-frame reports decide, as in the runner.
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue';
import { guideFor, guideForPortal } from '../../../extension/guides/build';
import type { Step } from '../../../extension/guides/schema';
import { buildFrameReport, FrameSignals } from '../../../extension/engine/frame-signals';
import { probeFor, type ProbeContext, type Trigger } from '../../../extension/engine/probe';
import { isStepComplete } from '../../../extension/engine/rules';
import { StepMemory } from '../../../extension/engine/step-memory';
import { surfacesOf } from '../../../extension/surfaces';
import { byText, loadFixture, press, type, until, type LoadedPage } from './fixture-dom';
import { LAI_KHAI_SINH, LOGGED_IN } from './states-dvcqg';

const SSO = 'https://sso.dancuquocgia.gov.vn';
const DVC_SSO = encodeURIComponent('https://dichvucong.gov.vn/sso');
const LOGIN = `${SSO}/auth?response_type=code&client_id=sso-c12-dvc-web&redirect_uri=${DVC_SSO}&scope=openid`;
const FRAME = `${SSO}/xac-thuc?step=otp&redirect_uri=${DVC_SSO}`;
const BTP = `${SSO}/auth?response_type=code&client_id=btp-tthc&redirect_uri=${encodeURIComponent('https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?MaTTHC=1.004884')}`;

const stepOf = (steps: Step[], id: string) => steps.find((s) => s.id === id)!;
const khaiSinh = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
const moj = guideForPortal('moj', '1.004884', catalogue.find((p) => p.id === 'III.7'), 'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?MaTTHC=1.004884')!;

const consentButton = (d: Document) => byText(d, 'button', 'Xác nhận chia sẻ');
const passcodeShown = (d: Document) => byText(d, 'div', 'Nhập passcode');

async function toConsent(p: LoadedPage, viaLogin: boolean): Promise<void> {
  const d = p.document;
  if (viaLogin) {
    type(d.querySelector('#password')!, 'mat-khau');
    d.querySelector('#login')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  }
  if (d.querySelector('input[name="otp1"]')) {
    for (const i of [1, 2, 3, 4, 5, 6]) type(d.querySelector(`input[name="otp${i}"]`)!, String(i));
    press(byText(d.querySelector('#modal')!, 'button', 'Xác nhận')!, 'click');
  }
  await until(() => consentButton(d), 'consent dialog');
}

/** The runner's view of one step on `p`: its own probe, or (when `frame`) the top's probe fed by the frame's report. */
function judge(p: LoadedPage, step: Step, frame?: { top: LoadedPage; signals: FrameSignals; clicks: number }) {
  const ctx = (page: LoadedPage, frames: FrameSignals | null): ProbeContext => ({
    doc: page.document,
    href: page.window.location.href,
    surfaces: surfacesOf(new URL(page.window.location.href)),
    memory: new StepMemory(),
    session: 's1',
    frames,
    isOwnNode: () => false,
  });
  const here = ctx(p, null);
  return (trigger: Trigger): boolean => {
    if (!frame) return isStepComplete(step, probeFor(here, step, trigger));
    // The frame evaluates and reports rule keys and its click count; the top decides.
    frame.signals.receive(7, buildFrameReport('s1', step, probeFor(here, step, {}), true, frame.clicks));
    const top = ctx(frame.top, frame.signals);
    return isStepComplete(step, probeFor(top, step, { clicked: frame.signals.takeClick('s1', step.id) }));
  };
}

let pages: LoadedPage[] = [];
afterEach(() => {
  for (const p of pages) p.close();
  pages = [];
});
const open = (href: string, opts?: Parameters<typeof loadFixture>[1]) => {
  const p = loadFixture(href, opts);
  pages.push(p);
  return p;
};

describe('VNeID consent: "Xác nhận chia sẻ" without the tick does not complete the step', () => {
  const cases: Array<{ name: string; stepId: string; steps: Step[]; load: () => Promise<{ page: LoadedPage; top?: LoadedPage }> }> = [
    { name: 'top (the VNeID page)', stepId: 'vneid.consent', steps: khaiSinh.steps, load: async () => ({ page: open(LOGIN) }) },
    {
      name: 'portal (over the portal page, the account name already showing)',
      stepId: 'vneid.consent',
      steps: khaiSinh.steps,
      load: async () => ({ page: open(LAI_KHAI_SINH, { localStorage: LOGGED_IN, sessionStorage: { vneid_pending: 'consent' } }) }),
    },
    { name: 'frame (a sub-frame of the VNeID page)', stepId: 'vneid.consent', steps: khaiSinh.steps, load: async () => ({ page: open(FRAME), top: open(LOGIN, { variants: { vneid: 'frame' } }) }) },
    { name: 'the second consent for the Ministry', stepId: 'vneid.moj-consent', steps: moj.steps, load: async () => ({ page: open(BTP, { cookies: { vneid_sess: '1' } }) }) },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const { page, top } = await c.load();
      const d = page.document;
      await toConsent(page, !!d.querySelector('#login') && !d.querySelector<HTMLElement>('#card')?.hidden);
      const step = stepOf(c.steps, c.stepId);
      const frame = top ? { top, signals: new FrameSignals(), clicks: 0 } : undefined;
      const complete = judge(page, step, frame);
      expect(complete({})).toBe(false);

      // Pressed without the tick: VNeID refuses, the dialog stays, the step stays.
      press(consentButton(d)!, 'click');
      if (frame) frame.clicks++;
      expect(consentButton(d)).toBeTruthy();
      expect(passcodeShown(d)).toBeNull();
      expect(complete({ clicked: true })).toBe(false);
      expect(complete({})).toBe(false);

      // Ticked and pressed: the passcode dialog follows, and that completes the step.
      (d.querySelector('#agree') as HTMLInputElement).checked = true;
      press(consentButton(d)!, 'click');
      if (frame) frame.clicks++;
      await until(() => passcodeShown(d), 'passcode dialog');
      expect(complete({ clicked: true })).toBe(true);
      expect(complete({})).toBe(true);
    });
  }
});
