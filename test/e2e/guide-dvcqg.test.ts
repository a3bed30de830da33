import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './harness/https-server';
import { catalogue } from '../../shared/catalogue';
import { guideFor } from '../../extension/guides/build';
import { expectControlsClear, expectStep, foreignMutations, hint, loginWithVneid, onlyOverlayHost, panel } from './guide-helpers';

const PDF = { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%fixture\n') };

async function startFromPopup(b: ExtensionBrowser, query: string, procedureId: string): Promise<Page> {
  const page = await b.openExtensionPage('popup.html');
  await page.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill(query);
  await page.locator(`[data-procedure-id="${procedureId}"] button`).click();
  await page.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
  // A previous test's resident may still be "logged in": the popup offers to end that session.
  const same = page.getByRole('button', { name: 'Vẫn là người dân này' });
  await Promise.race([page.waitForURL(/dichvucong\.gov\.vn/), same.waitFor().then(() => same.click())]).catch(() => undefined);
  // The popup, opened as a page in the tests, guides its own tab: it navigates to the portal.
  await page.waitForURL(/dichvucong\.gov\.vn/);
  return page;
}

async function storedSessions(b: ExtensionBrowser): Promise<unknown> {
  // Runs in the extension's service worker, where `chrome` exists.
  return b.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('guide.sessions'))['guide.sessions'];
  });
}

async function setSessionStep(b: ExtensionBrowser, page: Page, stepId: string): Promise<void> {
  const guide = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
  const index = guide.steps.findIndex((s) => s.id === stepId);
  const now = new Date().toISOString();
  await b.worker.evaluate(
    async ({ url, index, guide, now }) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> }; storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      const [tab] = await api.tabs.query({ url });
      await api.storage.local.set({ 'guide.sessions': { [String(tab!.id)]: { guide, index, done: [], startedAt: now, updatedAt: now } } });
    },
    { url: page.url(), index, guide, now },
  );
}

async function choose(page: Page, pickerIndex: number, typed: string, option: string) {
  await page.locator('[aria-haspopup="listbox"]').first().click();
  await page.locator('.p-2 input[type="text"]').fill(typed);
  await page.locator('ul[role="listbox"] > li', { hasText: option }).click();
  void pickerIndex;
}

