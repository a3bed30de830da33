import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import { SyncEnvelopeSchema, type SyncRecord } from '../../shared/schemas/sync';
import { EXEC_URL, localDoPost, mountAppsScriptEndpoint, type MountedEndpoint } from '../fixtures/script.google.com/endpoint';

const RETRY_ALARM = 'tldvc-sync-retry';
/** The extension API inside worker.evaluate / page.evaluate callbacks (they run in the browser). */
declare const chrome: typeof Browser;

function filing(dossierCode: string): SyncRecord {
  return {
    clientId: crypto.randomUUID(),
    kind: 'filing',
    filing: {
      residentName: 'Nguyễn Văn An',
      toDanPho: 'Tổ 5',
      procedureId: 'I.1',
      procedureCode: null,
      dossierCode,
      filedOn: '2026-11-20',
      portal: 'dvcqg',
      status: 'Đã nộp',
      consent: { given: true, textVersion: CONSENT_TEXT_VERSION, at: new Date().toISOString() },
    },
  };
}

async function outbox(worker: Worker): Promise<Array<{ clientId: string; state: string; attempts: number; lastError?: { message: string } }>> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('outbox')) as { outbox?: never[] }).outbox ?? []);
}
async function badge(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}
async function enqueue(page: Page, record: SyncRecord) {
  return page.evaluate((r) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record);
}

