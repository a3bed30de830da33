/**
 * The hint bubble and the step panel never hide what a step asks the volunteer to read (issue 9.5):
 * on the confirmation page (the dossier code, every fx_success variant that prints it), on the
 * agency step (the ward card's name) and on the VNeID consent (the consent sentence, also when the
 * dialog is in a frame over the page), at 1366×768,
 * 1024×600 and at 200 % zoom. 200 % zoom of a 1366×768 screen is emulated by a browser launched
 * with a 683×384 CSS-px viewport at device scale factor 2 (a per-page CDP override does not survive
 * the portals' cross-site navigations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { clearVariants, expectStep, hint, loginWithVneid, panel, useVariants } from './guide-helpers';
import { choose } from './guide-national';
import { KHAI_SINH_FORM_URL, KHAI_SINH_URL, khaiSinhGuide, setGuidedSession } from './ux-helpers';

type Rect = { x: number; y: number; width: number; height: number };
interface Size {
  name: string;
  width: number;
  height: number;
  zoom?: boolean;
}
const SIZES: Size[] = [
  { name: '1366×768', width: 1366, height: 768 },
  { name: '1024×600', width: 1024, height: 600 },
  { name: '200 % zoom (683×384 CSS px, scale 2)', width: 683, height: 384, zoom: true },
];
const CODE = 'H55.242-261127-0001';
const stepIndex = (id: string) => khaiSinhGuide().steps.findIndex((s) => s.id === id);

/** The box of the first visible text node holding `text` in `body` (the words themselves, not their block), in its frame's coordinates. */
async function textBoxIn(body: Locator, text: string): Promise<Rect | null> {
  return body.evaluate((root, t) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.nodeValue!.indexOf(t);
      if (at < 0 || !n.parentElement!.checkVisibility({ visibilityProperty: true })) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
}
const textBox = (page: Page, text: string) => textBoxIn(page.locator('body'), text);

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inView = (r: Rect, v: { width: number; height: number }) => r.x >= 0 && r.y >= 0 && r.x + r.width <= v.width && r.y + r.height <= v.height;

interface Boxes {
  view: { width: number; height: number };
  anchor: Rect | null;
  text: Rect | null;
  bubble: Rect | null;
  bubbleShown: boolean;
  panel: Rect | null;
}

/**
 * What the overlay covers of the anchor and of the text the step refers to, in a form that reads
 * well when it fails: [] when the bubble and the panel are clear of both and of each other, the
 * bubble is shown and on screen, the anchor and the text are on screen, and the panel is small.
 */
function coverProblems({ view, anchor: a, text: t, bubble, bubbleShown, panel: box }: Boxes, text: string): string[] {
  const out: string[] = [];
  if (!a) out.push('anchor not found');
  if (!t) out.push(`text “${text}” not found`);
  if (!bubble || !bubbleShown) out.push('bubble not shown');
  if (!box) out.push('panel not shown');
  if (!a || !t || !bubble || !box) return out;
  if (!inView(a, view)) out.push('anchor off screen');
  if (!inView(t, view)) out.push('text off screen');
  if (!inView(bubble, view)) out.push('bubble off screen');
  for (const [name, o] of [['bubble', bubble], ['panel', box]] as const) {
    if (intersects(o, a)) out.push(`${name} covers the anchor`);
    if (intersects(o, t)) out.push(`${name} covers the text`);
  }
  if (intersects(bubble, box)) out.push('panel and bubble overlap');
  // The panel never takes a third of the window (it took half at 200 % zoom).
  if (box.width * box.height > (view.width * view.height) / 3) out.push(`panel fills ${Math.round((100 * box.width * box.height) / (view.width * view.height))} % of the window`);
  return out;
}

const viewOf = (page: Page) => page.evaluate(() => ({ width: innerWidth, height: innerHeight }));

async function problems(page: Page, anchor: () => Promise<Rect | null>, text: string): Promise<string[]> {
  const bubble = await hint(page).boundingBox();
  const bubbleShown = !!bubble && (await hint(page).getAttribute('data-hidden')) === 'false';
  return coverProblems({ view: await viewOf(page), anchor: await anchor(), text: await textBox(page, text), bubble, bubbleShown, panel: await panel(page).boundingBox() }, text);
}

/**
 * fx_vneid=frame: the consent dialog and its bubble live in a frame laid over the whole page; the
 * top document's panel (folded while the step is in the frame) must stay clear of the frame's
 * button, the consent sentence and the frame's bubble, and the bubble clear of the first two.
 */
async function frameProblems(page: Page, text: string): Promise<string[]> {
  const frame = page.frameLocator('iframe.modal-frame');
  const frameBox = await page.locator('iframe.modal-frame').boundingBox();
  const bubbleEl = frame.locator('tro-ly-dvc [data-testid="hint"]');
  const bubble = (await bubbleEl.count()) ? await bubbleEl.boundingBox() : null;
  const bubbleShown = !!bubble && (await bubbleEl.getAttribute('data-hidden')) === 'false';
  const inner = await textBoxIn(frame.locator('body'), text);
  const t = inner && frameBox ? { ...inner, x: inner.x + frameBox.x, y: inner.y + frameBox.y } : null;
  const a = await frame.getByRole('button', { name: 'Xác nhận chia sẻ', exact: true }).boundingBox();
  return coverProblems({ view: await viewOf(page), anchor: a, text: t, bubble, bubbleShown, panel: await panel(page).boundingBox() }, text);
}

async function expectClear(page: Page, size: Size, anchor: () => Promise<Rect | null>, text: string, label: string) {
  expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([size.width, size.height, size.zoom ? 2 : 1]);
  await expect.poll(() => problems(page, anchor, text), { timeout: 5_000, message: label }).toEqual([]);
  // Text stays at 16 px or more, however small the panel gets.
  const smallest = await page.evaluate(() => {
    const root = document.querySelector('tro-ly-dvc')!.shadowRoot!;
    const sizes = [...root.querySelectorAll('*')].filter((e) => (e as HTMLElement).checkVisibility?.() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });
  expect(smallest).toBeGreaterThanOrEqual(16);
}

async function logIn(page: Page) {
  await page.goto('https://dichvucong.gov.vn/');
  await page.evaluate(() => localStorage.setItem('dvc_token', 'token-fixture'));
}

describe('bubble and panel leave the anchor and the text the step refers to visible (real Chromium)', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const size of SIZES) {
    describe(size.name, () => {
      let b: ExtensionBrowser;
      beforeAll(async () => {
        b = await launchWithExtension({ port: server.port, device: { viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.zoom ? 2 : 1 } });
      });
      afterAll(async () => {
        await b?.close();
      });
      const sized = async () => {
        const page = await b.context.newPage();
        expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([size.width, size.height, size.zoom ? 2 : 1]);
        return page;
      };

      it('agency step: the ward card’s name', async () => {
        await clearVariants(b.context);
        const page = await sized();
        const errors = collectPageErrors(page);
        await logIn(page);
        await page.goto(KHAI_SINH_URL);
        await setGuidedSession(b.worker, KHAI_SINH_URL, stepIndex('agency.province'));
        await expectStep(page, 'agency.province');
        await choose(page, 'thái', 'Tỉnh Thái Nguyên');
        await expectStep(page, 'agency.ward');
        await choose(page, 'tiến', 'Phường Đồng Tiến');
        await expectStep(page, 'agency.confirm');
        await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
        await expectStep(page, 'agency.card');
        await expect.poll(() => page.locator('.grid-cols-12 > div').count()).toBe(3);
        const card = page.locator('.grid-cols-12 > div', { hasText: 'UBND Phường Đồng Tiến' });
        await expectClear(page, size, () => card.getByRole('button', { name: 'Nộp trực tuyến' }).boundingBox(), 'Cơ quan thực hiện: UBND Phường Đồng Tiến', `agency.card at ${size.name}`);
        expect(errors).toEqual([]);
        await page.close();
      });

      for (const success of ['block', 'list'] as const) {
        it(`confirmation page (fx_success=${success}): the dossier code`, async () => {
          await clearVariants(b.context);
          await useVariants(b.context, 'dichvucong.gov.vn', { success });
          const page = await sized();
          await logIn(page);
          if (success === 'list') {
            await page.evaluate((code) => sessionStorage.setItem('dvc_last', code), CODE);
            await page.goto('https://dichvucong.gov.vn/ho-so-cua-toi');
          } else {
            await page.goto(`${KHAI_SINH_FORM_URL}&agency=UBND%20ph%C6%B0%E1%BB%9Dng%20%C4%90%E1%BB%93ng%20Ti%E1%BA%BFn`);
            // The fixture's own success screen, as after "Lưu và nộp hồ sơ" (the walk itself is guide-dvcqg's).
            await page.evaluate(() => {
              const dvc = (window as unknown as { DVC: { state: Record<string, unknown>; render(): void } }).DVC;
              dvc.state.submitted = true;
              dvc.render();
            });
          }
          await setGuidedSession(b.worker, page.url(), stepIndex('form.done'));
          await expectStep(page, 'form.done');
          const label = page.getByText(success === 'list' ? 'Mã hồ sơ' : 'Số hồ sơ', { exact: true }).first();
          await expectClear(page, size, () => label.boundingBox(), CODE, `form.done (${success}) at ${size.name}`);
          await page.close();
        });
      }

      for (const where of ['top', 'portal', 'frame'] as const) {
        it(`VNeID consent (fx_vneid=${where}): the consent sentence`, async () => {
          await clearVariants(b.context);
          await useVariants(b.context, 'sso.dancuquocgia.gov.vn', { vneid: where });
          const page = await sized();
          await page.goto('https://sso.dancuquocgia.gov.vn/');
          await page.context().clearCookies({ name: 'vneid_sess' });
          await page.goto('https://dichvucong.gov.vn/');
          await page.evaluate(() => localStorage.removeItem('dvc_token'));
          await page.goto(KHAI_SINH_URL);
          await setGuidedSession(b.worker, KHAI_SINH_URL, stepIndex('login.start'));
          await expectStep(page, 'login.start');
          await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
          await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
          let checked = false;
          await loginWithVneid(page, {
            where,
            submitPasscode: false,
            atStep: async (step) => {
              if (step !== 'vneid.consent') return;
              const sentence = 'Tôi đã đọc và hiểu rõ nội dung mục đích';
              if (where === 'frame') {
                await expect.poll(() => frameProblems(page, sentence), { timeout: 5_000, message: `vneid.consent (frame) at ${size.name}` }).toEqual([]);
              } else {
                const button = page.getByRole('button', { name: 'Xác nhận chia sẻ', exact: true });
                await expectClear(page, size, () => button.boundingBox(), sentence, `vneid.consent (${where}) at ${size.name}`);
              }
              checked = true;
            },
          });
          expect(checked).toBe(true);
          await page.close();
        });
      }
    });
  }
});