describe('guide on the national portal (fixtures)', () => {
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

  it('walks "Đăng ký khai sinh" from the popup to the confirmed dossier code, resuming after a reload', async () => {
    const page = await startFromPopup(b, 'khai sinh', 'III.2');
    const errors = collectPageErrors(page);
    expect(page.url()).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');

    // Log in first: the hint points at "Đăng nhập"; the VNeID screens follow.
    await expectStep(page, 'login.start');
    expect(await page.locator('tro-ly-dvc .panel').getAttribute('role')).toBe('dialog');
    expect(await page.locator('tro-ly-dvc .root').getAttribute('lang')).toBe('vi');
    // Neither the bubble nor the panel covers any of the page's controls (the agency comboboxes).
    await expectControlsClear(page);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
    await loginWithVneid(page, {
      // The bubble on "Đăng nhập" leaves "Số định danh" and "Mật khẩu" free.
      atStep: async (step) => void (step === 'vneid.method' && (await expectControlsClear(page))),
    });

    // Back on the procedure page (the portal returns there after login): choose the agency.
    await page.waitForURL(/thu-tuc-hanh-chinh/);
    await expectStep(page, 'agency.province');
    await expectControlsClear(page);
    await choose(page, 0, 'thái', 'Tỉnh Thái Nguyên');
    await expectStep(page, 'agency.ward');
    await choose(page, 1, 'đồng', 'Phường Đồng Tiến');
    await expectStep(page, 'agency.confirm');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await expectStep(page, 'agency.card');
    // The hint sits on the ward's card, not the Sở's (cards render one by one).
    await expect.poll(() => page.locator('aside .grid-cols-12').count()).toBe(3);
    const wardCard = page.locator('aside .grid-cols-12', { hasText: 'Ủy ban nhân dân Phường Đồng Tiến' });
    await expect
      .poll(async () => {
        const ring = await page.locator('tro-ly-dvc [data-testid="spotlight"]').boundingBox();
        const target = await wardCard.getByRole('button').boundingBox();
        return ring && target ? Math.round(Math.abs(ring.y + 6 - target.y)) : -1;
      })
      .toBeLessThan(3);
    await wardCard.getByRole('button', { name: 'Nộp trực tuyến' }).click();

    // The one-page form (SPA navigation via pushState). Reload in the middle: the same step comes back.
    await page.waitForURL(/\/nop-ho-so\?formalityId=/);
    await expectStep(page, 'form.fields');
    await page.reload();
    await expectStep(page, 'form.fields');
    await page.getByLabel('Họ, chữ đệm và tên người được khai sinh').first().fill('NGUYỄN AN BÌNH');
    await page.getByLabel('Ngày, tháng, năm sinh').first().fill('05/11/2026');
    await page.getByRole('combobox', { name: 'Giới tính' }).first().click();
    await page.getByRole('option', { name: 'Nam', exact: true }).click();
    await page.getByLabel('Nơi sinh').first().fill('Bệnh viện A Thái Nguyên');

    await expectStep(page, 'form.doc-1');
    const upload = async (row: string, file = PDF) => {
      const chooser = page.waitForEvent('filechooser');
      await page.locator('tr', { hasText: row }).getByTitle('Tải lên file').click();
      await (await chooser).setFiles(file);
    };
    // A file named after another row's document must not complete that row's step.
    await upload('Tờ khai đăng ký khai sinh');
    await expectStep(page, 'form.doc-2');
    // Too large: the portal's toast is explained in the panel, and the step stays.
    await upload('Giấy chứng sinh', { ...PDF, buffer: Buffer.alloc(2 * 1024 * 1024 + 10) });
    await expect.poll(() => panel(page).getByText('Tệp quá lớn').isVisible()).toBe(true);
    await expectStep(page, 'form.doc-2');
    await upload('Giấy chứng sinh');
    await expectStep(page, 'form.doc-3');
    await panel(page).getByRole('button', { name: 'Bỏ qua bước này' }).click();
    await expectStep(page, 'form.doc-4');
    await panel(page).getByRole('button', { name: 'Bỏ qua bước này' }).click();
    await expectStep(page, 'form.receive');
    await panel(page).getByRole('button', { name: 'Xong' }).click();
    await expectStep(page, 'form.submit');
    await page.getByRole('button', { name: 'Lưu và nộp hồ sơ' }).click();

    // The code is proposed, not stored, until the volunteer confirms it.
    await expectStep(page, 'form.done');
    const code = panel(page).getByLabel('Mã hồ sơ (kiểm tra với màn hình)');
    await expect.poll(() => code.inputValue()).toBe('H55.242-261127-0001');
    const before = await storedSessions(b);
    expect(JSON.stringify(before)).not.toContain('H55.242-261127-0001');
    await panel(page).getByRole('button', { name: 'Xác nhận mã hồ sơ' }).click();
    await expect.poll(() => panel(page).getByTestId('captured-code').textContent()).toBe('H55.242-261127-0001');
    await expect.poll(() => panel(page).locator('[data-mount="record-filing"] iframe').count()).toBe(1);
    // The sync engineer's RecordFilingForm renders in that frame, with the captured code.
    const filing = page.frameLocator('tro-ly-dvc iframe[title="Ghi hồ sơ vào sổ"]');
    await expect.poll(() => filing.locator('body').textContent(), { timeout: 10_000 }).toContain('H55.242-261127-0001');

    expect(onlyOverlayHost(await foreignMutations(page))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the fallback text and records a diagnostics entry when the portal renamed a button', async () => {
    // The portal "changed": the agency card's submit button is now a plain "Tiếp tục" button.
    const original = await readFile(path.join(FIXTURES_DIR, 'dichvucong.gov.vn/static/app.js'), 'utf8');
    const changed = original.replace("h('button', { type: 'submit', class: 'bg-primary text-white px-4 py-2 mt-3 rounded' }, 'Nộp hồ sơ')", "h('button', { type: 'button', class: 'bg-primary text-white px-4 py-2 mt-3 rounded', onClick: (e) => e.target.form.requestSubmit() }, 'Tiếp tục')");
    expect(changed).not.toBe(original);
    server.route('GET', 'dichvucong.gov.vn', '/static/app.js', (_req, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(changed));
    try {
      const page = await startFromPopup(b, '1.001193', 'III.2');
      const errors = collectPageErrors(page);
      await page.evaluate(() => localStorage.setItem('dvc_token', 'token-x'));
      await page.reload();
      await expectStep(page, 'agency.province');
      await choose(page, 0, 'thái', 'Tỉnh Thái Nguyên');
      await choose(page, 1, 'phổ', 'Phường Phổ Yên');
      await expectStep(page, 'agency.confirm', { hint: false });
      await expect.poll(() => panel(page).getByTestId('fallback').textContent(), { timeout: 8000 }).toBe(
        'Không tìm thấy nút “Nộp hồ sơ” — cổng có thể đã đổi giao diện; hãy tìm nút có chữ “Nộp hồ sơ”.',
      );
      expect(await hint(page).count()).toBe(0);
      // The volunteer finds the renamed button; the guide carries on when the cards appear.
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await expectStep(page, 'agency.card');

      const diagnostics = await b.openExtensionPage('diagnostics.html');
      const row = diagnostics.locator('tr[data-step="agency.confirm"]');
      await expect.poll(() => row.count()).toBe(1);
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(1)).toEqual(['dvcqg.detail', 'dvcqg:III.2', 'agency.confirm', '/thu-tuc-hanh-chinh/:uuid']);
      await diagnostics.close();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      server.route('GET', 'dichvucong.gov.vn', '/static/app.js', (_req, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(original));
    }
  });

  it('works with the keyboard only: Tab into the panel, arrows between steps, Esc collapses and gives focus back', async () => {
    const portal = await b.context.newPage();
    await portal.goto('https://dichvucong.gov.vn/');
    await portal.evaluate(() => localStorage.removeItem('dvc_token'));
    await portal.close();
    const page = await startFromPopup(b, 'khai sinh', 'III.2');
    await expectStep(page, 'login.start');
    const active = () => page.evaluate(() => {
      const el = document.activeElement;
      const inner = el?.shadowRoot?.activeElement;
      return { tag: el?.tagName.toLowerCase() ?? '', text: (inner ?? el)?.textContent?.trim() ?? '' };
    });
    // Tab from the page into the panel (the overlay host is last in the document).
    let focus = await active();
    for (let i = 0; i < 40 && focus.tag !== 'tro-ly-dvc'; i++) {
      await page.keyboard.press('Tab');
      focus = await active();
    }
    expect(focus.tag).toBe('tro-ly-dvc');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => panel(page).getAttribute('data-step')).toBe('vneid.method');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => panel(page).getAttribute('data-step')).toBe('login.start');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).getAttribute('class')).toContain('collapsed');
    focus = await active();
    expect(focus.tag).not.toBe('tro-ly-dvc');
    expect(focus.tag).not.toBe('body');
    // Back on the page: reach "Đăng nhập" with Tab and press Enter; the guide follows.
    for (let i = 0; i < 40 && focus.text !== 'Đăng nhập'; i++) {
      await page.keyboard.press('Tab');
      focus = await active();
    }
    expect(focus.text).toBe('Đăng nhập');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
    await expect.poll(() => panel(page).getAttribute('data-step')).toBe('vneid.method');
    await page.close();
  });

  it('keeps the hint on an anchor inside a scroll container, under a fixed header and a high z-index modal, without covering it', async () => {
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body style="margin:0">
      <header style="position:fixed;top:0;left:0;right:0;height:64px;background:#c00;z-index:99999">Cổng Dịch vụ công Quốc gia</header>
      <div style="position:fixed;inset:80px 0 0 0;z-index:2147483000;background:rgba(0,0,0,.3)">
        <div id="scroller" style="margin:0 auto;width:520px;height:300px;overflow:auto;background:#fff">
          <div style="height:700px">Nội dung dài</div>
          <section><h3>Chọn cơ quan thực hiện</h3><button type="button" aria-haspopup="listbox" style="width:300px">-- Chọn Tỉnh/Thành phố --</button>
          <button type="button" aria-haspopup="listbox" style="width:300px">-- Chọn Phường/Xã --</button></section>
          <div style="height:700px"></div>
        </div>
      </div></body></html>`;
    const uuid = '019d2bfd-3fe0-70ac-b9d6-000000000042';
    server.route('GET', 'dichvucong.gov.vn', `/thu-tuc-hanh-chinh/${uuid}`, (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    const page = await b.context.newPage();
    await page.goto(`https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${uuid}`);
    await setSessionStep(b, page, 'agency.province');
    await expectStep(page, 'agency.province');
    const anchor = page.getByRole('button', { name: '-- Chọn Tỉnh/Thành phố --' });
    const overlaps = (a: { x: number; y: number; width: number; height: number }, z: { x: number; y: number; width: number; height: number }) =>
      a.x < z.x + z.width && z.x < a.x + a.width && a.y < z.y + z.height && z.y < a.y + a.height;
    // Scrolled into view inside its container, below the fixed header.
    const box = (await anchor.boundingBox())!;
    expect(box.y).toBeGreaterThan(64);
    expect(box.y + box.height).toBeLessThan(860);
    const bubble = (await hint(page).boundingBox())!;
    const panelBox = (await panel(page).boundingBox())!;
    expect(overlaps(bubble, box)).toBe(false);
    expect(overlaps(panelBox, box)).toBe(false);
    // Above the modal (z-index 2147483000 over the whole page below the header): the panel gets the pointer.
    const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), { x: panelBox.x + panelBox.width / 2, y: panelBox.y + panelBox.height / 2 });
    expect(top).toBe('tro-ly-dvc');
    // The ring follows when the container scrolls.
    await page.locator('#scroller').evaluate((el) => el.scrollBy(0, 60));
    await expect
      .poll(async () => {
        const ring = (await page.locator('tro-ly-dvc [data-testid="spotlight"]').boundingBox())!;
        const now = (await anchor.boundingBox())!;
        return Math.round(Math.abs(ring.y + 6 - now.y));
      })
      .toBeLessThan(2);
    // Nothing in the page's DOM changed except the host element.
    expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(9); // as served
    await page.close();
  });
});
