/**
 * The extension's one message protocol. Each message type names its request fields and its reply,
 * so `send({ type: 'sync/link', … })` is typed as returning a LinkReply and a handler for it must
 * return one. Content scripts and extension pages talk to the background; the background talks to
 * tabs with `sendToTab`.
 */
import { browser } from 'wxt/browser';
import type { FrameReport } from './engine/frame-signals';
import type { Guide, Portal } from './guides/schema';
import type { LinkedInfo, QueueableRecord } from './outbox/types';
import type { PackSource } from './packs/storage';
import type { PageSnapshot } from './snapshot/types';
import type { DiagnosticInput } from './storage/diagnostics';

export interface GuideForCode {
  guide: Guide | null;
  procedureId: string | null;
  procedureName: string;
}

export type ClearedKind = 'cookies' | 'localStorage' | 'indexedDB' | 'cacheStorage' | 'serviceWorkers' | 'cache';

export interface EndSessionReport {
  origins: string[];
  cookiesRemoved: number;
  /** Of which partitioned (kept under another top-level site). */
  partitionedCookiesRemoved: number;
  /** Removed cookies per host. */
  cookiesByHost: Record<string, number>;
  cleared: ClearedKind[];
  /** Firefox: Cache Storage caches deleted per host (Chromium clears them without a count). */
  cachesDeleted?: Record<string, number>;
  /** What could not be cleared, per kind: said plainly in the report, never hidden. */
  notCleared: Array<{ kind: ClearedKind; hosts: string[] }>;
  guidedTabsClosed: number;
  at: string;
}

/** Which of the manifest's host permissions the extension holds now. */
export interface HostAccessStatus {
  /** Host match patterns not granted (withdrawn by the user, or added by an update and not granted). */
  missing: string[];
  checkedAt: string;
}

export type EnqueueReply = { ok: true; waiting: number } | { ok: false; message: string };
export type LinkReply = { ok: true; linked: LinkedInfo } | { ok: false; message: string; code?: string };
export type SimpleReply = { ok: true } | { ok: false; message: string };
/** What a guide-pack check found; `message` is shown as it is (Vietnamese). */
export interface PackCheckReply {
  ok: boolean;
  outcome: 'none' | 'installed' | 'same' | 'refused' | 'no-pack' | 'unreachable';
  version?: string;
  message: string;
}
/** The resident's printable pages: documents to bring, and the appointment slip after filing. */
export type PrintablePage = 'checklist' | 'appointment';

/** Requests to the background: `type → [request fields, reply]`. */
export interface BackgroundProtocol {
  /** Content script: which tab am I in? */
  'guide:tab-id': [{}, number | null];
  /** Content script: the guide for a procedure code found in a hand-off URL. */
  'guide:for-code': [{ code: string; portal: Portal; url: string }, GuideForCode];
  /** Overlay: open a printable page for the resident in a new tab (query parameters as given). */
  'page:open': [{ page: PrintablePage; params: Record<string, string> }, SimpleReply];
  /** Content script in a sub-frame: what it sees of the current step, for the tab's top frame (null: frame gone). */
  'guide:frame-report': [{ report: FrameReport | null }, true];
  /** Popup: end the resident's session on every portal origin. */
  'session:end': [{}, EndSessionReport | { error: string }];
  /** Firefox: the hidden frame of a portal origin asks whether to clear that origin's Cache Storage. */
  'session:cache-frame': [{}, { clear: boolean }];
  /** Firefox: the frame deleted that many caches. */
  'session:cache-frame-done': [{ deleted: number }, SimpleReply];
  /** Popup: which portal and registry hosts the extension may not run on now (checked afresh). */
  'host-access:status': [{}, HostAccessStatus];
  /** Queue a record (idempotent by record.clientId: sending it twice queues it once). */
  'outbox/enqueue': [{ record: QueueableRecord }, EnqueueReply];
  /** Send now: one item (also re-queues a rejected item) or, without clientId, everything waiting. */
  'outbox/resend': [{ clientId?: string }, SimpleReply];
  /** Remove one queued item (the page asks the volunteer to confirm first). */
  'outbox/delete': [{ clientId: string }, SimpleReply];
  /** Store the endpoint and access code, then say hello to check them. */
  'sync/link': [{ endpoint: string; accessCode: string }, LinkReply];
  /** Check the stored link again. */
  'sync/hello': [{}, LinkReply];
  /** Wipe the access code and the linked volunteer (the endpoint URL is kept). */
  'sync/unlink': [{}, SimpleReply];
  /** Content script: a step found no anchor (kept locally; sent to the ward's registry when linked). */
  'diagnostics/record': [{ entry: DiagnosticInput }, SimpleReply];
  /** Options page: check the guide-pack source now. */
  'pack:check': [{}, PackCheckReply];
  /** Options page: choose where guide packs come from, then check it. */
  'pack:set-source': [{ source: PackSource }, PackCheckReply];
  /** Step panel: snapshot this frame's structure and show it for the volunteer to review (never sent). */
  'snapshot:take': [{ context: Pick<PageSnapshot, 'surfaces' | 'guideId' | 'stepId'> }, SimpleReply];
}

