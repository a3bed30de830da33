/**
 * What the sender puts in one envelope, and what it makes of the per-record answers. Pure
 * functions of the outbox, so the rules are tested without a browser.
 */
import { MAX_BODY_BYTES, MAX_RECORDS_PER_ENVELOPE, type RecordResult, type SyncRecord } from '../../shared/schemas/sync';
import type { OutboxError, OutboxItem } from './types';

type Kind = SyncRecord['kind'];
/** Records the ward needs first; diagnostics go last, so a registry not yet set up for them never holds up a filing. */
const KIND_ORDER: Kind[] = ['filing', 'account', 'diagnostic'];

/**
 * The oldest waiting items of ONE kind (the endpoint stores one kind per post, at a fixed cost),
 * the most urgent kind first, at most `limit` items and about 90 % of the body limit.
 */
export function nextBatch(items: readonly OutboxItem[], opts: { limit: number; skipKinds?: ReadonlySet<Kind>; bytes(batch: OutboxItem[]): number }): OutboxItem[] {
  const waiting = items.filter((i) => i.state === 'waiting' && !opts.skipKinds?.has(i.record.kind));
  const kind = KIND_ORDER.find((k) => waiting.some((i) => i.record.kind === k));
  let batch = waiting.filter((i) => i.record.kind === kind).slice(0, Math.min(opts.limit, MAX_RECORDS_PER_ENVELOPE));
  while (batch.length > 1 && opts.bytes(batch) > MAX_BODY_BYTES * 0.9) batch = batch.slice(0, Math.ceil(batch.length / 2));
  return batch;
}

export interface Applied {
  items: OutboxItem[];
  delivered: number;
  rejected: number;
  /** Sent but not answered: kept, with an error, for a retry with back-off. */
  missing: number;
  /** Answered "deferred" (the post stored another kind): kept waiting, no error, sent again at once. */
  deferred: number;
}

/** Applies one post's per-record results to the outbox: delivered items leave it, refused ones stay visible. */
export function applyResults(items: readonly OutboxItem[], sent: ReadonlySet<string>, results: readonly RecordResult[], messages: { missing: string; refused: string }, at: string): Applied {
  const byId = new Map(results.map((r) => [r.clientId, r]));
  const out: Applied = { items: [], delivered: 0, rejected: 0, missing: 0, deferred: 0 };
  for (const item of items) {
    const r = sent.has(item.clientId) ? byId.get(item.clientId) : undefined;
    if (!sent.has(item.clientId)) out.items.push(item);
    else if (r?.status === 'created' || r?.status === 'duplicate') out.delivered++;
    else if (r?.status === 'deferred') {
      out.deferred++;
      out.items.push(item);
    } else if (r?.status === 'rejected') {
      out.rejected++;
      const detail = r.issues?.length ? ` (${r.issues.map((x) => x.message).join('; ')})` : '';
      const lastError: OutboxError = { code: 'INVALID', message: `${r.message ?? messages.refused}${detail}`, at };
      out.items.push({ ...item, state: 'rejected', lastError });
    } else {
      out.missing++;
      out.items.push({ ...item, lastError: { code: 'BAD_ANSWER', message: messages.missing, at } });
    }
  }
  return out;
}
