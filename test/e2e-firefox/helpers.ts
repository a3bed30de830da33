/**
 * Puppeteer (WebDriver BiDi) counterparts of test/e2e/guide-helpers.ts for Firefox: the same
 * overlay reads and the same resident's actions on the VNeID screens. Everything polls.
 */
import { expect } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { gotoUrl, waitForLocation } from '../e2e/harness/firefox';

export { gotoUrl, waitForLocation };

/** The overlay's current step and its hint bubble, read through the open shadow root. */
export function overlayStep(page: Page): Promise<{ panel: string | null; hint: string | null; hidden: string | null }> {
  return page
    .evaluate(() => {
      const root = document.querySelector('tro-ly-dvc')?.shadowRoot;
      const hint = root?.querySelector('[data-testid="hint"]');
      return { panel: root?.querySelector('.panel')?.getAttribute('data-step') ?? null, hint: hint?.getAttribute('data-step') ?? null, hidden: hint?.getAttribute('data-hidden') ?? null };
    })
    .catch(() => ({ panel: null, hint: null, hidden: null }));
}

export async function expectStep(page: Page, stepId: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => overlayStep(page), { timeout }).toEqual({ panel: stepId, hint: stepId, hidden: 'false' });
}

/** The first visible element matching `selector` whose trimmed text is exactly `text`. */
export async function byText(page: Page, selector: string, text: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (sel: string, want: string) =>
      [...document.querySelectorAll(sel)].find((el) => el.textContent?.trim() === want && (el as HTMLElement).checkVisibility()) ?? false,
    { timeout, polling: 100 },
    selector,
    text,
  );
  return handle as ElementHandle<Element>;
}

export async function clickButton(page: Page, text: string): Promise<void> {
  await (await byText(page, 'button, summary', text)).click();
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector).catch(() => '');
}

/** Popup (opened as a tab, so it guides its own tab): search, choose, start. */
export async function startFromPopup(page: Page, query: string, procedureId: string): Promise<void> {
  await page.waitForSelector('#q');
  await page.type('#q', query);
  await page.locator(`[data-procedure-id="${procedureId}"] button`).click();
  await clickButton(page, 'Bắt đầu hướng dẫn');
}

/** The resident's actions on the VNeID screens, key by key, checking the guide's hint on each. */
export async function loginWithVneid(page: Page): Promise<void> {
  await expectStep(page, 'vneid.method');
  await page.type('#username', '001099000001');
  await page.type('#password', 'mat-khau-1');
  await clickButton(page, 'Đăng nhập');
  await expectStep(page, 'vneid.otp');
  for (let i = 1; i <= 6; i++) await page.type(`input[name="otp${i}"]`, String(i));
  await clickButton(page, 'Xác nhận');
  await expectStep(page, 'vneid.consent');
  await page.click('#agree');
  await clickButton(page, 'Xác nhận chia sẻ');
  await expectStep(page, 'vneid.passcode');
  await page.type('input[name="passcode"]', '123456');
  await clickButton(page, 'Xác nhận');
}
