/** Helpers of the UX tests: QR decoding, layout and focus checks, guided sessions, store screenshots. */
import { expect } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { catalogue } from '../../shared/catalogue';
import { guideFor } from '../../extension/guides/build';
import type { GuidedSession } from '../../extension/storage/items';
import { EXTENSION_DIR } from './harness/browser';

/** The extension API inside worker.evaluate callbacks (they run in the service worker). */
declare const chrome: typeof Browser;

export const KHAI_SINH_URL = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';
export const KHAI_SINH_FORM_URL = 'https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';
export const SCREENSHOT_DIR = path.resolve(EXTENSION_DIR, '../screenshots');

export const khaiSinhGuide = () => guideFor(catalogue.find((p) => p.id === 'III.2')!)!;

/** Reads the QR code drawn in `target` from a screenshot of it, as a phone would. */
export async function decodeQr(target: Locator): Promise<string | null> {
  const png = PNG.sync.read(await target.screenshot({ scale: 'device' }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Width and height from a PNG file's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels the page overflows sideways (0: no horizontal scrollbar). */
export const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Smallest font size (px) of the visible text on the page. */
export async function smallestText(page: Page): Promise<number> {
  const sizes = await page.$$eval('body *:not(script):not(style)', (els) =>
    els
      .filter((e) => (e as HTMLElement).checkVisibility?.() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((e) => parseFloat(getComputedStyle(e).fontSize)),
  );
  return Math.min(...sizes);
}

/**
 * Contrast of the focused element's focus indicator against the page background: the best of its
 * outline colour and its box-shadow (halo) colour. WCAG 2.2 asks for at least 3:1.
 */
export async function focusIndicatorContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const parse = (css: string) => (css.match(/rgba?\(([^)]+)\)/)?.[1] ?? '').split(',').slice(0, 3).map(Number);
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    let bg = 'rgb(255, 255, 255)';
    for (let n: HTMLElement | null = el.parentElement; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const candidates: string[] = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) candidates.push(style.outlineColor);
    if (style.boxShadow && style.boxShadow !== 'none') candidates.push(style.boxShadow);
    return Math.max(0, ...candidates.map((c) => contrast(parse(c), parse(bg))));
  });
}

/** Records CSP violations of every extension page opened in the context (listener set before load). */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ['no CSP watch']);

/** Stores a guided session for the tab showing `url`, as the popup would (after `patch`). */
export async function setGuidedSession(worker: Worker, url: string, index: number, patch: Partial<GuidedSession> = {}): Promise<void> {
  const now = new Date().toISOString();
  const session: GuidedSession = { guide: khaiSinhGuide(), index, done: [], startedAt: now, updatedAt: now, ...patch };
  await worker.evaluate(
    async ({ url, session }) => {
      // The newest tab showing the URL (an earlier test may have left one open).
      const tab = (await chrome.tabs.query({ url })).sort((a, b) => b.id! - a.id!)[0];
      const key = 'guide.sessions';
      const all = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
      await chrome.storage.local.set({ [key]: { ...all, [String(tab!.id)]: session } });
    },
    { url, session },
  );
}

export async function storageValue<T>(worker: Worker, key: string): Promise<T | undefined> {
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

export async function setStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  await worker.evaluate((v) => chrome.storage.local.set(v), values);
}

/** A 1280×800 screenshot for the store listings, written under .output/screenshots/. */
export async function storeScreenshot(page: Page, name: string): Promise<Buffer> {
  await page.setViewportSize({ width: 1280, height: 800 });
  const png = await page.screenshot({ scale: 'css' });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(path.join(SCREENSHOT_DIR, `${name}.png`), png);
  expect(pngSize(png)).toEqual({ width: 1280, height: 800 });
  return png;
}
