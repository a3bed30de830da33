/**
 * Puts the replica of a portal page into the practice frame's document: the fixture page the
 * fixture server would serve for that address (same lookup as test/e2e/harness/https-server.ts),
 * its provenance notes kept as a comment, its scripts run with the sandbox's globals. Frames the
 * replica opens on a portal host become practice frames too, before they load anything.
 */
import { frameUrl, isPracticeAddress } from './address';
import { fixtureCandidates } from './fixture-lookup';
import type { ReplicaBundle, ReplicaPage } from './replica-types';
import { runInSandbox, type Sandbox } from './sandbox';

/** The fixture page for an address, as a key of the bundle. */
export function pageKeyFor(bundle: ReplicaBundle, url: URL): string | null {
  const key = fixtureCandidates(url.pathname).find((c) => bundle.pages[`${url.hostname}/${c}`]);
  return key ? `${url.hostname}/${key}` : null;
}

/** The script a page's `<script src>` names, resolved against the page's portal address. */
export function scriptKeyFor(src: string, page: URL): string {
  const u = new URL(src, page);
  return `${u.hostname}${u.pathname}`;
}

function headNote(doc: Document, notes: readonly string[]): void {
  if (notes.length) doc.head.append(doc.createComment(` Bản tập luyện dựng từ test/fixtures. ${notes.join(' | ')} `));
}

/** Renders `page` (the replica of `url`) into `doc` and runs its scripts in order. */
export function renderPage(doc: Document, bundle: ReplicaBundle, page: ReplicaPage, url: URL, sandbox: Sandbox): void {
  doc.documentElement.lang = 'vi';
  doc.title = page.title;
  const notes = [...page.notes];
  for (const css of page.styles) {
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.append(style);
  }
  doc.body.innerHTML = page.body;
  for (const script of page.scripts) {
    const found = 'run' in script ? { notes: [], run: script.run } : bundle.scripts[scriptKeyFor(script.src, url)];
    if (!found) {
      console.error(`Bản tập luyện: thiếu tệp ${'src' in script ? script.src : ''}`);
      continue;
    }
    notes.push(...found.notes);
    try {
      runInSandbox(found.run, sandbox);
    } catch (error) {
      console.error('Bản tập luyện: lỗi trong trang mô phỏng', error);
    }
  }
  headNote(doc, notes);
}

/** A page the practice does not have (a link to a file, a route no fixture serves). */
export function renderMissing(doc: Document, url: URL, back: () => void): void {
  doc.documentElement.lang = 'vi';
  doc.title = 'Không có trong bản tập luyện';
  const main = doc.createElement('main');
  main.style.cssText = 'font: 16px/1.5 system-ui, sans-serif; padding: 24px; max-width: 640px';
  const h1 = doc.createElement('h1');
  h1.textContent = 'Trang này không có trong bản tập luyện';
  const p = doc.createElement('p');
  p.textContent = `Bản tập luyện chỉ có các trang của bài tập. Địa chỉ ${url.hostname}${url.pathname} không có ở đây; trên cổng thật trang này có thể khác.`;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Quay lại trang trước';
  button.style.cssText = 'font: inherit; min-height: 44px; padding: 8px 16px';
  button.addEventListener('click', back);
  main.append(h1, p, button);
  doc.body.replaceChildren(main);
}

/**
 * Frames a replica opens on a portal host (the Ministry's declaration frame) get the practice
 * frame's address instead, rewritten before the frame exists: nothing is ever loaded from a
 * portal host. `src` written any other way is rewritten by the `src` setter.
 */
export function keepFramesInPractice(win: Window, run: string): void {
  const origin = win.location.origin;
  const rewrite = (src: string): string => {
    try {
      const u = new URL(src);
      return isPracticeAddress(u) ? frameUrl(origin, run, 'sub', u) : src;
    } catch {
      return src;
    }
  };
  const inHtml = (html: string) => String(html).replace(/(<iframe\b[^>]*?\bsrc=")([^"]*)(")/gi, (_m, a: string, src: string, b: string) => `${a}${rewrite(src.replace(/&amp;/g, '&')).replace(/&/g, '&amp;')}${b}`);
  const w = win as Window & typeof globalThis;
  const inner = Object.getOwnPropertyDescriptor(w.Element.prototype, 'innerHTML')!;
  Object.defineProperty(w.Element.prototype, 'innerHTML', {
    configurable: true,
    get: inner.get,
    set(html: string) {
      inner.set!.call(this, inHtml(html));
    },
  });
  const adjacent = w.Element.prototype.insertAdjacentHTML;
  w.Element.prototype.insertAdjacentHTML = function (where: InsertPosition, html: string) {
    adjacent.call(this, where, inHtml(html));
  };
  const src = Object.getOwnPropertyDescriptor(w.HTMLIFrameElement.prototype, 'src')!;
  Object.defineProperty(w.HTMLIFrameElement.prototype, 'src', {
    configurable: true,
    get: src.get,
    set(value: string) {
      src.set!.call(this, rewrite(value));
    },
  });
}

/**
 * Links and forms of a replica stay in practice: a link goes to the replica of its portal address
 * (in this frame, also with a modifier key: a new tab would have no banner), a form the page does
 * not handle itself submits nothing.
 */
export function keepLinksInPractice(win: Window, go: (target: string) => void): void {
  const follow = (e: MouseEvent) => {
    const link = (e.target as Element | null)?.closest?.('a[href]');
    if (!link || e.defaultPrevented) return;
    const href = link.getAttribute('href') ?? '';
    e.preventDefault();
    if (!/^\s*javascript:/i.test(href)) go(href);
  };
  win.addEventListener('click', follow);
  win.addEventListener('auxclick', follow);
  win.addEventListener('submit', (e) => e.preventDefault());
}
