import { MAX_RECORDS_PER_ENVELOPE, CLIENT_APP, SYNC_VERSION, SyncRecordSchema, type SyncEnvelope, type SyncRecord } from '../../shared/schemas/sync';
import { applyResults, nextBatch } from './batch';
import { isPracticeMarked, PRACTICE_REFUSED } from '../practice/brand';
import { backoffDelay } from './backoff';
import { POST_MESSAGES, postEnvelope } from './post';
import { validateEndpoint } from './endpoint';
import {
  EMPTY_SETTINGS,
  INITIAL_STATE,
  type LinkedInfo,
  type OutboxError,
  type OutboxItem,
  type SyncSettings,
  type SyncState,
} from './types';

export interface Cell<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
}

export interface SyncDeps {
  outbox: Cell<OutboxItem[]>;
  settings: Cell<SyncSettings>;
  state: Cell<SyncState>;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  /** Schedules (or with null cancels) the retry alarm. */
  scheduleRetry: (at: number | null) => Promise<void>;
  clientVersion: string;
  /** The guide data in use ("bundled-<version>" or a pack's version), told in every envelope. */
  guideData?: () => Promise<string>;
  /** Abort a request after this long (Apps Script can be slow, but not forever). */
  timeoutMs?: number;
}

export type FlushOutcome =
  | { kind: 'idle' }
  | { kind: 'not-linked' }
  | { kind: 'blocked'; error: OutboxError }
  | { kind: 'sent'; delivered: number; rejected: number }
  | { kind: 'retry'; delivered: number; rejected: number; at: number; error: OutboxError };

/** Codes that stop automatic sending until the volunteer fixes the link in the options page. */
const BLOCKING = new Set(['AUTH_MISSING', 'AUTH_WRONG', 'AUTH_EXPIRED', 'AUTH_REVOKED', 'NOT_SET_UP', 'BAD_VERSION']);
/** The endpoint refused the access code itself: such a code is never kept on the computer. */
const REFUSED_CODE = new Set(['AUTH_MISSING', 'AUTH_WRONG', 'AUTH_EXPIRED', 'AUTH_REVOKED']);
/** The registry is not set up for a record kind yet (the leader runs «Thiết lập sổ» after an update). */
const REGISTRY_NOT_READY = new Set(['NOT_SET_UP', 'BAD_VERSION']);
/** Envelope-level refusals that may be caused by one record of a batch: resend one by one to isolate it. */
const PER_RECORD = new Set(['INVALID', 'TOO_LARGE', 'BAD_JSON']);

export const MESSAGES = {
  ...POST_MESSAGES,
  notLinked: 'Chưa liên kết với sổ của phường: mở trang Cài đặt, dán địa chỉ web và mã truy cập.',
  missingResult: 'Máy chủ chưa xác nhận mục này. Tiện ích sẽ gửi lại.',
  helloNetwork:
    'Không kết nối được tới địa chỉ web này (mất mạng, hoặc địa chỉ chưa được triển khai). Địa chỉ và mã đã được lưu; các mục ghi sổ vẫn chờ trên máy này.',
  refusedNotSaved: 'Mã này không được lưu.',
  refusedNotSavedOldKept: 'Mã vừa dán không được lưu; mã đã lưu trước đó vẫn giữ nguyên.',
  refusedRemoved: 'Mã này đã được xoá khỏi máy; hãy dán mã mới tổ trưởng cấp.',
} as const;

const encoder = new TextEncoder();

export function buildEnvelope(action: 'hello' | 'record', accessCode: string, records: SyncRecord[], version: string, now: number, guideData?: string): SyncEnvelope {
  return {
    v: SYNC_VERSION,
    action,
    accessCode,
    client: { app: CLIENT_APP, version: version.slice(0, 20), sentAt: new Date(now).toISOString(), ...(guideData ? { guideData: guideData.slice(0, 40) } : {}) },
    records,
  };
}

