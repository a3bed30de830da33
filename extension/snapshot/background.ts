/**
 * Takes a snapshot of the frame whose step panel asked (the capture script is injected only then)
 * and hands it to its review page, in memory (storage.session, under the
 * printable pages' prefix so "Kết thúc phiên" forgets it too). Nothing is written to disk or sent.
 */
import { browser } from 'wxt/browser';
import { SLIP_PREFIX } from '../background/guide';
import { handleMessages } from '../messages';
import { SNAPSHOT_KEY_PREFIX, SNAPSHOT_KIND, type PageSnapshot } from './types';

if (!SNAPSHOT_KEY_PREFIX.startsWith(SLIP_PREFIX)) throw new Error('snapshots must live under the slip prefix');

export function setupSnapshots(): void {
  handleMessages(
    {
      'snapshot:take': async (m, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: false, message: 'Không chụp được trang này.' };
        const [injected] = await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/snapshot-capture.js'] });
        const snapshot = injected?.result as PageSnapshot | undefined;
        if (snapshot?.kind !== SNAPSHOT_KIND) return { ok: false, message: 'Không chụp được cấu trúc trang này. Hãy tải lại trang rồi thử lại.' };
        const key = crypto.randomUUID();
        await browser.storage.session.set({ [`${SNAPSHOT_KEY_PREFIX}${key}`]: { ...snapshot, ...m.context } });
        await browser.tabs.create({ url: `${browser.runtime.getURL('/snapshot.html')}#${key}` });
        return { ok: true };
      },
    },
    () => ({ ok: false, message: 'Không mở được ảnh chụp. Hãy thử lại.' }),
  );
}
