/**
 * Messages between the extension's parts. One `type` string per message; the background answers
 * with plain JSON. (The sync engineer's messages live in extension/sync/.)
 */
import type { Guide, Portal } from './guides/schema';

export type Message =
  /** Content script → background: which tab am I in? → number | null */
  | { type: 'guide:tab-id' }
  /** Content script → background: a guide for a procedure code found in a hand-off URL → GuideForCode */
  | { type: 'guide:for-code'; code: string; portal: Portal; url: string }
  /** Popup/content → background: end the resident's session → EndSessionReport */
  | { type: 'session:end' }
  /** Background → content script (keyboard command): focus the step panel. */
  | { type: 'guide:focus-panel' }
  /** Background → guided tabs after "Kết thúc phiên": drop sessionStorage and reload. */
  | { type: 'session:ended' };

export interface GuideForCode {
  guide: Guide | null;
  procedureId: string | null;
  procedureName: string;
}

export interface EndSessionReport {
  origins: string[];
  cookiesRemoved: number;
  cleared: Array<'cookies' | 'localStorage' | 'indexedDB' | 'cacheStorage' | 'serviceWorkers' | 'cache'>;
  guidedTabsClosed: number;
  at: string;
}

export function sendMessage<T>(message: Message): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}
