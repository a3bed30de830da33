import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, type ExtensionBrowser } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { expectStep, panel } from './guide-helpers';
import { decodeQr, KHAI_SINH_FORM_URL, KHAI_SINH_URL, khaiSinhGuide, setGuidedSession, setStorage, storageValue } from './ux-helpers';
import type { ResumableGuide } from '../../extension/storage/items';

const AGENCY = khaiSinhGuide().steps.findIndex((s) => s.id === 'agency.province');
const DONE = khaiSinhGuide().steps.findIndex((s) => s.id === 'form.done');

async function portalPage(b: ExtensionBrowser, url: string, size = { width: 1280, height: 860 }): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize(size);
  await page.goto(url);
  await expect.poll(() => page.locator('tro-ly-dvc').count()).toBe(1);
  return page;
}

/** Opens the popup as a page and presses "Tiếp tục hướng dẫn" for the only stopped guide. */
async function resumeFromPopup(b: ExtensionBrowser, why: string): Promise<Page> {
  const popup = await b.openExtensionPage('popup.html');
  const resume = popup.getByTestId('resume');
  await expect.poll(() => resume.isVisible()).toBe(true);
  expect(await resume.textContent()).toContain(why);
  await resume.getByRole('button', { name: /^Tiếp tục hướng dẫn: Đăng ký khai sinh/ }).click();
  await popup.waitForURL(KHAI_SINH_URL);
  return popup;
}

