// The outbox engine over an in-memory store and a fake endpoint, for the outbox unit tests.
import { CONSENT_TEXT_VERSION } from '../../../shared/schemas/registry';
import type { SyncRecord } from '../../../shared/schemas/sync';
import { createSyncEngine } from '../../../extension/outbox/core';
import { EMPTY_SETTINGS, INITIAL_STATE, type OutboxItem, type SyncSettings, type SyncState } from '../../../extension/outbox/types';
import { fakeEndpoint, memoryCell } from './fake-endpoint';

export const ENDPOINT = 'https://script.google.com/macros/s/TEST-fixture-deployment-id-000000000/exec';
export const CODE = 'ma-truy-cap-1234';

export function filing(n: number, clientId: string = crypto.randomUUID()): SyncRecord {
  return {
    clientId,
    kind: 'filing',
    filing: {
      residentName: 'Nguyễn Văn An',
      toDanPho: 'Tổ 5',
      procedureId: 'I.1',
      procedureCode: '1.001193',
      dossierCode: `G22.99-${String(n).padStart(6, '0')}`,
      filedOn: '2026-11-20',
      portal: 'dvcqg',
      status: 'Đã nộp',
      consent: { given: true, textVersion: CONSENT_TEXT_VERSION, at: '2026-11-20T02:00:00.000Z' },
    },
  };
}

export function setup(opts: { linked?: boolean; onScheduleRetry?: (at: number | null) => Promise<void> } = {}) {
  const server = fakeEndpoint();
  const outbox = memoryCell<OutboxItem[]>([]);
  const settings = memoryCell<SyncSettings>(opts.linked === false ? EMPTY_SETTINGS : { endpoint: ENDPOINT, accessCode: CODE, linked: null });
  const state = memoryCell<SyncState>(INITIAL_STATE);
  const alarms: Array<number | null> = [];
  let now = Date.parse('2026-11-20T03:00:00Z');
  const engine = createSyncEngine({
    outbox,
    settings,
    state,
    fetch: (url, init) => server.fetch(url, init),
    now: () => now,
    random: () => 0.5,
    scheduleRetry: async (at) => {
      alarms.push(at);
      await opts.onScheduleRetry?.(at);
    },
    clientVersion: '0.1.0',
  });
  return { server, outbox, settings, state, alarms, engine, advance: (ms: number) => (now += ms) };
}
