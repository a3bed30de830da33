import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { EXEC_URL, localDoPost, mountAppsScriptEndpoint, type DoPost } from '../fixtures/script.google.com/endpoint';
import { findById } from '../../shared/catalogue';
import { sampleConsent, sampleFiling } from '../fakes/sample-records';
import { decodeQr, sideways, smallestText, storageValue } from './ux-helpers';
import type { SyncSettings } from '../../extension/outbox/types';

const GROUPS = ['Tổ dân phố 1', 'Tổ dân phố 5', 'Tổ dân phố 12'];

/** The endpoint fixture's doPost, whose hello also names the ward's tổ dân phố (as newer add-ons do). */
function withGroups(local: ReturnType<typeof localDoPost>): DoPost {
  return (body) => {
    const answer = JSON.parse(local.doPost(body)) as { linked?: Record<string, unknown> };
    if (answer.linked) answer.linked.groups = GROUPS;
    return JSON.stringify(answer);
  };
}

const send = (page: Page, message: object) => page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message);
const settingsOf = (b: ExtensionBrowser) => storageValue<SyncSettings>(b.worker, 'syncSettings');

/** Page size of a PDF's first page, in points (A4: 595 × 842; A5: 420 × 595). */
function pdfPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return { width: Math.round(Number(box?.[1])), height: Math.round(Number(box?.[2])) };
}

