import { storage } from 'wxt/utils/storage';
import { EMPTY_SETTINGS, INITIAL_STATE, type OutboxItem, type SyncSettings, type SyncState } from './types';

/**
 * The outbox: records waiting to reach the ward's sheet. Kept in
 * storage.local so nothing is lost when the service worker stops, the laptop
 * sleeps or the browser closes. Only the background service worker writes it.
 */
export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', {
  version: 1,
  fallback: [],
  // Version 1 is the first layout; add `2: (old) => …` here when it changes.
  migrations: {},
});

/** Endpoint URL, the volunteer's access code and who it is linked to. "Huỷ liên kết" wipes the code. */
export const syncSettingsItem = storage.defineItem<SyncSettings>('local:syncSettings', {
  version: 1,
  fallback: EMPTY_SETTINGS,
  migrations: {},
});

/** Backoff and the last outcome, so a restarted service worker carries on where it stopped. */
export const syncStateItem = storage.defineItem<SyncState>('local:syncState', {
  version: 1,
  fallback: INITIAL_STATE,
  migrations: {},
});
