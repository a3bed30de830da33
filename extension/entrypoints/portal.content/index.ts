import { CONTENT_MATCHES } from '../../../shared/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // The overlay's single host element: the only node the extension adds to a portal page.
    const host = document.createElement('tro-ly-dvc');
    host.setAttribute('lang', 'vi');
    document.documentElement.append(host);
  },
});
