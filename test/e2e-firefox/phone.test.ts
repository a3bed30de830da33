/**
 * Phone-sized use in real Firefox ESR at a 360×740 viewport (what Firefox for Android shows): the khai sinh guide
 * on the portal's phone layout (both copy orders) through the VNeID login, the agency block, the service cards and
 * the form, with the same box checks as the Chromium test (test/e2e/phone-checks.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FirefoxExtensionBrowser } from '../e2e/harness/firefox';
import { withFirefoxBrowser } from '../e2e/harness/suite';
import { measurePage, measurePhone, phoneProblems, type Target } from '../e2e/phone-checks';
import { byText, clickButton, loginWithVneid, startFromPopup, waitForLocation } from './helpers';

const VIEWPORT = { width: 360, height: 740 };

async function at(page: Page, step: string, target: Target | null) {
  await expect
    .poll(async () => phoneProblems(await page.evaluate(measurePhone, target).catch((e: Error) => ({ error: e.message }) as never), step, { target: !!target }), { timeout: 15_000 })
    .toEqual([]);
}

/** The first visible element matching `selector` (inside a `container` ancestor whose text includes `text`). */
async function visible(page: Page, selector: string, container?: { selector: string; text: string }) {
  const handle = await page.waitForFunction(
    (sel: string, box: { selector: string; text: string } | null) =>
      [...document.querySelectorAll(sel)].find((el) => (el as HTMLElement).checkVisibility() && (!box || (el.closest(box.selector)?.textContent ?? '').includes(box.text))) ?? false,
    { timeout: 10_000, polling: 100 },
    selector,
    container ?? null,
  );
  return handle.asElement() as ElementHandle<Element>;
}

/** Taps the visible match; found again when the page re-rendered it between finding and tapping. */
async function tapVisible(page: Page, selector: string, container?: { selector: string; text: string }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await visible(page, selector, container)).click();
    } catch (e) {
      if (attempt >= 2 || !/detached/i.test(String(e))) throw e;
    }
  }
}

async function choose(page: Page, typed: string, option: string) {
  await tapVisible(page, '[aria-haspopup="listbox"]');
  await page.waitForSelector('.p-2 input[type="text"]');
  await page.type('.p-2 input[type="text"]', typed);
  await (await byText(page, 'ul[role="listbox"] > li', option)).click();
}

describe('phone-sized use in real Firefox ESR (360×740)', () => {
  let ff: FirefoxExtensionBrowser;

  withFirefoxBrowser((_, browser) => (ff = browser));

  for (const layout of ['mobile', 'mobile-first']) {
    it(`khai sinh on the phone layout (${layout}): login, agency, cards and form, with the box checks`, async () => {
      // The variant cookie, set first-party on the portal; and a resident logged out.
      const portal = await ff.openPage('https://dichvucong.gov.vn/');
      await portal.evaluate((v) => {
        document.cookie = `fx_layout=${v}; path=/; secure; samesite=lax`;
        localStorage.removeItem('dvc_token');
      }, layout);
      await portal.close();
      const sso = await ff.openPage('https://sso.dancuquocgia.gov.vn/');
      await sso.evaluate(() => void (document.cookie = 'vneid_sess=; path=/; secure; max-age=0'));
      await sso.close();

      const page = await ff.openExtensionPage('popup.html');
      await page.setViewport(VIEWPORT);
      await startFromPopup(page, 'khai sinh', 'III.2');
      const same = await byText(page, 'button', 'Vẫn là người dân này', 3_000).catch(() => null);
      if (same) await same.click();
      await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
      // The URL changes before the fixture's script has rendered the phone layout.
      await expect.poll(() => page.evaluate(() => [innerWidth, !!document.querySelector('#root.layout-mobile')])).toEqual([360, true]);
      await at(page, 'login.start', { selector: 'header button', text: 'Đăng nhập' });
      await clickButton(page, 'Đăng nhập');
      await waitForLocation(page, /^https:\/\/sso\.dancuquocgia\.gov\.vn\//);
      await loginWithVneid(page);
      await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);

      await at(page, 'agency.province', { selector: '[aria-haspopup="listbox"]' });
      await choose(page, 'thái', 'Tỉnh Thái Nguyên');
      await at(page, 'agency.ward', { selector: '[aria-haspopup="listbox"]' });
      await choose(page, 'đồng', 'Phường Đồng Tiến');
      await at(page, 'agency.confirm', { selector: 'button', text: 'Nộp hồ sơ' });
      await clickButton(page, 'Nộp hồ sơ');
      const wardCard = { selector: '.grid-cols-12 > div', text: 'UBND Phường Đồng Tiến' };
      await at(page, 'agency.card', { selector: 'button', text: 'Nộp trực tuyến', container: wardCard });
      await tapVisible(page, 'button', wardCard);

      await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/nop-ho-so\?formalityId=/);
      await at(page, 'form.fields', { selector: '.sd-root-modern' });
      const field = (name: string) => visible(page, `.sd-question[data-name^="${name}"] input.sd-input`);
      for (const [name, option] of [['citizenmoiquanhe', 'Cha'], ['citizenNKS_GioiTinh', 'Nam']] as const) {
        await tapVisible(page, `.sd-question[data-name^="${name}"] .sd-dropdown`);
        await (await byText(page, '.sv-list__item', option)).click();
      }
      for (const [name, text] of [['citizenNKS_HoVaTen', 'NGUYỄN AN BÌNH'], ['citizenNKS_NgaySinh', '05/11/2026'], ['citizenNKS_NoiSinh', 'Bệnh viện A Thái Nguyên']] as const) {
        await (await field(name)).type(text);
      }
      // Filled in the visible copy: the guide moves on to the first document row, on the visible copy too.
      await at(page, 'form.doc-1', { selector: 'button[title="Tải lên file"]', container: { selector: 'tr', text: 'Tờ khai đăng ký khai sinh' } });
      expect(await page.evaluate(measurePage)).toMatchObject({ sideways: 0 });
      await page.close();
    });
  }

  it('popup, record page and options page fit 360 px with 44 px targets', async () => {
    for (const file of ['popup.html', 'record.html', 'options.html']) {
      const page = await ff.openExtensionPage(file);
      await page.setViewport(VIEWPORT);
      await page.waitForSelector('#app *');
      await expect.poll(() => page.evaluate(measurePage), { message: file }).toEqual({ sideways: 0, small: [] });
      await page.close();
    }
  });
});
