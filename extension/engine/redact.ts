/** Diagnostics keep the shape of a URL, never its values: no personal data, no dossier ids. */
/** "/nop-ho-so/144865?maThuTuc=1.004884&x=1#/ke-khai/2.000986" → "/nop-ho-so/:n?maThuTuc=&x=#/ke-khai/:n"; UUIDs → ":uuid". */
export function redactPath(url: URL): string {
  const numbers = (p: string) =>
    p.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':uuid').replace(/\b\d[\d.\-]*/g, ':n');
  const keys = [...new Set([...url.searchParams.keys()])];
  const query = keys.length ? `?${keys.map((k) => `${k}=`).join('&')}` : '';
  const hashPath = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  return `${numbers(url.pathname)}${query}${hashPath ? `#${numbers(hashPath)}` : ''}`;
}
