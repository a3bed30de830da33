/**
 * "Kết thúc phiên": clears every trace of the resident's login on the portal and login origins
 * listed in shared/hosts.ts (cookies, localStorage, IndexedDB, Cache Storage, service workers, the
 * HTTP cache where the browser can filter it by origin), closes the guided sessions and reports
 * what was cleared.
 */
import { SESSION_ORIGINS } from '../../shared/hosts';
import { handleMessages, sendToTab, type EndSessionReport } from '../messages';
import { guidedSessions, residentSession } from '../storage/items';

type Browser = typeof browser;

async function removeCookies(api: Browser): Promise<number> {
  const seen = new Map<string, Browser.cookies.Cookie>();
  for (const origin of SESSION_ORIGINS) {
    const host = new URL(origin).hostname;
    const lists = await Promise.all([
      api.cookies.getAll({ url: origin }).catch(() => []),
      api.cookies.getAll({ domain: host }).catch(() => []),
    ]);
    for (const c of lists.flat()) seen.set(`${c.storeId}|${c.domain}|${c.path}|${c.name}`, c);
  }
  let removed = 0;
  for (const c of seen.values()) {
    const url = `https://${c.domain.replace(/^\./, '')}${c.path}`;
    const done = await api.cookies.remove({ url, name: c.name, storeId: c.storeId }).catch(() => null);
    if (done) removed++;
  }
  return removed;
}

export async function endResidentSession(api: Browser = browser): Promise<EndSessionReport> {
  const cookiesRemoved = await removeCookies(api);
  const cleared: EndSessionReport['cleared'] = ['cookies'];
  const isFirefox = import.meta.env.BROWSER === 'firefox';
  const origins = SESSION_ORIGINS as [string, ...string[]];
  if (isFirefox) {
    // Firefox filters by host name, and only for these data types.
    const hostnames = SESSION_ORIGINS.map((o) => new URL(o).hostname);
    await api.browsingData.remove({ hostnames } as Browser.browsingData.RemovalOptions, { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true });
    cleared.push('localStorage', 'indexedDB', 'serviceWorkers');
  } else {
    await api.browsingData.remove(
      { origins },
      { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true, fileSystems: true },
    );
    cleared.push('localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers');
    const httpCache = await api.browsingData.remove({ origins }, { cache: true }).then(() => true, () => false);
    if (httpCache) cleared.push('cache');
  }
  const sessions = await guidedSessions.getValue();
  const tabs = Object.keys(sessions).map(Number);
  await guidedSessions.setValue({});
  await residentSession.setValue(null);
  // Pages still open keep tokens in memory and sessionStorage: ask them to drop it and reload.
  await Promise.all(tabs.map((id) => sendToTab(id, { type: 'session:ended' })));
  return { origins: [...SESSION_ORIGINS], cookiesRemoved, cleared, guidedTabsClosed: tabs.length, at: new Date().toISOString() };
}

export function setupSessionEnd(): void {
  handleMessages({ 'session:end': () => endResidentSession() }, (_type, e) => ({ error: e instanceof Error ? e.message : String(e) }));
}
