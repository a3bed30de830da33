/** Diagnostics keep the shape of a URL, never its values: no personal data, no dossier ids. */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Characters a redacted path segment may keep (the registry refuses anything else). */
const PLAIN_SEGMENT = /^[A-Za-z0-9\-._~:!]*$/;
const PLAIN_KEY = /^[A-Za-z0-9_\-.]+$/;

function segments(path: string): string {
  return path
    .split('/')
    .map((seg) => {
      const shaped = seg.replace(UUID, ':uuid').replace(/\b\d[\d.\-]*/g, ':n');
      // Percent-encoded or non-ASCII text (a name, a search word) says nothing about the page's shape.
      return PLAIN_SEGMENT.test(shaped) ? shaped : ':s';
    })
    .join('/');
}

/**
 * "/nop-ho-so/144865?maThuTuc=1.004884&x=1#/ke-khai/2.000986" → "/nop-ho-so/:n?maThuTuc=&x=#/ke-khai/:n";
 * UUIDs → ":uuid"; a segment with encoded or accented text → ":s"; query keys that are not plain
 * identifiers are left out.
 */
export function redactPath(url: URL): string {
  const keys = [...new Set([...url.searchParams.keys()])].filter((k) => PLAIN_KEY.test(k));
  const query = keys.length ? `?${keys.map((k) => `${k}=`).join('&')}` : '';
  const hashPath = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  return `${segments(url.pathname)}${query}${hashPath ? `#${segments(hashPath)}` : ''}`;
}
