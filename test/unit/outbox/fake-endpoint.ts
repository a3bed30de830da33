import { SyncEnvelopeSchema, type SyncRecord, type SyncResponse } from '../../../shared/schemas/sync';
import type { Cell } from '../../../extension/outbox/core';

/** A tiny stand-in for the add-on's doPost: idempotent by clientId, answers per record. */
export function fakeEndpoint() {
  const rows = new Map<string, SyncRecord>();
  const calls: Array<{ url: string; init: RequestInit; records: number }> = [];
  let mode: 'up' | 'down' | 'html' | 'lose-answer' | 'auth-revoked' | 'busy' | 'rate-limited-unflagged' = 'up';
  let rejectWhen: (r: SyncRecord) => string | null = () => null;
  /** Refuses the whole envelope (INVALID) when it holds a matching record. */
  let spoilWhen: (r: SyncRecord) => boolean = () => false;

  const answer = (body: SyncResponse) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  const fetch = (async (url: string, init: RequestInit) => {
    const envelope = SyncEnvelopeSchema.parse(JSON.parse(String(init.body)));
    calls.push({ url, init, records: envelope.records.length });
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'html') return new Response('<!DOCTYPE html><html><body>Lỗi</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (mode === 'auth-revoked') {
      return answer({ ok: false, v: 1, error: { code: 'AUTH_REVOKED', message: 'Mã truy cập đã bị thu hồi.', retryable: false }, results: [], serverVersion: 't' });
    }
    if (mode === 'rate-limited-unflagged') {
      return answer({ ok: false, v: 1, error: { code: 'RATE_LIMITED', message: 'Gửi quá nhiều.', retryable: false }, results: [], serverVersion: 't' });
    }
    if (mode === 'busy') {
      return answer({ ok: false, v: 1, error: { code: 'BUSY', message: 'Sổ đang bận.', retryable: true }, results: [], serverVersion: 't' });
    }
    if (envelope.records.some(spoilWhen)) {
      return answer({ ok: false, v: 1, error: { code: 'INVALID', message: 'Dữ liệu không hợp lệ.', retryable: false }, results: [], serverVersion: 't' });
    }
    if (envelope.action === 'hello') {
      return answer({ ok: true, v: 1, linked: { volunteerId: 'TNV-001', volunteerName: 'Lê Thị Hoa', ward: 'Đồng Tiến' }, results: [], serverVersion: 't' });
    }
    const results = envelope.records.map((r) => {
      const why = rejectWhen(r);
      if (why) return { clientId: r.clientId, status: 'rejected' as const, message: why };
      if (rows.has(r.clientId)) return { clientId: r.clientId, status: 'duplicate' as const };
      rows.set(r.clientId, r);
      return { clientId: r.clientId, status: 'created' as const };
    });
    if (mode === 'lose-answer') throw new TypeError('network error after append');
    return answer({ ok: true, v: 1, results, serverVersion: 't' });
  }) as unknown as typeof globalThis.fetch;

  return {
    fetch,
    rows,
    calls,
    setMode: (m: typeof mode) => (mode = m),
    setReject: (fn: typeof rejectWhen) => (rejectWhen = fn),
    setSpoil: (fn: typeof spoilWhen) => (spoilWhen = fn),
  };
}

export function memoryCell<T>(initial: T): Cell<T> & { value: T; writes: number } {
  const c = {
    value: structuredClone(initial),
    writes: 0,
    async get() {
      return structuredClone(c.value);
    },
    async set(v: T) {
      c.writes++;
      c.value = structuredClone(v);
    },
  };
  return c;
}
