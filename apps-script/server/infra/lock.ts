// The one script lock shared by the web endpoint, sidebar writes, the edit
// trigger and the daily purge. Sheets batches writes, so pending writes are
// flushed BEFORE the lock is released: otherwise the next execution taking the
// lock could read the old last row and overwrite this one's rows.
export const LOCK_WAIT_MS = 20_000;

export type Locked<T> = { ok: true; value: T } | { ok: false };

/** Runs fn under the script lock; { ok: false } when the lock was not obtained in time. */
export function withScriptLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
