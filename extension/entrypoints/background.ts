import '../zod-jitless';
import { setupGuide } from '../background/guide';
import { setupHostAccess } from '../background/host-access';
import { setupSessionEnd } from '../background/session';
import { setupSync } from '../outbox/background';
import { setupPacks } from '../packs/background';
import { setupSnapshots } from '../snapshot/background';

export default defineBackground(() => {
  // Logic lives in modules; this entrypoint only wires it up.
  setupGuide();
  setupSessionEnd();
  setupHostAccess();
  setupSync();
  setupPacks();
  setupSnapshots();
});
