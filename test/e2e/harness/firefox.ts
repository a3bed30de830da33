import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { FIXTURE_HOSTS } from './browser';

/**
 * The built Firefox extension in real Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no
 * geckodriver). Firefox has no host-resolver rules: it is pointed at a local CONNECT proxy that
 * tunnels the fixture hosts' port 443 to the fixture server, so pages load under their real
 * https://<host>/ origins on the default port (Firefox matches stored data by host *and* port).
 */
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'tro-ly-dvc@congnghesocongdong.vn';
/** Fixed through the extensions.webextensions.uuids pref, so extension pages have a known origin. */
export const EXTENSION_UUID = '5d1c3c55-7a0e-4d1e-9d5b-2f6f0b7c1a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtensionBrowser {
  browser: Browser;
  proxy: ConnectProxy;
  /** Opens one of the extension's own pages (popup.html, options.html, …) in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** Opens a web page in a new tab. */
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** The fixture server's port (the proxy's tunnels end there). */
  port: number;
  /** Extra Firefox prefs (e.g. privacy.firstparty.isolate). */
  prefs?: Record<string, unknown>;
  /** Another copy of the built extension (e.g. one trusting a test's guide-pack key). */
  extensionDir?: string;
}

export async function launchFirefoxWithExtension({ port, prefs = {}, extensionDir = FIREFOX_EXTENSION_DIR }: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`Built Firefox extension not found in ${extensionDir}: run "npm run build" first.`);
  }
  const proxy = await startConnectProxy({ hosts: FIXTURE_HOSTS, targetPort: port });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Without it Firefox refuses navigation to moz-extension:// pages from the automation.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 860 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.trr.mode': 5,
      'network.dns.disablePrefetch': true,
      // What users have: Total Cookie Protection (puppeteer's default profile turns it off).
      'network.cookie.cookieBehavior': 5,
      'browser.contentblocking.features.standard': 'tp,tpPrivate,cookieBehavior5,cookieBehaviorPBM5,cryptoTP,-fp',
      'intl.accept_languages': 'vi-VN, vi',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Service workers over the fixture server's self-signed certificate.
      'dom.serviceWorkers.testing.enabled': true,
      // Mozilla's test pref: permissions.request() grants as if the user pressed "Allow" (no doorhanger to click headless).
      'extensions.webextOptionalPermissionPrompts': false,
      'devtools.console.stdout.content': !!process.env.FIREFOX_CONSOLE,
      'devtools.console.stdout.chrome': !!process.env.FIREFOX_CONSOLE,
      ...prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await gotoUrl(page, url);
    return page;
  };
  return {
    browser,
    proxy,
    openPage,
    openExtensionPage: (file) => openPage(`${EXTENSION_ORIGIN}/${file}`),
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
    },
  };
}

/**
 * Navigates and waits until the page's document is at `url` and loaded. Navigation events to
 * extension pages can be lost under --remote-allow-system-access, so `goto` may never resolve:
 * fire it and poll the page itself, whichever says "loaded" first.
 */
export async function gotoUrl(page: Page, url: string, timeout = 15_000): Promise<void> {
  const target = url.split('#')[0];
  let failed: unknown;
  let settled = false;
  void page.goto(url, { timeout, waitUntil: 'load' }).then(
    () => void (settled = true),
    (e: unknown) => void (failed = e),
  );
  const deadline = Date.now() + timeout;
  for (;;) {
    if (settled) return;
    const [href, state] = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => ['', ''] as const);
    if (state === 'complete' && href.split('#')[0] === target) return;
    if (Date.now() > deadline) throw new Error(`Firefox did not load ${url} (at ${href}): ${String(failed ?? 'timeout')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls until the page's location matches (puppeteer's page.url() misses some navigations in Firefox). */
export async function waitForLocation(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (pattern.test(href)) return href;
    if (Date.now() > deadline) throw new Error(`location never matched ${pattern} (at ${href})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
