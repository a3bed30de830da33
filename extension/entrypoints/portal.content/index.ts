import { CONTENT_MATCHES } from '../../../shared/hosts';
import { mountGuide } from '../../overlay/mount';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The overlay's single host element is the only node the extension adds to a portal page.
    void mountGuide(ctx);
  },
});
