/** The manifest's host patterns, what each is called for a volunteer, and which a guide needs (pure). */
import { CONTENT_MATCHES, HOST_LABELS, PORTAL_HOSTS, SYNC_HOSTS } from '../../shared/hosts';
import type { HostAccessStatus } from '../messages';

/** The manifest's host_permissions (wxt.config.ts builds them from the same lists). */
export const HOST_PATTERNS: readonly string[] = [...CONTENT_MATCHES, ...SYNC_HOSTS];


/** `https://*.x.vn/*` → `*.x.vn`. */
export const patternHost = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/.*$/, '');

/** "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)". */
export function hostAccessLabel(pattern: string): string {
  const host = patternHost(pattern);
  return HOST_LABELS[host] ? `${HOST_LABELS[host]} (${host})` : host;
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
