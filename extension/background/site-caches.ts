/**
 * Firefox only: its browsingData API has no Cache Storage type, and `cache: true` clears the
 * network cache, not an origin's Cache Storage. Only a page of the origin can delete those caches.
 * The Firefox background is an event page with a DOM: it frames `https://<host>/robots.txt#<mark>`
 * for each session host; the content script site-caches.content.ts in that frame asks whether a
 * clear is expected, deletes the origin's caches and says how many it deleted. The frame is
 * sandboxed without scripts, so none of the portal's own code runs in it (a single-page portal
 * answers every path with its app). A host whose frame does not answer in time (offline, refused
 * framing, a redirect elsewhere) is reported as not cleared.
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

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Only frames the background made itself (no tab) on a host it is waiting for are answered. */
function expected(sender: { tab?: unknown; url?: string }): string | null {
  const host = hostOf(sender.url);
  return sender.tab === undefined && waiting.has(host) ? host : null;
}

export const siteCacheHandlers: Handlers = {
  'session:cache-frame': (_m, sender) => ({ clear: expected(sender) !== null }),
  'session:cache-frame-done': (m, sender) => {
    const host = expected(sender);
    if (host) waiting.get(host)?.(m.deleted);
    return { ok: true };
  },
};

export async function clearSiteCaches(hosts: readonly string[], timeoutMs = 8_000): Promise<SiteCachesResult> {
  const result: SiteCachesResult = { deleted: {}, failed: [] };
  if (typeof document === 'undefined') return { deleted: {}, failed: [...hosts] };
  await Promise.all(
    hosts.map(async (host) => {
      const frame = document.createElement('iframe');
      const answered = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        waiting.set(host, (n) => {
          clearTimeout(timer);
          resolve(n);
        });
      });
      // Same origin kept (its Cache Storage is the target), the portal's scripts and navigation not.
      frame.setAttribute('sandbox', 'allow-same-origin');
      frame.src = `https://${host}${FRAME_PATH}#${CACHE_FRAME_MARK}`;
      document.body.append(frame);
      const deleted = await answered;
      waiting.delete(host);
      frame.remove();
      if (deleted === null) result.failed.push(host);
      else result.deleted[host] = deleted;
    }),
  );
  return result;
}
