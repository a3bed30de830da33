import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import { OutboxFileSchema, type SyncRecord } from '../../shared/schemas/sync';
import { bundleBackend, EXEC_URL, mountAppsScriptEndpoint, type MountedEndpoint } from '../fixtures/script.google.com/endpoint';
import { sampleConsent, sampleFiling } from '../fakes/sample-records';

const RETRY_ALARM = 'tldvc-sync-retry';
/** The extension API inside worker.evaluate / page.evaluate callbacks (they run in the browser). */
declare const chrome: typeof Browser;

function filing(dossierCode: string): SyncRecord {
  return sampleFiling({ toDanPho: 'Tổ dân phố 5', procedureId: 'I.1', procedureCode: null, dossierCode, consent: sampleConsent(new Date().toISOString()) });
}

async function outbox(worker: Worker): Promise<Array<{ clientId: string; state: string; attempts: number; lastError?: { message: string } }>> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('outbox')) as { outbox?: never[] }).outbox ?? []);
}
async function badge(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}
/**
 * A retry storm would come from the retry alarm: none may be scheduled, and firing it now (the
 * outbox's own wake-up) must send nothing more.
 */
async function expectNoRetry(worker: Worker, postsNow: () => number) {
  const posts = postsNow();
  expect(await worker.evaluate((name) => chrome.alarms.get(name).then((a) => a?.name ?? null), RETRY_ALARM)).toBeNull();
  await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), RETRY_ALARM);
  await expect.poll(() => worker.evaluate((name) => chrome.alarms.get(name).then((a) => !!a), RETRY_ALARM), { timeout: 10_000 }).toBe(false);
  await new Promise((r) => setTimeout(r, 500)); // a send pass started by the alarm posts within milliseconds
  expect(postsNow()).toBe(posts);
}
async function enqueue(page: Page, record: SyncRecord) {
  return page.evaluate((r) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record);
}

