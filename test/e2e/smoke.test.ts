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
    // The record page opens from the popup's top bar.
    const [record] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Ghi sổ', exact: true }).click()]);
    expect(record.url()).toBe(`chrome-extension://${browser.extensionId}/record.html`);
    await record.close();
    // So do the volunteer's link to the ward's registry and the waiting queue.
    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Liên kết sổ của phường' }).click()]);
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.close();
    const [queue] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Hàng chờ gửi' }).click()]);
    expect(queue.url()).toBe(`chrome-extension://${browser.extensionId}/record.html#hang-cho`);
    await queue.close();
    for (const [name, file] of [
      ['Hướng dẫn sử dụng', 'help.html'],
      ['Quyền riêng tư', 'privacy.html'],
      ['Nhật ký lỗi hướng dẫn', 'diagnostics.html'],
    ] as const) {
      const [page] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('button', { name, exact: true }).click()]);
      expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/${file}`);
      await page.close();
    }
    await popup.close();
  });

  it('popup fits 360–420 px without a horizontal scrollbar; checklist boxes are at least 20 px and their labels toggle them', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const noOverflow = () => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const width of [420, 400, 360]) {
      await popup.setViewportSize({ width, height: 700 });
      await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(0);
      expect(await noOverflow()).toBeLessThanOrEqual(0);
    }
    await popup.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill('khai sinh');
    await popup.locator('[data-procedure-id="III.2"] button').click();
    const boxes = popup.locator('fieldset input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    expect(await noOverflow()).toBeLessThanOrEqual(0);
    for (const box of await boxes.all()) {
      const b = (await box.boundingBox())!;
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(20);
    }
    // The whole label is the click target, not only the small box.
    const label = popup.locator('fieldset label.check').first();
    const lb = (await label.boundingBox())!;
    const cb = (await boxes.first().boundingBox())!;
    await popup.mouse.click(lb.x + lb.width - 20, lb.y + lb.height / 2);
    expect(cb.x + cb.width).toBeLessThan(lb.x + lb.width - 20);
    expect(await boxes.first().isChecked()).toBe(true);
    await expect.poll(() => popup.getByText(/Đã có 1\/\d+ giấy tờ/).count()).toBe(1);
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