describe('pages for the volunteer and the resident (real Chromium, built extension)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;
  let local: ReturnType<typeof localDoPost>;

  beforeAll(async () => {
    server = await startFixtureServer();
    local = localDoPost();
    mountAppsScriptEndpoint(server, withGroups(local));
    b = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('«Tổ dân phố»: a text box with the sheet\'s spelling until linked, then only the ward\'s names', async () => {
    const rec = await b.openExtensionPage('record.html');
    const field = rec.getByLabel('Tổ dân phố');
    expect(await field.evaluate((el) => el.tagName)).toBe('INPUT');
    expect(await rec.locator('.tldvc-rec-hint', { hasText: 'Ví dụ' }).first().textContent()).toBe('Ví dụ: Tổ dân phố 5');
    await field.fill('Tổ 7');
    // Linked meanwhile (from another tab): the hello answer brings the ward's list.
    expect(await send(rec, { type: 'sync/link', endpoint: EXEC_URL, accessCode: local.goodCode })).toMatchObject({ ok: true, linked: { groups: GROUPS } });
    await expect.poll(() => rec.getByLabel('Tổ dân phố').evaluate((el) => el.tagName)).toBe('SELECT');
    const options = await rec.getByLabel('Tổ dân phố').locator('option').allTextContents();
    expect(options).toEqual(['— Chọn tổ dân phố —', ...GROUPS]);
    await rec.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await rec.getByLabel('Năm sinh').fill('1975');
    await rec.getByLabel('C-Thái Nguyên').check();
    await rec.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    // "Tổ 7", typed before the list came, is not one of the ward's names: refused, nothing queued.
    await rec.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => rec.getByRole('alert').textContent()).toContain('Hãy chọn một tổ dân phố trong danh sách của phường.');
    expect(local.rows).toHaveLength(0);
    await rec.getByLabel('Tổ dân phố').selectOption('Tổ dân phố 5');
    await rec.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => local.rows.length).toBe(1);
    expect(local.rows[0]).toMatchObject({ kind: 'account', account: { toDanPho: 'Tổ dân phố 5', fullName: 'Trần Thị Bình' } });
    await rec.close();
  });

  it('options page: only the latest check speaks, a refused code is not kept, a block is never green', async () => {
    const options = await b.openExtensionPage('options.html');
    const status = options.getByTestId('link-status');
    const result = options.getByTestId('link-result');
    await expect.poll(() => status.getAttribute('data-tone')).toBe('good');
    const green = await status.evaluate((el) => getComputedStyle(el).backgroundColor);

    // A wrong new code: refused, not saved, the working one kept.
    await options.getByLabel('Mã truy cập của bạn').fill('ma-sai-9999-zzzz');
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => result.textContent()).toContain('Mã truy cập không đúng');
    expect(await result.textContent()).toContain('mã đã lưu trước đó vẫn giữ nguyên');
    expect(await result.getAttribute('data-tone')).toBe('bad');
    expect((await settingsOf(b))?.accessCode).toBe(local.goodCode);

    // The code is revoked in the registry; the next send is refused and sending stops.
    local.codes.set(local.goodCode, 'revoked');
    const record = sampleFiling({ toDanPho: 'Tổ dân phố 5', procedureId: 'III.2', procedureCode: '1.001193', dossierCode: 'G22.99-000900', consent: sampleConsent(new Date().toISOString()) });
    expect(await send(options, { type: 'outbox/enqueue', record })).toMatchObject({ ok: true });
    await expect.poll(() => status.getAttribute('data-tone')).toBe('bad');
    expect(await status.textContent()).toContain('Không gửi được: Mã truy cập đã bị thu hồi');
    // Still "linked" in storage, yet the box is red, not green.
    expect((await settingsOf(b))?.linked).not.toBeNull();
    const red = await status.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(red).not.toBe(green);
    expect(red).toBe('rgb(253, 236, 234)');

    // Checking the stored (revoked) code: it is removed, and the message is said once.
    await options.getByLabel('Mã truy cập của bạn').fill('');
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => result.textContent()).toContain('Mã này đã được xoá khỏi máy');
    expect((await settingsOf(b))?.accessCode).toBe('');
    expect(await status.textContent()).not.toContain('đã bị thu hồi');
    expect(await status.getAttribute('data-tone')).toBe('bad');

    // A new, good code: the old messages go.
    local.codes.set('ma-moi-0002-efgh', 'ok');
    await options.getByLabel('Mã truy cập của bạn').fill('ma-moi-0002-efgh');
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => result.getAttribute('data-tone')).toBe('good');
    await expect.poll(() => status.getAttribute('data-tone')).toBe('good');
    expect(await status.textContent()).not.toContain('Không gửi được');
    await expect.poll(() => local.rows.some((r) => r.kind === 'filing' && r.filing.dossierCode === 'G22.99-000900')).toBe(true);

    // The privacy policy is one click away.
    const [privacy] = await Promise.all([b.context.waitForEvent('page'), options.getByRole('link', { name: 'Chính sách quyền riêng tư' }).click({ modifiers: ['Control'] })]);
    await privacy.waitForLoadState();
    expect(await privacy.getByRole('heading', { level: 1 }).textContent()).toBe('Chính sách quyền riêng tư của Trợ lý DVC');
    await privacy.close();
    await options.close();
  });

  it('"In / gửi danh sách giấy tờ": ticked and missing documents, the ward counter, a QR that reads back to the procedure page, A4 and A5', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await popup.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill('khai sinh');
    await popup.locator('[data-procedure-id="III.2"] button').click();
    await popup.locator('fieldset label.check').first().click();
    const [sheet] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'In / gửi danh sách giấy tờ' }).click()]);
    await sheet.waitForLoadState();
    const p = findById('III.2')!;
    expect(new URL(sheet.url()).search).toBe('?id=III.2&ticked=0');
    await expect.poll(() => sheet.getByTestId('have').locator('li').allTextContents()).toEqual([p.documents[0]]);
    expect(await sheet.getByTestId('missing').locator('li').allTextContents()).toEqual(p.documents.slice(1));
    const slip = (await sheet.getByTestId('slip').textContent())!;
    expect(slip).toContain(p.feeNote!);
    expect(slip).toContain(p.processingTime!);
    expect(slip).toContain('Bộ phận tiếp nhận và trả kết quả (một cửa), UBND phường Đồng Tiến');
    expect(await decodeQr(sheet.getByRole('img', { name: 'Mã QR mở trang thủ tục trên Cổng Dịch vụ công' }))).toBe(p.directUrl);

    // Zalo: the same content as plain text, copied on request.
    const text = await sheet.getByLabel('Nội dung gửi Zalo').inputValue();
    expect(text).toContain(`[x] ${p.documents[0]}`);
    for (const d of p.documents.slice(1)) expect(text).toContain(`[ ] ${d}`);
    // (What reaches the clipboard is recorded on its way: reading it back needs a permission prompt.)
    await sheet.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (t: string) => ((window as unknown as { __copied: string }).__copied = t, write(t));
    });
    await sheet.getByRole('button', { name: 'Chép nội dung để gửi Zalo' }).click();
    await expect.poll(() => sheet.getByRole('status').textContent()).toContain('Đã chép danh sách giấy tờ');
    expect(await sheet.evaluate(() => (window as unknown as { __copied: string }).__copied)).toBe(text);

    // Printed: the slip only, on the paper chosen.
    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.getByRole('button', { name: /^In \(/ }).isVisible()).toBe(false);
    expect(await sheet.getByTestId('slip').isVisible()).toBe(true);
    await sheet.emulateMedia({ media: 'screen' });
    expect(pdfPageSize(await sheet.pdf({ preferCSSPageSize: true }))).toEqual({ width: 420, height: 595 });
    await sheet.getByLabel('A4').check();
    await expect.poll(() => sheet.getByRole('button', { name: /^In \(/ }).textContent()).toBe('In (A4)');
    await expect.poll(() => sheet.evaluate(() => document.documentElement.dataset.paper)).toBe('A4');
    expect(pdfPageSize(await sheet.pdf({ preferCSSPageSize: true }))).toEqual({ width: 595, height: 842 });
    // On a phone and at 200 % zoom (640 px of a 1280 px window): no sideways scrolling, text ≥ 16 px.
    for (const width of [360, 640]) {
      await sheet.setViewportSize({ width, height: 800 });
      expect(await sideways(sheet), `${width}px`).toBeLessThanOrEqual(0);
    }
    expect(await smallestText(sheet)).toBeGreaterThanOrEqual(16);
    await sheet.close();
    await popup.close();
  });
});

