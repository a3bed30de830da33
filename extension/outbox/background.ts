import { browser } from 'wxt/browser';
import { createDiagnosticsReporter } from '../diagnostics/report';
import { activeGuideData } from '../packs/active';
import { DIAGNOSTICS_LIMIT, diagnosticsLog, installIdItem } from '../storage/items';
import { createSyncEngine, type SyncEngine } from './core';
import { handleMessages, type Handlers } from '../messages';
import { isPracticePage, PRACTICE_REFUSED } from '../practice/brand';
import { outboxItem, syncSettingsItem, syncStateItem } from './storage';
import type { OutboxItem, SyncState } from './types';

export const RETRY_ALARM = 'tldvc-sync-retry';

function cell<T>(item: { getValue(): Promise<T>; setValue(v: T): Promise<void> }) {
  return { get: () => item.getValue(), set: (v: T) => item.setValue(v) };
}

async function updateBadge(items: OutboxItem[], state: SyncState | null): Promise<void> {
  const count = items.length;
  const problem = items.some((i) => i.state === 'rejected') || Boolean(state?.blocked);
  try {
    await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ color: problem ? '#b3261e' : '#0b57d0' });
    if ('setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ color: '#ffffff' });
    const title = count === 0 ? 'Trợ lý DVC' : `Trợ lý DVC: ${count} mục chờ gửi sổ phường${problem ? ' (có mục cần xem lại)' : ''}`;
    await browser.action.setTitle({ title });
  } catch {
    // No action API (e.g. in tests): the badge is cosmetic.
  }
}

let engine: SyncEngine | undefined;

/** Wires the outbox sender into the background service worker. Call once, synchronously, at startup. */
export function setupSync(): SyncEngine {
  if (engine) return engine;
  const e = createSyncEngine({
    outbox: cell(outboxItem),
    settings: cell(syncSettingsItem),
    state: cell(syncStateItem),
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
    random: () => Math.random(),
    clientVersion: browser.runtime.getManifest().version,
    guideData: async () => (await activeGuideData()).label,
    async scheduleRetry(at) {
      if (at === null) await browser.alarms.clear(RETRY_ALARM);
      else await browser.alarms.create(RETRY_ALARM, { when: at });
    },
  });
  engine = e;

  // Listeners are registered synchronously so a waking worker receives the event that woke it.
  handleMessages(handlers(e), (_type, error) => ({ ok: false, message: `Lỗi trong tiện ích: ${error instanceof Error ? error.message : String(error)}` }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void e.flush();
  });
  browser.runtime.onStartup.addListener(() => void e.flush());
  browser.runtime.onInstalled.addListener(() => void e.flush());
  globalThis.addEventListener?.('online', () => void e.flush());

  const refreshBadge = async () => updateBadge(await outboxItem.getValue(), await syncStateItem.getValue());
  outboxItem.watch(() => void refreshBadge());
  syncStateItem.watch(() => void refreshBadge());
  void refreshBadge();
  // A worker that wakes up (after a crash, an update, or the browser's idle stop) picks up what waits.
  void e.flush();
  return e;
}

async function installId(): Promise<string> {
  const known = await installIdItem.getValue();
  if (known) return known;
  const id = crypto.randomUUID();
  await installIdItem.setValue(id);
  return id;
}

function handlers(e: SyncEngine): Handlers {
  const diagnostics = createDiagnosticsReporter({
    log: cell(diagnosticsLog),
    installId,
    linked: async () => {
      const s = await syncSettingsItem.getValue();
      return Boolean(s.endpoint && s.accessCode);
    },
    enqueue: async (record) => {
      const r = await e.enqueue(record);
      if (r.ok) void e.flush();
      return r;
    },
    guideDataLabel: async () => (await activeGuideData()).label,
    extensionVersion: browser.runtime.getManifest().version,
    browser: import.meta.env.BROWSER === 'firefox' ? 'firefox' : import.meta.env.BROWSER === 'chrome' ? 'chrome' : 'other',
    now: () => new Date(),
    limit: DIAGNOSTICS_LIMIT,
  });
  return {
    'diagnostics/record': (m) => diagnostics.report(m.entry),
    'outbox/enqueue': async (m, sender) => {
      // Nothing is queued from a practice page or from any page framed in one. (The tab itself is
      // not held against it: a real filing made later in the same tab must go through.)
      const base = browser.runtime.getURL('/');
      if (isPracticePage(sender.url, base) || isPracticePage(sender.tab?.url, base)) return { ok: false, message: PRACTICE_REFUSED };
      const r = await e.enqueue(m.record);
      if (r.ok) void e.flush();
      return r;
    },
    'outbox/resend': (m) => e.resend(m.clientId),
    'outbox/delete': (m) => e.remove(m.clientId),
    'sync/link': (m) => e.link(m.endpoint, m.accessCode),
    'sync/hello': () => e.checkLink(),
    'sync/unlink': () => e.unlink(),
  };
}
