import { setupSync } from '../sync/background';

export default defineBackground(() => {
  // Logic lives in extension/background/*; this entrypoint only wires it up.
  setupSync();
});
