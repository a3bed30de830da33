/**
 * Ministry of Justice civil-status portal and its e-form frame host (docs/portal-evidence.md §6).
 * The wizard's draft id in `/nop-ho-so/<n>` is not the procedure; `maThuTuc` / `MaTTHC` are.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { addBundledRoutes, detect, type SurfaceRoutes } from './routes';
import { UUID, type Detector } from './url';

const on = (path: string) => ({ routes: [{ hosts: [PORTAL_HOSTS.moj], path }] });

export const routes = {
  'moj.handoff': on('/danh-sach-thu-tuc'),
  'moj.wizard': on('/nop-ho-so/\\d+'),
  'moj.view': on('/nop-ho-so/\\d+/xem'),
  'moj.myDossiers': on('/ho-so-cua-toi'),
  'moj.lookup': on('/tra-cuu/nop-ho-so/\\d+'),
  /** The electronic declaration served in a frame from tokhaidientu.moj.gov.vn. */
  'moj.eform': { routes: [{ hosts: [PORTAL_HOSTS.mojForms], path: `/e-form/${UUID}` }] },
} satisfies Record<string, SurfaceRoutes>;
addBundledRoutes(routes);

export const isMojHandoff: Detector = (url) => detect('moj.handoff', url);
export const isMojWizard: Detector = (url) => detect('moj.wizard', url);
export const isMojDossierView: Detector = (url) => detect('moj.view', url);
export const isMojMyDossiers: Detector = (url) => detect('moj.myDossiers', url);
export const isMojLookup: Detector = (url) => detect('moj.lookup', url);
export const isMojEform: Detector = (url) => detect('moj.eform', url);

export const testUrls: Record<string, string[]> = {
  isMojHandoff: [
    'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?vneid=1&MaTTHCDP=2.001035&MaTTHC=2.001035&MaCoQuanThucHien=H26.107&keyword=',
  ],
  isMojWizard: [
    'https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865',
    'https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865?maThuTuc=1.004884',
  ],
  isMojDossierView: ['https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865/xem'],
  isMojMyDossiers: ['https://dichvucongnganhtuphap.moj.gov.vn/ho-so-cua-toi'],
  isMojLookup: ['https://dichvucongnganhtuphap.moj.gov.vn/tra-cuu/nop-ho-so/1'],
  isMojEform: ['https://tokhaidientu.moj.gov.vn/e-form/3f1c2a9e-5b7d-4e2a-9c1f-0a2b3c4d5e6f'],
};
