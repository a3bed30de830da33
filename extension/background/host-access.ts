/**
 * Which hosts the extension may run on. Firefox treats MV3 host permissions as the user's choice:
 * it grants the manifest's hosts at first install only (a host added by an update is not granted),
 * and the user can withdraw any host at any time, as a Chromium user can in the extension's site
 * access. Without a host the content script silently does not run there and the outbox cannot
 * send, so the background checks at start-up and on every permission change, keeps the result
 * for the popup's notice, and opens that notice after an install or update that left a host out.
 */
import { storage } from 'wxt/utils/storage';
import { CONTENT_MATCHES, PORTAL_HOSTS, SYNC_HOSTS } from '../../shared/hosts';
import { handleMessages, type HostAccessStatus } from '../messages';

/** The manifest's host_permissions (wxt.config.ts builds them from the same lists). */
export const HOST_PATTERNS: readonly string[] = [...CONTENT_MATCHES, ...SYNC_HOSTS];

/** The last check, kept so open popups update when a permission changes. */
export const hostAccessItem = storage.defineItem<HostAccessStatus | null>('local:host-access', { fallback: null, version: 1 });

const LABELS: Record<string, string> = {
  [PORTAL_HOSTS.dvcqg]: 'Cổng Dịch vụ công quốc gia',
  [`*.${PORTAL_HOSTS.dvcqg}`]: 'các trang con của Cổng Dịch vụ công quốc gia (liên thông khai sinh, khai tử…)',
  [PORTAL_HOSTS.vneid]: 'trang đăng nhập VNeID',
  [PORTAL_HOSTS.moj]: 'Dịch vụ công ngành Tư pháp',
  [PORTAL_HOSTS.mojForms]: 'Tờ khai điện tử của Bộ Tư pháp',
  [PORTAL_HOSTS.thainguyen]: 'Cổng dịch vụ công tỉnh Thái Nguyên',
  'script.google.com': 'sổ của phường (Google Apps Script)',
  'script.googleusercontent.com': 'sổ của phường (trang trả lời của Google)',
};

/** `https://*.x.vn/*` → `*.x.vn`. */
export const patternHost = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/.*$/, '');

/** "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)". */
export function hostAccessLabel(pattern: string): string {
  const host = patternHost(pattern);
  return LABELS[host] ? `${LABELS[host]} (${host})` : host;
}

export function patternCovers(pattern: string, host: string): boolean {
  const p = patternHost(pattern);
  return p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p;
}

/** Patterns a guide starting at `url` cannot do without: its own portal and the VNeID login. */
export function missingForGuide(status: HostAccessStatus, url: string): string[] {
  const needed = [new URL(url).hostname, PORTAL_HOSTS.vneid];
  return status.missing.filter((p) => needed.some((h) => patternCovers(p, h)));
}

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