describe('dates in an English-language Chrome (real Chromium, built extension)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;
  let local: ReturnType<typeof localDoPost>;

  beforeAll(async () => {
    server = await startFixtureServer();
    local = localDoPost();
    mountAppsScriptEndpoint(server, local.doPost);
    b = await launchWithExtension({ port: server.port, locale: 'en-US' });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('every date is typed day first (dd/mm/yyyy) and read that way, never as mm/dd', async () => {
    const slipPage = await b.openExtensionPage('appointment.html?dossierCode=G22.99-000321&procedureId=III.2&portal=dvcqg&filedOn=2030-09-01');
    // The browser really is English: its own date format puts the month first.
    expect(await slipPage.evaluate(() => [navigator.language, new Date(2030, 8, 5).toLocaleDateString()])).toEqual(['en-US', '9/5/2030']);
    const due = slipPage.getByLabel('Ngày hẹn trả (nếu cổng có ghi)');
    expect(await due.getAttribute('type')).toBe('text');
    expect(await due.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await slipPage.getByLabel('Ngày nộp').inputValue()).toBe('01/09/2030');
    await due.fill('05/09/2030');
    await expect.poll(() => slipPage.getByTestId('due-on').textContent()).toBe('05/09/2030');
    expect(await slipPage.getByLabel('Nội dung gửi Zalo').inputValue()).toContain('Ngày hẹn trả (dự kiến): 05/09/2030');
    await due.fill('13/13/2030');
    await expect.poll(() => slipPage.locator('#due-on-error').textContent()).toBe('Tháng phải từ 01 đến 12.');
    await slipPage.close();

    // The record form (as framed in the panel) stores 5 September for "05/09/2030".
    expect(await send(await b.openExtensionPage('options.html'), { type: 'sync/link', endpoint: EXEC_URL, accessCode: local.goodCode })).toMatchObject({ ok: true });
    const q = new URLSearchParams({ dossierCode: 'G22.99-000322', procedureId: 'III.2', procedureCode: '1.001193', portal: 'dvcqg' });
    const frame = await b.openExtensionPage(`filing-frame.html?${q}`);
    await frame.getByLabel('Tổ dân phố của người dân').fill('Tổ dân phố 5');
    await frame.getByLabel('Họ và tên người dân').fill('Nguyễn Văn An');
    await frame.getByLabel(/^Ngày hẹn trả/).fill('05/09/2030');
    await frame.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    await frame.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => local.rows.find((r) => r.kind === 'filing')).toMatchObject({ filing: { dossierCode: 'G22.99-000322', dueOn: '2030-09-05' } });

    // No page of the extension uses the browser's date picker.
    for (const file of ['popup.html', 'record.html', 'options.html', `filing-frame.html?${q}`, 'appointment.html?dossierCode=X&portal=dvcqg', 'checklist.html?id=III.2', 'help.html']) {
      const page = await b.openExtensionPage(file);
      await page.waitForLoadState('load');
      await expect.poll(() => page.locator('#app *').count(), { message: file }).toBeGreaterThan(0);
      expect(await page.locator('input[type="date"], input[type="datetime-local"]').count(), file).toBe(0);
      await page.close();
    }
  });
});
