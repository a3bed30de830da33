/**
 * Practice mode's build step: the practice pages import `virtual:practice-replicas`, made here from
 * the portal fixtures (modules/practice/replicas.ts), so the rehearsal pages are the pages the
 * tests check, bundled into the extension (nothing fetched at run time).
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { PORTAL_HOSTS } from '../../shared/hosts';
import { replicaPlugin } from './replicas';

export default defineWxtModule({
  name: 'tro-ly-dvc-practice-replicas',
  setup(wxt) {
    // The practice login is its own page (extension/practice/fake-vneid.ts): it never asks for a
    // password, so the VNeID fixture, which does, is left out.
    addViteConfig(wxt, () => ({ plugins: [replicaPlugin([PORTAL_HOSTS.vneid])] }));
  },
});
