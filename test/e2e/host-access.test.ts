import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PORTAL_HOSTS } from '../../shared/hosts';
import type { ExtensionBrowser } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';

const VNEID = `https://${PORTAL_HOSTS.vneid}/*`;

/**
 * Chromium keeps manifest host permissions "required" (permissions.remove refuses them), but the
 * user can withhold a site in the extension's site access. chrome://extensions does that through
 * its developerPrivate API, which the test calls as that page does.
 */
async function siteAccess(b: ExtensionBrowser): Promise<(action: 'remove' | 'add', host: string) => Promise<void>> {
  const page = await b.context.newPage();
  await page.goto(`chrome://extensions/?id=${b.extensionId}`);
  return async (action, host) => {
    await page.evaluate(
      ({ id, action, host }) => {
        const dp = (globalThis as unknown as { chrome: { developerPrivate: Record<string, (id: string, host: string) => Promise<void>> } }).chrome.developerPrivate;
        return action === 'remove' ? dp.removeHostPermission!(id, host) : dp.addHostPermission!(id, host);
      },
      { id: b.extensionId, action, host },
    );
  };
}

async function start(popup: Page, query: string, id: string) {
  await popup.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill(query);
  await popup.locator(`[data-procedure-id="${id}"] button`).click();
  await popup.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
}

describe('host access in Chromium: a withheld portal host is shown and asked for', () => {
  let b: ExtensionBrowser;

  withExtensionBrowser((_, browser) => (b = browser));

  it('shows the withheld host with a button that asks for it, refuses to start a silent guide, and clears when access is back', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('host-access').count()).toBe(0);

    const access = await siteAccess(b);
    await access('remove', VNEID);
    // The open popup follows permissions.onRemoved (background → stored status → popup).
    const notice = popup.getByTestId('host-access');
    await expect.poll(() => notice.textContent().catch(() => '')).toContain('trang đăng nhập VNeID (sso.dancuquocgia.gov.vn)');
    expect(await notice.getAttribute('role')).toBe('alert');

    await start(popup, 'khai sinh', 'III.2');
    await expect.poll(() => popup.locator('p.error[role="alert"]').textContent().catch(() => '')).toContain('chưa được phép chạy trên trang đăng nhập VNeID');
    expect(popup.url()).toBe(`chrome-extension://${b.extensionId}/popup.html`);

    // The click asks Chromium (a prompt the headless test cannot answer); a lost user gesture would fail at once instead.
    await notice.getByRole('button', { name: 'Cho phép chạy trên các trang này' }).click();
    await expect.poll(() => notice.getByRole('status').textContent().catch(() => '')).toContain('Trình duyệt đang hỏi');
    expect(await notice.textContent()).not.toContain('Trình duyệt không hỏi được');

    // The volunteer allows the site (here through the extension's site access): the notice goes.
    await access('add', VNEID);
    await expect.poll(() => notice.count()).toBe(0);
    await popup.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
    await popup.waitForURL(/^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    await popup.close();
  });
});
