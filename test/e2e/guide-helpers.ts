import { expect } from 'vitest';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

/** The overlay's step panel (Playwright locators pierce the open shadow root). */
export const panel = (page: Page) => page.locator('tro-ly-dvc .panel');
export const hint = (page: Page) => page.locator('tro-ly-dvc [data-testid="hint"]');

/**
 * The panel shows `stepId` and its hint is on the anchor (in the page, or in the sub-frame `frame` when the
 * step's element lives there) — never the fallback text.
 */
export async function expectStep(page: Page, stepId: string, opts: { hint?: boolean; timeout?: number; frame?: FrameLocator } = {}) {
  await expect.poll(() => panel(page).getAttribute('data-step').catch(() => null), { timeout: opts.timeout ?? 10_000 }).toBe(stepId);
  if (opts.hint !== false) {
    const bubble = opts.frame ? opts.frame.locator('tro-ly-dvc [data-testid="hint"]') : hint(page);
    await expect.poll(() => bubble.getAttribute('data-step').catch(() => null), { timeout: opts.timeout ?? 10_000 }).toBe(stepId);
    await expect.poll(() => bubble.getAttribute('data-hidden').catch(() => null), { timeout: 5_000 }).toBe('false');
    expect(await panel(page).getByTestId('fallback').count()).toBe(0);
  }
}

/** Chooses fixture variants (test/fixtures/README.md) for a host, for the pages loaded from now on. */
export async function useVariants(context: BrowserContext, host: string, variants: Record<string, string>) {
  await context.addCookies(Object.entries(variants).map(([k, v]) => ({ name: `fx_${k}`, value: encodeURIComponent(v), domain: host, path: '/', secure: true, sameSite: 'Lax' as const })));
}

/** Forgets every fixture variant. */
export async function clearVariants(context: BrowserContext) {
  const keep = (await context.cookies()).filter((c) => !c.name.startsWith('fx_'));
  await context.clearCookies();
  if (keep.length) await context.addCookies(keep);
}

/** DOM changes the portal fixture's own observer saw that were not made by the page itself. */
export async function foreignMutations(page: Page) {
  return page.evaluate(() => (window as unknown as { __foreignMutations: Array<{ type: string; target: string; attribute: string | null; added: string[]; removed: string[] }> }).__foreignMutations);
}