describe('guide panel and its pages (real Chromium, built extension, portal fixtures)', () => {
  let b: ExtensionBrowser;

  withExtensionBrowser((_, browser) => (b = browser));

  it('"Đóng hướng dẫn" asks once; "Tiếp tục hướng dẫn" in the popup brings the guide back at the same step', async () => {
    await setStorage(b.worker, { 'guide.resumable': [] });
    const page = await portalPage(b, KHAI_SINH_URL);
    const errors = collectPageErrors(page);
    await setGuidedSession(b.worker, KHAI_SINH_URL, AGENCY);
    await expectStep(page, 'agency.province');
    await panel(page).getByRole('button', { name: 'Đóng hướng dẫn' }).click();
    const question = panel(page).getByTestId('close-question');
    await expect.poll(() => question.textContent()).toContain('Dừng hướng dẫn cho người dân này?');
    // Focus is in the question; "Không, làm tiếp" keeps the guide as it was.
    expect(await page.evaluate(() => document.querySelector('tro-ly-dvc')!.shadowRoot!.activeElement?.textContent)).toBe('Dừng hướng dẫn');
    await panel(page).getByRole('button', { name: 'Không, làm tiếp' }).click();
    await expectStep(page, 'agency.province');
    await panel(page).getByRole('button', { name: 'Đóng hướng dẫn' }).click();
    await panel(page).getByRole('button', { name: 'Dừng hướng dẫn' }).click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await expect.poll(async () => (await storageValue<ResumableGuide[]>(b.worker, 'guide.resumable'))?.map((r) => [r.index, r.why])).toEqual([[AGENCY, 'closed']]);
    await page.close();

    const resumed = await resumeFromPopup(b, 'đã đóng hướng dẫn');
    await expectStep(resumed, 'agency.province');
    // Taken up again: no longer offered.
    await expect.poll(async () => (await storageValue<ResumableGuide[]>(b.worker, 'guide.resumable'))?.length).toBe(0);
    expect(errors).toEqual([]);
    await resumed.close();
  });

  it('a guide whose tab was closed is offered again, and "Kết thúc phiên" forgets it', async () => {
    const page = await portalPage(b, KHAI_SINH_URL);
    await setGuidedSession(b.worker, KHAI_SINH_URL, AGENCY + 1);
    await expectStep(page, 'agency.ward');
    await page.close();
    await expect.poll(async () => (await storageValue<ResumableGuide[]>(b.worker, 'guide.resumable'))?.map((r) => r.why)).toEqual(['tab-closed']);
    const resumed = await resumeFromPopup(b, 'thẻ trình duyệt đã bị đóng');
    await expectStep(resumed, 'agency.ward');
    await resumed.close();

    // Closed again, then the resident's session ends: nothing of theirs is offered to the next one.
    const again = await portalPage(b, KHAI_SINH_URL);
    await setGuidedSession(b.worker, KHAI_SINH_URL, AGENCY);
    await expectStep(again, 'agency.province');
    await again.close();
    await expect.poll(async () => (await storageValue<ResumableGuide[]>(b.worker, 'guide.resumable'))?.length).toBe(1);
    const popup = await b.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('resume').isVisible()).toBe(true);
    await popup.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
    await expect.poll(() => popup.getByTestId('resume').count()).toBe(0);
    expect(await storageValue<ResumableGuide[]>(b.worker, 'guide.resumable')).toEqual([]);
    await popup.close();
  });

  it('unavailable panel buttons look unavailable and say why when pressed', async () => {
    const page = await portalPage(b, KHAI_SINH_URL);
    await setGuidedSession(b.worker, KHAI_SINH_URL, 0);
    await expectStep(page, 'login.start');
    const back = panel(page).getByRole('button', { name: 'Quay lại bước trước' });
    expect(await back.getAttribute('aria-disabled')).toBe('true');
    expect(await back.evaluate((el) => getComputedStyle(el).borderStyle)).toBe('dashed');
    await back.click({ force: true });
    await expect.poll(() => panel(page).getByTestId('unavailable-reason').textContent()).toBe('Đây là bước đầu tiên.');
    await expectStep(page, 'login.start');
    await page.close();

    // The capture step with no code on the page: the confirm button says what is missing.
    const form = await portalPage(b, KHAI_SINH_FORM_URL);
    await setGuidedSession(b.worker, KHAI_SINH_FORM_URL, DONE);
    await expect.poll(() => panel(form).getAttribute('data-step')).toBe('form.done');
    const code = panel(form).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
    expect(await code.inputValue()).toBe('');
    const confirm = panel(form).getByRole('button', { name: 'Xác nhận mã hồ sơ' });
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await confirm.click({ force: true });
    await expect.poll(() => panel(form).getByTestId('unavailable-reason').textContent()).toBe('Hãy nhập mã hồ sơ trước.');
    // Typed: the reason goes, the button acts; the due date is typed day first.
    await code.fill('G22.99-000555');
    await expect.poll(() => panel(form).getByTestId('unavailable-reason').count()).toBe(0);
    const due = panel(form).getByLabel('Ngày hẹn trả (nếu cổng có ghi)');
    expect(await due.getAttribute('type')).toBe('text');
    await due.fill('31/02/2030');
    await confirm.click();
    await expect.poll(() => panel(form).locator('.field-error').textContent()).toContain('không tồn tại');
    await due.fill('05092030');
    await due.blur();
    await expect.poll(() => due.inputValue()).toBe('05/09/2030');
    await confirm.click();
    // The page shows no code: recorded only once the volunteer says so.
    await panel(form).getByTestId('code-doubt').getByRole('button', { name: 'Vẫn lưu mã này' }).click();
    await expect.poll(() => panel(form).getByTestId('captured-code').textContent()).toBe('G22.99-000555');
    const sessions = await storageValue<Record<string, { capture?: { dueOn?: string } }>>(b.worker, 'guide.sessions');
    expect(Object.values(sessions ?? {}).map((s) => s.capture?.dueOn)).toContain('2030-09-05');

    // "In phiếu hẹn": the slip for the resident, with the lookup page as a QR that reads back.
    const [slip] = await Promise.all([b.context.waitForEvent('page'), panel(form).getByRole('button', { name: 'In phiếu hẹn' }).click()]);
    await slip.waitForLoadState();
    expect(new URL(slip.url()).pathname).toBe('/appointment.html');
    await expect.poll(() => slip.getByTestId('dossier-code').textContent()).toBe('G22.99-000555');
    expect(await slip.getByTestId('due-on').textContent()).toBe('05/09/2030');
    expect(await slip.getByTestId('slip').textContent()).toContain('Thủ tục đăng ký khai sinh');
    expect(await decodeQr(slip.getByRole('img', { name: 'Mã QR mở trang tra cứu hồ sơ' }))).toBe('https://dichvucong.gov.vn/tra-cuu-ho-so');
    // The code is handed over in memory, never in the address (the shared computer's history).
    expect(slip.url()).not.toContain('G22.99');
    await slip.reload();
    await expect.poll(() => slip.getByTestId('dossier-code').textContent()).toBe('G22.99-000555');
    // Once the resident's session ends, the slip is gone.
    await slip.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'session:end' }));
    await slip.reload();
    await expect.poll(() => slip.getByRole('alert').textContent()).toContain('Chưa có mã hồ sơ');
    await slip.close();
    await form.close();
  });

  it('the record form in the panel never scrolls inside a scrolling panel: errors and the button stay in view (1024×600)', async () => {
    const page = await portalPage(b, KHAI_SINH_FORM_URL, { width: 1024, height: 600 });
    const guide = khaiSinhGuide();
    await setGuidedSession(b.worker, KHAI_SINH_FORM_URL, guide.steps.length, {
      capture: { dossierCode: 'G22.99-000777', confirmedAt: new Date().toISOString() },
    });
    const framed = panel(page).locator('iframe[title="Ghi hồ sơ vào sổ"]');
    await expect.poll(() => framed.count()).toBe(1);
    await expect.poll(() => panel(page).evaluate((el) => el.classList.contains('framing'))).toBe(true);
    // One scroller at most: the panel fits the window and does not scroll.
    const fits = () => panel(page).evaluate((el) => ({ scrolls: el.scrollHeight > el.clientHeight + 1, bottom: el.getBoundingClientRect().bottom <= innerHeight }));
    await expect.poll(fits).toEqual({ scrolls: false, bottom: true });

    const frame = page.frameLocator('tro-ly-dvc iframe[title="Ghi hồ sơ vào sổ"]');
    await frame.getByRole('button', { name: 'Ghi vào sổ' }).click();
    const summary = frame.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Chưa ghi được');
    const frameBox = (await framed.boundingBox())!;
    const inFrame = async (what: typeof summary) => {
      const box = (await what.boundingBox())!;
      return box.y >= frameBox.y - 1 && box.y + box.height <= frameBox.y + frameBox.height + 1 && box.y + box.height <= 600;
    };
    await expect.poll(() => inFrame(summary)).toBe(true);
    await expect.poll(() => inFrame(frame.getByRole('button', { name: 'Ghi vào sổ' }))).toBe(true);
    await expect.poll(fits).toEqual({ scrolls: false, bottom: true });
    await page.screenshot({ path: '.tmp/frame.png' });
    await page.close();
  });
});
