/** Small helpers shared by the page detectors: each detector is a pure function of the URL and the route table. */

export type Detector = (url: URL) => boolean;

/** Path without a trailing slash ("/" stays "/"). */
export function cleanPath(url: URL): string {
  const p = url.pathname.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** The path of a hash route: "#/ke-khai/2.000986?x=1" → "/ke-khai/2.000986". */
export function hashPath(url: URL): string {
  const raw = url.hash.replace(/^#!?/, '').split('?')[0] ?? '';
  const p = raw.replace(/\/+$/, '');
  return p === '' ? '/' : p.startsWith('/') ? p : `/${p}`;
}

export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
