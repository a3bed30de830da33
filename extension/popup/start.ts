/** Starting a guided session for a tab: stores the guide with the tab and opens the portal page. */
import { PORTAL_HOSTS } from '../../shared/hosts';
import type { Procedure } from '../../shared/schemas/procedure';
import { guideFor } from '../guides/build';
import { GuideSchema } from '../guides/schema';
import { guidedSessions, residentSession } from '../storage/items';

/** Keyword search URL as the portal builds it: lower case, punctuation stripped (portals.md §2.2). */
export function searchUrl(p: Pick<Procedure, 'nameInLetter'>): string {
  const keyword = p.nameInLetter.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return `https://${PORTAL_HOSTS.dvcqg}/tim-kiem-thu-tuc-hanh-chinh?keyword=${encodeURIComponent(keyword)}`;
}

export function startUrl(p: Procedure): string {
  return p.directUrl ?? searchUrl(p);
}

/** The tab to guide: the popup's own tab when opened as a page, else the active tab. */
async function targetTab(): Promise<{ id: number; own: boolean } | null> {
  const own = await browser.tabs.getCurrent();
  if (own?.id !== undefined) return { id: own.id, own: true };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id !== undefined ? { id: active.id, own: false } : null;
}

export async function startGuidedSession(p: Procedure): Promise<void> {
  const guide = GuideSchema.parse(guideFor(p));
  const tab = await targetTab();
  if (!tab) throw new Error('Không tìm thấy thẻ trình duyệt để mở cổng dịch vụ công.');
  const now = new Date().toISOString();
  const all = await guidedSessions.getValue();
  all[String(tab.id)] = { guide, index: 0, done: [], startedAt: now, updatedAt: now };
  await guidedSessions.setValue(all);
  if (!(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: guide.procedureName });
  await browser.tabs.update(tab.id, { url: startUrl(p) });
  if (!tab.own) window.close();
}
