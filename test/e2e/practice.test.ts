/**
 * Practice mode in real Chromium: each flow from the popup to the trainer's result, on the
 * replicas built from the fixtures, with the real guides and overlay. The browser is offline
 * during the runs, and the fixture server must see no request at all: practice fetches nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { cspViolations, watchCsp } from './ux-helpers';
import {
  PDF,
  chooseAgency,
  confirmCode,
  expectPracticeStep,
  fakeLogin,
  finishToResult,
  framePanel,
  openPractice,
  outboxItems,
  replica,
  resultList,
  startScenario,
  uploadRow,
} from './practice-helpers';

describe('practice mode (Chromium, offline)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;
  let errors: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    b = await launchWithExtension({ port: server.port });
    await watchCsp(b.context);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await b.context.setOffline(true);
    server.requests.length = 0;
  });

  /** What every run must leave: nothing queued, nothing fetched, no CSP violation, no page error. */
  async function expectNothingLeft(page: Page) {
    expect(await outboxItems(b.worker)).toEqual([]);
    expect(server.requests).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }

  /** A run without mistakes from the start to the ward's card ("Nộp trực tuyến" pressed). */
  async function loginToWardCard(page: Page) {
    const f = replica(page);
    await expectPracticeStep(page, 'login.start');
    await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await fakeLogin(page);
    await expectPracticeStep(page, 'agency.province');
    await chooseAgency(page, 'thái', 'Tỉnh Thái Nguyên');
    await chooseAgency(page, 'đồng', 'Phường Đồng Tiến');
    await expectPracticeStep(page, 'agency.confirm');
    await f.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectPracticeStep(page, 'agency.card');
    await f.locator('.grid-cols-12 > div', { hasText: 'UBND Phường Đồng Tiến' }).getByRole('button', { name: 'Nộp trực tuyến' }).click();
  }

  /** The one-page form's "*" fields, as the volunteer fills them. */
  async function fillForm(page: Page, facts: { name: string; born: string; place: string; relation: string }) {
    const f = replica(page);
    const q = (name: string) => f.locator(`.sd-question[data-name^="${name}"]:visible`);
    await q('citizenNKS_HoVaTen').locator('input').fill(facts.name);
    await q('citizenNKS_NgaySinh').locator('input').fill(facts.born);
    await q('citizenNKS_NoiSinh').locator('input').fill(facts.place);
    for (const [name, option] of [['citizenmoiquanhe', facts.relation], ['citizenNKS_GioiTinh', 'Nam']] as const) {
      await q(name).locator('.sd-dropdown').click();
      await f.locator('.sv-list__item', { hasText: new RegExp(`^${option}$`) }).click();
    }
  }

  async function practicePage(scenario: string): Promise<Page> {
    const page = await openPractice(b);
    errors = collectPageErrors(page);
    await startScenario(page, scenario);
    return page;
  }

  it('khai sinh: popup to result; a skipped step, the Sở card, a draft save, a file over 2 MB and the missing consent tick are listed', async () => {
    const page = await practicePage('khai-sinh');
    const f = replica(page);
    await expectPracticeStep(page, 'login.start');
    await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await fakeLogin(page, { mistakes: true });

    await expectPracticeStep(page, 'agency.province');
    await chooseAgency(page, 'thái', 'Tỉnh Thái Nguyên');
    await expectPracticeStep(page, 'agency.ward');
    // Back to the province: that hint is shown again.
    await framePanel(page).getByRole('button', { name: 'Quay lại' }).click();
    await expectPracticeStep(page, 'agency.province');
    await chooseAgency(page, 'đồng', 'Phường Đồng Tiến');
    await expectPracticeStep(page, 'agency.confirm');
    await f.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectPracticeStep(page, 'agency.card');
    await expect.poll(() => f.locator('.grid-cols-12 > div').count()).toBe(3);
    // The trap: the Sở card (first in the list). The mistake is explained at once.
    await f.locator('.grid-cols-12 > div', { hasText: 'Sở Tư pháp' }).getByRole('button', { name: 'Nộp trực tuyến' }).click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('Chọn thẻ của Sở thay vì thẻ của UBND phường/xã');

    await expectPracticeStep(page, 'form.fields');
    await fillForm(page, { name: 'NGUYỄN AN BÌNH', born: '05/11/2026', place: 'Bệnh viện A Thái Nguyên', relation: 'Cha' });
    await expectPracticeStep(page, 'form.doc-1');
    await uploadRow(page, 'Tờ khai đăng ký khai sinh', PDF('to-khai-khai-sinh.pdf'));
    await expectPracticeStep(page, 'form.doc-2');
    await uploadRow(page, 'Giấy chứng sinh', { ...PDF('giay-chung-sinh-dien-thoai.jpg'), buffer: Buffer.alloc(2 * 1024 * 1024 + 10) });
    await expect.poll(() => framePanel(page).getByText('Tệp quá lớn').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('Tải lên tệp lớn hơn 2 MB');
    await uploadRow(page, 'Giấy chứng sinh', PDF('giay-chung-sinh.pdf'));
    await expectPracticeStep(page, 'form.doc-3');
    // Deliberately skipped.
    await framePanel(page).getByRole('button', { name: 'Bỏ qua' }).click();
    await expectPracticeStep(page, 'form.doc-4');
    await uploadRow(page, 'Giấy tờ tùy thân', PDF('cccd.pdf'));
    await expectPracticeStep(page, 'form.receive');
    await framePanel(page).getByRole('button', { name: 'Xong' }).click();
    await expectPracticeStep(page, 'form.submit');
    await f.getByRole('button', { name: 'Lưu hồ sơ', exact: true }).click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('Lưu hồ sơ” (chỉ lưu nháp)');
    await expectPracticeStep(page, 'form.submit');
    await f.getByRole('button', { name: 'Lưu và nộp hồ sơ' }).click();
    await expectPracticeStep(page, 'form.done');
    await confirmCode(page, 'H55.242-261127-0001');
    // No appointment slip for a practice code.
    const pages = b.context.pages().length;
    await framePanel(page).getByRole('button', { name: /phiếu hẹn/i }).click();
    await expect.poll(() => framePanel(page).getByRole('alert').textContent()).toContain('Bản tập luyện không in phiếu hẹn');
    expect(b.context.pages().length).toBe(pages);

    await finishToResult(page);
    expect(await resultList(page, 'skipped')).toEqual(['Tải lên: Văn bản ủy quyền']);
    const mistakes = (await resultList(page, 'mistakes')).join('\n');
    for (const m of ['Bấm “Xác nhận chia sẻ” khi chưa tích ô đồng ý', 'Chọn thẻ của Sở thay vì thẻ của UBND phường/xã', 'Tải lên tệp lớn hơn 2 MB', 'Bấm “Lưu hồ sơ” (chỉ lưu nháp)']) expect(mistakes).toContain(m);
    expect(mistakes).toContain('ở bước: Chọn thẻ của phường/xã');
    expect(mistakes).toContain('ở bước: Đồng ý chia sẻ dữ liệu');
    expect(await resultList(page, 'reshown')).toContain('Chọn Tỉnh/Thành phố');
    expect(await page.getByTestId('result-filed').textContent()).toContain('H55.242-261127-0001');
    expect(await page.getByTestId('result-time').textContent()).toMatch(/Thời gian: \d+ (phút|giây)/);
    await expectNothingLeft(page);
    await page.close();
  });

  it('khai tử: the portal only shows a toast; the code is found in "Dịch vụ công của tôi"; a clean run lists no mistake', async () => {
    const page = await practicePage('khai-tu');
    const f = replica(page);
    await loginToWardCard(page);
    await expectPracticeStep(page, 'form.fields');
    await fillForm(page, { name: 'NGUYỄN VĂN CƯỜNG', born: '20/11/2026', place: 'Tổ dân phố 3', relation: 'Người thân thích khác' });
    for (const [i, row] of ['Tờ khai đăng ký khai tử', 'Giấy báo tử', 'Văn bản ủy quyền', 'Giấy tờ chứng minh nơi cư trú'].entries()) {
      await expectPracticeStep(page, `form.doc-${i + 1}`);
      await uploadRow(page, row, PDF(`tep-${i + 1}.pdf`));
    }
    await expectPracticeStep(page, 'form.receive');
    await framePanel(page).getByRole('button', { name: 'Xong' }).click();
    await expectPracticeStep(page, 'form.submit');
    await f.getByRole('button', { name: 'Lưu và nộp hồ sơ' }).click();
    await expectPracticeStep(page, 'form.code');
    await f.locator('.user-dropdown button').first().click();
    await f.getByRole('link', { name: 'Dịch vụ công của tôi' }).click();
    await expectPracticeStep(page, 'form.done');
    await confirmCode(page, 'H55.242-261127-0001');
    await finishToResult(page);
    expect(await page.getByTestId('mistakes').textContent()).toContain('Không mắc lỗi nào');
    expect(await page.getByTestId('skipped').textContent()).toContain('Không bỏ qua bước nào');
    await expectNothingLeft(page);
    await page.close();
  });

  /** Picks an option of the liên thông replica's Angular Material select or ng-select. */
  async function pick(page: Page, name: string, option: string) {
    await replica(page).locator(`[data-open="${name}"]`).click();
    await replica(page).locator('[data-pick]', { hasText: option }).first().click();
  }

  it('liên thông khai sinh: a wrong package (gone back from), a missing field and a wrong check code are caught; to the Số hồ sơ', async () => {
    const page = await practicePage('lien-thong-khai-sinh');
    const f = replica(page);
    await expectPracticeStep(page, 'lt.login');
    await f.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await fakeLogin(page);
    await expectPracticeStep(page, 'lt.pick');
    // The older package first: caught; the browser's back button leads home again (a hash route).
    await f.locator('a[href="#/ke-khai/2.000986"]').click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('gói liên thông cũ');
    await expect.poll(() => page.getByTestId('practice-address').textContent()).toContain('#/ke-khai/2.000986');
    await expectPracticeStep(page, 'lt.foreign');
    await page.evaluate(() => history.back());
    await expectPracticeStep(page, 'lt.pick');
    await f.getByRole('link', { name: /căn cước/ }).click();
    await expectPracticeStep(page, 'lt.foreign');
    await pick(page, 'IsNuocNgoai', 'Không có yếu tố nước ngoài');
    await expectPracticeStep(page, 'lt.idcard');
    await f.locator('[formcontrolname="IsCapTheCanCuoc"] input').check();
    await expectPracticeStep(page, 'lt.agencies');
    await f.locator('#next').click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('còn ô bắt buộc');
    await pick(page, 'CqdkksDiaChi_tinh', 'Tỉnh Thái Nguyên');
    await pick(page, 'CqdkksDiaChi_xa', 'Phường Phổ Yên');
    await pick(page, 'DkksTruongHop', 'Đã xác định được cả cha lẫn mẹ'.normalize('NFD'));
    await f.locator('#next').click();
    await expectPracticeStep(page, 'lt.declare');
    await pick(page, 'NycQuanHe', 'Mẹ');
    await f.locator('#next').click();
    await expectPracticeStep(page, 'lt.review');
    await f.locator('#next').click();
    await expectPracticeStep(page, 'lt.attach');
    await f.locator('input[type="file"]').setInputFiles({ name: 'giay-chung-sinh-be-gai.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    await f.locator('#next').click();
    await expectPracticeStep(page, 'lt.finish');
    await pick(page, 'HinhThucNhan', 'Nhận trực tiếp');
    await f.locator('[data-name="MaKiemTra"]').fill('XXXX');
    await f.locator('#next').click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('Gõ sai mã kiểm tra');
    await f.locator('[data-name="MaKiemTra"]').fill('7k3q');
    await f.locator('#next').click();
    await expectPracticeStep(page, 'lt.done');
    await confirmCode(page, 'G22.99.08-261127-896049');
    await finishToResult(page);
    const mistakes = (await resultList(page, 'mistakes')).join('\n');
    for (const m of ['gói liên thông cũ', 'còn ô bắt buộc', 'Gõ sai mã kiểm tra']) expect(mistakes).toContain(m);
    expect(await resultList(page, 'reshown')).toContain('Chọn gói liên thông');
    await expectNothingLeft(page);
    await page.close();
  });

  it('đăng ký lại khai sinh: the Ministry\'s second consent, the declaration frame, a wrong "Đối tượng" and a missing document; to the code', async () => {
    const page = await practicePage('dang-ky-lai-khai-sinh');
    const f = replica(page);
    await loginToWardCard(page);
    // Already signed in to VNeID: only the consent and the passcode again, for the Ministry.
    await fakeLogin(page, { first: false });
    await expectPracticeStep(page, 'moj.handoff');
    await f.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expectPracticeStep(page, 'info.general');
    await f.locator('[data-subject]').dispatchEvent('pointerdown');
    await f.getByRole('option', { name: 'Người khác ủy quyền' }).click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('Làm thủ tục cho bản thân');
    await f.locator('[data-subject]').dispatchEvent('pointerdown');
    await f.getByRole('option', { name: 'Làm thủ tục cho bản thân' }).click();
    await f.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expectPracticeStep(page, 'moj.owner');
    await f.locator('input[name="soDienThoai"]').fill('0912345678');
    await f.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectPracticeStep(page, 'moj.declare');
    // The declaration frame is a practice frame too, with the guide's hint in it.
    const declaration = f.frameLocator('iframe[title="Tờ khai"]');
    await expect.poll(() => declaration.locator('tro-ly-dvc [data-testid="hint"]').getAttribute('data-step').catch(() => null), { timeout: 15_000 }).toBe('moj.declare');
    expect(await f.locator('iframe[title="Tờ khai"]').getAttribute('src')).toMatch(/^chrome-extension:\/\/[a-p]{32}\/practice-frame\.html\?.*role=sub/);
    await declaration.locator('input[name="hoTen"]').fill('HOÀNG THỊ THU');
    await f.getByRole('button', { name: 'Xem trước' }).click();
    await expectPracticeStep(page, 'moj.preview');
    await f.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expectPracticeStep(page, 'moj.files');
    await f.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expect.poll(() => page.getByTestId('practice-feedback').textContent()).toContain('chưa tải lên giấy tờ bắt buộc');
    await f.getByRole('button', { name: 'Chọn tệp đính kèm' }).first().click();
    await f.locator('input[data-upload]').setInputFiles(PDF('ban-sao-giay-to.pdf'));
    await f.getByRole('button', { name: 'Thêm vào ví & Chọn' }).click();
    await f.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectPracticeStep(page, 'moj.receive');
    await f.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expectPracticeStep(page, 'moj.done');
    await confirmCode(page, '000.00.31.H55-261127-0007');
    await finishToResult(page);
    const mistakes = (await resultList(page, 'mistakes')).join('\n');
    expect(mistakes).toContain('Chọn đối tượng thực hiện khác');
    expect(mistakes).toContain('Nộp khi chưa tải lên giấy tờ bắt buộc');
    await expectNothingLeft(page);
    await page.close();
  });
});
