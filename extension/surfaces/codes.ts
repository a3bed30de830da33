/**
 * The procedure a hand-off URL is about (docs/portal-evidence.md §6.1, §7, §8): national code from
 * `MaTTHC`, the local code `MaTTHCDP` (`2.000815.000.00.00.H55` → `2.000815`), `maThuTuc`,
 * or the liên thông route `#/ke-khai/<mã>`.
 */
import { lienthongCode } from './lienthong';

export interface UrlProcedureCode {
  /** National TTHC code, e.g. "1.001193". */
  code: string;
  /** Where it came from, for the notice shown to the volunteer. */
  source: 'MaTTHC' | 'MaTTHCDP' | 'maThuTuc' | 'ke-khai';
}

const NATIONAL = /^(\d\.\d{6})(?:\.|$)/;

function param(url: URL, name: string): string | null {
  // Query names differ in case between portals; values are codes, never personal data.
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

export function procedureCodeFromUrl(url: URL): UrlProcedureCode | null {
  for (const source of ['MaTTHC', 'MaTTHCDP', 'maThuTuc'] as const) {
    const match = NATIONAL.exec(param(url, source)?.trim() ?? '');
    if (match?.[1]) return { code: match[1], source };
  }
  const hash = lienthongCode(url);
  return hash ? { code: hash, source: 'ke-khai' } : null;
}
