import { describe, expect, it } from 'vitest';
import { applyResults, nextBatch } from '../../../extension/outbox/batch';
import type { OutboxItem } from '../../../extension/outbox/types';
import type { SyncRecord } from '../../../shared/schemas/sync';
import { sampleAccount, sampleDiagnostic, sampleFiling } from '../../fakes/sample-records';

const item = (record: SyncRecord, state: OutboxItem['state'] = 'waiting'): OutboxItem => ({ clientId: record.clientId, record, createdAt: '2026-12-01T00:00:00Z', attempts: 0, state });
const bytes = () => 100;

describe('one envelope holds one kind of record (the endpoint stores one kind per post)', () => {
  it('takes the waiting items of the most urgent kind, oldest first; diagnostics go last', () => {
    const d = item(sampleDiagnostic());
    const a1 = item(sampleAccount() as SyncRecord);
    const f1 = item(sampleFiling());
    const f2 = item(sampleFiling());
    const gone = item(sampleFiling(), 'rejected');
    const items = [d, a1, f1, gone, f2];
    expect(nextBatch(items, { limit: 100, bytes }).map((i) => i.clientId)).toEqual([f1.clientId, f2.clientId]);
    expect(nextBatch([d, a1], { limit: 100, bytes }).map((i) => i.clientId)).toEqual([a1.clientId]);
    expect(nextBatch([d], { limit: 100, bytes }).map((i) => i.clientId)).toEqual([d.clientId]);
    expect(nextBatch(items, { limit: 100, bytes, skipKinds: new Set(['filing', 'account']) }).map((i) => i.clientId)).toEqual([d.clientId]);
    expect(nextBatch(items, { limit: 1, bytes })).toHaveLength(1);
  });

  it('halves a batch that would be too large', () => {
    const items = Array.from({ length: 8 }, () => item(sampleFiling()));
    expect(nextBatch(items, { limit: 100, bytes: (b) => b.length * 40_000 })).toHaveLength(2);
  });
});

describe('per-record answers', () => {
  it('delivered leave, refused stay visible, deferred wait without an error, unanswered wait with one', () => {
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => item(sampleFiling()));
    const sent = new Set([a!, b!, c!, d!].map((i) => i.clientId));
    const r = applyResults([a!, b!, c!, d!, e!], sent, [
      { clientId: a!.clientId, status: 'created' },
      { clientId: b!.clientId, status: 'duplicate' },
      { clientId: c!.clientId, status: 'deferred', message: 'Gửi lại ngay.' },
      // d: no answer at all
    ], { missing: 'chưa xác nhận', refused: 'không nhận' }, '2026-12-01T01:00:00Z');
    expect(r).toMatchObject({ delivered: 2, rejected: 0, deferred: 1, missing: 1 });
    expect(r.items.map((i) => i.clientId)).toEqual([c!.clientId, d!.clientId, e!.clientId]);
    expect(r.items[0]).toEqual(c);
    expect(r.items[1]!.lastError).toMatchObject({ code: 'BAD_ANSWER', message: 'chưa xác nhận' });
    expect(r.items[2]).toBe(e);
    const refused = applyResults([a!], new Set([a!.clientId]), [{ clientId: a!.clientId, status: 'rejected', message: 'Sai tổ.', issues: [{ path: 'toDanPho', message: 'Không có trong danh mục' }] }], { missing: '', refused: '' }, 't');
    expect(refused.items[0]).toMatchObject({ state: 'rejected', lastError: { code: 'INVALID', message: 'Sai tổ. (Không có trong danh mục)' } });
  });
});
