/**
 * Firefox only: its browsingData API has no Cache Storage type, and `cache: true` clears the
 * network cache, not an origin's Cache Storage. Only a page of the origin can delete those caches.
 * The Firefox background is an event page with a DOM: it frames `https://<host>/robots.txt#<mark>`
 * for each session host; the content script site-caches.content.ts there asks whether a clear is
 * expected, deletes the origin's caches and says how many it deleted. The frame is sandboxed
 * without scripts, so none of the portal's own code runs in it (a single-page portal answers every
 * path with its app).
 *
 * With first-party isolation (privacy.firstparty.isolate) a frame's storage is keyed by the page
 * that frames it, here the extension, so a frame would clear the wrong caches: each host is then
 * opened in a background tab of its own for the moment it takes, and closed.
 *
 * A host that does not answer in time (offline, framing refused, a redirect elsewhere) is reported
 * as not cleared.
 */
import type { Handlers } from '../messages';

export const CACHE_FRAME_MARK = 'tro-ly-dvc-xoa-bo-nho-dem';
/** A small document of the origin (content scripts do not run in image documents such as /favicon.ico). */
const FRAME_PATH = '/robots.txt';

export interface SiteCachesResult {
  /** Caches deleted per host that answered. */
  deleted: Record<string, number>;
  /** Hosts whose caches could not be reached. */
  failed: string[];
}

const waiting = new Map<string, (deleted: number) => void>();
/** Tabs opened for a host (first-party isolation), by tab id. */
const openedTabs = new Map<number, string>();

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Only a frame the background made itself (no tab), or a tab it opened, on a host it waits for. */
function expected(sender: { tab?: { id?: number }; url?: string }): string | null {
  const host = hostOf(sender.url);
  if (!waiting.has(host)) return null;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return sender.tab === undefined ? host : null;
  return openedTabs.get(tabId) === host ? host : null;
}

export const siteCacheHandlers: Handlers = {
  'session:cache-frame': (_m, sender) => ({ clear: expected(sender) !== null }),
  'session:cache-frame-done': (m, sender) => {
    const host = expected(sender);
    if (host) waiting.get(host)?.(m.deleted);
    return { ok: true };
  },
};

const pageUrl = (host: string) => `https://${host}${FRAME_PATH}#${CACHE_FRAME_MARK}`;

/** Loads the host's page in a sandboxed frame of the background page; returns how to remove it. */
function openFrame(host: string): () => void {
  const frame = document.createElement('iframe');
  // Same origin kept (its Cache Storage is the target), the portal's scripts and navigation not.
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.src = pageUrl(host);
  document.body.append(frame);
  return () => frame.remove();
}

async function openTab(host: string): Promise<() => void> {
  const tab = await browser.tabs.create({ url: pageUrl(host), active: false });
  if (tab.id !== undefined) openedTabs.set(tab.id, host);
  return () => {
    if (tab.id === undefined) return;
    openedTabs.delete(tab.id);
    void browser.tabs.remove(tab.id).catch(() => undefined);
  };
}

export async function clearSiteCaches(hosts: readonly string[], opts: { isolated: boolean; timeoutMs?: number }): Promise<SiteCachesResult> {
  const result: SiteCachesResult = { deleted: {}, failed: [] };
  if (!opts.isolated && typeof document === 'undefined') return { deleted: {}, failed: [...hosts] };
  await Promise.all(
    hosts.map(async (host) => {
      const answered = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), opts.timeoutMs ?? 8_000);
        waiting.set(host, (n) => {
          clearTimeout(timer);
          resolve(n);
        });
      });
      const close = await (opts.isolated ? openTab(host) : openFrame(host));
      const deleted = await answered;
      waiting.delete(host);
      close();
      if (deleted === null) result.failed.push(host);
      else result.deleted[host] = deleted;
    }),
  );
  return result;
}
