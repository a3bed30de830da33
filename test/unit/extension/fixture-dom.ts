/**
 * Loads a stored fixture page into jsdom under its real URL, with its variant cookies, and runs its
 * scripts (local ones from test/fixtures/<host>/), so the anchor tests see the DOM the page's own
 * script builds. Visibility follows the cascade (display/visibility/hidden), as jsdom has no layout.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { fixtureCandidates } from '../../../extension/practice/fixture-lookup';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** The fixture server's lookup (extension/practice/replica.ts), on the files. */
export function fixtureFile(url: URL): string {
  const isFile = (f: string) => existsSync(f) && statSync(f).isFile();
  const found = fixtureCandidates(url.pathname).map((c) => path.join(FIXTURES, url.hostname, c)).find(isFile);
  if (!found) throw new Error(`no fixture for ${url.href}`);
  return found;
}

export interface LoadedPage {
  window: Window & typeof globalThis;
  document: Document;
  close(): void;
}

export interface LoadOptions {
  /** Variant cookies, without the fx_ prefix: { docs: 'eform' }. */
  variants?: Record<string, string>;
  /** Other cookies and storage the page expects (a logged-in resident, …). */
  cookies?: Record<string, string>;
  localStorage?: Record<string, string>;
  sessionStorage?: Record<string, string>;
}

function installVisibility(win: Window & typeof globalThis): void {
  win.Element.prototype.checkVisibility = function (this: Element) {
    for (let el: Element | null = this; el; el = el.parentElement) {
      if ((el as HTMLElement).hidden) return false;
      const style = win.getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return this.isConnected;
  };
}

export function loadFixture(href: string, opts: LoadOptions = {}): LoadedPage {
  const url = new URL(href);
  const html = readFileSync(fixtureFile(url), 'utf8');
  const dom = new JSDOM(html, { url: url.href, runScripts: 'outside-only', pretendToBeVisual: true });
  const win = dom.window as unknown as Window & typeof globalThis;
  for (const [k, v] of Object.entries(opts.variants ?? {})) dom.cookieJar.setCookieSync(`fx_${k}=${encodeURIComponent(v)}`, url.href);
  for (const [k, v] of Object.entries(opts.cookies ?? {})) dom.cookieJar.setCookieSync(`${k}=${v}`, url.href);
  for (const [k, v] of Object.entries(opts.localStorage ?? {})) win.localStorage.setItem(k, v);
  for (const [k, v] of Object.entries(opts.sessionStorage ?? {})) win.sessionStorage.setItem(k, v);
  installVisibility(win);
  // The engine runs in the page's realm: its globals are this window's.
  Object.assign(globalThis, {
    NodeFilter: win.NodeFilter,
    HTMLInputElement: win.HTMLInputElement,
    HTMLTextAreaElement: win.HTMLTextAreaElement,
    HTMLSelectElement: win.HTMLSelectElement,
    document: win.document,
  });
  // What jsdom lacks and the fixtures touch.
  if (!('indexedDB' in win)) Object.assign(win, { indexedDB: { open: () => ({}) } });
  for (const script of [...win.document.querySelectorAll('script')]) {
    const src = script.getAttribute('src');
    if (!src) {
      win.eval(script.textContent ?? '');
      continue;
    }
    const scriptUrl = new URL(src, url);
    win.eval(readFileSync(path.join(FIXTURES, scriptUrl.hostname, scriptUrl.pathname), 'utf8'));
  }
  return { window: win, document: win.document, close: () => dom.window.close() };
}

/** Dispatches what a click by a person dispatches, enough for the fixtures' handlers. */
export function press(el: Element, ...types: Array<'pointerdown' | 'mousedown' | 'mouseup' | 'click'>): void {
  const win = el.ownerDocument.defaultView!;
  for (const type of types.length ? types : (['pointerdown', 'mousedown', 'mouseup', 'click'] as const)) {
    const Ctor = type === 'pointerdown' ? (win.PointerEvent ?? win.MouseEvent) : win.MouseEvent;
    el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true }));
  }
}

export function type(el: Element, text: string): void {
  const win = el.ownerDocument.defaultView!;
  const input = el as HTMLInputElement;
  Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!.set!.call(input, text);
  input.dispatchEvent(new win.Event('input', { bubbles: true }));
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** Sets a file on an input as the file chooser would, then dispatches change. */
export function attach(input: Element, name: string, size = 100): void {
  const win = input.ownerDocument.defaultView!;
  const file = new win.File([new Uint8Array(size)], name, { type: 'application/pdf' });
  Object.defineProperty(input, 'files', { configurable: true, get: () => [file] });
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** Waits until `probe` returns something (the fixtures render on timers). */
export async function until<T>(probe: () => T | null | undefined | false, what: string, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element whose own text (trimmed) is exactly `text`, under `root`. */
export function byText(root: ParentNode, selector: string, text: string): Element | null {
  return [...root.querySelectorAll(selector)].find((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim() === text) ?? null;
}
