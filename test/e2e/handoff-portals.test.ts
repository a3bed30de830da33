import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { ISOLATED_SECRET_PROBE, expectStep, extensionWorld, hint, loginWithVneid, panel } from './guide-helpers';

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

/** Picks an option in the portal's searchable agency picker (first open picker). */
async function choose(page: Page, typed: string, option: string) {
  await page.locator('[aria-haspopup="listbox"]').first().click();
  await page.locator('.p-2 input[type="text"]').fill(typed);
  await page.locator('ul[role="listbox"] > li', { hasText: option }).click();
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

  it('liên thông khai tử – xóa thường trú – mai táng (X.2): from the home page to the portal code 1.006714, no false "differs" after a reload, to the Số hồ sơ', async () => {
    const login = await b.context.newPage();
    await login.goto('https://lienthong.dichvucong.gov.vn/?code=fixture'); // the resident is logged in
    await login.close();
    // The catalogue code (1.011537) is not the portal's (1.006714): the guide starts on the home page.
    const page = await startFromPopup(b, '1.011537', 'X.2', /lienthong\.dichvucong\.gov\.vn/);
    const errors = collectPageErrors(page);
    expect(new URL(page.url()).hash).toBe('#/?vneid=1');
    await expectStep(page, 'lt.pick');
    expect(await hint(page).textContent()).toContain('Liên thông khai tử, xóa đăng ký thường trú, trợ cấp mai táng');
    await page.getByRole('link', { name: /khai tử/ }).click();
    await expect.poll(() => page.url()).toContain('#/ke-khai/1.006714');
    await expectStep(page, 'lt.agencies');
    expect(await hint(page).textContent()).toContain('mai táng phí');
    // The page was slow: the volunteer reloads it. The portal's code is this guide's package, not another procedure.
    await page.reload();
    await expectStep(page, 'lt.agencies');
    await page.waitForTimeout(500); // let the hand-off recognition of the reloaded URL run
    expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
    const next = page.locator('#next');
    await page.getByLabel('Cơ quan giải quyết mai táng phí').selectOption('UBND Phường Đồng Tiến');
    await next.click();
    await expectStep(page, 'lt.declare');
    expect(await panel(page).textContent()).toContain('Giấy báo tử');
    await page.getByLabel(/Họ, chữ đệm, tên người chết/).fill('TRẦN VĂN CƯỜNG');
    await page.getByLabel(/Ngày chết/).fill('20/11/2026');
    await next.click();
    await expectStep(page, 'lt.review');
    await page.getByLabel('Đề nghị cấp bản sao').check();
    await next.click();
    await expectStep(page, 'lt.attach');
    expect(await hint(page).textContent()).toContain('Giấy báo tử');
    await page.getByLabel('Giấy báo tử').setInputFiles({ name: 'giay-bao-tu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    await next.click();
    await expectStep(page, 'lt.finish');
    expect(await next.textContent()).toBe('Hoàn thành');
    await page.getByLabel('Hình thức nhận kết quả').selectOption('Bưu chính');
    await page.getByLabel('Nhập mã kiểm tra').fill('7k3q');
    await next.click();
    await expectStep(page, 'lt.done');
    expect(await page.locator('#root').textContent()).not.toContain('thành công'); // the result screen never says it (portals.md §2.6)
    await expect.poll(() => panel(page).textContent()).toContain('Ngày hẹn trả dự kiến: 02/12/2026');
    await confirmCode(page, 'G22.99.08-261127-896051');
    expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('justice procedure moving to the Ministry system: the second VNeID consent and passcode are hinted, the passcode never read', async () => {
    const page = await startFromPopup(b, 'lại khai sinh', 'III.7', /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    const errors = collectPageErrors(page);
    // First login: the national portal.
    await expectStep(page, 'login.start');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
    await loginWithVneid(page);
    await page.waitForURL(/thu-tuc-hanh-chinh/);
    await expectStep(page, 'agency.province');
    await choose(page, 'thái', 'Tỉnh Thái Nguyên');
    await expectStep(page, 'agency.ward');
    await choose(page, 'đồng', 'Phường Đồng Tiến');
    await expectStep(page, 'agency.confirm');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectStep(page, 'agency.card');
    const wardCard = page.locator('aside .grid-cols-12', { hasText: 'Ủy ban nhân dân Phường Đồng Tiến' });
    await wardCard.getByRole('button', { name: 'Nộp trực tuyến' }).click();

    // The portal hands the dossier to the Ministry's system: VNeID asks the second consent, then the passcode.
    await page.waitForURL(/sso\.dancuquocgia\.gov\.vn\/.*client_id=btp-tthc/);
    await expectStep(page, 'vneid.moj-consent');
    expect(await page.locator('.ant-modal-content').textContent()).toContain('Hệ thống giải quyết TTHC Bộ Tư pháp');
    expect(await panel(page).textContent()).toContain('Bộ Tư pháp');
    expect(await hint(page).textContent()).toContain('Xác nhận chia sẻ');
    const world = await extensionWorld(page);
    expect(await world(ISOLATED_SECRET_PROBE)).toBe('ok');
    await page.locator('#agree').check();
    await page.getByRole('button', { name: 'Xác nhận chia sẻ' }).click();
    await expectStep(page, 'vneid.moj-passcode');
    expect(await hint(page).textContent()).toContain('passcode');
    await page.locator('input[name="passcode"]').pressSequentially('654321');
    await page.waitForTimeout(300); // let the engine's debounced evaluations run over the typed passcode
    expect(await world('globalThis.__secretReads')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __secretReads: string[] }).__secretReads)).toEqual([]);
    // Control: the probe does catch a read made from the extension's world.
    expect(await world("document.querySelector('input[name=passcode]').value.length, globalThis.__secretReads.length")).toBe(1);
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();

    // On the Ministry's hand-off page the same guide goes on (same procedure: nothing flagged).
    await page.waitForURL(/dichvucongnganhtuphap\.moj\.gov\.vn\/danh-sach-thu-tuc/);
    await expectStep(page, 'moj.handoff');
    await page.waitForTimeout(300);
    expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/nop-ho-so\/144865/);
    await expectStep(page, 'moj.general');
    expect(errors).toEqual([]);
    await page.close();
  });
});
