import { CONTENT_MATCHES } from '../../shared/hosts';
import { CACHE_FRAME_MARK } from '../background/site-caches';
import { send } from '../messages';

/**
 * Firefox only: the page side of "Kết thúc phiên" for Cache Storage (see background/site-caches).
 * Acts only on a page marked by the background, and only after the background confirms that it
 * opened this frame or tab and is waiting for this host.
 */
export default defineContentScript({
  matches: CONTENT_MATCHES,
  allFrames: true,
  runAt: 'document_start',
  include: ['firefox'],
  async main() {
    if (location.hash !== `#${CACHE_FRAME_MARK}`) return;
    const { clear } = await send({ type: 'session:cache-frame' });
    if (!clear) return;
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
    await send({ type: 'session:cache-frame-done', deleted: names.length });
  },
});
