import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../e2e/harness/https-server';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/harness/firefox';
import { EMPTY_ORIGIN, everyOrigin, everyOriginState, mountSessionSeed, SEEDED_ORIGIN, seedEveryOrigin, SESSION_HOSTS, type SeenCookie } from '../e2e/harness/session-seed';
import { clickButton, gotoUrl, textOf } from './helpers';

const PLAIN = 'Đã đăng xuất người dân khỏi các cổng dịch vụ công trên máy này. Có thể tiếp người tiếp theo.';

/** Every cookie the extension can see, in every partition (first-party isolation needs firstPartyDomain: null). */
function cookiesSeen(ext: Page): Promise<SeenCookie[]> {
  return ext.evaluate(async () =>
    (await browser.cookies.getAll({ partitionKey: {}, firstPartyDomain: null } as never)).map((c) => ({
      domain: c.domain,
      name: c.name,
      partitioned: Boolean((c as { partitionKey?: unknown }).partitionKey),
    })),
  );
}

async function pressEndSession(ff: FirefoxExtensionBrowser): Promise<Page> {
  const popup = await ff.openExtensionPage('popup.html');
  await clickButton(popup, 'Kết thúc phiên');
  await expect.poll(() => textOf(popup, '[data-testid="session-report"] > p'), { timeout: 30_000 }).not.toBe('');
  return popup;
}

describe('"Kết thúc phiên" in Firefox (Total Cookie Protection, as users have it)', () => {
  let server: FixtureServer;
  let ff: FirefoxExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    mountSessionSeed(server);
    ff = await launchFirefoxWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('leaves no cookie (partitioned too), localStorage, IndexedDB, service worker or Cache Storage on any portal origin; the report counts what was seeded', async () => {
    const page = await ff.browser.newPage();
    const goto = (url: string) => gotoUrl(page, url);
    const seeded = await seedEveryOrigin(page, goto);
    expect(await everyOriginState(page, goto)).toEqual(everyOrigin(SEEDED_ORIGIN));
    const ext = await ff.openExtensionPage('diagnostics.html');
    const before = await cookiesSeen(ext);
    expect(before).toHaveLength(seeded.cookies);
    expect(before.filter((c) => c.partitioned)).toHaveLength(seeded.partitioned);

    const sent = server.requests.length;
    const popup = await pressEndSession(ff);
    expect(await textOf(popup, '[data-testid="session-report"] > p')).toBe(PLAIN);
    // Cache Storage was reached from one small page per host, framed without scripts: none of the
    // portal's code ran (a single-page portal answers /robots.txt with its app, whose script would load).
    // (The browser's own update checks of the seeded service worker script may still arrive: not page code.)
    const during = server.requests.slice(sent).filter((r) => SESSION_HOSTS.includes(r.host) && new URL(r.url).pathname !== '/__seed-sw.js');
    expect(during.map((r) => new URL(r.url).pathname)).toEqual(SESSION_HOSTS.map(() => '/robots.txt'));
    expect(new Set(during.map((r) => r.host))).toEqual(new Set(SESSION_HOSTS));
    // The technical list waits behind "Chi tiết".
    expect(await popup.$eval('[data-testid="session-report-details"]', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await clickButton(popup, 'Chi tiết');
    const details = await textOf(popup, '[data-testid="session-report-details"] ul');
    expect(details).toContain(`Cookie đã xoá: ${seeded.cookies} (trong đó ${seeded.partitioned} cookie phân vùng)`);
    for (const host of SESSION_HOSTS) expect(details).toContain(`${host}: 2`);
    expect(details).toContain(`bộ nhớ đệm của trang (Cache Storage): ${SESSION_HOSTS.length} mục`);
    expect(details).not.toContain('Chưa xoá được');

    expect(await cookiesSeen(ext)).toEqual([]);
    expect(await everyOriginState(page, goto)).toEqual(everyOrigin(EMPTY_ORIGIN));
    await Promise.all([popup.close(), page.close(), ext.close()]);
  });

  it('says plainly which Cache Storage it could not reach (a host whose page does not load) and keeps the rest of its promise', async () => {
    const unreachable = 'tokhaidientu.moj.gov.vn';
    server.route('GET', unreachable, '/robots.txt', (req) => void req.socket.destroy());
    const page = await ff.browser.newPage();
    const goto = (url: string) => gotoUrl(page, url);
    await seedEveryOrigin(page, goto);

    const popup = await pressEndSession(ff);
    const sentence = await textOf(popup, '[data-testid="session-report"] > p');
    expect(sentence).toMatch(/^Đã đăng xuất người dân khỏi các cổng dịch vụ công trên máy này\./);
    expect(sentence).toContain(`Riêng bộ nhớ đệm của trang (Cache Storage) trên ${unreachable} chưa xoá được`);
    await clickButton(popup, 'Chi tiết');
    expect(await textOf(popup, '[data-testid="session-report-details"] ul')).toContain(`Chưa xoá được bộ nhớ đệm của trang (Cache Storage): ${unreachable}.`);
    // True to what it says: that cache is still there, everything else is gone.
    const states = await everyOriginState(page, goto);
    expect(states[unreachable]).toEqual({ ...EMPTY_ORIGIN, caches: ['seed-cache'] });
    for (const host of SESSION_HOSTS.filter((h) => h !== unreachable)) expect(states[host], host).toEqual(EMPTY_ORIGIN);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('"Kết thúc phiên" in Firefox with first-party isolation (privacy.firstparty.isolate)', () => {
  let server: FixtureServer;
  let ff: FirefoxExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    mountSessionSeed(server);
    ff = await launchFirefoxWithExtension({ port: server.port, prefs: { 'privacy.firstparty.isolate': true } });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('does not throw, counts the cookies of every first party and clears everything', async () => {
    const page = await ff.browser.newPage();
    const goto = (url: string) => gotoUrl(page, url);
    const seeded = await seedEveryOrigin(page, goto);
    const ext = await ff.openExtensionPage('diagnostics.html');
    // Isolated cookies carry their first party instead of a partition key.
    expect(await cookiesSeen(ext)).toHaveLength(seeded.cookies);

    const popup = await pressEndSession(ff);
    expect(await textOf(popup, '[data-testid="session-report"] > p')).toBe(PLAIN);
    await clickButton(popup, 'Chi tiết');
    const details = await textOf(popup, '[data-testid="session-report-details"] ul');
    expect(details).toContain(`Cookie đã xoá: ${seeded.cookies}`);
    // Each origin's caches were reached in its own first party (a background tab), not the extension's.
    expect(details).toContain(`bộ nhớ đệm của trang (Cache Storage): ${SESSION_HOSTS.length} mục`);
    expect(await cookiesSeen(ext)).toEqual([]);
    expect(await everyOriginState(page, goto)).toEqual(everyOrigin(EMPTY_ORIGIN));
    await Promise.all([popup.close(), page.close(), ext.close()]);
  });
});
