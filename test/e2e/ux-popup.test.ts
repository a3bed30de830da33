import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, type ExtensionBrowser } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { focusIndicatorContrast, setStorage, sideways, smallestText } from './ux-helpers';

const SEARCH = 'Tìm thủ tục của người dân (tên hoặc mã)';

/** Ids of the procedures the popup lists, in order. */
const listed = (page: Page) => page.locator('[data-procedure-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-procedure-id')));

describe('popup as a volunteer meets it (real Chromium, built extension)', () => {
  let b: ExtensionBrowser;

  withExtensionBrowser((_, browser) => (b = browser));

  it('finds the right procedure first despite typos, and suggests close names when nothing matches', async () => {
    const popup = await b.openExtensionPage('popup.html');
    const errors = collectPageErrors(popup);
    const search = popup.getByLabel(SEARCH);
    for (const [typed, first] of [
      ['khai sihn', 'III.2'],
      ['dang ki khai tu', 'III.3'],
      ['ho ngeo', 'I.17'],
    ] as const) {
      await search.fill(typed);
      await expect.poll(async () => (await listed(popup))[0], { message: typed }).toBe(first);
    }
    await search.fill('khai sinh tàu thủy');
    await expect.poll(() => popup.getByTestId('no-results').isVisible()).toBe(true);
    expect(await listed(popup)).toEqual([]);
    const suggested = popup.locator('[data-suggested-id]');
    await expect.poll(() => suggested.count()).toBeGreaterThan(0);
    expect(await popup.locator('[data-suggested-id="III.2"]').count()).toBe(1);
    await popup.locator('[data-suggested-id="III.2"] button').click();
    await expect.poll(() => popup.locator('main[data-chosen]').getAttribute('data-chosen')).toBe('III.2');
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('keeps "Ghi sổ" and "Kết thúc phiên" in view at the top while the list scrolls; fits 360 px', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 640 });
    await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(40);
    expect(await sideways(popup)).toBeLessThanOrEqual(0);
    // Scroll to the very end of the 49 procedures: the bar is still at the top of the window.
    await popup.locator('[data-procedure-id]').last().scrollIntoViewIfNeeded();
    await expect.poll(() => popup.evaluate(() => scrollY)).toBeGreaterThan(2000);
    for (const name of ['Ghi sổ', 'Kết thúc phiên']) {
      const box = (await popup.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, name).toBeLessThan(80);
    }
    const bar = (await popup.getByTestId('topbar').boundingBox())!;
    expect(bar.y).toBe(0);
    // And it works from there: "Ghi sổ" opens the record page.
    const [record] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'Ghi sổ', exact: true }).click()]);
    expect(record.url()).toBe(`chrome-extension://${b.extensionId}/record.html`);
    await record.close();
    expect(await smallestText(popup)).toBeGreaterThanOrEqual(16);
    await popup.close();
  });

  it('shows the first-run welcome once, above the search, and links the help page', async () => {
    await setStorage(b.worker, { 'popup.firstRunDone': null });
    const popup = await b.openExtensionPage('popup.html');
    const welcome = popup.getByTestId('first-run');
    await expect.poll(() => welcome.isVisible()).toBe(true);
    const [welcomeBox, searchBox] = [(await welcome.boundingBox())!, (await popup.getByLabel(SEARCH).boundingBox())!];
    expect(welcomeBox.y).toBeLessThan(searchBox.y);
    const [help] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'Xem hướng dẫn sử dụng' }).click()]);
    expect(help.url()).toBe(`chrome-extension://${b.extensionId}/help.html`);
    await expect.poll(() => help.getByRole('heading', { level: 1 }).textContent()).toBe('Hướng dẫn sử dụng Trợ lý DVC');
    await help.close();
    await expect.poll(() => welcome.count()).toBe(0);
    await popup.reload();
    await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('first-run').count()).toBe(0);
    await popup.close();
  });

  it('puts recently used procedures at the top, newest first', async () => {
    await setStorage(b.worker, { 'popup.recent': [] });
    const popup = await b.openExtensionPage('popup.html');
    for (const [query, id] of [
      ['khai tu', 'III.3'],
      ['ho ngheo', 'I.17'],
    ] as const) {
      await popup.getByLabel(SEARCH).fill(query);
      await popup.locator(`[data-procedure-id="${id}"] button`).click();
      await popup.getByRole('button', { name: '‹ Danh sách thủ tục' }).click();
    }
    await popup.getByLabel(SEARCH).fill('');
    const recent = popup.locator('[data-recent-id]');
    await expect.poll(() => recent.evaluateAll((els) => els.map((e) => e.getAttribute('data-recent-id')))).toEqual(['I.17', 'III.3']);
    const recentBox = (await recent.first().boundingBox())!;
    const firstListed = (await popup.locator('[data-procedure-id]').first().boundingBox())!;
    expect(recentBox.y).toBeLessThan(firstListed.y);
    // Searching shows results only.
    await popup.getByLabel(SEARCH).fill('khai sinh');
    await expect.poll(() => recent.count()).toBe(0);
    await popup.close();
  });

  it('asks about the previous resident right under "Bắt đầu hướng dẫn", with focus in the question', async () => {
    await setStorage(b.worker, { 'resident.session': { startedAt: new Date().toISOString(), procedureName: 'Thủ tục đăng ký khai tử' } });
    const popup = await b.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.getByLabel(SEARCH).fill('khai sinh');
    await popup.locator('[data-procedure-id="III.2"] button').click();
    const start = popup.getByRole('button', { name: 'Bắt đầu hướng dẫn' });
    await start.click();
    const question = popup.getByTestId('previous-resident');
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.getAttribute('role')).toBe('alertdialog');
    expect(await question.textContent()).toContain('Thủ tục đăng ký khai tử');
    // Focus moved into it, and it is on screen just below the button that was pressed.
    await expect.poll(() => popup.evaluate(() => !!document.activeElement?.closest('[data-testid="previous-resident"]'))).toBe(true);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Kết thúc phiên cũ rồi bắt đầu');
    const q = (await question.boundingBox())!;
    const s = (await start.boundingBox())!;
    expect(q.y).toBeGreaterThanOrEqual(s.y + s.height - 1);
    expect(q.y + Math.min(q.height, 120)).toBeLessThanOrEqual(640);
    expect(q.y).toBeGreaterThanOrEqual(0);
    // From the keyboard, the focus ring shows at ≥ 3:1.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Vẫn là người dân này');
    expect(await focusIndicatorContrast(popup)).toBeGreaterThanOrEqual(3);
    // While it is open, the start button looks unavailable and says why when pressed.
    expect(await start.getAttribute('aria-disabled')).toBe('true');
    // (Playwright treats aria-disabled as disabled; a person can still press it.)
    await start.click({ force: true });
    await expect.poll(() => popup.getByTestId('unavailable-reason').textContent()).toBe('Hãy trả lời câu hỏi bên dưới trước.');
    // Keyboard: "Huỷ" closes the question and nothing starts.
    await popup.getByRole('button', { name: 'Huỷ' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    expect(popup.url()).toContain('popup.html');
    await popup.close();
  });
});
