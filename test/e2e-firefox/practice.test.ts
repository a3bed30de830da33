/**
 * Practice mode in real Firefox ESR: the liên thông khai sinh flow from the popup to the trainer's
 * result, on moz-extension:// replicas (hash routes, the fake VNeID login, the real overlay), with
 * nothing fetched from the fixture server and nothing queued.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PRACTICE_BANNER } from '../../extension/practice/brand';
import type { FixtureServer } from '../e2e/harness/https-server';
import type { FirefoxExtensionBrowser } from '../e2e/harness/firefox';
import { withFirefoxBrowser } from '../e2e/harness/suite';
import { clickButton, textOf, waitForLocation } from './helpers';

/**
 * The replica frame is reached from the shell (same extension origin): puppeteer's frame API misses
 * frames of extension pages in Firefox. Elements are found in the frame's document; clicks and keys
 * are real ones, sent to the page at the element's place on screen.
 */
async function inFrame<A, T>(page: Page, fn: (doc: Document, arg: A) => T, arg: A): Promise<T> {
  // Run in the shell's realm (a handle on the frame's document cannot be evaluated over BiDi); the
  // automation's evaluation is not bound by the page's CSP, so the function travels as source.
  const result: unknown = await page.evaluate(
    (src: string, a: unknown) => {
      const doc = (document.querySelector('iframe[data-testid="replica"]') as HTMLIFrameElement | null)?.contentDocument;
      if (!doc || doc.readyState !== 'complete') throw new Error('replica loading');
      return (new Function('doc', 'arg', `return (${src})(doc, arg)`) as (d: Document, a: unknown) => unknown)(doc, a);
    },
    fn.toString(),
    arg as unknown,
  );
  return result as T;
}

async function retry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt > 60) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

async function stepOf(page: Page): Promise<{ panel: string | null; hint: string | null; hidden: string | null }> {
  return inFrame(page, (doc) => {
    const root = doc.querySelector('tro-ly-dvc')?.shadowRoot;
    const hint = root?.querySelector('[data-testid="hint"]');
    return { panel: root?.querySelector('.panel')?.getAttribute('data-step') ?? null, hint: hint?.getAttribute('data-step') ?? null, hidden: hint?.getAttribute('data-hidden') ?? null };
  }, null).catch(() => ({ panel: null, hint: null, hidden: null }));
}

/** The step with its hint on its element, and the banner above it. */
async function expectStep(page: Page, step: string): Promise<void> {
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).toEqual({ panel: step, hint: step, hidden: 'false' });
  expect(await textOf(page, '[data-testid="practice-banner"] .fixed-text')).toBe(PRACTICE_BANNER);
}

/** Clicks the visible element (`text`: its exact text; `shadow`: in the overlay) with the mouse. */
async function click(page: Page, selector: string, text: string | null = null, shadow = false): Promise<void> {
  const at = await retry(() =>
    inFrame(page, (doc, a: { selector: string; text: string | null; shadow: boolean }) => {
      const root: ParentNode = a.shadow ? doc.querySelector('tro-ly-dvc')!.shadowRoot! : doc;
      const el = [...root.querySelectorAll(a.selector)].find((e) => (a.text === null || e.textContent?.trim() === a.text) && (e as HTMLElement).checkVisibility()) as HTMLElement | undefined;
      if (!el) throw new Error(`no ${a.selector} ${a.text ?? ''}`);
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const f = (doc.defaultView!.frameElement as HTMLElement).getBoundingClientRect();
      return { x: f.left + r.left + r.width / 2, y: f.top + r.top + r.height / 2 };
    }, { selector, text, shadow }),
  );
  await page.mouse.click(at.x, at.y);
}

const fill = async (page: Page, selector: string, text: string) => {
  await click(page, selector);
  await page.keyboard.type(text);
};
const pick = async (page: Page, name: string, option: string) => {
  await click(page, `[data-open="${name}"]`);
  await click(page, '[data-pick]', option);
};

