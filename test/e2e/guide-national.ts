/**
 * A volunteer's walk through the national portal, from the popup to the confirmed dossier code, on a
 * given set of fixture variants: every step's hint on its element, every step moved on by the
 * volunteer's own action (only the steps that ask for it are confirmed with "Xong").
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness/browser';
import { clearVariants, expectStep, hint, loginWithVneid, panel, useVariants } from './guide-helpers';

export const PDF = (name: string, size = 64) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size)]) });

export interface NationalVariant {
  name: string;
  dvc: Record<string, string>;
  vneid: 'top' | 'portal' | 'frame';
  ward: string;
  /** Start from the portal's home page (search and pick the procedure) instead of the procedure page. */
  fromHome?: boolean;
  /** Choose postal return (the step completes on the change and asks for the address). */
  postal?: boolean;
  /** Reload the form page once: the same step comes back. */
  reloadAtForm?: boolean;
}

export async function startFromPopup(b: ExtensionBrowser, query: string, procedureId: string, host = /dichvucong\.gov\.vn/): Promise<Page> {
  const page = await b.openExtensionPage('popup.html');
  await page.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill(query);
  await page.locator(`[data-procedure-id="${procedureId}"] button`).click();
  await page.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
  // A previous test's resident may still be "logged in": the popup offers to end that session.
  const same = page.getByRole('button', { name: 'Vẫn là người dân này' });
  await Promise.race([page.waitForURL(host), same.waitFor().then(() => same.click())]).catch(() => undefined);
  // The popup, opened as a page in the tests, guides its own tab: it navigates to the portal.
  await page.waitForURL(host);
  return page;
}

/** Picks an option in the portal's searchable agency picker: the first empty one (or the chosen input at `slot`). */
export async function choose(page: Page, typed: string, option: string) {
  await page.locator('[aria-haspopup="listbox"]').first().click();
  await page.locator('.p-2 input[type="text"]').fill(typed);
  await page.locator('ul[role="listbox"] > li', { hasText: option }).click();
}

export async function logOut(b: ExtensionBrowser) {
  const p = await b.context.newPage();
  await p.goto('https://dichvucong.gov.vn/');
  await p.evaluate(() => localStorage.removeItem('dvc_token'));
  await p.goto('https://sso.dancuquocgia.gov.vn/');
  await p.context().clearCookies({ name: 'vneid_sess' });
  await p.close();
}