export function createSyncEngine(deps: SyncDeps) {
  const timeoutMs = deps.timeoutMs ?? 45_000;
  const iso = () => new Date(deps.now()).toISOString();

  // Every change to the outbox goes through this chain, so an enqueue, a delete
  // and the sender's bookkeeping never overwrite each other.
  let chain: Promise<unknown> = Promise.resolve();
  function mutate<T>(fn: (items: OutboxItem[]) => { items: OutboxItem[]; result: T } | Promise<{ items: OutboxItem[]; result: T }>): Promise<T> {
    const run = chain.then(async () => {
      const current = await deps.outbox.get();
      const { items, result } = await fn(current);
      if (items !== current) await deps.outbox.set(items);
      return result;
    });
    chain = run.catch(() => undefined);
    return run;
  }
  let stateChain: Promise<unknown> = Promise.resolve();
  function updateState(fn: (s: SyncState) => SyncState): Promise<SyncState> {
    const run = stateChain.then(async () => {
      const next = fn({ ...INITIAL_STATE, ...(await deps.state.get()) });
      await deps.state.set(next);
      return next;
    });
    stateChain = run.catch(() => undefined);
    return run;
  }

  const post = (endpoint: string, envelope: SyncEnvelope) => postEnvelope(deps.fetch, endpoint, envelope, timeoutMs, iso);

  const envelopeBytes = (b: OutboxItem[], accessCode: string, guideData?: string) =>
    encoder.encode(JSON.stringify(buildEnvelope('record', accessCode, b.map((i) => i.record), deps.clientVersion, deps.now(), guideData))).length;

  async function scheduleAfterFailure(error: OutboxError): Promise<number> {
    const s = await updateState((s) => {
      const failures = s.failures + 1;
      return { ...s, failures, nextAttemptAt: deps.now() + backoffDelay(failures, deps.random), lastError: error };
    });
    await deps.scheduleRetry(s.nextAttemptAt);
    return s.nextAttemptAt!;
  }

  async function markBatch(ids: Set<string>, patch: (i: OutboxItem) => OutboxItem): Promise<void> {
    await mutate((items) => ({ items: items.map((i) => (ids.has(i.clientId) ? patch(i) : i)), result: undefined }));
  }

  async function runFlush(): Promise<FlushOutcome> {
    const settings = { ...EMPTY_SETTINGS, ...(await deps.settings.get()) };
    const state = { ...INITIAL_STATE, ...(await deps.state.get()) };
    if (state.blocked) return { kind: 'blocked', error: state.blocked };
    if (!settings.endpoint || !settings.accessCode) {
      const waiting = (await deps.outbox.get()).some((i) => i.state === 'waiting');
      return waiting ? { kind: 'not-linked' } : { kind: 'idle' };
    }
    let delivered = 0;
    let rejected = 0;
    let limit = MAX_RECORDS_PER_ENVELOPE;
    let sentAny = false;
    const skipKinds = new Set<SyncRecord['kind']>();
    let diagnosticsWait: OutboxError | null = null;
    const guideData = await deps.guideData?.().catch(() => undefined);
    for (;;) {
      const batch = nextBatch(await deps.outbox.get(), { limit, skipKinds, bytes: (b) => envelopeBytes(b, settings.accessCode, guideData) });
      if (batch.length === 0) break;
      const batchKind = batch[0]!.record.kind;
      const ids = new Set(batch.map((i) => i.clientId));
      const at = iso();
      await markBatch(ids, (i) => ({ ...i, attempts: i.attempts + 1, lastAttemptAt: at }));
      const envelope = buildEnvelope('record', settings.accessCode, batch.map((i) => i.record), deps.clientVersion, deps.now(), guideData);
      const result = await post(settings.endpoint, envelope);
      sentAny = true;

      if (result.kind === 'failure') {
        await markBatch(ids, (i) => ({ ...i, lastError: result.error }));
        const retryAt = await scheduleAfterFailure(result.error);
        return { kind: 'retry', delivered, rejected, at: retryAt, error: result.error };
      }
      const { response } = result;
      if (!response.ok && response.error) {
        const error: OutboxError = { code: response.error.code, message: response.error.message, at: iso() };
        if (batchKind === 'diagnostic' && REGISTRY_NOT_READY.has(response.error.code)) {
          // The ward's sheet is not set up for diagnostics yet: they wait, filings and accounts still go.
          await markBatch(ids, (i) => ({ ...i, lastError: error }));
          skipKinds.add('diagnostic');
          diagnosticsWait = error;
          continue;
        }
        if (BLOCKING.has(response.error.code)) {
          await markBatch(ids, (i) => ({ ...i, lastError: error }));
          await updateState((s) => ({ ...s, blocked: error, lastError: error, nextAttemptAt: null }));
          await deps.scheduleRetry(null);
          return { kind: 'blocked', error };
        }
        if (response.error.retryable || !PER_RECORD.has(response.error.code)) {
          // BUSY, RATE_LIMITED, SERVER…: nothing wrong with the records themselves; try again later.
          await markBatch(ids, (i) => ({ ...i, lastError: error }));
          const retryAt = await scheduleAfterFailure(error);
          return { kind: 'retry', delivered, rejected, at: retryAt, error };
        }
        if (PER_RECORD.has(response.error.code) && batch.length > 1) {
          // One record may spoil the whole envelope: send one by one to find it.
          limit = 1;
          continue;
        }
        // A single record that spoils the envelope (invalid, too large): keep it visible, do not retry it.
        await markBatch(ids, (i) => ({ ...i, state: 'rejected', lastError: error }));
        rejected += batch.length;
        continue;
      }
      // Per-record results: created and duplicate are in the sheet; rejected stays visible.
      const applied = await mutate((items) => {
        const r = applyResults(items, ids, response.results, { missing: MESSAGES.missingResult, refused: 'Sổ không nhận mục này.' }, iso());
        return { items: r.items, result: r };
      });
      delivered += applied.delivered;
      rejected += applied.rejected;
      // "deferred" alone would resend the same batch for ever: a post that moved nothing is a bad answer.
      const stuck = applied.deferred > 0 && applied.delivered + applied.rejected === 0;
      if (applied.missing > 0 || stuck) {
        const error: OutboxError = { code: 'BAD_ANSWER', message: MESSAGES.missingResult, at: iso() };
        if (stuck) await markBatch(ids, (i) => ({ ...i, lastError: error }));
        const retryAt = await scheduleAfterFailure(error);
        return { kind: 'retry', delivered, rejected, at: retryAt, error };
      }
      await updateState((s) => ({ ...s, failures: 0, nextAttemptAt: null, lastError: null, lastSuccessAt: iso() }));
    }
    if (diagnosticsWait) {
      const retryAt = await scheduleAfterFailure(diagnosticsWait);
      return { kind: 'retry', delivered, rejected, at: retryAt, error: diagnosticsWait };
    }
    if (sentAny) await deps.scheduleRetry(null);
    return delivered + rejected > 0 ? { kind: 'sent', delivered, rejected } : { kind: 'idle' };
  }

  // Single flight: one send at a time; a request made meanwhile runs once more after it.
  let inflight: Promise<FlushOutcome> | null = null;
  let again = false;
  function flush(): Promise<FlushOutcome> {
    if (inflight) {
      again = true;
      return inflight;
    }
    inflight = (async () => {
      try {
        let outcome: FlushOutcome;
        do {
          again = false;
          outcome = await runFlush();
        } while (again && (outcome.kind === 'sent' || outcome.kind === 'idle'));
        return outcome;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  async function enqueue(record: unknown): Promise<{ ok: true; waiting: number } | { ok: false; message: string }> {
    // A rehearsal's filing never enters the outbox, whatever else it looks like.
    if (isPracticeMarked(record)) return { ok: false, message: PRACTICE_REFUSED };
    const parsed = SyncRecordSchema.safeParse(record);
    if (!parsed.success) {
      return { ok: false, message: `Dữ liệu chưa hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
    }
    const waiting = await mutate((items) => {
      if (items.some((i) => i.clientId === parsed.data.clientId)) return { items, result: items.length };
      const item: OutboxItem = { clientId: parsed.data.clientId, record: parsed.data, createdAt: iso(), attempts: 0, state: 'waiting' };
      const next = [...items, item];
      return { items: next, result: next.length };
    });
    return { ok: true, waiting };
  }

  async function remove(clientId: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const found = await mutate((items) => {
      const next = items.filter((i) => i.clientId !== clientId);
      return { items: next.length === items.length ? items : next, result: next.length !== items.length };
    });
    return found ? { ok: true } : { ok: false, message: 'Không tìm thấy mục này trong hàng chờ (có thể đã gửi xong).' };
  }

  /** Makes rejected items waiting again (one, or all), clears the block, and sends now. */
  async function resend(clientId?: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const found = await mutate((items) => {
      let hit = false;
      const next = items.map((i) => {
        if (clientId && i.clientId !== clientId) return i;
        hit = true;
        return i.state === 'rejected' ? { ...i, state: 'waiting' as const } : i;
      });
      return { items: next, result: hit || !clientId };
    });
    if (!found) return { ok: false, message: 'Không tìm thấy mục này trong hàng chờ (có thể đã gửi xong).' };
    await updateState((s) => ({ ...s, blocked: null, nextAttemptAt: null }));
    void flush();
    return { ok: true };
  }

  async function hello(endpoint: string, accessCode: string): Promise<{ ok: true; linked: LinkedInfo } | { ok: false; message: string; code?: string }> {
    const result = await post(endpoint, buildEnvelope('hello', accessCode, [], deps.clientVersion, deps.now(), await deps.guideData?.().catch(() => undefined)));
    if (result.kind === 'failure') {
      const message = result.error.code === 'NETWORK' ? MESSAGES.helloNetwork : result.error.message;
      return { ok: false, message, code: result.error.code };
    }
    const r = result.response;
    if (!r.ok || !r.linked) {
      return { ok: false, message: r.error?.message ?? MESSAGES.badAnswer, code: r.error?.code ?? 'BAD_ANSWER' };
    }
    return { ok: true, linked: r.linked };
  }

  /** A hello answer for the stored link: keeps who it is linked to, or blocks sending until it is fixed. */
  async function adoptHello(r: Awaited<ReturnType<typeof hello>>, latest: SyncSettings) {
    if (r.ok) {
      await deps.settings.set({ ...latest, linked: r.linked, linkedAt: iso() });
      await updateState((s) => ({ ...s, blocked: null, failures: 0, nextAttemptAt: null }));
      void flush();
    } else if (r.code && BLOCKING.has(r.code)) {
      const error: OutboxError = { code: r.code as OutboxError['code'], message: r.message, at: iso() };
      await deps.settings.set({ ...latest, linked: null });
      await updateState((s) => ({ ...s, blocked: error, lastError: error }));
    }
    return r;
  }

  /**
   * Checks a pasted endpoint and code, then saves them: even when the check cannot reach the
   * endpoint (a volunteer may be offline), but never a code the endpoint refused.
   */
  async function link(endpointInput: string, accessCodeInput: string) {
    const endpoint = validateEndpoint(endpointInput);
    if (!endpoint.ok) return { ok: false as const, message: endpoint.message, code: 'INVALID' };
    // The add-on ignores case, spaces and dashes in codes typed by hand.
    const accessCode = accessCodeInput.trim().replace(/\s+/g, ' ');
    const significant = accessCode.replace(/[\s-]/g, '');
    if (significant.length < 8 || accessCode.length > 128) {
      return { ok: false as const, message: 'Mã truy cập quá ngắn hoặc quá dài. Hãy chép lại đúng mã tổ trưởng đã cấp (dạng DVC-XXXX-XXXX-…).', code: 'AUTH_MISSING' };
    }
    const r = await hello(endpoint.url, accessCode);
    if (!r.ok && r.code && REFUSED_CODE.has(r.code)) {
      const kept = { ...EMPTY_SETTINGS, ...(await deps.settings.get()) };
      return { ...r, message: `${r.message} ${kept.accessCode ? MESSAGES.refusedNotSavedOldKept : MESSAGES.refusedNotSaved}` };
    }
    const saved: SyncSettings = { endpoint: endpoint.url, accessCode, linked: null };
    await deps.settings.set(saved);
    return adoptHello(r, saved);
  }

  async function checkLink() {
    const settings = { ...EMPTY_SETTINGS, ...(await deps.settings.get()) };
    if (!settings.endpoint || !settings.accessCode) return { ok: false as const, message: MESSAGES.notLinked, code: 'NOT_LINKED' };
    const r = await hello(settings.endpoint, settings.accessCode);
    const latest = { ...EMPTY_SETTINGS, ...(await deps.settings.get()) };
    if (latest.accessCode !== settings.accessCode) return r; // unlinked or relinked meanwhile
    if (!r.ok && r.code && REFUSED_CODE.has(r.code)) {
      // The stored code is no good any more (wrong, expired, revoked): it is not kept either.
      const error: OutboxError = { code: r.code as OutboxError['code'], message: `${r.message} ${MESSAGES.refusedRemoved}`, at: iso() };
      await deps.settings.set({ endpoint: latest.endpoint, accessCode: '', linked: null });
      await updateState((s) => ({ ...s, blocked: error, lastError: error, nextAttemptAt: null }));
      await deps.scheduleRetry(null);
      return { ...r, message: error.message };
    }
    return adoptHello(r, latest);
  }

  async function unlink(): Promise<{ ok: true }> {
    const s = { ...EMPTY_SETTINGS, ...(await deps.settings.get()) };
    await deps.settings.set({ endpoint: s.endpoint, accessCode: '', linked: null });
    await updateState((st) => ({ ...st, blocked: null, nextAttemptAt: null, failures: 0 }));
    await deps.scheduleRetry(null);
    return { ok: true };
  }

  return { enqueue, remove, resend, flush, hello, link, checkLink, unlink };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
