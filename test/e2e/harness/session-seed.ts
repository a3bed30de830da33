/**
 * What a resident's session leaves on the portal origins, seeded for real in the browser: on every
 * session host one first-party cookie (Set-Cookie), localStorage, an IndexedDB database, a service
 * worker and a Cache Storage cache, plus one partitioned cookie set while the host is framed by a
 * page of another site. Then a probe reads back what is left. Works with Playwright and puppeteer
 * pages alike (only `evaluate` is used).
 */
import { expect } from 'vitest';
import { SESSION_ORIGINS } from '../../../shared/hosts';
import type { FixtureServer } from './https-server';

export const SESSION_HOSTS = SESSION_ORIGINS.map((o) => new URL(o).hostname);

/** The top-level page that frames `host` for its partitioned cookie: always another site. */
export function partitionTop(host: string): string {
  return host.endsWith('thainguyen.gov.vn') ? 'dichvucong.gov.vn' : 'dichvucong.thainguyen.gov.vn';
}

const html = (body: string) => `<!doctype html><html lang="vi"><meta charset="utf-8"><title>seed</title><body>${body}</body></html>`;

const SEED_PAGE = html(`<script>
(async () => {
  localStorage.setItem('seed', 'tro-ly-dvc');
  await new Promise((ok, fail) => {
    const open = indexedDB.open('seed-db', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => { const tx = open.result.transaction('s', 'readwrite'); tx.objectStore('s').put('x', 'k'); tx.oncomplete = () => { open.result.close(); ok(); }; };
    open.onerror = () => fail(open.error);
  });
  const cache = await caches.open('seed-cache');
  await cache.put('/__seed-cached', new Response('cached'));
  await navigator.serviceWorker.register('/__seed-sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  window.__seeded = 'ok';
})().catch((e) => { window.__seeded = 'error: ' + e; });
</script>`);

/** A service worker that does nothing but exist (and so must be unregistered). */
const SEED_SW = `self.addEventListener('install', () => self.skipWaiting()); self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));`;

export function mountSessionSeed(server: FixtureServer): void {
  for (const host of [...new Set([...SESSION_HOSTS, ...SESSION_HOSTS.map(partitionTop)])]) {
    server.route('GET', host, '/__seed', (_q, res) =>
      void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'seed_fp=1; Path=/; Secure; SameSite=Lax; Max-Age=3600' }).end(SEED_PAGE),
    );
    server.route('GET', host, '/__seed-sw.js', (_q, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(SEED_SW));
    // Framed by another site: the cookie lands in that site's partition (CHIPS in Chromium, Total Cookie Protection in Firefox).
    server.route('GET', host, '/__seed-partitioned', (_q, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'seed_pt=1; Path=/; Secure; SameSite=None; Partitioned; Max-Age=3600' })
        .end(html('<script>window.parent.postMessage("seeded:" + location.hostname, "*")</script>')),
    );
    server.route('GET', host, '/__seed-frames', (req, res) => {
      const framed = new URL(req.url ?? '/', 'https://x').searchParams.getAll('host');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(html(`<script>window.__framed = []; addEventListener('message', (e) => { if (typeof e.data === 'string' && e.data.startsWith('seeded:') && !window.__framed.includes(e.data)) window.__framed.push(e.data); });</script>${framed.map((h) => `<iframe src="https://${h}/__seed-partitioned"></iframe>`).join('')}`));
    });
    server.route('GET', host, '/__probe', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html('probe')));
  }
}

/** Anything with puppeteer's / Playwright's `evaluate`. */
interface Evaluates {
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
}

/** Run in a /__seed page: waits for the seeding script. */
export const seeded = (page: Evaluates) => page.evaluate(() => (window as unknown as { __seeded?: string }).__seeded ?? '');
/** Run in a /__seed-frames page: which framed hosts have set their partitioned cookie. */
export const framedSeeded = (page: Evaluates) => page.evaluate(() => (window as unknown as { __framed?: string[] }).__framed ?? []);

export interface OriginState {
  cookie: string;
  localStorage: number;
  indexedDB: string[];
  serviceWorkers: number;
  caches: string[];
}

/** Run in a /__probe page of an origin: what that origin still stores (first-party). */
export function originState(page: Evaluates): Promise<OriginState> {
  return page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
  }));
}

export const EMPTY_ORIGIN: OriginState = { cookie: '', localStorage: 0, indexedDB: [], serviceWorkers: 0, caches: [] };
export const SEEDED_ORIGIN: OriginState = { cookie: 'seed_fp=1', localStorage: 1, indexedDB: ['seed-db'], serviceWorkers: 1, caches: ['seed-cache'] };

/** Loads a URL in the page and waits for it (Playwright's page.goto, or the Firefox harness's gotoUrl). */
type Goto = (url: string) => Promise<unknown>;

/**
 * Seeds every session host in one page: first-party data on each, then the partitioned cookies
 * from the other site's framing page. Returns how many cookies were seeded (all, and partitioned).
 */
export async function seedEveryOrigin(page: Evaluates, goto: Goto): Promise<{ cookies: number; partitioned: number }> {
  for (const host of SESSION_HOSTS) {
    await goto(`https://${host}/__seed`);
    await expect.poll(() => seeded(page), { timeout: 10_000 }).toBe('ok');
  }
  for (const top of [...new Set(SESSION_HOSTS.map(partitionTop))]) {
    const framed = SESSION_HOSTS.filter((h) => partitionTop(h) === top);
    await goto(`https://${top}/__seed-frames?${framed.map((h) => `host=${h}`).join('&')}`);
    await expect.poll(async () => (await framedSeeded(page)).length, { timeout: 10_000 }).toBe(framed.length);
  }
  return { cookies: SESSION_HOSTS.length * 2, partitioned: SESSION_HOSTS.length };
}

/** What every session host still stores, read from a probe page of each. */
export async function everyOriginState(page: Evaluates, goto: Goto): Promise<Record<string, OriginState>> {
  const states: Record<string, OriginState> = {};
  for (const host of SESSION_HOSTS) {
    await goto(`https://${host}/__probe`);
    states[host] = await originState(page);
  }
  return states;
}

export const everyOrigin = (state: OriginState) => Object.fromEntries(SESSION_HOSTS.map((h) => [h, state]));

/** Cookie list as the extension sees it, from `cookies.getAll({ partitionKey: {} })`, reduced. */
export interface SeenCookie {
  domain: string;
  name: string;
  partitioned: boolean;
}
