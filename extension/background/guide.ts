/**
 * Background side of the guide: tells content scripts their tab id, drops a tab's guided session
 * when the tab closes, and forwards the keyboard command that focuses the step panel.
 */
import { guidedSessions } from '../storage/items';
import type { Message } from '../messages';

export function setupGuide(): void {
  browser.runtime.onMessage.addListener((message: Message, sender, sendResponse) => {
    if (message?.type === 'guide:tab-id') {
      sendResponse(sender.tab?.id ?? null);
      return;
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void guidedSessions.getValue().then((all) => {
      if (!(String(tabId) in all)) return;
      delete all[String(tabId)];
      return guidedSessions.setValue(all);
    });
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'focus-guide' && tab?.id !== undefined) {
      void browser.tabs.sendMessage(tab.id, { type: 'guide:focus-panel' } satisfies Message).catch(() => undefined);
    }
  });
}