describe('practice mode in Firefox', () => {
  let server: FixtureServer;
  let ff: FirefoxExtensionBrowser;

  withFirefoxBrowser((s, browser) => ((server = s), (ff = browser)));

  it('liên thông khai sinh: popup to result, the missing consent tick caught, nothing fetched or queued', async () => {
    const popup = await ff.openExtensionPage('popup.html');
    const before = new Set(await ff.browser.pages());
    await clickButton(popup, 'Chế độ tập luyện');
    let page: Page | undefined;
    await expect.poll(async () => (page = (await ff.browser.pages()).find((p) => !before.has(p))) !== undefined).toBe(true);
    await waitForLocation(page!, /\/practice\.html$/);
    await popup.close();
    const p = page!;
    server.requests.length = 0;
    await (await p.waitForSelector('[data-scenario="lien-thong-khai-sinh"] button.primary'))!.click();
    await waitForLocation(p, /practice\.html\?run=/);

    await expectStep(p, 'lt.login');
    await click(p, '#login');
    await expectStep(p, 'vneid.method');
    await fill(p, '#username', '123456789012');
    await fill(p, '#practice-code', 'tap');
    await click(p, 'button', 'Đăng nhập');
    await expectStep(p, 'vneid.otp');
    for (let i = 1; i <= 6; i++) await fill(p, `input[name="otp${i}"]`, String(i));
    await click(p, 'button', 'Xác nhận');
    await expectStep(p, 'vneid.consent');
    await click(p, 'button', 'Xác nhận chia sẻ');
    await expect.poll(() => textOf(p, '[data-testid="practice-feedback"]')).toContain('khi chưa tích ô đồng ý');
    await click(p, '#agree');
    await click(p, 'button', 'Xác nhận chia sẻ');
    await expectStep(p, 'vneid.passcode');
    await fill(p, 'input[name="passcode"]', '000000');
    await click(p, 'button', 'Xác nhận');

    await expectStep(p, 'lt.pick');
    await click(p, 'a[href="#/ke-khai/2.000987"]');
    await expectStep(p, 'lt.foreign');
    await pick(p, 'IsNuocNgoai', 'Không có yếu tố nước ngoài');
    await expectStep(p, 'lt.idcard');
    await click(p, '[formcontrolname="IsCapTheCanCuoc"] input');
    await expectStep(p, 'lt.agencies');
    await pick(p, 'CqdkksDiaChi_tinh', 'Tỉnh Thái Nguyên');
    await pick(p, 'CqdkksDiaChi_xa', 'Phường Phổ Yên');
    await pick(p, 'DkksTruongHop', 'Đã xác định được cả cha lẫn mẹ'.normalize('NFD'));
    await click(p, '#next');
    await expectStep(p, 'lt.declare');
    await pick(p, 'NycQuanHe', 'Mẹ');
    await click(p, '#next');
    await expectStep(p, 'lt.review');
    await click(p, '#next');
    await expectStep(p, 'lt.attach');
    // A file chooser cannot be answered through the shell: the file is given to the input as the chooser would.
    await retry(() =>
      inFrame(p, (doc) => {
        const win = doc.defaultView as Window & typeof globalThis;
        const input = doc.querySelector('input[type="file"]') as HTMLInputElement;
        const files = new win.DataTransfer();
        files.items.add(new win.File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'giay-chung-sinh-be-gai.jpg', { type: 'image/jpeg' }));
        input.files = files.files;
        input.dispatchEvent(new win.Event('change', { bubbles: true }));
      }, null),
    );
    await click(p, '#next');
    await expectStep(p, 'lt.finish');
    await pick(p, 'HinhThucNhan', 'Nhận trực tiếp');
    await fill(p, '[data-name="MaKiemTra"]', '7k3q');
    await click(p, '#next');
    await expectStep(p, 'lt.done');
    const code = () => inFrame(p, (doc) => (doc.querySelector('tro-ly-dvc')!.shadowRoot!.querySelector('#tro-ly-code') as HTMLInputElement | null)?.value ?? '', null).catch(() => '');
    await expect.poll(code).toBe('G22.99.08-261127-896049');
    await click(p, 'button', 'Xác nhận mã hồ sơ', true);
    await clickButton(p, 'Xem kết quả tập luyện');
    await waitForLocation(p, /view=ket-qua/);
    await expect.poll(() => textOf(p, '[data-testid="mistakes"]')).toContain('Bấm “Xác nhận chia sẻ” khi chưa tích ô đồng ý');
    expect(await textOf(p, '[data-testid="result-filed"]')).toContain('G22.99.08-261127-896049');
    expect(await textOf(p, '[data-testid="practice-banner"] .fixed-text')).toBe(PRACTICE_BANNER);
    expect(await p.evaluate(async () => ((await browser.storage.local.get('outbox')).outbox as unknown[] | undefined) ?? [])).toEqual([]);
    expect(server.requests).toEqual([]);
    await p.close();
  });
});
