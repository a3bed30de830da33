import { MAX_RECORDS_PER_ENVELOPE, type SyncEnvelope } from '../../shared/schemas/sync';
import { buildEnvelope } from './core';
import type { OutboxItem } from './types';

/**
 * The exported file carries no access code (a file travels by Zalo or USB
 * stick): the add-on's "Nhập từ tệp" is run by a signed-in group leader and
 * ignores this placeholder. It keeps the file a valid SyncEnvelope.
 */
export const EXPORT_ACCESS_CODE = 'tep-xuat-khong-kem-ma';

/**
 * The outbox as the add-on imports it: one SyncEnvelope (action 'record'), or
 * an array of them when more than MAX_RECORDS_PER_ENVELOPE records wait. Same
 * clientIds as the endpoint would get, so importing after (or before) a send
 * never writes a record twice.
 */
export function buildExport(items: OutboxItem[], clientVersion: string, now: number): SyncEnvelope | SyncEnvelope[] {
  const envelopes: SyncEnvelope[] = [];
  for (let i = 0; i < items.length || envelopes.length === 0; i += MAX_RECORDS_PER_ENVELOPE) {
    envelopes.push(
      buildEnvelope('record', EXPORT_ACCESS_CODE, items.slice(i, i + MAX_RECORDS_PER_ENVELOPE).map((x) => x.record), clientVersion, now),
    );
  }
  return envelopes.length === 1 ? envelopes[0]! : envelopes;
}

export function exportFileName(now: number): string {
  const d = new Date(now + 7 * 3600_000).toISOString();
  return `so-cho-gui-tro-ly-dvc-${d.slice(0, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}.json`;
}
