/**
 * Hands a snapshot from the step panel to its review page, in memory (storage.session, under the
 * printable pages' prefix so "Kết thúc phiên" forgets it too). Nothing is written to disk or sent.
 */
import { browser } from 'wxt/browser';
import { SLIP_PREFIX } from '../background/guide';
import { handleMessages } from '../messages';
import { SNAPSHOT_KEY_PREFIX, SNAPSHOT_KIND } from './types';

if (!SNAPSHOT_KEY_PREFIX.startsWith(SLIP_PREFIX)) throw new Error('snapshots must live under the slip prefix');

export function setupSnapshots(): void {
  handleMessages(
    {
      'snapshot:open': async (m) => {
        if (m.snapshot?.kind !== SNAPSHOT_KIND) return { ok: false, message: 'Ảnh chụp không đúng định dạng.' };
        const key = crypto.randomUUID();
        await browser.storage.session.set({ [`${SNAPSHOT_KEY_PREFIX}${key}`]: m.snapshot });
        await browser.tabs.create({ url: `${browser.runtime.getURL('/snapshot.html')}#${key}` });
        return { ok: true };
      },
    },
    () => ({ ok: false, message: 'Không mở được ảnh chụp. Hãy thử lại.' }),
  );
}
