import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PORTAL_HOSTS } from '../../../shared/hosts';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Hosts the fixture server answers for: every portal plus the Apps Script endpoint hosts. */
export const FIXTURE_HOSTS = [...new Set([...Object.values(PORTAL_HOSTS), 'script.google.com', 'script.googleusercontent.com'])];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Opens one of the extension's own pages (popup.html, options.html, …). */
  openExtensionPage(file: string): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  port: number;
  /** Reuse a profile (to test what survives a browser restart). */
  userDataDir?: string;
  withExtension?: boolean;
  /** Browser language (default vi-VN): en-US shows how an English-language Chrome renders the pages. */
  locale?: string;
  /** Another copy of the built extension (e.g. one trusting a test's guide-pack key). */
  extensionDir?: string;
  /** Device emulation (a phone: viewport, device scale factor, isMobile, hasTouch) instead of a 1280×860 window. */
  device?: { viewport: { width: number; height: number }; deviceScaleFactor?: number; isMobile?: boolean; hasTouch?: boolean };
}

export async function launchWithExtension({ port, userDataDir, withExtension = true, locale, extensionDir = EXTENSION_DIR, device }: LaunchOptions): Promise<ExtensionBrowser> {
  if (withExtension && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`Built extension not found in ${extensionDir}: run "npm run build" first.`);
  }
  const dir = userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tro-ly-dvc-profile-')));
  const resolverRules = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',');
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${resolverRules}`,
    ...(locale ? [`--lang=${locale}`] : []),
  ];
  if (withExtension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new above: the old headless mode cannot run extensions
    args,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    ...device,
    locale: locale ?? 'vi-VN',
  });
  let worker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    worker: worker as Worker,
    userDataDir: dir,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close(opts) {
      await context.close();
      if (!opts?.keepProfile && !userDataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught errors and console errors of a page, to assert the extension causes none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
