import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';

describe('built extension in real Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the popup listing the 47 procedures of the ward letter', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(0);
    const letterItems = await popup.locator('[data-procedure-id]:not([data-procedure-id^="X."])').count();
    expect(letterItems).toBe(47);
    // The record page of the sync part opens from the popup.
    const [record] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Ghi tài khoản đã hỗ trợ' }).click()]);
    expect(record.url()).toBe(`chrome-extension://${browser.extensionId}/record.html`);
    await record.close();
    await popup.close();
  });

  it('runs its content script on https://dichvucong.gov.vn/ served by the fixture server', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://dichvucong.gov.vn/');
    expect(page.url()).toBe('https://dichvucong.gov.vn/');
    await expect.poll(() => page.locator('tro-ly-dvc').count(), { timeout: 10_000 }).toBe(1);
    expect(server.requests.some((r) => r.host === 'dichvucong.gov.vn')).toBe(true);
    await page.close();
  });

  it('does not run on hosts outside the portals', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://script.google.com/nothing-here');
    await page.waitForTimeout(500);
    expect(await page.locator('tro-ly-dvc').count()).toBe(0);
    await page.close();
  });
});
