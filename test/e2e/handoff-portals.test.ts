import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { expectStep, hint, panel } from './guide-helpers';

async function startFromPopup(b: ExtensionBrowser, query: string, procedureId: string, host: RegExp): Promise<Page> {
  const page = await b.openExtensionPage('popup.html');
  await page.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill(query);
  await page.locator(`[data-procedure-id="${procedureId}"] button`).click();
  await page.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
  const same = page.getByRole('button', { name: 'Vẫn là người dân này' });
  await Promise.race([page.waitForURL(host), same.waitFor().then(() => same.click())]).catch(() => undefined);
  await page.waitForURL(host);
  return page;
}

async function confirmCode(page: Page, expected: string) {
  const code = panel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
  await expect.poll(() => code.inputValue()).toBe(expected);
  await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
  await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe(expected);
}

describe('sites the portal hands off to (fixtures)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    b = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('liên thông khai sinh: hash routing and one shared "next" button relabelled "Hoàn thành", to the Số hồ sơ and return date', async () => {
    const login = await b.context.newPage();
    await login.goto('https://lienthong.dichvucong.gov.vn/?code=fixture'); // the resident is logged in
    await login.close();
    const page = await startFromPopup(b, '2.000986', 'X.1', /lienthong\.dichvucong\.gov\.vn/);
    const errors = collectPageErrors(page);
    await expectStep(page, 'lt.pick');
    await page.getByRole('link', { name: /khai sinh/ }).click();
    await expect.poll(() => page.url()).toContain('#/ke-khai/2.000986');
    await expectStep(page, 'lt.agencies');
    const next = page.locator('#next');
    await next.click();
    await expectStep(page, 'lt.declare');
    await page.getByLabel(/Họ, chữ đệm, tên người được đăng ký/).fill('NGUYỄN AN BÌNH');
    await next.click();
    await expectStep(page, 'lt.review');
    await next.click();
    await expectStep(page, 'lt.attach');
    await next.click();
    await expectStep(page, 'lt.finish');
    expect(await next.textContent()).toBe('Hoàn thành');
    await page.getByLabel('Nhập mã kiểm tra').fill('7k3q');
    await next.click();
    await expectStep(page, 'lt.done');
    await expect.poll(() => panel(page).textContent()).toContain('Ngày hẹn trả dự kiến: 02/12/2026');
    await confirmCode(page, 'G22.99.08-261127-896048');
    expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('MOJ wizard: recognised from the hand-off URL, hints inside the tokhaidientu frame, to "Gửi hồ sơ thành công"', async () => {
    const page = await b.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?vneid=1&MaTTHCDP=1.004884&MaTTHC=1.004884&MaCoQuanThucHien=H55.242&keyword=');
    await expectStep(page, 'moj.handoff');
    await expect.poll(() => panel(page).locator('[data-notice="recognised"]').textContent()).toContain('Đăng ký lại khai sinh');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/nop-ho-so\/144865/);
    await expectStep(page, 'moj.general');
    expect(await panel(page).textContent()).toContain('Làm thủ tục cho bản thân');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expectStep(page, 'moj.owner');
    await page.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectStep(page, 'moj.declare');
    // The declaration frame gets its own hint on its first field.
    const frame = page.frameLocator('iframe[title="Tờ khai"]');
    await expect.poll(() => frame.locator('tro-ly-dvc [data-testid="hint"]').getAttribute('data-step'), { timeout: 10_000 }).toBe('moj.declare');
    await expect.poll(() => frame.locator('tro-ly-dvc [data-testid="hint"]').textContent()).toContain('Điền các ô có dấu *');
    await frame.getByLabel(/Họ, chữ đệm, tên/).fill('NGUYỄN AN BÌNH');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expectStep(page, 'moj.preview');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expectStep(page, 'moj.files');
    await page.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectStep(page, 'moj.receive');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expectStep(page, 'moj.done');
    await confirmCode(page, '000.00.31.H55-261127-0007');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Thái Nguyên: a hand-off for another procedure is flagged, then guided from its MaTTHCDP; legacy pages point to the current route', async () => {
    const page = await startFromPopup(b, 'khai sinh', 'III.2', /dichvucong\.gov\.vn\/thu-tuc-hanh-chinh/);
    const errors = collectPageErrors(page);
    await page.goto('https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000815.000.00.00.H55.02');
    const differs = panel(page).locator('[data-notice="differs"]');
    await expect.poll(() => differs.textContent(), { timeout: 10_000 }).toContain('(mã 2.000815), khác với thủ tục đã chọn “Đăng ký khai sinh”');
    await differs.getByRole('button', { name: 'Hướng dẫn theo thủ tục của trang này' }).click();
    await expectStep(page, 'tn.profile');
    // The page shown after login is recognised, with the way back to the filing page.
    await page.goto('https://dichvucong.thainguyen.gov.vn/thong-tin-cong-dan');
    await expectStep(page, 'tn.citizen', { hint: false });
    await page.goBack();
    await expectStep(page, 'tn.profile');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expectStep(page, 'tn.service');
    await page.locator('mat-select[name="case_id"]').click();
    await page.getByRole('option', { name: /Chứng thực bản sao/ }).click();
    await expectStep(page, 'tn.fields');
    await page.getByLabel('Ngày sinh').fill('01/01/1980');
    await page.getByLabel('Địa chỉ').fill('Tổ 5, phường Đồng Tiến');
    await expectStep(page, 'tn.files');
    await panel(page).getByRole('button', { name: 'Xong' }).click();
    await expectStep(page, 'tn.submit');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expectStep(page, 'tn.done', { hint: false });
    await confirmCode(page, 'H55.242-261127-0042');

    // A legacy page, with a guide running in the tab: a pointer to the current route.
    await panel(page).getByRole('button', { name: 'Đóng hướng dẫn' }).click();
    const again = await startFromPopup(b, 'khai sinh', 'III.2', /dichvucong\.gov\.vn/);
    await again.goto('https://vpcp.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603');
    await expect.poll(() => panel(again).locator('[data-notice="legacy"]').textContent(), { timeout: 10_000 }).toContain('Cổng hiện hành là dichvucong.gov.vn');
    await again.goto('https://dichvucong.thainguyen.gov.vn/portal/view-file/123');
    await expect.poll(() => panel(again).locator('[data-notice="legacy"]').textContent(), { timeout: 10_000 }).toContain('dichvucong.thainguyen.gov.vn/nop-ho-so');
    expect(await hint(again).count()).toBe(0);
    expect(errors).toEqual([]);
    await again.close();
    await page.close();
  });
});
