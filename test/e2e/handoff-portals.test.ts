import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, type ExtensionBrowser } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { ISOLATED_SECRET_PROBE, clearVariants, consentUntickedThenTicked, expectStep, extensionWorld, hint, loginWithVneid, panel, panelSteps, useVariants } from './guide-helpers';
import { PDF, choose, logOut, startFromPopup } from './guide-national';

async function confirmCode(page: Page, expected: string) {
  const code = panel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
  await expect.poll(() => code.inputValue()).toBe(expected);
  await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
  await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe(expected);
}

/** Picks an option of an Angular Material select (click) or an ng-select (mousedown) in the liên thông fixture. */
async function pick(page: Page, name: string, option: string) {
  await page.locator(`[data-open="${name}"]`).click();
  await page.locator('[data-pick]', { hasText: option }).first().click();
}

const LT = 'lienthong.dichvucong.gov.vn';

describe('sites the portal hands off to (fixtures)', () => {
  let b: ExtensionBrowser;

  withExtensionBrowser((_, browser) => (b = browser));

  for (const variants of [
    { lt_home: 'links', lt_next: 'keep', lt_titles: 'div', lt_result: 'lines' },
    { lt_home: 'tiles', lt_next: 'recreate', lt_titles: 'heading', lt_result: 'nodes' },
  ]) {
    it(`liên thông khai sinh with căn cước (2.000987): home to Số hồ sơ, steps moved by the shared "next" (${Object.values(variants).join(', ')})`, async () => {
      await clearVariants(b.context);
      await useVariants(b.context, LT, variants);
      const login = await b.context.newPage();
      await login.goto(`https://${LT}/?code=fixture`); // the resident is logged in
      await login.close();
      const page = await startFromPopup(b, '2.000987', 'X.3', /lienthong\.dichvucong\.gov\.vn/);
      const errors = collectPageErrors(page);
      await expectStep(page, 'lt.pick');
      await (variants.lt_home === 'links' ? page.getByRole('link', { name: /căn cước/ }) : page.locator('[data-go="2.000987"]')).click();
      await expect.poll(() => page.url()).toContain('#/ke-khai/2.000987');
      await expectStep(page, 'lt.foreign');
      expect(await hint(page).textContent()).toContain('Không có yếu tố nước ngoài');
      await pick(page, 'IsNuocNgoai', 'Không có yếu tố nước ngoài');
      await expectStep(page, 'lt.idcard');
      await page.locator('[formcontrolname="IsCapTheCanCuoc"] input').check();
      await expectStep(page, 'lt.agencies');
      // "next" with a field missing: the portal refuses and the step stays.
      await page.locator('#next').click();
      await expect.poll(() => page.locator('mat-error').count()).toBe(1);
      await expectStep(page, 'lt.agencies');
      await pick(page, 'CqdkksDiaChi_tinh', 'Tỉnh Thái Nguyên');
      await pick(page, 'CqdkksDiaChi_xa', 'Phường Phổ Yên');
      await pick(page, 'DkksTruongHop', 'Đã xác định được cả cha lẫn mẹ'.normalize('NFD'));
      await page.locator('#next').click();
      await expectStep(page, 'lt.declare');
      await pick(page, 'NycQuanHe', 'Cha');
      await page.locator('#next').click();
      await expectStep(page, 'lt.review');
      await page.locator('#next').click();
      await expectStep(page, 'lt.attach');
      await page.locator('input[type="file"]').setInputFiles({ name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
      await page.locator('#next').click();
      await expectStep(page, 'lt.finish');
      expect(await page.locator('#next').textContent()).toBe('Hoàn thành');
      await pick(page, 'HinhThucNhan', 'Nhận trực tiếp');
      await page.locator('[data-name="MaKiemTra"]').fill('7k3q');
      await page.locator('#next').click();
      await expectStep(page, 'lt.done');
      await expect.poll(() => panel(page).textContent()).toContain('Ngày hẹn trả dự kiến: 02/12/2026');
      // The VNeID confirmation line on the result is explained.
      await expect.poll(() => panel(page).textContent()).toContain('nhắc người dân mở VNeID');
      await confirmCode(page, 'G22.99.08-261127-896049');
      expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('liên thông khai tử (X.2): the portal code 1.006714 is the same procedure, to the Số hồ sơ', async () => {
    await clearVariants(b.context);
    const login = await b.context.newPage();
    await login.goto(`https://${LT}/?code=fixture`);
    await login.close();
    const page = await startFromPopup(b, '1.011537', 'X.2', /lienthong\.dichvucong\.gov\.vn/);
    const errors = collectPageErrors(page);
    expect(new URL(page.url()).hash).toBe('#/?vneid=1');
    await expectStep(page, 'lt.pick');
    await page.getByRole('link', { name: /khai tử/ }).click();
    await expect.poll(() => page.url()).toContain('#/ke-khai/1.006714');
    // No foreign-element field on this form: that step is passed over.
    await expectStep(page, 'lt.agencies');
    expect(await hint(page).textContent()).toContain('mai táng phí');
    await page.reload();
    await expectStep(page, 'lt.agencies');
    await pick(page, 'CqdktDiaChi_tinh', 'Tỉnh Thái Nguyên');
    await pick(page, 'CqdktDiaChi_xa', 'Phường Phổ Yên');
    await page.locator('#next').click();
    await expectStep(page, 'lt.declare');
    expect(await panel(page).textContent()).toContain('Giấy báo tử');
    expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
    await pick(page, 'NycQuanHe', 'Người giám hộ');
    await page.locator('[data-name="NdktTen"]').fill('CƯỜNG');
    await page.locator('#next').click();
    await expectStep(page, 'lt.review');
    await page.locator('[data-name="CapBanSao"]').check();
    await page.locator('#next').click();
    await expectStep(page, 'lt.attach');
    await page.locator('input[type="file"]').setInputFiles({ name: 'giay-bao-tu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    await page.locator('#next').click();
    await expectStep(page, 'lt.finish');
    await pick(page, 'HinhThucNhan', 'Bưu chính');
    await page.locator('[data-name="MaKiemTra"]').fill('7k3q');
    await page.locator('#next').click();
    await expectStep(page, 'lt.done');
    expect(await page.locator('#root').textContent()).not.toContain('thành công'); // the result never says it (docs/portal-evidence.md §5.5)
    await confirmCode(page, 'G22.99.08-261127-896051');
    expect(errors).toEqual([]);
    await page.close();
  });

  /** The wizard from "Thông tin chung" to the code, on either host (the page is already on step 0). */
  async function walkWizard(page: Page, v: { moj_ids: string; moj_upload: string; moj_success: string }, code: string) {
    await expectStep(page, 'info.general');
    expect(await panel(page).textContent()).toContain('Làm thủ tục cho bản thân');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expectStep(page, 'moj.owner');
    await page.locator('input[name="soDienThoai"]').fill('0912345678');
    await page.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectStep(page, 'moj.declare');
    // The declaration frame gets its own hint on its first field.
    const frame = page.frameLocator('iframe[title="Tờ khai"]');
    await expect.poll(() => frame.locator('tro-ly-dvc [data-testid="hint"]').getAttribute('data-step'), { timeout: 10_000 }).toBe('moj.declare');
    await frame.locator('input[name="hoTen"]').fill('NGUYỄN AN BÌNH');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expectStep(page, 'moj.preview');
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expectStep(page, 'moj.files');
    const label = v.moj_upload === 'tep-tin' ? 'Chọn tệp tin' : 'Chọn tệp đính kèm';
    // Without the required document the portal refuses with a toast, explained in the panel.
    await page.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expect.poll(() => panel(page).textContent()).toContain('Còn thiếu giấy tờ bắt buộc');
    await page.getByRole('button', { name: label }).first().click();
    await page.locator('input[data-upload]').setInputFiles(PDF('ban-sao.pdf'));
    await page.getByRole('button', { name: 'Thêm vào ví & Chọn' }).click();
    await page.getByRole('button', { name: 'Bước tiếp theo' }).click();
    await expectStep(page, 'moj.receive');
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expectStep(page, 'moj.done');
    await confirmCode(page, code);
  }

  it('MOJ wizard on its own host: recognised from the hand-off URL, "Thông tin chung" as a dialog, buttons with ids, a block with the code', async () => {
    await clearVariants(b.context);
    const v = { moj_ids: 'ids', moj_upload: 'dinh-kem', moj_success: 'block', info: 'dialog' };
    await useVariants(b.context, 'dichvucongnganhtuphap.moj.gov.vn', v);
    const page = await b.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?vneid=1&MaTTHCDP=1.004884&MaTTHC=1.004884&MaCoQuanThucHien=H55.242&keyword=');
    await expectStep(page, 'moj.handoff');
    await expect.poll(() => panel(page).locator('[data-notice="recognised"]').textContent()).toContain('Đăng ký lại khai sinh');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/nop-ho-so\/144865/);
    await walkWizard(page, v, '000.00.31.H55-261127-0007');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('MOJ wizard in place on dichvucong.gov.vn: "Thông tin chung" as a section, labels only, "Chọn tệp tin", toast then "Hồ sơ của tôi"', async () => {
    await clearVariants(b.context);
    const v = { moj_ids: 'labels', moj_upload: 'tep-tin', moj_success: 'list', info: 'section', wizard: 'dvcqg' };
    await useVariants(b.context, 'dichvucong.gov.vn', v);
    await logOut(b);
    const page = await startFromPopup(b, 'lại khai sinh', 'III.7', /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    const errors = collectPageErrors(page);
    await page.evaluate(() => localStorage.setItem('dvc_token', 'token-x'));
    await page.reload();
    await expectStep(page, 'agency.province');
    await choose(page, 'thái', 'Tỉnh Thái Nguyên');
    await choose(page, 'đồng', 'Phường Đồng Tiến');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectStep(page, 'agency.card');
    await page.locator('.grid-cols-12 > div', { hasText: 'UBND Phường Đồng Tiến' }).getByRole('button', { name: 'Nộp trực tuyến' }).click();
    // Late, on the unchanged address.
    await walkWizard(page, v, '000.00.31.H55-261127-0007');
    expect(page.url()).toContain('/ho-so-cua-toi');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a province-level procedure (II.3): one picker, the ward step passed over, the land office card, to the code', async () => {
    await clearVariants(b.context);
    await logOut(b);
    const page = await startFromPopup(b, 'tiếp tục sử dụng đất', 'II.3', /thu-tuc-hanh-chinh/);
    const errors = collectPageErrors(page);
    await page.evaluate(() => localStorage.setItem('dvc_token', 'token-x'));
    await page.reload();
    await expectStep(page, 'agency.province');
    await choose(page, 'thái', 'Tỉnh Thái Nguyên');
    await expectStep(page, 'agency.confirm');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectStep(page, 'agency.card');
    expect(await hint(page).textContent()).toContain('Văn phòng Đăng ký đất đai');
    await expect.poll(() => page.locator('.grid-cols-12 > div').count()).toBe(2);
    await page.locator('.grid-cols-12 > div', { hasText: 'Văn phòng Đăng ký đất đai' }).getByRole('button', { name: 'Nộp trực tuyến' }).click();
    await page.waitForURL(/\/nop-ho-so\?formalityId=/);
    await expectStep(page, 'form.fields');
    const q = (name: string) => page.locator(`.sd-question[data-name^="${name}"]:visible`);
    for (const name of ['citizenNKS_HoVaTen', 'citizenNKS_NgaySinh', 'citizenNKS_NoiSinh']) await q(name).locator('input').fill('01/01/2026');
    for (const [name, option] of [['citizenmoiquanhe', 'Cha'], ['citizenNKS_GioiTinh', 'Nam']] as const) {
      await q(name).locator('.sd-dropdown').click();
      await page.locator('.sv-list__item', { hasText: new RegExp(`^${option}$`) }).click();
    }
    for (const [i, row] of ['Văn bản đề nghị xác nhận', 'Giấy chứng nhận đã cấp'].entries()) {
      await expectStep(page, `form.doc-${i + 1}`);
      const chooser = page.waitForEvent('filechooser');
      await page.locator('tr', { hasText: row }).locator('button[title="Tải lên file"]').click();
      await (await chooser).setFiles(PDF(`tep-${i}.pdf`));
    }
    await expectStep(page, 'form.receive');
    await panel(page).getByRole('button', { name: 'Xong' }).click();
    await expectStep(page, 'form.submit');
    await page.getByRole('button', { name: 'Lưu và nộp hồ sơ' }).click();
    await expectStep(page, 'form.done');
    await confirmCode(page, 'H55.242-261127-0001');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const tn of [
    { tn_material: 'mdc', tn_dialog: 'material', tn_file: 'visible', tn_submit: 'Nộp hồ sơ', tn_success: 'ma', route: '/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000815.000.00.00.H55.02' },
    { tn_material: 'legacy', tn_dialog: 'bootstrap', tn_file: 'button', tn_submit: 'Gửi hồ sơ', tn_success: 'so', route: '/nop-ho-so/2.000815.000.00.00.H55?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242' },
  ]) {
    it(`Thái Nguyên ${tn.route.split('?')[0]}: a hand-off for another procedure is flagged, then guided from its code (${tn.tn_material}, ${tn.tn_dialog} dialog, ${tn.tn_file} file, "${tn.tn_submit}")`, async () => {
      await clearVariants(b.context);
      const { route, ...variants } = tn;
      await useVariants(b.context, 'dichvucong.thainguyen.gov.vn', { ...variants, tn_dialog_ms: '1500' });
      const page = await startFromPopup(b, 'khai sinh', 'III.2', /dichvucong\.gov\.vn\/thu-tuc-hanh-chinh/);
      const errors = collectPageErrors(page);
      await page.goto(`https://dichvucong.thainguyen.gov.vn${route}`);
      await page.evaluate(() => sessionStorage.removeItem('tn_profile_ok'));
      const differs = panel(page).locator('[data-notice="differs"]');
      await expect.poll(() => differs.textContent(), { timeout: 10_000 }).toContain('(mã 2.000815), khác với thủ tục đã chọn “Đăng ký khai sinh”');
      await differs.getByRole('button', { name: 'Hướng dẫn theo thủ tục của trang này' }).click();
      // The profile dialog comes late: the guide goes to it when it shows.
      await expectStep(page, 'tn.profile');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await expectStep(page, 'tn.service');
      await page.locator('mat-select[name="case_id"]').click();
      await page.getByRole('option', { name: /Chứng thực bản sao/ }).click();
      await expectStep(page, 'tn.fields');
      await page.locator('#ngaySinh').fill('01/01/1980');
      await page.locator('#diaChi').fill('Tổ 5, phường Đồng Tiến');
      await page.locator('#ngayCap').fill('01/01/2021');
      await page.locator('#noiCap').fill('Cục Cảnh sát QLHC về TTXH');
      await expectStep(page, 'tn.files');
      if (tn.tn_file === 'button') {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Chọn tệp' }).click();
        await (await chooser).setFiles(PDF('ban-chinh.pdf'));
      } else await page.locator('#f1').setInputFiles(PDF('ban-chinh.pdf'));
      await expectStep(page, 'tn.submit');
      await page.getByRole('button', { name: tn.tn_submit }).click();
      await expectStep(page, 'tn.done');
      await confirmCode(page, 'H55.242-261127-0042');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('after login Thái Nguyên shows the citizen page; its file URLs and the legacy national pages point to the current route', async () => {
    await clearVariants(b.context);
    const page = await b.context.newPage();
    await page.goto('https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55');
    await expectStep(page, 'tn.profile', { hint: false });
    await page.goto('https://dichvucong.thainguyen.gov.vn/thong-tin-cong-dan');
    await expectStep(page, 'tn.citizen', { hint: false });
    await page.goto('https://dichvucong.thainguyen.gov.vn/portal/view-file/123');
    await expect.poll(() => panel(page).locator('[data-notice="legacy"]').textContent(), { timeout: 10_000 }).toContain('tệp tải về');
    await page.goto('https://vpcp.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603');
    await expect.poll(() => panel(page).locator('[data-notice="legacy"]').textContent(), { timeout: 10_000 }).toContain('Cổng hiện hành là dichvucong.gov.vn');
    expect(await hint(page).count()).toBe(0);
    await panel(page).getByRole('button', { name: 'Đóng hướng dẫn' }).click();
    await page.close();
  });

  for (const where of ['top', 'frame'] as const) {
    it(`justice procedure moving to the Ministry system: the second VNeID consent and passcode (${where}) are hinted, the passcode never read`, async () => {
      await clearVariants(b.context);
      await useVariants(b.context, 'sso.dancuquocgia.gov.vn', { vneid: where });
      await logOut(b);
      const page = await startFromPopup(b, 'lại khai sinh', 'III.7', /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
      const errors = collectPageErrors(page);
      await expectStep(page, 'login.start');
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
      await loginWithVneid(page, { where });
      await page.waitForURL(/thu-tuc-hanh-chinh/);
      await expectStep(page, 'agency.province');
      await choose(page, 'thái', 'Tỉnh Thái Nguyên');
      await choose(page, 'đồng', 'Phường Đồng Tiến');
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
      await expectStep(page, 'agency.card');
      await page.locator('.grid-cols-12 > div', { hasText: 'UBND Phường Đồng Tiến' }).getByRole('button', { name: 'Nộp trực tuyến' }).click();
      await page.waitForURL(/sso\.dancuquocgia\.gov\.vn\/.*client_id=btp-tthc/);
      const frame = where === 'frame' ? page.frameLocator('iframe.modal-frame') : undefined;
      const dialogs = frame ?? page;
      await expectStep(page, 'vneid.moj-consent', { frame });
      expect(await dialogs.locator('.ant-modal-content:visible').textContent()).toContain('Hệ thống giải quyết TTHC Bộ Tư pháp');
      const world = await extensionWorld(page);
      expect(await world(ISOLATED_SECRET_PROBE)).toBe('ok');
      await consentUntickedThenTicked(page, frame);
      await expectStep(page, 'vneid.moj-passcode', { frame });
      expect(await panelSteps(page)).toEqual([{ step: 'vneid.moj-passcode', passcode: true }]);
      await dialogs.locator('input[name="passcode"]').pressSequentially('654321');
      await page.waitForTimeout(300); // let the engine's debounced evaluations run over the typed passcode
      expect(await world('globalThis.__secretReads')).toEqual([]);
      if (where === 'top') {
        expect(await page.evaluate(() => (window as unknown as { __secretReads: string[] }).__secretReads)).toEqual([]);
        expect(await world("document.querySelector('input[name=passcode]').value.length, globalThis.__secretReads.length")).toBe(1);
      }
      await dialogs.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      await page.waitForURL(/dichvucongnganhtuphap\.moj\.gov\.vn\/danh-sach-thu-tuc/);
      await expectStep(page, 'moj.handoff');
      await page.waitForTimeout(300);
      expect(await panel(page).locator('[data-notice="differs"]').count()).toBe(0);
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await page.waitForURL(/\/nop-ho-so\/144865/);
      await expectStep(page, 'info.general');
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
