/**
 * Background side of the guide: tells content scripts their tab id, drops a tab's guided session
 * when the tab closes (keeping it to resume), opens the resident's printable pages for the overlay,
 * and forwards the keyboard command that focuses the step panel.
 */
import { GuideSchema, type Portal } from '../guides/schema';
import { activeSource } from '../packs/active';
import { handoffGuide } from '../packs/lookup';
import { handleMessages, sendToTab, type GuideForCode, type PrintablePage } from '../messages';
import { isPracticePage } from '../practice/brand';
import { guidedSessions, residentSession, resumableGuides, RESUMABLE_LIMIT, type GuidedSession, type ResumableGuide } from '../storage/items';

/**
 * The guide for a code found in a hand-off URL, from the guide data in use (a verified pack or the
 * bundled guides), validated: the content script ships no zod.
 */
export async function guideForCode(code: string, portal: Portal, url: string): Promise<GuideForCode> {
  const { source } = await activeSource();
  const { guide, known } = handoffGuide(source, portal, code, url);
  return { guide: guide ? GuideSchema.parse(guide) : null, procedureId: known?.id ?? null, procedureName: guide?.procedureName ?? `Thủ tục mã ${code}` };
}

/** True for a session stopped before its end (a finished or captured guide has nothing to resume). */
function unfinished(s: GuidedSession): boolean {
  return !s.finished && !s.capture && s.index < s.guide.steps.length;
}

/** The resumable list after some sessions stopped: newest first, one per guide, at most RESUMABLE_LIMIT. */
export function withStopped(list: readonly ResumableGuide[], stopped: GuidedSession[], why: ResumableGuide['why'], at: string): ResumableGuide[] {
  const added = stopped.filter(unfinished).map((s): ResumableGuide => ({ guide: s.guide, index: s.index, done: s.done, startedAt: s.startedAt, stoppedAt: at, why }));
  const ids = new Set(added.map((r) => r.guide.id));
  return [...added, ...list.filter((r) => !ids.has(r.guide.id))].slice(0, RESUMABLE_LIMIT);
}

/** storage.session keys of the data handed to a printable page. */
export const SLIP_PREFIX = 'slip.';

/** Page paths the overlay may ask the background to open (content scripts cannot open tabs). */
const PRINTABLE: Record<PrintablePage, '/appointment.html' | '/checklist.html'> = {
  appointment: '/appointment.html',
  checklist: '/checklist.html',
};

function keepStoppedGuides(): void {
  // Tabs being closed: their sessions' removal is a closed tab, not "Đóng hướng dẫn".
  const closingTabs = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<unknown>) => {
    chain = chain.then(task).catch(() => undefined);
  };

  guidedSessions.watch((next, previous) => {
    // Removed, or replaced by another guide in the same tab.
    const stopped = Object.entries(previous ?? {}).filter(([tab, s]) => next?.[tab]?.startedAt !== s.startedAt);
    if (!stopped.length) return;
    const at = new Date().toISOString();
    const byWhy = { closed: [] as GuidedSession[], 'tab-closed': [] as GuidedSession[] };
    for (const [tab, s] of stopped) byWhy[closingTabs.delete(tab) ? 'tab-closed' : 'closed'].push(s);
    serial(async () => {
      let list = await resumableGuides.getValue();
      for (const why of ['closed', 'tab-closed'] as const) list = withStopped(list, byWhy[why], why, at);
      await resumableGuides.setValue(list);
    });
  });
  // "Kết thúc phiên" (the resident's session is over): nothing of theirs is offered or shown again.
  const forgetResident = () => {
    serial(() => resumableGuides.setValue([]));
    serial(async () => {
      const held = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(SLIP_PREFIX));
      if (held.length) await browser.storage.session.remove(held);
    });
  };
  residentSession.watch((next) => next === null && forgetResident());
  // Also when no resident session was recorded (the watch sees no change then). Observe only: the
  // session-end handler answers the message.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id === browser.runtime.id && (message as { type?: unknown } | null)?.type === 'session:end') forgetResident();
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void guidedSessions.getValue().then((all) => {
      if (!(String(tabId) in all)) return;
      closingTabs.add(String(tabId));
      delete all[String(tabId)];
      return guidedSessions.setValue(all);
    });
  });

  // Tab ids do not survive a browser restart: guided sessions keyed by them are stale (and resumable).
  browser.runtime.onStartup.addListener(() => {
    void guidedSessions.getValue().then((all) => {
      for (const tab of Object.keys(all)) closingTabs.add(tab);
      return guidedSessions.setValue({});
    });
  });
}

export function setupGuide(): void {
  handleMessages(
    {
      'guide:tab-id': (_m, sender) => sender.tab?.id ?? null,
      'guide:for-code': (m) => guideForCode(m.code, m.portal, m.url),
      // Relayed to the top frame only: sub-frames never talk to each other or to the page.
      'guide:frame-report': (m, sender) => {
        if (sender.tab?.id !== undefined && sender.frameId) void sendToTab(sender.tab.id, { type: 'guide:frame-signal', frameId: sender.frameId, report: m.report }, { frameId: 0 });
        return true;
      },
    },
    () => null,
  );
  handleMessages(
    {
      'page:open': async (m, sender) => {
        if (isPracticePage(sender.url, browser.runtime.getURL('/'))) return { ok: false, message: 'Bản tập luyện không in phiếu hẹn: phiếu hẹn chỉ dành cho hồ sơ thật.' };
        // Handed over in memory (storage.session), not in the address: a dossier code must not stay
        // in the shared computer's history after the resident has gone.
        const key = crypto.randomUUID();
        await browser.storage.session.set({ [`${SLIP_PREFIX}${key}`]: m.params });
        await browser.tabs.create({ url: `${browser.runtime.getURL(PRINTABLE[m.page])}#${key}` });
        return { ok: true };
      },
    },
    () => ({ ok: false, message: 'Không mở được trang. Hãy thử lại.' }),
  );
  keepStoppedGuides();

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'focus-guide' && tab?.id !== undefined) {
      void sendToTab(tab.id, { type: 'guide:focus-panel' });
    }
  });
}
