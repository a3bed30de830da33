/**
 * Background side of the guide: tells content scripts their tab id, drops a tab's guided session
 * when the tab closes, and forwards the keyboard command that focuses the step panel.
 */
import { findByCode } from '../../shared/catalogue';
import { guideForPortal } from '../guides/build';
import { GuideSchema } from '../guides/schema';
import { handleMessages, sendToTab, type GuideForCode } from '../messages';
import { guidedSessions } from '../storage/items';

/** The guide for a code found in a hand-off URL (validated: the content script ships no zod). */
export function guideForCode(code: string, portal: Parameters<typeof guideForPortal>[0], url: string): GuideForCode {
  const known = findByCode(code);
  const guide = guideForPortal(portal, code, known, url);
  return { guide: guide ? GuideSchema.parse(guide) : null, procedureId: known?.id ?? null, procedureName: guide?.procedureName ?? `Thủ tục mã ${code}` };
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

  browser.tabs.onRemoved.addListener((tabId) => {
    void guidedSessions.getValue().then((all) => {
      if (!(String(tabId) in all)) return;
      delete all[String(tabId)];
      return guidedSessions.setValue(all);
    });
  });

  // Tab ids do not survive a browser restart: guided sessions keyed by them are stale.
  browser.runtime.onStartup.addListener(() => void guidedSessions.setValue({}));

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'focus-guide' && tab?.id !== undefined) {
      void sendToTab(tab.id, { type: 'guide:focus-panel' });
    }
  });
}
