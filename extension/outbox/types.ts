import type { SyncErrorCode, SyncRecord } from '../../shared/schemas/sync';

/**
 * What the outbox accepts: a record that carries no practice mark. Anything a practice run
 * produces is `Practice<…>` (extension/practice/brand.ts), so it can never be queued by type; the
 * engine and the background refuse it at run time too (core.ts, background.ts).
 */
export type QueueableRecord = SyncRecord & { readonly practice?: never };

export interface LinkedInfo {
  volunteerId: string;
  volunteerName: string;
  ward: string;
  /** The ward's «Tổ dân phố» names, as the endpoint's hello returned them (absent from older add-ons). */
  groups?: string[];
}

/**
 * waiting: will be sent (now, or at the next retry);
 * rejected: the server refused this record; kept visible with its message and
 * not retried automatically (the volunteer resends or deletes it).
 */
export type OutboxState = 'waiting' | 'rejected';

export interface OutboxError {
  code: SyncErrorCode | 'NETWORK' | 'BAD_ANSWER' | 'NOT_LINKED';
  message: string;
  at: string;
}

export interface OutboxItem {
  clientId: string;
  /** The record exactly as it is sent (same clientId on every retry). */
  record: SyncRecord;
  createdAt: string;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: OutboxError;
  state: OutboxState;
}

export interface SyncSettings {
  endpoint: string;
  accessCode: string;
  linked: LinkedInfo | null;
  linkedAt?: string;
}

/** What the sender remembers between service-worker lives (backoff, last outcome). */
export interface SyncState {
  /** Consecutive retryable failures; drives the backoff. */
  failures: number;
  nextAttemptAt: number | null;
  /** A failure that needs the volunteer (wrong / expired / revoked code, not linked); blocks automatic sends. */
  blocked: OutboxError | null;
  lastError: OutboxError | null;
  lastSuccessAt: string | null;
}

export const EMPTY_SETTINGS: SyncSettings = { endpoint: '', accessCode: '', linked: null };
export const INITIAL_STATE: SyncState = { failures: 0, nextAttemptAt: null, blocked: null, lastError: null, lastSuccessAt: null };