describe('outbox → Apps Script web app (real Chromium, built extension)', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let endpoint: MountedEndpoint;
  let backend: ReturnType<typeof localDoPost>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startFixtureServer();
    backend = localDoPost();
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
    await options.getByLabel('Mã truy cập của bạn').fill(backend.goodCode);
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-result').textContent()).toContain('địa chỉ thử (/dev)');
    expect(endpoint.posts).toBe(0);

    await options.getByLabel('Địa chỉ web của sổ').fill(EXEC_URL);
    await options.getByLabel('Mã truy cập của bạn').fill('ma-sai-9999-zzzz');
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-result').textContent()).toContain('Mã truy cập không đúng');
    expect(await options.getByTestId('link-result').getAttribute('role')).toBe('alert');

    await options.getByLabel('Mã truy cập của bạn').fill(backend.goodCode);
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
    await form.getByLabel('Tổ dân phố').fill('Tổ 7');
    await form.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await form.getByLabel('Năm sinh').fill('1975');
    await form.getByLabel('Số điện thoại di động (không bắt buộc)').fill('0912 345 678');
    await form.getByLabel('Cổng DVC quốc gia/VNeID').check();
    await form.getByLabel('C-Thái Nguyên').check();
    // Consent is unticked by default: the form refuses and says why.
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Cần có sự đồng ý');
    await form.getByRole('checkbox', { name: /đồng ý với nội dung trên/ }).check();
    const before = backend.rows.length;
    await form.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã ghi tài khoản của Trần Thị Bình');
    await expect.poll(() => backend.rows.length).toBe(before + 1);
    const row = backend.rows.at(-1)!;
    expect(row).toMatchObject({
      kind: 'account',
      account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ 7', phone: '+84912345678', apps: ['Cổng DVC quốc gia/VNeID', 'C-Thái Nguyên'], consent: { given: true, textVersion: CONSENT_TEXT_VERSION } },
    });
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    await expect.poll(() => badge(browser.worker)).toBe('');
    await form.close();
  });

  it('the filing form (as framed in the guide overlay) queues one row with the captured code and consent', async () => {
    const q = new URLSearchParams({ dossierCode: 'G22.99-000100', procedureId: 'I.1', procedureCode: '1.001193', portal: 'dvcqg' });
    const frame = await browser.openExtensionPage(`filing-frame.html?${q}`);
    const consent = frame.getByRole('checkbox', { name: /đồng ý với nội dung trên/ });
    expect(await consent.isChecked()).toBe(false);
    expect(await frame.locator('.tldvc-rec-consent').textContent()).toContain(CONSENT_TEXT_VERSION);
    await frame.getByLabel('Tổ dân phố của người dân').fill('Tổ 5');
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
    await expect.poll(() => backend.rows.filter((r) => r.kind === 'filing' && r.filing.dossierCode === 'G22.99-000100').length).toBe(1);
    const row = backend.rows.find((r) => r.kind === 'filing' && r.filing.dossierCode === 'G22.99-000100')!;
    expect(row).toMatchObject({
      kind: 'filing',
      filing: { residentName: 'Nguyễn Văn An', toDanPho: 'Tổ 5', procedureId: 'I.1', procedureCode: '1.001193', portal: 'dvcqg', status: 'Đã nộp', consent: { given: true, textVersion: CONSENT_TEXT_VERSION } },
    });
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
    expect(backend.rows.filter((r) => r.clientId === rec.clientId)).toHaveLength(1);
    expect(await badge(browser.worker)).toBe('');
    expect(await browser.worker.evaluate((n) => chrome.alarms.get(n), RETRY_ALARM)).toBeUndefined();
  });

  it('response lost after the append: the resend is answered "duplicate", one row', async () => {
    endpoint.mode = 'lose-answer';
    const rec = filing('G22.99-000102');
    await enqueue(page, rec);
    await expect.poll(() => backend.rows.filter((r) => r.clientId === rec.clientId).length).toBe(1);
    await expect.poll(async () => (await outbox(browser.worker))[0]?.attempts ?? 0).toBe(1);
    endpoint.mode = 'up';
    await page.locator(`[data-client-id="${rec.clientId}"]`).getByRole('button', { name: /^Gửi lại/ }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    expect(backend.rows.filter((r) => r.clientId === rec.clientId)).toHaveLength(1);
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

  it('export: the queue downloads as a SyncEnvelope with the same clientIds and no access code', async () => {
    endpoint.mode = 'down';
    const a = filing('G22.99-000104');
    const b = filing('G22.99-000105');
    await enqueue(page, a);
    await enqueue(page, b);
    await expect.poll(() => page.locator('[data-client-id]').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp' }).click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const env = SyncEnvelopeSchema.parse(JSON.parse(text));
    expect(env.records.map((r) => r.clientId)).toEqual([a.clientId, b.clientId]);
    expect(text).not.toContain(backend.goodCode);
    expect(download.suggestedFilename()).toMatch(/^so-cho-gui-tro-ly-dvc-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    // Delete asks first; cancelling keeps the item, accepting removes exactly that one.
    page.once('dialog', (d) => void d.dismiss());
    await page.locator(`[data-client-id="${a.clientId}"]`).getByRole('button', { name: /^Xoá/ }).click();
    expect(await page.locator('[data-client-id]').count()).toBe(2);
    page.once('dialog', (d) => void d.accept());
    await page.locator(`[data-client-id="${a.clientId}"]`).getByRole('button', { name: /^Xoá/ }).click();
    await expect.poll(() => page.locator('[data-client-id]').count()).toBe(1);
    endpoint.mode = 'up';
    await page.getByRole('button', { name: 'Gửi lại tất cả' }).click();
    await expect.poll(() => outbox(browser.worker)).toEqual([]);
    expect(backend.rows.some((r) => r.clientId === a.clientId)).toBe(false);
    expect(backend.rows.filter((r) => r.clientId === b.clientId)).toHaveLength(1);
  });

  it('expired and revoked codes stop sending with a clear message; nothing is lost', async () => {
    for (const [status, text] of [
      ['expired', 'hết hạn'],
      ['revoked', 'thu hồi'],
    ] as const) {
      backend.codes.set(backend.goodCode, status);
      const rec = filing(`G22.99-0002${status.length}`);
      await enqueue(page, rec);
      await expect.poll(() => page.getByTestId('queue-status').textContent()).toContain(text);
      const posts = endpoint.posts;
      await page.waitForTimeout(300);
      expect(endpoint.posts).toBe(posts); // no retry storm
      expect((await outbox(browser.worker)).map((i) => i.clientId)).toContain(rec.clientId);
      expect(await badge(browser.worker)).not.toBe('');
      backend.codes.set(backend.goodCode, 'ok');
      // The volunteer re-checks the link in the options page: sending resumes.
      const options = await browser.openExtensionPage('options.html');
      await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
      await expect.poll(() => outbox(browser.worker)).toEqual([]);
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
    expect(JSON.stringify(await browser.worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(backend.goodCode);
    await options.close();
    expect(errors).toEqual([]);
  });
});
