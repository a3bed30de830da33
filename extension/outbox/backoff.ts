/** First retry about 30 s after a failure (Chrome's minimum alarm delay for packed extensions). */
export const RETRY_BASE_MS = 30_000;
/** Never wait more than 30 minutes between attempts. */
export const RETRY_CAP_MS = 30 * 60_000;

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure
 * wait between half and all of min(cap, base·2^(n-1)), so many volunteers whose
 * sends failed together do not all retry at the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, failures);
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