export async function walkNational(b: ExtensionBrowser, procedure: 'III.2' | 'III.3', v: NationalVariant, onDoc2?: (page: Page) => Promise<void>): Promise<Page> {
  await clearVariants(b.context);
  await useVariants(b.context, 'dichvucong.gov.vn', v.dvc);
  await useVariants(b.context, 'sso.dancuquocgia.gov.vn', { vneid: v.vneid });
  await logOut(b);
  const khaiSinh = procedure === 'III.2';
  const page = await startFromPopup(b, khaiSinh ? 'khai sinh' : 'khai tử', procedure);
  if (v.fromHome) await page.goto('https://dichvucong.gov.vn/');

  await expectStep(page, 'login.start');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
  await loginWithVneid(page, { where: v.vneid });

  if (v.fromHome) {
    await expectStep(page, 'find.search');
    await page.locator('main input').first().fill(khaiSinh ? 'Đăng ký khai sinh' : 'Đăng ký khai tử');
    await page.keyboard.press('Enter');
    await expectStep(page, 'find.pick');
    await page.locator('main a', { hasText: new RegExp(`^${khaiSinh ? 'Đăng ký khai sinh' : 'Đăng ký khai tử'}(Mã|$)`) }).first().click();
  }

  // The procedure page, its agency block empty after login.
  await page.waitForURL(/thu-tuc-hanh-chinh/);
  await expectStep(page, 'agency.province');
  await choose(page, 'thái', 'Tỉnh Thái Nguyên');
  await expectStep(page, 'agency.ward');
  await choose(page, v.ward.split(' ').at(-1)!.toLowerCase(), v.ward);
  await expectStep(page, 'agency.confirm');
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await expectStep(page, 'agency.card');
  const wardCard = page.locator('.grid-cols-12 > div', { hasText: `UBND ${v.ward}` });
  // The hint sits on the ward's card, never the Sở's (cards render one by one, in either order).
  await expect.poll(() => page.locator('.grid-cols-12 > div').count()).toBe(3);
  await expect
    .poll(async () => {
      const ring = await page.locator('tro-ly-dvc [data-testid="spotlight"]').boundingBox();
      const target = await wardCard.getByRole('button').boundingBox();
      return ring && target ? Math.round(Math.abs(ring.y + 6 - target.y)) : -1;
    })
    .toBeLessThan(3);
  await wardCard.getByRole('button', { name: 'Nộp trực tuyến' }).click();

  // The one-page form: fill every "*" field, as the volunteer does; the step moves on by itself.
  await page.waitForURL(/\/nop-ho-so\?formalityId=/);
  await expectStep(page, 'form.fields');
  if (v.reloadAtForm) {
    await page.reload();
    await expectStep(page, 'form.fields');
  }
  const q = (name: string) => page.locator(`.sd-question[data-name^="${name}"]:visible`);
  await q('citizenNKS_HoVaTen').locator('input').fill('NGUYỄN AN BÌNH');
  await q('citizenNKS_NgaySinh').locator('input').fill('05/11/2026');
  await q('citizenNKS_NoiSinh').locator('input').fill('Bệnh viện A Thái Nguyên');
  for (const [name, option] of [['citizenmoiquanhe', 'Cha'], ['citizenNKS_GioiTinh', 'Nam']] as const) {
    await q(name).locator('.sd-dropdown').click();
    await page.locator('.sv-list__item', { hasText: new RegExp(`^${option}$`) }).click();
  }
  const rows = khaiSinh
    ? ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền', 'Giấy tờ tùy thân']
    : ['Tờ khai đăng ký khai tử', 'Giấy báo tử', 'Văn bản ủy quyền', 'Giấy tờ chứng minh nơi cư trú'];
  const upload = async (row: string, file = PDF(`${row.toLowerCase().replace(/\s+/g, '-')}.pdf`)) => {
    const chooser = page.waitForEvent('filechooser');
    const tr = page.locator('tr', { hasText: row });
    await tr.locator('button[title="Tải lên file"], button:text-is("Chọn tệp tin")').click();
    await (await chooser).setFiles(file);
  };
  for (const [i, row] of rows.entries()) {
    await expectStep(page, `form.doc-${i + 1}`);
    if (i === 1 && onDoc2) await onDoc2(page);
    // A file named after another row's document must not complete that row's step (doc 1 gets the doc-2 name).
    await upload(row, i === 0 ? PDF(khaiSinh ? 'giay-chung-sinh.pdf' : 'giay-bao-tu.pdf') : undefined);
  }
  await expectStep(page, 'form.receive');
  if (v.postal) {
    await page.locator('.cc-select-selector').click();
    await page.locator('.cc-select-option', { hasText: 'bưu điện' }).click();
    await expectStep(page, 'form.postal');
    await page.locator('#id-recipientName').fill('NGUYỄN VĂN AN');
    await page.locator('#id-recipientPhone').fill('0912345678');
    await page.locator('#id-recipientAddress').fill('Tổ 5, phường Đồng Tiến');
  } else {
    // The preselected choice is kept: this step asks the volunteer to confirm it.
    await panel(page).getByRole('button', { name: 'Xong' }).click();
  }
  await expectStep(page, 'form.submit');
  await page.getByRole(v.dvc.buttons === 'links' ? 'link' : 'button', { name: 'Lưu và nộp hồ sơ' }).click();

  if (v.dvc.success === 'toast') {
    // No code on the page: the guide points at the account menu and its dossier list.
    await expectStep(page, 'form.code');
    await page.locator('.user-dropdown button').first().click();
    await page.getByRole('link', { name: 'Dịch vụ công của tôi' }).click();
  }
  await expectStep(page, 'form.done');
  const code = panel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
  await expect.poll(() => code.inputValue()).toBe('H55.242-261127-0001');
  expect(await hint(page).count()).toBe(1);
  return page;
}
