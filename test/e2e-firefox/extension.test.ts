import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PORTAL_HOSTS } from '../../shared/hosts';
import { startFixtureServer, type FixtureServer } from '../e2e/harness/https-server';
import { EXTENSION_ORIGIN, FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/harness/firefox';
import { bundleBackend, EXEC_URL, mountAppsScriptEndpoint, type MountedEndpoint } from '../fixtures/script.google.com/endpoint';
import { sampleConsent, sampleFiling } from '../fakes/sample-records';
import { clickButton, expectStep, loginWithVneid, startFromPopup, textOf, waitForLocation } from './helpers';

const VNEID = `https://${PORTAL_HOSTS.vneid}/*`;

describe('built Firefox extension in real Firefox ESR (WebDriver BiDi)', () => {
  let server: FixtureServer;
  let ff: FirefoxExtensionBrowser;
  let endpoint: MountedEndpoint;
  let backend: ReturnType<typeof bundleBackend>;
  /** An extension page kept open to call the extension's APIs from. */
  let ext: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    backend = bundleBackend();
    endpoint = mountAppsScriptEndpoint(server, backend.doPost);
    ff = await launchFirefoxWithExtension({ port: server.port });
    ext = await ff.openExtensionPage('diagnostics.html');
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('popup lists the 47 procedures of the ward letter', async () => {
    const popup = await ff.openExtensionPage('popup.html');
    await expect.poll(() => popup.$$eval('[data-procedure-id]', (els) => els.length)).toBeGreaterThan(0);
    expect(await popup.$$eval('[data-procedure-id]:not([data-procedure-id^="X."])', (els) => els.length)).toBe(47);
    // All hosts granted at install: no access notice.
    expect(await popup.$('[data-testid="host-access"]')).toBeNull();
    await popup.close();
  });

  it('starts a guide from the popup; its hints appear and advance through the VNeID login to the agency step', async () => {
    const page = await ff.openExtensionPage('popup.html');
    await startFromPopup(page, 'khai tử', 'III.3');
    await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    await expectStep(page, 'login.start');
    await clickButton(page, 'Đăng nhập');
    await waitForLocation(page, /^https:\/\/sso\.dancuquocgia\.gov\.vn\//);
    await loginWithVneid(page);
    await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    await expectStep(page, 'agency.province');
    await page.close();
  });

  it('options page links to the Apps Script endpoint; a record queued twice is delivered once', async () => {
    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('#endpoint');
    await options.type('#endpoint', EXEC_URL);
    await options.type('#access-code', backend.goodCode);
    await clickButton(options, 'Lưu và kiểm tra kết nối');
    await expect.poll(() => textOf(options, '[data-testid="link-status"]'), { timeout: 15_000 }).toContain('Lê Thị Hoa');
    await options.close();

    const record = sampleFiling({ toDanPho: 'Tổ dân phố 5', procedureId: 'I.1', procedureCode: null, dossierCode: 'G22.99-000301', consent: sampleConsent(new Date().toISOString()) });
    const enqueue = () => ext.evaluate((r) => browser.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record as never);
    expect(await enqueue()).toMatchObject({ ok: true });
    expect(await enqueue()).toMatchObject({ ok: true });
    await expect.poll(() => backend.rowsFor(record.clientId).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => ext.evaluate(async () => ((await browser.storage.local.get('outbox')).outbox as unknown[] | undefined) ?? [])).toEqual([]);
    expect(backend.rowsFor(record.clientId)).toHaveLength(1);
    // Apps Script mechanics: POST to /exec, then the 302 followed with a GET on googleusercontent.
    expect(endpoint.echoes).toBe(endpoint.posts);
    expect(server.requests.filter((r) => r.host === 'script.googleusercontent.com').every((r) => r.method === 'GET')).toBe(true);
  });

  it('a withdrawn host is shown in the popup, a guide there says what to do, and the button grants it again', async () => {
    expect(await ext.evaluate((o) => browser.permissions.remove({ origins: [o] }), VNEID)).toBe(true);
    const popup = await ff.openExtensionPage('popup.html');
    await expect.poll(() => textOf(popup, '[data-testid="host-access"]')).toContain('trang đăng nhập VNeID (sso.dancuquocgia.gov.vn)');
    // Starting a guide (it logs in on VNeID) does not open a page that would stay silent.
    await startFromPopup(popup, 'khai sinh', 'III.2');
    // The previous test's resident is still "logged in": the popup first asks; this is the same resident.
    await clickButton(popup, 'Vẫn là người dân này');
    const notice = await popup.waitForFunction(() => document.querySelector('p.error[role="alert"]')?.textContent ?? '', { polling: 100 });
    expect(await notice.jsonValue()).toContain('chưa được phép chạy trên trang đăng nhập VNeID');
    expect(await popup.evaluate(() => location.href)).toBe(`${EXTENSION_ORIGIN}/popup.html`);

    // The button asks from the click (Firefox's test pref answers "Allow"); the notice goes away.
    await clickButton(popup, 'Cho phép chạy trên các trang này');
    await expect.poll(() => ext.evaluate((o) => browser.permissions.contains({ origins: [o] }), VNEID)).toBe(true);
    await expect.poll(() => popup.$('[data-testid="host-access"]').then((h) => h === null)).toBe(true);
    // And a popup opened now shows nothing missing.
    const again = await ff.openExtensionPage('popup.html');
    await expect.poll(() => again.$$eval('[data-procedure-id]', (els) => els.length)).toBeGreaterThan(0);
    expect(await again.$('[data-testid="host-access"]')).toBeNull();
    await again.close();
    await popup.close();
  });

  it('after an update that leaves a host out, the notice opens by itself and its button grants the host', async () => {
    expect(await ext.evaluate((o) => browser.permissions.remove({ origins: [o] }), VNEID)).toBe(true);
    // Installing the build again is an update for Firefox: the withdrawn host stays withdrawn.
    await ff.browser.installExtension(FIREFOX_EXTENSION_DIR);
    const notice = async () => {
      for (const p of await ff.browser.pages()) {
        const text = await p.evaluate(() => (location.href.endsWith('/popup.html') ? document.querySelector('[data-testid="host-access"]')?.textContent ?? '' : '')).catch(() => '');
        if (text) return { page: p, text };
      }
      return null;
    };
    await expect.poll(async () => (await notice())?.text ?? '', { timeout: 15_000 }).toContain('trang đăng nhập VNeID');
    const { page } = (await notice())!;
    await clickButton(page, 'Cho phép chạy trên các trang này');
    await expect.poll(() => page.$('[data-testid="host-access"]').then((h) => h === null)).toBe(true);
    const check = await ff.openExtensionPage('diagnostics.html');
    expect(await check.evaluate((o) => browser.permissions.contains({ origins: [o] }), VNEID)).toBe(true);
    await Promise.all([page.close(), check.close()]);
  });
});
