// The add-on sidebar in real Chromium for the tests of addon-sidebar.test.ts:
// the built sidebar (dist/apps-script/Sidebar.html) served over HTTPS, with
// google.script.run bridged to the BUILT server bundle running in a Node vm
// over the in-memory spreadsheet (set up, with one volunteer, before each test).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { loadAddon, type Addon } from '../fakes/addon-runtime';

const HOST = 'script.google.com';
const BRIDGE = `<script>
window.google = { script: { run: (function make(ok, fail) {
  return new Proxy({}, { get(_, name) {
    if (name === 'withSuccessHandler') return (f) => make(f, fail);
    if (name === 'withFailureHandler') return (f) => make(ok, f);
    return (...args) => fetch('/addon/run', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name, args }) })
      .then((r) => r.json())
      .then((r) => (r.ok ? ok && ok(r.value) : fail && fail(new Error(r.message))), (e) => fail && fail(e));
  } });
})(null, null) } };
</script>`;

export function rows(addon: Addon, sheet: string) {
  const s = addon.gas.ss.sheet(sheet)!;
  const header = s.values[0] as string[];
  return s.values.slice(1).filter((r) => r?.some((v) => v !== '' && v !== undefined)).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/**
 * Serves the built sidebar at https://script.google.com/addon/sidebar?menu=<menu function> with
 * google.script.run bridged to `addon()` (the built server bundle over the in-memory spreadsheet).
 */
export function mountSidebar(server: FixtureServer, addon: () => Addon, calls: string[] = []): void {
  server.route('GET', HOST, '/addon/sidebar', (req, res) => {
    const tab = new URL(req.url ?? '', `https://${HOST}`).searchParams.get('menu') ?? 'menuEntry';
    addon().run(tab);
    const html = addon().gas.ui.sidebars.at(-1)!.getContent().replace('<head>', `<head>${BRIDGE}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.route('GET', HOST, '/favicon.ico', (_req, res) => void res.writeHead(204).end());
  server.route('POST', HOST, '/addon/run', (_req, res, body) => {
    const { name, args } = JSON.parse(body) as { name: string; args: unknown[] };
    calls.push(name);
    let answer: unknown;
    try {
      answer = { ok: true, value: addon().run(name, ...args) ?? null };
    } catch (e) {
      answer = { ok: false, message: (e as Error).message };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
}

/** Opens a sidebar page mounted by mountSidebar, once its heading shows. */
export async function openSidebar(browser: ExtensionBrowser, menu = 'menuEntry'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://${HOST}/addon/sidebar?menu=${menu}`);
  await page.getByRole('heading', { name: 'Sổ tài khoản DVC' }).waitFor();
  return page;
}

/** Registers the browser, server and registry hooks; the returned object is current inside each test. */
export function useSidebar() {
  const h = { addon: undefined as unknown as Addon, calls: [] as string[], errors: [] as string[], open };
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    mountSidebar(server, () => h.addon, h.calls);
    browser = await launchWithExtension({ port: server.port, withExtension: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    h.addon = loadAddon();
    h.addon.run('menuSetUp');
    h.addon.run('addVolunteer', { name: 'Lê Thị Hoa', toDanPho: 'Tổ dân phố 3' });
    h.calls.length = 0;
  });

  async function open(menu = 'menuEntry') {
    page = await browser.context.newPage();
    h.errors = collectPageErrors(page);
    await page.goto(`https://${HOST}/addon/sidebar?menu=${menu}`);
    await page.getByRole('heading', { name: 'Sổ tài khoản DVC' }).waitFor();
    return page;
  }
  return h;
}
