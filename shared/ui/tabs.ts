/**
 * The WAI-ARIA tabs pattern's keys, for the add-on sidebar and the extension's record page: which
 * tab a key moves to from tab `index` of `count` (wrapping), or null for any other key.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