/** Messages from the background to a tab's content scripts (no reply). */
export interface TabProtocol {
  /** Keyboard command: focus the step panel. */
  'guide:focus-panel': {};
  /** After "Kết thúc phiên": drop sessionStorage and reload. */
  'session:ended': {};
  /** To the top frame: a sub-frame's report on the current step (booleans and rule keys only). */
  'guide:frame-signal': { frameId: number; report: FrameReport | null };
}

export type MessageType = keyof BackgroundProtocol;
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & BackgroundProtocol[K][0] : never;
export type Reply<K extends MessageType> = BackgroundProtocol[K][1];
export type TabMessage<K extends keyof TabProtocol = keyof TabProtocol> = K extends keyof TabProtocol ? { type: K } & TabProtocol[K] : never;

/** Sends a request to the background. Rejects when nothing answered (worker not ready, no handler). */
export async function send<K extends MessageType>(message: Message<K>): Promise<Reply<K>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<K> | undefined;
  if (reply === undefined) throw new Error(`no answer to ${message.type}`);
  return reply;
}

const NO_ANSWER = 'Tiện ích chưa sẵn sàng, hãy thử lại sau vài giây.';

/** `send` for the outbox and link requests: "no answer" becomes their own `{ ok: false }` reply. */
export async function sendSync<K extends Extract<MessageType, `outbox/${string}` | `sync/${string}`>>(message: Message<K>): Promise<Reply<K>> {
  try {
    return await send(message);
  } catch {
    return { ok: false, message: NO_ANSWER } as Reply<K>;
  }
}

export type Handlers = { [K in MessageType]?: (message: Message<K>, sender: { tab?: { id?: number; url?: string }; url?: string; frameId?: number }) => Reply<K> | Promise<Reply<K>> };

/**
 * Registers background handlers (call synchronously at start-up, so a waking worker receives the
 * event that woke it). Only this extension's own pages and content scripts are answered.
 */
export function handleMessages(handlers: Handlers, onError: (type: MessageType, error: unknown) => unknown): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
    const type = (message as { type?: unknown }).type as MessageType;
    const handler = handlers[type] as ((m: unknown, s: typeof sender) => unknown) | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error: unknown) => sendResponse(onError(type, error)));
    return true;
  });
}

export function sendToTab<K extends keyof TabProtocol>(tabId: number, message: TabMessage<K>, options?: { frameId?: number }): Promise<void> {
  return browser.tabs.sendMessage(tabId, message, options).then(() => undefined, () => undefined);
}

export function onTabMessage(handlers: { [K in keyof TabProtocol]?: (message: TabMessage<K>) => void }): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type as keyof TabProtocol;
    (handlers[type] as ((m: unknown) => void) | undefined)?.(message);
    return undefined;
  });
}
