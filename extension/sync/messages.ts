import { browser } from 'wxt/browser';
import type { SyncRecord } from '../../shared/schemas/sync';
import type { LinkedInfo } from './types';

/**
 * Every runtime message the sync module answers, in one place. Content
 * scripts and extension pages send them to the background service worker,
 * which is the only writer of the outbox and the only one that talks to the
 * endpoint (Apps Script web apps do not answer CORS preflights, and content
 * scripts are bound by the page's CORS).
 */
export type SyncMessage =
  /** Queue a record (idempotent by record.clientId: sending it twice queues it once). */
  | { type: 'outbox/enqueue'; record: SyncRecord }
  /** Send now: one item (also re-queues a rejected item) or, without clientId, everything waiting. */
  | { type: 'outbox/resend'; clientId?: string }
  /** Remove one queued item (the page asks the volunteer to confirm first). */
  | { type: 'outbox/delete'; clientId: string }
  /** Store the endpoint and access code, then say hello to check them. */
  | { type: 'sync/link'; endpoint: string; accessCode: string }
  /** Check the stored link again. */
  | { type: 'sync/hello' }
  /** Wipe the access code and the linked volunteer (the endpoint URL is kept). */
  | { type: 'sync/unlink' };

export type EnqueueReply = { ok: true; waiting: number } | { ok: false; message: string };
export type LinkReply = { ok: true; linked: LinkedInfo } | { ok: false; message: string; code?: string };
export type SimpleReply = { ok: true } | { ok: false; message: string };

export interface ReplyMap {
  'outbox/enqueue': EnqueueReply;
  'outbox/resend': SimpleReply;
  'outbox/delete': SimpleReply;
  'sync/link': LinkReply;
  'sync/hello': LinkReply;
  'sync/unlink': SimpleReply;
}

export function isSyncMessage(m: unknown): m is SyncMessage {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { type?: unknown }).type === 'string' &&
    /^(outbox|sync)\//.test((m as { type: string }).type)
  );
}

const NO_ANSWER = 'Tiện ích chưa sẵn sàng, hãy thử lại sau vài giây.';

/** Sends a sync message to the background and returns its typed reply. */
export async function sendSyncMessage<M extends SyncMessage>(message: M): Promise<ReplyMap[M['type']]> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as ReplyMap[M['type']] | undefined;
    if (reply === undefined) return { ok: false, message: NO_ANSWER } as ReplyMap[M['type']];
    return reply;
  } catch {
    return { ok: false, message: NO_ANSWER } as ReplyMap[M['type']];
  }
}
