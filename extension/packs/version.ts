/**
 * Guide-data versions: "YYYY.MM.DD-N" (the release day, then a counter). The bundled data carries one
 * too, so a pack older than what the extension already ships is never used.
 */
export const VERSION_PATTERN = /^(\d{4})\.(\d{2})\.(\d{2})-(\d{1,4})$/;

/** The guide data built into this extension release (bump with every change of guides or routes). */
export const BUNDLED_GUIDE_DATA_VERSION = '2026.12.01-0';

/** Negative when a is older than b, 0 when equal, positive when newer. Unparsable versions are oldest. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION_PATTERN.exec(a)?.slice(1).map(Number);
  const pb = VERSION_PATTERN.exec(b)?.slice(1).map(Number);
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/** "0.1.10" ≥ "0.1.9": dotted extension versions compared number by number. */
export function extensionAtLeast(have: string, need: string): boolean {
  const h = have.split('.').map((n) => Number(n) || 0);
  const n = need.split('.').map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(h.length, n.length); i++) if ((h[i] ?? 0) !== (n[i] ?? 0)) return (h[i] ?? 0) > (n[i] ?? 0);
  return true;
}

/** What the envelopes and diagnostics say about the guide data in use. */
export function guideDataLabel(origin: 'bundled' | 'ward' | 'url', version: string): string {
  return (origin === 'bundled' ? `bundled-${version}` : version).slice(0, 40);
}