/** Every foreign change must be the overlay host being added (or changed) and nothing else. */
export function onlyOverlayHost(records: Awaited<ReturnType<typeof foreignMutations>>) {
  return records.filter((r) => !(r.target === 'tro-ly-dvc' || (r.type === 'childList' && [...r.added, ...r.removed].every((n) => n === 'tro-ly-dvc'))));
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * Area of the page's visible controls (inputs, buttons, comboboxes, links…) that the hint bubble
 * and the panel cover, measured in the page. Inside an open modal only the modal's controls count.
 * The anchor (ringed by the spotlight) must never be covered.
 */
export async function coveredControls(page: Page): Promise<{ bubble: Array<{ control: string; area: number }>; panel: Array<{ control: string; area: number }> }> {
  const overlay = await page.evaluate(() => {
    const root = document.querySelector('tro-ly-dvc')!.shadowRoot!;
    const r = (sel: string) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    };
    return { bubble: r('[data-testid="hint"]'), panel: r('.panel') };
  });
  const controls = await page.evaluate(() => {
    const modal = document.querySelector('[aria-modal="true"], dialog[open]');
    const scope: ParentNode = modal ?? document;
    const sel = 'input:not([type="hidden"]), select, textarea, button, [role="combobox"], [aria-haspopup], a[href], [contenteditable]';
    return [...scope.querySelectorAll(sel)]
      .filter((el) => (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((el) => {
        const b = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 40)}”`;
        return { name, x: b.x, y: b.y, width: b.width, height: b.height };
      })
      .filter((b) => b.width > 1 && b.height > 1 && b.x < innerWidth && b.y < innerHeight && b.x + b.width > 0 && b.y + b.height > 0);
  });
  const area = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const covered = (o: Rect | null) => (o ? controls.map((c) => ({ control: c.name, area: Math.round(area(o, c)) })).filter((c) => c.area > 0) : []);
  return { bubble: covered(overlay.bubble), panel: covered(overlay.panel) };
}

/** The bubble and the panel cover none of the page's visible controls (polled: placement settles). */
export async function expectControlsClear(page: Page) {
  await expect.poll(() => hint(page).getAttribute('data-hidden').catch(() => null), { timeout: 5_000 }).toBe('false');
  await expect.poll(() => coveredControls(page), { timeout: 3_000 }).toEqual({ bubble: [], panel: [] });
}

/**
 * Patches the extension's isolated world (where the content script runs) so that any read of a
 * secret field's value, or of the key/data of an event on one, is recorded in `__secretReads`.
 * Page-world getters cannot see content-script reads; this can.
 */
export const ISOLATED_SECRET_PROBE = `(() => {
  const secret = (el) => !!el && el instanceof HTMLInputElement && (el.type === 'password' || el.type === 'number' || el.getAttribute('inputmode') === 'numeric' || el.getAttribute('autocomplete') === 'one-time-code');
  const reads = (globalThis.__secretReads = []);
  const wrap = (proto, prop, test) => {
    const d = Object.getOwnPropertyDescriptor(proto, prop);
    Object.defineProperty(proto, prop, { configurable: true, get() { if (test(this)) reads.push(prop); return d.get.call(this); }, set: d.set });
  };
  wrap(HTMLInputElement.prototype, 'value', secret);
  wrap(HTMLInputElement.prototype, 'valueAsNumber', secret);
  wrap(KeyboardEvent.prototype, 'key', (e) => secret(e.target));
  wrap(KeyboardEvent.prototype, 'code', (e) => secret(e.target));
  wrap(InputEvent.prototype, 'data', (e) => secret(e.target));
  return 'ok';
})()`;

/** Evaluates expressions in the extension's isolated world of this page (via CDP). */
export async function extensionWorld(page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Trợ lý DVC')).toBe(true);
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Trợ lý DVC')!;
  return async (expression) => ((await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true })) as { result: { value: unknown } }).result.value;
}

/**
 * Does what the resident does on the VNeID screens (typing key by key, as a person does), checking
 * the guide's hint on each. `atStep` runs extra checks when a step shows; the passcode is submitted
 * unless `submitPasscode` is false.
 */
export async function loginWithVneid(page: Page, opts: { atStep?: (step: string) => Promise<void>; submitPasscode?: boolean; where?: 'top' | 'portal' | 'frame' } = {}) {
  const where = opts.where ?? 'top';
  const frame = where === 'frame' ? page.frameLocator('iframe.modal-frame') : undefined;
  const dialogs = frame ?? page;
  const at = async (step: string, inFrame = false) => {
    await expectStep(page, step, { frame: inFrame ? frame : undefined });
    await opts.atStep?.(step);
  };
  await at('vneid.method');
  await page.locator('#username').fill('001099000001');
  await page.locator('#password').pressSequentially('mat-khau-1');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await at('vneid.otp', !!frame);
  for (let i = 1; i <= 6; i++) await dialogs.locator(`input[name="otp${i}"]`).pressSequentially(String(i));
  await dialogs.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  // "portal": the consent and passcode come over the portal page, whose account name already shows.
  if (where === 'portal') await page.waitForURL(/^https:\/\/dichvucong\.gov\.vn\/(?!sso)/);
  await at('vneid.consent', !!frame);
  await consentUntickedThenTicked(page, frame);
  await at('vneid.passcode', !!frame);
  expect(await panelSteps(page)).toEqual([{ step: 'vneid.passcode', passcode: true }]);
  await dialogs.locator('input[name="passcode"]').pressSequentially('123456');
  if (opts.submitPasscode !== false) await dialogs.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

/**
 * Presses "Xác nhận chia sẻ" first without the tick (VNeID refuses, the dialog stays and so must the
 * step), then ticks and presses again. Every step the panel moves to from then on is recorded with
 * whether the passcode dialog showed at that moment (panelSteps): the click is judged in the same
 * event on the page, but from a sub-frame only that record tells.
 */
export async function consentUntickedThenTicked(page: Page, frame?: FrameLocator) {
  const dialogs = frame ?? page;
  const step = await panel(page).getAttribute('data-step');
  await page.evaluate((inFrame) => {
    const w = window as unknown as { __panelSteps: Array<{ step: string | null; passcode: boolean }> };
    w.__panelSteps = [];
    const root = document.querySelector('tro-ly-dvc')!.shadowRoot!;
    let last = root.querySelector('.panel')?.getAttribute('data-step') ?? null;
    new MutationObserver(() => {
      const now = root.querySelector('.panel')?.getAttribute('data-step') ?? null;
      if (now === last) return;
      last = now;
      const doc = inFrame ? document.querySelector<HTMLIFrameElement>('iframe.modal-frame')?.contentDocument : document;
      const passcode = [...(doc?.querySelectorAll('div') ?? [])].some((d) => d.textContent?.trim() === 'Nhập passcode');
      w.__panelSteps.push({ step: now, passcode });
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
  }, !!frame);
  await dialogs.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
  expect(await dialogs.getByRole('button', { name: 'Xác nhận chia sẻ' }).isVisible()).toBe(true);
  expect(await panel(page).getAttribute('data-step')).toBe(step);
  await dialogs.locator('#agree').check();
  await dialogs.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
}

export const panelSteps = (page: Page) => page.evaluate(() => (window as unknown as { __panelSteps: unknown[] }).__panelSteps);
