/**
 * What the popup does to the browser: start or resume a guided session in a tab (storing the guide
 * with the tab and opening the portal page), remember recent procedures, open extension pages.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import type { Procedure } from '../../shared/schemas/procedure';
import { GuideSchema } from '../guides/schema';
import { activeSource } from '../packs/active';
import { procedureGuide } from '../packs/lookup';
import { guidedSessions, recentProcedures, RECENT_LIMIT, residentSession, resumableGuides, type ResumableGuide } from '../storage/items';
import { send } from '../messages';
import { hostAccessLabel, missingForGuide } from '../background/host-patterns';

export type ExtensionPage = '/record.html' | '/diagnostics.html' | '/options.html' | '/help.html' | '/privacy.html' | '/checklist.html';

export function openExtensionPage(path: ExtensionPage, suffix = ''): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL(path)}${suffix}` });
}

/** The tab to guide: the popup's own tab when opened as a page, else the active tab. */
async function targetTab(): Promise<{ id: number; own: boolean; url?: string } | null> {
  const own = await browser.tabs.getCurrent();
  if (own?.id !== undefined) return { id: own.id, own: true, url: own.url };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // Without the "tabs" permission the URL is known only on the portals (host permissions).
  return active?.id !== undefined ? { id: active.id, own: false, url: active.url } : null;
}

const NO_TAB = 'Không tìm thấy thẻ trình duyệt để mở cổng dịch vụ công.';

async function guideTab(session: { guide: ReturnType<typeof GuideSchema.parse>; index: number; done: string[] }, navigate: (tab: { url?: string }) => boolean) {
  // Without access the page would show no hint at all: say so instead of opening it.
  const missing = missingForGuide(await send({ type: 'host-access:status' }), session.guide.startUrl);
  if (missing.length) {
    throw new Error(
      `Trợ lý DVC chưa được phép chạy trên ${missing.map(hostAccessLabel).join(', ')} nên không hiện được hướng dẫn ở đó. Bấm «Cho phép chạy trên các trang này» ở đầu khung, rồi bấm «Bắt đầu hướng dẫn» lại.`,
    );
  }
  const tab = await targetTab();
  if (!tab) throw new Error(NO_TAB);
  const now = new Date().toISOString();
  const all = await guidedSessions.getValue();
  all[String(tab.id)] = { ...session, startedAt: now, updatedAt: now };
  await guidedSessions.setValue(all);
  if (!(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: session.guide.procedureName });
  // Starting or resuming a guide is answering the resume offer for it.
  const stopped = await resumableGuides.getValue();
  if (stopped.some((r) => r.guide.id === session.guide.id)) await resumableGuides.setValue(stopped.filter((r) => r.guide.id !== session.guide.id));
  if (navigate(tab)) await browser.tabs.update(tab.id, { url: session.guide.startUrl });
  if (!tab.own) window.close();
}

export async function startGuidedSession(p: Procedure): Promise<void> {
  // The guide data in use: a verified pack (with its catalogue corrections) or the bundled guides.
  const { source } = await activeSource();
  const guide = GuideSchema.parse(procedureGuide(source, p.id));
  await guideTab({ guide, index: 0, done: [] }, () => true);
}

const PORTALS: ReadonlySet<string> = new Set(Object.values(PORTAL_HOSTS));

function onPortal(url: string | undefined): boolean {
  if (!url) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && (PORTALS.has(hostname) || hostname.endsWith(`.${PORTAL_HOSTS.dvcqg}`));
}

/**
 * Back where the guide stopped. A tab already on a portal keeps its page (the steps find their
 * place on it); any other tab opens the guide's start page.
 */
export async function resumeGuide(r: ResumableGuide): Promise<void> {
  const guide = GuideSchema.parse(r.guide);
  await guideTab({ guide, index: r.index, done: r.done }, (tab) => !onPortal(tab.url));
}

export async function rememberRecent(id: string): Promise<void> {
  const recent = await recentProcedures.getValue();
  await recentProcedures.setValue([id, ...recent.filter((r) => r !== id)].slice(0, RECENT_LIMIT));
}
