/**
 * Helpers of the practice-mode tests: the shell and its replica frame (the real overlay runs inside
 * it), the fake VNeID login, the portal actions done in the frame, the checks every practice page
 * must pass (banner, nothing queued, nothing fetched).
 */
import { expect } from 'vitest';
import type { FrameLocator, Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { PRACTICE_BANNER } from '../../extension/practice/brand';
import type { ExtensionBrowser } from './harness/browser';

declare const chrome: typeof Browser;

export const replica = (page: Page): FrameLocator => page.frameLocator('[data-testid="replica"]');
export const framePanel = (page: Page) => replica(page).locator('tro-ly-dvc .panel');

/** The fixed banner is on the page, and the page is the top of its tab (nothing frames it). */
export async function expectBanner(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('practice-banner').locator('.fixed-text').textContent().catch(() => null)).toBe(PRACTICE_BANNER);
  expect(await page.getByTestId('practice-banner').isVisible()).toBe(true);
  expect(page.mainFrame().url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/practice\.html/);
}

/** The replica's panel shows `stepId` with its hint on the element (never the fallback text); the banner is there. */
export async function expectPracticeStep(page: Page, stepId: string, opts: { hint?: boolean; frame?: FrameLocator } = {}): Promise<void> {
  await expect.poll(() => framePanel(page).getAttribute('data-step').catch(() => null), { timeout: 15_000 }).toBe(stepId);
  if (opts.hint !== false) {
    const bubble = (opts.frame ?? replica(page)).locator('tro-ly-dvc [data-testid="hint"]');
    await expect.poll(() => bubble.getAttribute('data-step').catch(() => null), { timeout: 10_000 }).toBe(stepId);
    await expect.poll(() => bubble.getAttribute('data-hidden').catch(() => null), { timeout: 5_000 }).toBe('false');
    expect(await framePanel(page).getByTestId('fallback').count()).toBe(0);
  }
  await expectBanner(page);
}

/** From the popup: "Chế độ tập luyện" opens the practice page in a new tab. */
export async function openPractice(b: ExtensionBrowser): Promise<Page> {
  const popup = await b.openExtensionPage('popup.html');
  const [page] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'Chế độ tập luyện' }).click()]);
  await popup.close();
  await expectBanner(page);
  return page;
}

export async function startScenario(page: Page, id: string): Promise<void> {
  await page.locator(`[data-scenario="${id}"] button.primary`).click();
  await page.waitForURL(/practice\.html\?run=/);
}

/**
 * The fake VNeID login, step by step with the guide's hints. `mistakes`: a real-looking number,
 * a passcode-like code, the consent without its tick and a real-looking passcode are tried first
 * (each refused, saying why).
 */
export async function fakeLogin(page: Page, opts: { mistakes?: boolean; first?: boolean } = {}): Promise<void> {
  const f = replica(page);
  const error = f.locator('p.error:visible');
  if (opts.first !== false) {
    await expectPracticeStep(page, 'vneid.method');
    // Never a password field on the practice login.
    expect(await f.locator('input[type="password"]').count()).toBe(0);
    if (opts.mistakes) {
      await f.locator('#username').fill('001099000001');
      await f.locator('#practice-code').fill('tap');
      await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await expect.poll(() => error.textContent()).toContain('có dạng số định danh thật (3 số đầu 001 là mã tỉnh Hà Nội)');
      await f.locator('#username').fill('123456789012');
      await f.locator('#practice-code').fill('123456');
      await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await expect.poll(() => error.textContent()).toContain('trông giống passcode VNeID thật');
    }
    await f.locator('#username').fill('123456789012');
    await f.locator('#practice-code').fill('tap');
    await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expectPracticeStep(page, 'vneid.otp');
    for (let i = 1; i <= 6; i++) await f.locator(`input[name="otp${i}"]`).fill(String(i));
    await f.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  }
  await expectPracticeStep(page, opts.first === false ? 'vneid.moj-consent' : 'vneid.consent');
  if (opts.mistakes) {
    await f.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
    await expect.poll(() => error.textContent()).toContain('Chưa tích ô đồng ý');
    // Refused: the guide stays on the consent (judged in that same click, before the page said why).
    expect(await framePanel(page).getAttribute('data-step')).toBe(opts.first === false ? 'vneid.moj-consent' : 'vneid.consent');
  }
  await f.locator('#agree').check();
  await f.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
  await expectPracticeStep(page, opts.first === false ? 'vneid.moj-passcode' : 'vneid.passcode');
  if (opts.mistakes) {
    await f.locator('input[name="passcode"]').fill('654321');
    await f.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => error.textContent()).toContain('chỉ nhận passcode tập luyện 000000');
  }
  await f.locator('input[name="passcode"]').fill('000000');
  await f.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

/** Picks in the replica's searchable agency picker (the first empty one). */
export async function chooseAgency(page: Page, typed: string, option: string): Promise<void> {
  const f = replica(page);
  await f.locator('[aria-haspopup="listbox"]').first().click();
  await f.locator('.p-2 input[type="text"]').fill(typed);
  await f.locator('ul[role="listbox"] > li', { hasText: option }).click();
}

export const PDF = (name: string, size = 64) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size)]) });

/** Uploads `file` through the row's upload button (the replica's shared file input). */
export async function uploadRow(page: Page, row: string, file: ReturnType<typeof PDF>): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await replica(page).locator('tr', { hasText: row }).locator('button[title="Tải lên file"], button:text-is("Chọn tệp tin")').click();
  await (await chooser).setFiles(file);
}

export async function confirmCode(page: Page, expected: string): Promise<void> {
  const code = framePanel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
  await expect.poll(() => code.inputValue()).toBe(expected);
  await framePanel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
  await expect.poll(() => framePanel(page).getByTestId('captured-code').textContent()).toBe(expected);
  // A practice filing is never recorded: no record form in the panel.
  expect(await framePanel(page).getByTestId('record-filing-frame').count()).toBe(0);
}

/** Opens the result from the banner (after the code was confirmed). */
export async function finishToResult(page: Page): Promise<void> {
  // The replica and its sub-frames tried to load nothing the page's CSP refuses (no portal host, no network).
  for (const frame of page.frames()) expect(await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), frame.url()).toEqual([]);
  await page.getByRole('button', { name: 'Xem kết quả tập luyện' }).click();
  await page.waitForURL(/view=ket-qua/);
  await expectBanner(page);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kết quả tập luyện');
}

export async function outboxItems(worker: Worker): Promise<unknown[]> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox as unknown[] | undefined) ?? []);
}

/** The trainer's lists on the result page. */
export async function resultList(page: Page, testId: 'mistakes' | 'skipped' | 'reshown'): Promise<string[]> {
  return page.getByTestId(testId).locator('li').allTextContents();
}
