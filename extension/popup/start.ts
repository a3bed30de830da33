/** Starting a guided session for a tab: stores the guide with the tab and opens the portal page. */
import type { Procedure } from '../../shared/schemas/procedure';
import { guideFor } from '../guides/build';
import { GuideSchema } from '../guides/schema';
import { guidedSessions, residentSession } from '../storage/items';
import { send } from '../messages';
import { hostAccessLabel, missingForGuide } from '../background/host-patterns';


/** The tab to guide: the popup's own tab when opened as a page, else the active tab. */
async function targetTab(): Promise<{ id: number; own: boolean } | null> {
  const own = await browser.tabs.getCurrent();
  if (own?.id !== undefined) return { id: own.id, own: true };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id !== undefined ? { id: active.id, own: false } : null;
}

export async function startGuidedSession(p: Procedure): Promise<void> {
  const guide = GuideSchema.parse(guideFor(p));
  // Without access the page would show no hint at all: say so instead of opening it.
  const missing = missingForGuide(await send({ type: 'host-access:status' }), guide.startUrl);
  if (missing.length) {
    throw new Error(
      `Trợ lý DVC chưa được phép chạy trên ${missing.map(hostAccessLabel).join(', ')} nên không hiện được hướng dẫn ở đó. Bấm «Cho phép chạy trên các trang này» ở đầu khung, rồi bấm «Bắt đầu hướng dẫn» lại.`,
    );
  }
  const tab = await targetTab();
  if (!tab) throw new Error('Không tìm thấy thẻ trình duyệt để mở cổng dịch vụ công.');
  const now = new Date().toISOString();
  const all = await guidedSessions.getValue();
  all[String(tab.id)] = { guide, index: 0, done: [], startedAt: now, updatedAt: now };
  await guidedSessions.setValue(all);
  if (!(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: guide.procedureName });
  await browser.tabs.update(tab.id, { url: guide.startUrl });
  if (!tab.own) window.close();
}