describe("outbox → the built add-on's doPost behind Apps Script web-app mechanics (real Chromium, built extension)", () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let endpoint: MountedEndpoint;
  let backend: ReturnType<typeof bundleBackend>;
  let code: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startFixtureServer();
    backend = bundleBackend();
    code = backend.goodCode;
    endpoint = mountAppsScriptEndpoint(server, backend.doPost);
    browser = await launchWithExtension({ port: server.port });
    page = await browser.openExtensionPage('record.html#hang-cho');
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('options page: refuses a bad URL, shows a wrong code clearly, links with the right one', async () => {
    const options = await browser.openExtensionPage('options.html');
    expect(await options.getAttribute('html', 'lang')).toBe('vi');
    await options.getByLabel('Địa chỉ web của sổ').fill('https://script.google.com/macros/s/abc/dev');
    await options.getByLabel('Mã truy cập của bạn').fill(code);
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-result').textContent()).toContain('địa chỉ thử (/dev)');
    expect(endpoint.posts).toBe(0);

    await options.getByLabel('Địa chỉ web của sổ').fill(EXEC_URL);
    await options.getByLabel('Mã truy cập của bạn').fill('ma-sai-9999-zzzz');
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-result').textContent()).toContain('Mã truy cập không đúng');
    expect(await options.getByTestId('link-result').getAttribute('role')).toBe('alert');

    backend.clearLockouts();
    await options.getByLabel('Mã truy cập của bạn').fill(code);
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-status').textContent()).toContain('Lê Thị Hoa');
    expect(await options.getByTestId('link-status').textContent()).toContain('Phường Đồng Tiến');
    // fetch followed the 302 to the echo URL with a GET; the POST was text/plain with no preflight.
    const posts = server.requests.filter((r) => r.host === 'script.google.com');
    expect(posts.every((r) => r.method === 'POST')).toBe(true);
    expect(server.requests.filter((r) => r.host === 'script.googleusercontent.com').every((r) => r.method === 'GET')).toBe(true);
    expect(server.requests.some((r) => r.method === 'OPTIONS')).toBe(false);
    expect(endpoint.echoes).toBe(endpoint.posts);
    await options.close();
  });

  it('records an account from the Ghi sổ page: one row, right fields, badge back to empty', async () => {
    const form = await browser.openExtensionPage('record.html');
    // Linked to the built add-on, whose hello gives the ward's «Danh mục» names: a choice, not free text.
    await expect.poll(() => form.getByLabel('Tổ dân phố').evaluate((el) => el.tagName)).toBe('SELECT');
    await form.getByLabel('Tổ dân phố').selectOption('Tổ dân phố 7');
    await form.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await form.getByLabel('Năm sinh').fill('1975');
    await form.getByLabel('Số điện thoại di động (không bắt buộc)').fill('0912 345 678');
    await form.getByLabel('Cổng DVC quốc gia/VNeID').check();
    await form.getByLabel('C-Thái Nguyên').check();
    // Consent is unticked by default: the form refuses and says why.
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Cần có sự đồng ý');
    await form.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã ghi tài khoản của Trần Thị Bình');
    await expect.poll(() => backend.rows('Tài khoản').length).toBe(1);
    expect(backend.rows('Tài khoản')[0]).toMatchObject({
      'Họ và tên': 'Trần Thị Bình',
      'Năm sinh': 1975,
      'Tổ dân phố': 'Tổ dân phố 7',
      'Số điện thoại': '+84912345678',
      'Ứng dụng đã đăng ký': 'Cổng DVC quốc gia/VNeID, C-Thái Nguyên',
      'Tình nguyện viên': 'TNV-001',
      'Đã đồng ý': true,
      'Phiên bản nội dung đồng ý': CONSENT_TEXT_VERSION,
      'Nguồn': 'Tiện ích trình duyệt',
    });
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    await expect.poll(() => badge(browser.worker)).toBe('');
    await form.close();
  });

  it('Ghi sổ and options pages: Vietnamese, keyboard tabs, text at least 16px', async () => {
    const rec = await browser.openExtensionPage('record.html');
    expect(await rec.getAttribute('html', 'lang')).toBe('vi');
    const first = rec.getByRole('tab', { name: 'Ghi tài khoản đã hỗ trợ' });
    await first.focus();
    await rec.keyboard.press('ArrowRight');
    const queueTab = rec.getByRole('tab', { name: /^Hàng chờ gửi/ });
    expect(await queueTab.getAttribute('aria-selected')).toBe('true');
    expect(await rec.evaluate(() => document.activeElement?.textContent)).toMatch(/^Hàng chờ gửi/);
    expect(await rec.getByRole('tabpanel', { name: /^Hàng chờ gửi/ }).isVisible()).toBe(true);
    expect(await rec.locator('#panel-tai-khoan').isVisible()).toBe(false);
    await rec.keyboard.press('Home');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    for (const p of [rec, await browser.openExtensionPage('options.html')]) {
      const sizes = await p.$$eval('body *:not(script):not(style)', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize)),
      );
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
      await p.close();
    }
  });

  it('the filing form (as framed in the guide overlay) queues one row with the captured code and consent', async () => {
    const q = new URLSearchParams({ dossierCode: 'G22.99-000100', procedureId: 'I.2', procedureCode: '1.001699', portal: 'dvcqg' });
    const frame = await browser.openExtensionPage(`filing-frame.html?${q}`);
    const consent = frame.getByRole('checkbox', { name: /đồng ý với nội dung trên/ });
    expect(await consent.isChecked()).toBe(false);
    expect(await frame.locator('.tldvc-rec-consent').textContent()).toContain(CONSENT_TEXT_VERSION);
    await frame.getByLabel('Tổ dân phố của người dân').selectOption('Tổ dân phố 5');
    await frame.getByLabel('Họ và tên người dân').fill('x');
    await frame.getByRole('button', { name: 'Ghi vào sổ' }).click();
    const alert = frame.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Họ và tên');
    expect(await alert.textContent()).toContain('Cần có sự đồng ý');
    expect(await frame.getByLabel('Họ và tên người dân').getAttribute('aria-invalid')).toBe('true');
    // Keyboard only from here: fix the name, tick the consent, submit.
    await frame.getByLabel('Họ và tên người dân').fill('Nguyễn Văn An');
    await consent.focus();
    await frame.keyboard.press('Space');
    await frame.keyboard.press('Tab');
    await frame.keyboard.press('Enter');
    await expect.poll(() => frame.getByRole('status').textContent()).toContain('Đã ghi hồ sơ G22.99-000100');
    // A confirmed filing appears as one row with the right fields.
    await expect.poll(() => backend.rows('Hồ sơ').filter((r) => r['Mã hồ sơ'] === 'G22.99-000100').length).toBe(1);
    const row = backend.rows('Hồ sơ').find((r) => r['Mã hồ sơ'] === 'G22.99-000100')!;
    expect(row).toMatchObject({
      'Họ và tên người dân': 'Nguyễn Văn An',
      'Tổ dân phố': 'Tổ dân phố 5',
      'Mã TTHC': '1.001699',
      'Cổng': 'dvcqg',
      'Trạng thái': 'Đã nộp',
      'Tình nguyện viên': 'TNV-001',
      'Đã đồng ý': true,
      'Phiên bản nội dung đồng ý': CONSENT_TEXT_VERSION,
    });
    expect(String(row['Thủ tục (danh mục)'])).toMatch(/^I\.2\b/);
    expect(row['Ngày nộp']).toBeInstanceOf(Date);
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    // Font sizes: nothing under 16px.
    const sizes = await frame.$$eval('.tldvc-rec-form *', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    await frame.close();
  });

  it('endpoint down then up: waits with a clear message and a retry alarm, then is delivered once', async () => {
    endpoint.mode = 'down';
    const rec = filing('G22.99-000101');
    expect(await enqueue(page, rec)).toEqual({ ok: true, waiting: 1 });
    await expect.poll(async () => (await outbox(browser.worker))[0]?.lastError?.message ?? '').toContain('Không kết nối được');
    expect(await badge(browser.worker)).toBe('1');
    await expect.poll(() => page.locator(`[data-client-id="${rec.clientId}"]`).textContent()).toContain('Không kết nối được');
    const alarm = await browser.worker.evaluate((n) => chrome.alarms.get(n), RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 10_000);
    endpoint.mode = 'up';
    // Let the real alarm path fire now instead of in ~30 s.
    await browser.worker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 100 }), RETRY_ALARM);
    await expect.poll(() => outbox(browser.worker), { timeout: 15_000 }).toEqual([]);
    expect(backend.rowsFor(rec.clientId)).toHaveLength(1);
    expect(await badge(browser.worker)).toBe('');
    expect(await browser.worker.evaluate((n) => chrome.alarms.get(n), RETRY_ALARM)).toBeUndefined();
  });

  it('response lost after the append: the resend is answered "duplicate", one row', async () => {
    endpoint.mode = 'lose-answer';
    const rec = filing('G22.99-000102');
    await enqueue(page, rec);
    await expect.poll(() => backend.rowsFor(rec.clientId).length).toBe(1);
    await expect.poll(async () => (await outbox(browser.worker))[0]?.attempts ?? 0).toBe(1);
    endpoint.mode = 'up';
    await page.locator(`[data-client-id="${rec.clientId}"]`).getByRole('button', { name: /^Gửi lại/ }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    expect(backend.rowsFor(rec.clientId)).toHaveLength(1);
    // Received at least twice (Chromium itself may retry a POST whose reused connection reset), written once.
    expect(endpoint.bodies.filter((b) => b.includes(rec.clientId)).length).toBeGreaterThanOrEqual(2);
  });

  it('an HTML answer is a retryable failure, not a loss', async () => {
    endpoint.mode = 'html';
    const rec = filing('G22.99-000103');
    await enqueue(page, rec);
    await expect.poll(async () => (await outbox(browser.worker))[0]?.lastError?.message ?? '').toContain('không đúng định dạng');
    expect((await outbox(browser.worker))[0]?.state).toBe('waiting');
    endpoint.mode = 'up';
    await page.getByRole('button', { name: 'Gửi lại tất cả' }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
  });

  it("export → the add-on's \"Nhập từ tệp\" gives the same rows as the endpoint, and a later send does not duplicate them", async () => {
    endpoint.mode = 'down';
    const a = filing('G22.99-000104');
    const b = filing('G22.99-000105');
    await enqueue(page, a);
    await enqueue(page, b);
    await expect.poll(() => page.locator('[data-client-id]').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp' }).click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const file = OutboxFileSchema.parse(JSON.parse(text));
    expect(file.records.map((r) => r.clientId)).toEqual([a.clientId, b.clientId]);
    expect(text).not.toContain(code);
    expect(download.suggestedFilename()).toMatch(/^so-cho-gui-tro-ly-dvc-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    // The group leader imports the file in the add-on.
    const imported = backend.reg.run<{ ok: boolean; created: number }>('importOutboxFile', text, 'TNV-001');
    expect(imported).toMatchObject({ ok: true, created: 2 });
    const viaFile = backend.rowsFor(a.clientId)[0]!;
    expect(viaFile).toMatchObject({ 'Mã hồ sơ': 'G22.99-000104', 'Họ và tên người dân': 'Nguyễn Văn An', 'Tổ dân phố': 'Tổ dân phố 5', 'Tình nguyện viên': 'TNV-001', 'Đã đồng ý': true });
    // Same fields as the filing that came through the endpoint (apart from ids, times and the source).
    const viaEndpoint = backend.rows('Hồ sơ').find((r) => r['Mã hồ sơ'] === 'G22.99-000101')!;
    const comparable = (r: Record<string, unknown>) => {
      const { 'Mã bản ghi': _id, 'Mã gửi từ tiện ích': _c, 'Mã hồ sơ': _d, 'Cập nhật lúc': _u, 'Thời điểm đồng ý': _t, 'Nguồn': _s, ...rest } = r;
      return rest;
    };
    expect(comparable(viaFile)).toEqual(comparable(viaEndpoint));
    // Deleting asks first; cancelling keeps the item.
    page.once('dialog', (d) => void d.dismiss());
    await page.locator(`[data-client-id="${a.clientId}"]`).getByRole('button', { name: /^Xoá/ }).click();
    expect(await page.locator('[data-client-id]').count()).toBe(2);
    // The network comes back: the outbox still sends both, the sheet answers "duplicate", nothing is written twice.
    endpoint.mode = 'up';
    await page.getByRole('button', { name: 'Gửi lại tất cả' }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    expect(backend.rowsFor(a.clientId)).toHaveLength(1);
    expect(backend.rowsFor(b.clientId)).toHaveLength(1);
  });

  it('a record the sheet refuses stays visible with the Vietnamese reason and is not retried', async () => {
    const rec = filing('G22.99-000106');
    if (rec.kind === 'filing') rec.filing.procedureCode = '1.001699'; // not I.1's code
    await enqueue(page, rec);
    const item = page.locator(`[data-client-id="${rec.clientId}"]`);
    await expect.poll(() => item.getAttribute('data-state')).toBe('rejected');
    expect(await item.textContent()).toContain('không khớp với thủ tục I.1');
    await expectNoRetry(browser.worker, () => endpoint.posts);
    expect(backend.rowsFor(rec.clientId)).toHaveLength(0);
    page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: /^Xoá/ }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
  });

  it('wrong, expired and revoked codes stop sending with a clear message; nothing is lost', async () => {
    const steps = [
      { text: 'hết hạn', breakIt: () => backend.setExpired(true), fix: () => backend.setExpired(false) },
      { text: 'thu hồi', breakIt: () => backend.revoke(), fix: () => void (code = backend.issue()) },
    ];
    for (const step of steps) {
      step.breakIt();
      const rec = filing(`G22.99-0002${steps.indexOf(step)}0`);
      await enqueue(page, rec);
      await expect.poll(() => page.getByTestId('queue-status').textContent()).toContain(step.text);
      await expectNoRetry(browser.worker, () => endpoint.posts);
      expect((await outbox(browser.worker)).map((i) => i.clientId)).toContain(rec.clientId);
      expect(await badge(browser.worker)).not.toBe('');
      step.fix();
      backend.clearLockouts();
      // The volunteer re-links in the options page (a new code after a revocation): sending resumes.
      const options = await browser.openExtensionPage('options.html');
      await options.getByLabel('Mã truy cập của bạn').fill(code);
      await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
      await expect.poll(() => outbox(browser.worker)).toEqual([]);
      expect(backend.rowsFor(rec.clientId)).toHaveLength(1);
      await options.close();
    }
  });

  it('unlink wipes the access code and the linked volunteer', async () => {
    const options = await browser.openExtensionPage('options.html');
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Huỷ liên kết' }).click();
    await expect.poll(() => options.getByTestId('link-status').textContent()).toContain('Chưa liên kết');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('syncSettings'));
    expect(stored.syncSettings).toEqual({ endpoint: EXEC_URL, accessCode: '', linked: null });
    expect(JSON.stringify(await browser.worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(code);
    await options.close();
    expect(errors).toEqual([]);
  });
});
