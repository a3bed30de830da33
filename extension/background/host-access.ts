/**
 * Which hosts the extension may run on. Firefox treats MV3 host permissions as the user's choice:
 * it grants the manifest's hosts at first install only (a host added by an update is not granted),
 * and the user can withdraw any host at any time, as a Chromium user can in the extension's site
 * access. Without a host the content script silently does not run there and the outbox cannot
 * send, so the background checks at start-up and on every permission change, keeps the result
 * for the popup's notice, and opens that notice after an install or update that left a host out.
 */
import { storage } from 'wxt/utils/storage';
import { handleMessages, type HostAccessStatus } from '../messages';
import { HOST_PATTERNS } from './host-patterns';

/** The last check, kept so open popups update when a permission changes. */
export const hostAccessItem = storage.defineItem<HostAccessStatus | null>('local:host-access', { fallback: null, version: 1 });

export async function checkHostAccess(api: typeof browser = browser): Promise<HostAccessStatus> {
  const granted = await Promise.all(HOST_PATTERNS.map((p) => api.permissions.contains({ origins: [p] }).catch(() => false)));
  return { missing: HOST_PATTERNS.filter((_, i) => !granted[i]), checkedAt: new Date().toISOString() };
}

async function refresh(): Promise<HostAccessStatus> {
  const status = await checkHostAccess();
  await hostAccessItem.setValue(status);
  return status;
}

export function setupHostAccess(): void {
  handleMessages({ 'host-access:status': () => refresh() }, () => ({ missing: [], checkedAt: new Date().toISOString() }));
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void refresh().then((status) => {
      // Only a click can grant a host: show the volunteer the notice with its button.
      if (status.missing.length) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });
  });
  void refresh();
}
