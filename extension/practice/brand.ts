/**
 * What makes something a rehearsal: the fixed banner every practice page carries, the mark a
 * practice run puts on its session and its captured code, and the pages that are practice pages.
 * The outbox's types exclude anything marked (extension/outbox/types.ts), and the background
 * refuses practice pages at run time (extension/outbox/background.ts).
 */

export const PRACTICE_BANNER = 'BẢN TẬP LUYỆN — không phải cổng dịch vụ công thật, không gửi đi đâu';

export interface PracticeMark {
  readonly scenarioId: string;
  readonly runId: string;
}

/** A session, a capture or a record produced by a practice run. */
export type Practice<T> = T & { readonly practice: PracticeMark };

export const PRACTICE_REFUSED = 'Đây là hồ sơ của bản tập luyện: không đưa vào hàng chờ, không ghi vào sổ của phường.';

/** True for anything carrying the practice mark (a message's record, whatever its other fields). */
export function isPracticeMarked(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'practice' in value;
}

/** The shell (banner, start, result) and the frame that holds the replica of a portal page. */
export const SHELL_PAGE = '/practice.html';
export const FRAME_PAGE = '/practice-frame.html';

/** `scheme://host` of a URL (an extension URL's `origin` is "null" where the scheme is not a web one). */
const siteOf = (u: URL) => `${u.protocol}//${u.host}`;

/** True when `url` is one of this extension's practice pages (`base`: the extension's own URL, e.g. runtime.getURL('/')). */
export function isPracticePage(url: string | undefined, base: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return siteOf(u) === siteOf(new URL(base)) && (u.pathname === SHELL_PAGE || u.pathname === FRAME_PAGE);
  } catch {
    return false;
  }
}
