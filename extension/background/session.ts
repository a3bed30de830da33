/**
 * "Kết thúc phiên": clears every trace of the resident's login on the portal and login origins
 * listed in shared/hosts.ts (cookies in every partition, localStorage, IndexedDB, Cache Storage,
 * service workers, the HTTP cache where the browser can filter it by origin), closes the guided
 * sessions and reports what was cleared, and what could not be.
 */
import { SESSION_ORIGINS } from '../../shared/hosts';
import { handleMessages, sendToTab, type ClearedKind, type EndSessionReport } from '../messages';
import { guidedSessions, residentSession } from '../storage/items';
import { firstPartyIsolated, listSessionCookies, removeSessionCookies } from './session-cookies';
import { clearSiteCaches, siteCacheHandlers } from './site-caches';

type Browser = typeof browser;

const HOSTS = SESSION_ORIGINS.map((o) => new URL(o).hostname);

/** Chromium filters browsingData by origin and clears Cache Storage itself. */
type StorageResult = Pick<EndSessionReport, 'cleared' | 'notCleared' | 'cachesDeleted'>;

async function clearChromium(api: Browser): Promise<StorageResult> {
  const origins = SESSION_ORIGINS as [string, ...string[]];
  await api.browsingData.remove(
    { origins },
    { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true, fileSystems: true },
  );
  const cleared: ClearedKind[] = ['cookies', 'localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers'];
  if (await api.browsingData.remove({ origins }, { cache: true }).then(() => true, () => false)) cleared.push('cache');
  return { cleared, notCleared: [] };
}

/**
 * Firefox filters browsingData by host name (it matches host and port), for these types only; the
 * service workers go first so none is left to refill a cache, then each origin's Cache Storage is
 * deleted from a page of that origin, then whatever that page load stored is swept again.
 */
async function clearFirefox(api: Browser): Promise<StorageResult> {
  const types = { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true };
  const byHost = { hostnames: HOSTS } as Browser.browsingData.RemovalOptions;
  await api.browsingData.remove(byHost, types);
  const caches = await clearSiteCaches(HOSTS, { isolated: await firstPartyIsolated(api) });
  await api.browsingData.remove(byHost, types);
  const cleared: ClearedKind[] = ['cookies', 'localStorage', 'indexedDB', 'serviceWorkers'];
  if (Object.keys(caches.deleted).length) cleared.push('cacheStorage');
  return {
    cleared,
    cachesDeleted: caches.deleted,
    notCleared: caches.failed.length ? [{ kind: 'cacheStorage', hosts: caches.failed }] : [],
  };
}

export async function endResidentSession(api: Browser = browser): Promise<EndSessionReport> {
  // Counted and removed one by one first, so the report says how many (partitioned ones too).
  const cookies = await removeSessionCookies(api, HOSTS);
  const storage: StorageResult = import.meta.env.BROWSER === 'firefox' ? await clearFirefox(api) : await clearChromium(api);
  // Checked, not assumed: a cookie still there is reported.
  const left = await listSessionCookies(api, HOSTS);
  const sessions = await guidedSessions.getValue();
  const tabs = Object.keys(sessions).map(Number);
  await guidedSessions.setValue({});
  await residentSession.setValue(null);
  // Pages still open keep tokens in memory and sessionStorage: ask them to drop it and reload.
  await Promise.all(tabs.map((id) => sendToTab(id, { type: 'session:ended' })));
  const notCleared = [...storage.notCleared];
  if (left.length) notCleared.unshift({ kind: 'cookies', hosts: [...new Set(left.map((c) => c.domain.replace(/^\./, '')))] });
  return {
    origins: [...SESSION_ORIGINS],
    cookiesRemoved: cookies.removed,
    partitionedCookiesRemoved: cookies.partitioned,
    cookiesByHost: cookies.byHost,
    cleared: storage.cleared,
    ...(storage.cachesDeleted ? { cachesDeleted: storage.cachesDeleted } : {}),
    notCleared,
    guidedTabsClosed: tabs.length,
    at: new Date().toISOString(),
  };
}

export function setupSessionEnd(): void {
  handleMessages(
    { 'session:end': () => endResidentSession(), ...(import.meta.env.BROWSER === 'firefox' ? siteCacheHandlers : {}) },
    (_type, e) => ({ error: e instanceof Error ? e.message : String(e) }),
  );
}
