// The dossier code is checked on the page before it is recorded (issue 9 item 6): real Chromium,
// built extension, the national portal's dossier list and form fixtures, the session set at "form.done".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, type ExtensionBrowser } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { panel } from './guide-helpers';
import { KHAI_SINH_FORM_URL, khaiSinhGuide, setGuidedSession, storageValue } from './ux-helpers';
import type { GuidedSession } from '../../extension/storage/items';

const DONE = khaiSinhGuide().steps.findIndex((s) => s.id === 'form.done');
const LIST_URL = 'https://dichvucong.gov.vn/ho-so-cua-toi';
/** The list fixture's one dossier when nothing was filed in this tab. */
const LISTED = 'H55.242-260101-0042';
const LABEL = 'Mã hồ sơ (kiểm tra với màn hình)';

describe('dossier code checked before it is recorded (real Chromium)', () => {
  let b: ExtensionBrowser;

  withExtensionBrowser((_, browser) => (b = browser));

  async function atCapture(url: string): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('tro-ly-dvc').count()).toBe(1);
    await setGuidedSession(b.worker, url, DONE);
    await expect.poll(() => panel(page).getAttribute('data-step')).toBe('form.done');
    return page;
  }
  /** The newest session: each test starts its own. */
  const sessionOf = async () => {
    const tabs = await storageValue<Record<string, GuidedSession>>(b.worker, 'guide.sessions');
    return Object.values(tabs ?? {}).sort((x, y) => y.startedAt.localeCompare(x.startedAt))[0]!;
  };
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.querySelector('tro-ly-dvc')?.shadowRoot?.activeElement;
      return el ? el.id || el.getAttribute('data-testid') || el.tagName : null;
    });

  it('the code the page suggests is recorded without a question', async () => {
    const page = await atCapture(LIST_URL);
    const errors = collectPageErrors(page);
    await expect.poll(() => panel(page).getByLabel(LABEL).inputValue()).toBe(LISTED);
    await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
    await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe(LISTED);
    expect(await panel(page).getByTestId('code-doubt').count()).toBe(0);
    expect((await sessionOf()).capture?.dossierCode).toBe(LISTED);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a typed code the page does not show is recorded only after «Vẫn lưu mã này», once; «Sửa lại mã» goes back to the box', async () => {
    const page = await atCapture(LIST_URL);
    const errors = collectPageErrors(page);
    const code = panel(page).getByLabel(LABEL);
    const confirm = panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' });
    await expect.poll(() => code.inputValue()).toBe(LISTED);
    // A value in one of the page's own fields is never read: it does not count as shown.
    await page.evaluate(() => document.querySelector('table')!.before(Object.assign(document.createElement('input'), { value: 'abc 123' })));

    await code.fill('abc 123');
    await confirm.click();
    const doubt = panel(page).getByTestId('code-doubt');
    await expect.poll(() => doubt.isVisible()).toBe(true);
    expect(await doubt.getAttribute('role')).toBe('alert');
    expect(await doubt.locator('p').textContent()).toBe('Mã “abc 123” không có trên trang này. Hãy so lại với mã cổng hiện trên màn hình.');
    await expect.poll(() => focused(page)).toBe('code-doubt');
    expect((await sessionOf()).capture).toBeUndefined();
    expect(await panel(page).getAttribute('data-step')).toBe('form.done');

    // «Sửa lại mã»: the warning goes, the box has the focus again, still nothing recorded.
    await doubt.getByRole('button', { name: 'Sửa lại mã' }).click();
    await expect.poll(() => doubt.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('tro-ly-code');
    expect((await sessionOf()).capture).toBeUndefined();

    // Part of a longer code on the page is not the code either.
    await code.fill(LISTED.slice(0, -1));
    await confirm.click();
    await expect.poll(() => doubt.locator('p').textContent()).toBe(`Mã “${LISTED.slice(0, -1)}” không có trên trang này. Hãy so lại với mã cổng hiện trên màn hình.`);
    // Typing again takes the question away.
    await code.fill('abc 123');
    await expect.poll(() => doubt.count()).toBe(0);

    await confirm.click();
    await expect.poll(() => doubt.isVisible()).toBe(true);
    expect((await sessionOf()).capture).toBeUndefined();
    await doubt.getByRole('button', { name: 'Vẫn lưu mã này' }).click();
    await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe('abc 123');
    const s = await sessionOf();
    expect(s.capture?.dossierCode).toBe('abc 123');
    expect(s.done.filter((id) => id === 'form.done')).toEqual(['form.done']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a code of a shape no portal uses gets its own message and is never recorded', async () => {
    const page = await atCapture(LIST_URL);
    const code = panel(page).getByLabel(LABEL);
    await code.fill('H55#242');
    await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
    await expect.poll(() => panel(page).locator('#tro-ly-code-error').textContent()).toBe('Mã hồ sơ chỉ gồm chữ, số và . - _ /');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page).getByTestId('code-doubt').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('tro-ly-code');
    expect((await sessionOf()).capture).toBeUndefined();
    await page.close();
  });

  it('a code shown in a toast that has gone still counts as shown', async () => {
    const page = await atCapture(KHAI_SINH_FORM_URL);
    const code = panel(page).getByLabel(LABEL);
    expect(await code.inputValue()).toBe('');
    // The portal's toast (react-toastify markup at body level) with the code, then gone.
    await page.evaluate(() => {
      const toast = Object.assign(document.createElement('div'), { className: 'Toastify__toast', role: 'alert', textContent: 'Mã hồ sơ: G22.99-000777' });
      document.body.append(toast);
    });
    await expect.poll(() => code.inputValue()).toBe('G22.99-000777');
    await page.evaluate(() => document.querySelector('.Toastify__toast')!.remove());
    await expect.poll(() => page.getByText('G22.99-000777').count()).toBe(0);
    // Typed again (spaces, lower case) after the toast went: no question.
    await code.fill(' g22.99-000777 ');
    await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
    await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe('g22.99-000777');
    expect(await panel(page).getByTestId('code-doubt').count()).toBe(0);
    await page.close();
  });
});
