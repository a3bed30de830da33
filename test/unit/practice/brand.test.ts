/** A practice filing can never enter the outbox: excluded by type, refused at run time. */
import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../shared/schemas/sync';
import type { Message } from '../../../extension/messages';
import { createSyncEngine } from '../../../extension/outbox/core';
import { EMPTY_SETTINGS, INITIAL_STATE, type OutboxItem, type QueueableRecord, type SyncSettings, type SyncState } from '../../../extension/outbox/types';
import { isPracticeMarked, PRACTICE_REFUSED, type Practice } from '../../../extension/practice/brand';
import type { PracticeSession } from '../../../extension/practice/storage';
import { sampleFiling } from '../../fakes/sample-records';
import { memoryCell } from '../outbox/fake-endpoint';

const mark = { runId: 'run-1', scenarioId: 'khai-sinh' };

describe('the practice mark', () => {
  it('is excluded by the outbox\'s types', () => {
    const record: SyncRecord = sampleFiling();
    const practice: Practice<SyncRecord> = { ...record, practice: mark };
    const fine: QueueableRecord = record;
    // @ts-expect-error a practice-marked record is not a QueueableRecord
    const refused: QueueableRecord = practice;
    // @ts-expect-error nor can it be sent to the outbox
    const message: Message<'outbox/enqueue'> = { type: 'outbox/enqueue', record: practice };
    expect([fine, refused, message].every(Boolean)).toBe(true);
    // A practice session is a guided session with the mark (it lives apart: extension/practice/storage.ts).
    const session: Pick<PracticeSession, 'practice'> = { practice: mark };
    expect(isPracticeMarked(session)).toBe(true);
    expect(isPracticeMarked(record)).toBe(false);
    expect(isPracticeMarked(null)).toBe(false);
  });

  it('is refused by the outbox at run time, whatever the message\'s types said', async () => {
    const outbox = memoryCell<OutboxItem[]>([]);
    const engine = createSyncEngine({
      outbox,
      settings: memoryCell<SyncSettings>(EMPTY_SETTINGS),
      state: memoryCell<SyncState>(INITIAL_STATE),
      fetch: () => Promise.reject(new Error('no network in this test')),
      now: () => Date.parse('2026-11-20T03:00:00Z'),
      random: () => 0.5,
      scheduleRetry: async () => undefined,
      clientVersion: 'test',
    });
    expect(await engine.enqueue({ ...sampleFiling(), practice: mark })).toEqual({ ok: false, message: PRACTICE_REFUSED });
    expect(await outbox.get()).toEqual([]);
    expect(await engine.enqueue(sampleFiling())).toEqual({ ok: true, waiting: 1 });
  });
});
