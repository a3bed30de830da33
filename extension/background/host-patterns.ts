/** The manifest's host patterns, what each is called for a volunteer, and which a guide needs (pure). */
import { CONTENT_MATCHES, PORTAL_HOSTS, SYNC_HOSTS } from '../../shared/hosts';
import type { HostAccessStatus } from '../messages';

/** The manifest's host_permissions (wxt.config.ts builds them from the same lists). */
export const HOST_PATTERNS: readonly string[] = [...CONTENT_MATCHES, ...SYNC_HOSTS];

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
