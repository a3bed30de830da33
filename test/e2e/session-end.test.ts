import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PORTAL_HOSTS, SESSION_ORIGINS } from '../../shared/hosts';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { expectStep, extensionWorld, ISOLATED_SECRET_PROBE, loginWithVneid, panel } from './guide-helpers';
import { EMPTY_ORIGIN, everyOrigin, everyOriginState, mountSessionSeed, SEEDED_ORIGIN, seedEveryOrigin, SESSION_HOSTS, type SeenCookie } from './harness/session-seed';

const PLAIN = 'Đã đăng xuất người dân khỏi các cổng dịch vụ công trên máy này. Có thể tiếp người tiếp theo.';

async function openPopupAndStart(b: ExtensionBrowser, query: string, id: string): Promise<Page> {
  const popup = await b.openExtensionPage('popup.html');
  await popup.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill(query);
  await popup.locator(`[data-procedure-id="${id}"] button`).click();
  await popup.getByRole('button', { name: 'Bắt đầu hướng dẫn' }).click();
  return popup;
}

async function storageOf(b: ExtensionBrowser, server: FixtureServer, host: string) {
  const page = await b.context.newPage();
  await page.goto(`https://${host}/__probe`);
  const state = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
  }));
  await page.close();
  void server;
  return state;
}

describe('VNeID hints and ending a resident session', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    for (const origin of SESSION_ORIGINS) {
      server.route('GET', new URL(origin).hostname, '/__probe', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>probe</title>'));
    }
    b = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('gives login hints on VNeID without ever reading the password, OTP or passcode', async () => {
    const page = await openPopupAndStart(b, 'khai tử', 'III.3');
    await page.waitForURL(/thu-tuc-hanh-chinh/);
    const errors = collectPageErrors(page);
    await expectStep(page, 'login.start');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/sso\.dancuquocgia\.gov\.vn/);
    await expectStep(page, 'vneid.method');
    const world = await extensionWorld(page);
    expect(await world(ISOLATED_SECRET_PROBE)).toBe('ok');

    await loginWithVneid(page, {
      submitPasscode: false,
      atStep: async (step) => {
        if (step === 'vneid.consent') expect(await panel(page).textContent()).toContain('Xác nhận chia sẻ');
      },
    });
    await page.waitForTimeout(300); // let the engine's debounced evaluations run over the typed passcode

    // Neither the page's own guarded getters nor the extension's isolated world saw a secret read.
    expect(await world('globalThis.__secretReads')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __secretReads: string[] }).__secretReads)).toEqual([]);
    // Control: the probe does catch a read made from the extension's world.
    expect(await world("document.querySelector('input[name=passcode]').value.length, globalThis.__secretReads.length")).toBe(1);
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.waitForURL(/thu-tuc-hanh-chinh/);
    await expectStep(page, 'agency.province');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Kết thúc phiên" clears cookies, localStorage and IndexedDB of every portal origin; the next session starts clean', async () => {
    // The previous test left the resident logged in on dichvucong.gov.vn and VNeID.
    expect((await storageOf(b, server, PORTAL_HOSTS.dvcqg)).localStorage).toBeGreaterThan(0);
    expect((await storageOf(b, server, PORTAL_HOSTS.vneid)).indexedDB).toContain('vneid-cache');
    expect((await b.context.cookies()).some((c) => c.name === 'dvc_session')).toBe(true);

    // Starting the next resident's guide offers to end the previous session first.
    const popup = await openPopupAndStart(b, 'khai sinh', 'III.2');
    await popup.getByRole('button', { name: 'Kết thúc phiên cũ rồi bắt đầu' }).click();
    await popup.waitForURL(/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh/);
    // The new guide starts from "Đăng nhập": nobody is logged in any more.
    await expectStep(popup, 'login.start');

    const cookies = (await b.context.cookies()).filter((c) => SESSION_ORIGINS.some((o) => new URL(o).hostname.endsWith(c.domain.replace(/^\./, ''))));
    expect(cookies).toEqual([]);
    for (const origin of SESSION_ORIGINS) {
      const host = new URL(origin).hostname;
      const state = await storageOf(b, server, host);
      expect(state, host).toEqual({ cookie: '', localStorage: 0, indexedDB: [] });
    }
    await popup.close();

    // The popup button reports in plain words; the technical list is behind "Chi tiết".
    const again = await b.openExtensionPage('popup.html');
    await again.getByRole('button', { name: 'Kết thúc phiên' }).click();
    const report = again.getByTestId('session-report');
    await expect.poll(() => report.locator('p').first().textContent()).toBe(PLAIN);
    expect(await again.getByTestId('session-report-details').isVisible()).toBe(true);
    expect(await again.locator('[data-testid="session-report-details"] ul').isVisible()).toBe(false);
    await again.getByText('Chi tiết', { exact: true }).click();
    const text = (await again.locator('[data-testid="session-report-details"] ul').textContent()) ?? '';
    for (const h of ['dichvucong.gov.vn', 'sso.dancuquocgia.gov.vn', 'dichvucongnganhtuphap.moj.gov.vn', 'dichvucong.thainguyen.gov.vn']) expect(text).toContain(h);
    expect(text).toContain('IndexedDB');
    expect(text).toContain('Cookie đã xoá:');
    await again.close();
  });
});

describe('"Kết thúc phiên" in Chromium over everything a session can leave', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    mountSessionSeed(server);
    b = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  /** Every cookie the extension can see, in every partition. */
  const cookiesSeen = (): Promise<SeenCookie[]> =>
    b.worker.evaluate(async () =>
      (await (globalThis as unknown as { chrome: typeof browser }).chrome.cookies.getAll({ partitionKey: {} } as never)).map((c) => ({
        domain: c.domain,
        name: c.name,
        partitioned: Boolean((c as { partitionKey?: unknown }).partitionKey),
      })),
    );

  it('leaves no cookie (partitioned too), localStorage, IndexedDB, service worker or Cache Storage on any portal origin; the report counts what was seeded', async () => {
    const page = await b.context.newPage();
    const goto = (url: string) => page.goto(url);
    const seeded = await seedEveryOrigin(page, goto);
    expect(await everyOriginState(page, goto)).toEqual(everyOrigin(SEEDED_ORIGIN));
    const before = await cookiesSeen();
    expect(before).toHaveLength(seeded.cookies);
    expect(before.filter((c) => c.partitioned)).toHaveLength(seeded.partitioned);

    const popup = await b.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await expect.poll(() => popup.getByTestId('session-report').locator('p').first().textContent()).toBe(PLAIN);
    await popup.getByText('Chi tiết', { exact: true }).click();
    const details = (await popup.locator('[data-testid="session-report-details"] ul').textContent()) ?? '';
    expect(details).toContain(`Cookie đã xoá: ${seeded.cookies} (trong đó ${seeded.partitioned} cookie phân vùng)`);
    for (const host of SESSION_HOSTS) expect(details).toContain(`${host}: 2`);
    expect(details).toContain('bộ nhớ đệm của trang (Cache Storage)');
    expect(details).not.toContain('Chưa xoá được');

    expect(await cookiesSeen()).toEqual([]);
    expect(await everyOriginState(page, goto)).toEqual(everyOrigin(EMPTY_ORIGIN));
    await popup.close();
    await page.close();
  });
});
