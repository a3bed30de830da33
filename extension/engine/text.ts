import { foldVietnamese } from '../../shared/text/fold';

export type MatchMode = 'exact' | 'contains' | 'start';

/** Folded comparison on whole words: "Xã" does not match inside "xác nhận". */
export function textMatches(haystack: string, needles: readonly string[], mode: MatchMode = 'contains'): boolean {
  const hay = foldVietnamese(haystack);
  if (!hay) return false;
  return needles.some((n) => {
    const needle = foldVietnamese(n);
    if (!needle) return false;
    if (mode === 'exact') return hay === needle;
    if (mode === 'start') return hay === needle || hay.startsWith(`${needle} `);
    return ` ${hay} `.includes(` ${needle} `);
  });
}
