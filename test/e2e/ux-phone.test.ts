/**
 * Phone-sized use in Chromium's mobile emulation (360×740, device scale factor 3, touch): the khai sinh guide on
 * the portal's phone layout (both copy orders), done with taps; at each step the spotlight rings the visible copy,
 * the bubble and the bottom sheet keep clear of it, every overlay control is ≥ 44 px and nothing scrolls sideways.
 * Then the popup, the record page and the options page at 360 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { clearVariants, loginWithVneid, panel, useVariants } from './guide-helpers';
import { logOut, PDF, startFromPopup } from './guide-national';
import { measurePage, measurePhone, phoneProblems, type Target } from './phone-checks';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const ROWS = ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền', 'Giấy tờ tùy thân'];

/** The step shows and every box check holds (polled: placement and scrolling settle). */
async function at(page: Page, step: string, target: Target | null) {
  await expect
    .poll(async () => phoneProblems(await page.evaluate(measurePhone, target).catch((e: Error) => ({ error: e.message }) as never), step, { target: !!target }), { timeout: 15_000 })
    .toEqual([]);
}

/** Taps the visible picker, types, taps the option (the portal commits a choice on mousedown, which a tap sends). */
async function choose(page: Page, typed: string, option: string) {
  await page.locator('[aria-haspopup="listbox"]:visible').first().tap();
  await page.locator('.p-2 input[type="text"]').fill(typed);
  await page.locator('ul[role="listbox"] > li', { hasText: option }).tap();
}

async function walkPhone(b: ExtensionBrowser, layout: string | null): Promise<void> {
  await clearVariants(b.context);
  if (layout) await useVariants(b.context, 'dichvucong.gov.vn', { layout });
  await useVariants(b.context, 'sso.dancuquocgia.gov.vn', { vneid: 'top' });
  await logOut(b);
  const page = await startFromPopup(b, 'khai sinh', 'III.2');
  // The in-app webview variant: the same page with ?typeInapp=1 (the phone layout, no portal menu).
  if (!layout) {
    await page.goto(`${page.url().split('?')[0]}?typeInapp=1`);
    await expect.poll(() => page.locator('header nav, footer').count()).toBe(0);
  }
  await at(page, 'login.start', { selector: 'header button', text: 'Đăng nhập' });
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).tap();
  await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
  await loginWithVneid(page, { atStep: (step) => at(page, step, null) });

  await page.waitForURL(/thu-tuc-hanh-chinh/);
  await at(page, 'agency.province', { selector: '[aria-haspopup="listbox"]' });
  await choose(page, 'thái', 'Tỉnh Thái Nguyên');
  await at(page, 'agency.ward', { selector: '[aria-haspopup="listbox"]' });

  // The sheet collapses to one line (progress and step title) and back, by tap and by keyboard.
  const toggle = panel(page).getByRole('button', { name: 'Thu gọn' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await toggle.tap();
  const expand = panel(page).getByRole('button', { name: 'Mở rộng' });
  expect(await expand.getAttribute('aria-expanded')).toBe('false');
  const line = await panel(page).boundingBox();
  expect(line!.height).toBeLessThan(64);
  expect(line!.width).toBe(360);
  expect(await panel(page).locator('.sheet-title').textContent()).toBe('Chọn Phường/Xã');
  expect(await panel(page).textContent()).toContain('Bước');
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => panel(page).getByRole('button', { name: 'Thu gọn' }).getAttribute('aria-expanded')).toBe('true');
  await at(page, 'agency.ward', { selector: '[aria-haspopup="listbox"]' });

  await choose(page, 'đồng', 'Phường Đồng Tiến');
  await at(page, 'agency.confirm', { selector: 'button', text: 'Nộp hồ sơ' });
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).tap();
  await expect.poll(() => page.locator('.grid-cols-12 > div:visible').count()).toBe(3);
  const wardCard = { selector: 'button', text: 'Nộp trực tuyến', container: { selector: '.grid-cols-12 > div', text: 'UBND Phường Đồng Tiến' } };
  await at(page, 'agency.card', wardCard);
  await page.locator('.grid-cols-12 > div:visible', { hasText: 'UBND Phường Đồng Tiến' }).getByRole('button', { name: 'Nộp trực tuyến' }).tap();

  await page.waitForURL(/\/nop-ho-so\?formalityId=/);
  await at(page, 'form.fields', { selector: '.sd-root-modern' });
  const q = (name: string) => page.locator(`.sd-question[data-name^="${name}"]:visible`);
  for (const [name, option] of [['citizenmoiquanhe', 'Cha'], ['citizenNKS_GioiTinh', 'Nam']] as const) {
    await q(name).locator('.sd-dropdown').tap();
    await page.locator('.sv-list__item:visible', { hasText: new RegExp(`^${option}$`) }).tap();
  }
  await q('citizenNKS_HoVaTen').locator('input').fill('NGUYỄN AN BÌNH');
  await q('citizenNKS_NgaySinh').locator('input').fill('05/11/2026');
  await q('citizenNKS_NoiSinh').locator('input').fill('Bệnh viện A Thái Nguyên');
  for (const [i, row] of ROWS.entries()) {
    await at(page, `form.doc-${i + 1}`, { selector: 'button[title="Tải lên file"]', container: { selector: 'tr', text: row } });
    const chooser = page.waitForEvent('filechooser');
    await page.locator('tr:visible', { hasText: row }).locator('button[title="Tải lên file"]').tap();
    await (await chooser).setFiles(PDF(`${row.toLowerCase().replace(/\s+/g, '-')}.pdf`));
  }
  await at(page, 'form.receive', { selector: '.cc-select-wrapper' });
  await panel(page).getByRole('button', { name: 'Xong' }).tap();
  await at(page, 'form.submit', { selector: 'button', text: 'Lưu và nộp hồ sơ' });
  await page.getByRole('button', { name: 'Lưu và nộp hồ sơ' }).tap();
  await at(page, 'form.done', null);
  await expect.poll(() => panel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)').inputValue()).toBe('H55.242-261127-0001');
  await page.close();
}

describe('phone-sized use (Chromium mobile emulation, 360×740, touch)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    b = await launchWithExtension({ port: server.port, device: PHONE });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  for (const [layout, name] of [['mobile', 'desktop copy first'], ['mobile-first', 'phone copy first'], [null, 'in-app webview, ?typeInapp=1']] as const) {
    it(`walks the khai sinh guide with taps on the phone layout (${name})`, async () => {
      await walkPhone(b, layout);
    });
  }

  it('popup, record page and options page: no sideways scrolling at 360 px, every target ≥ 44 px', async () => {
    for (const file of ['popup.html', 'record.html', 'options.html']) {
      const page = await b.openExtensionPage(file);
      await expect.poll(() => page.locator('#app *').count(), { message: file }).toBeGreaterThan(0);
      expect(await page.evaluate(() => [innerWidth, devicePixelRatio, matchMedia('(pointer: coarse)').matches])).toEqual([360, 3, true]);
      expect(await page.evaluate(measurePage), file).toEqual({ sideways: 0, small: [] });
      await page.close();
    }
  });
});
