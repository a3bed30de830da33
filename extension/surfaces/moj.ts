/**
 * Ministry of Justice civil-status portal and its e-form frame host (docs/portal-evidence.md §6).
 * The wizard's draft id in `/nop-ho-so/<n>` is not the procedure; `maThuTuc` / `MaTTHC` are.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { UUID, cleanPath, onHost, type Detector } from './url';

const on = (url: URL) => onHost(url, PORTAL_HOSTS.moj);

export const isMojHandoff: Detector = (url) => on(url) && cleanPath(url) === '/danh-sach-thu-tuc';
export const isMojWizard: Detector = (url) => on(url) && /^\/nop-ho-so\/\d+$/.test(cleanPath(url));
export const isMojDossierView: Detector = (url) => on(url) && /^\/nop-ho-so\/\d+\/xem$/.test(cleanPath(url));
export const isMojMyDossiers: Detector = (url) => on(url) && cleanPath(url) === '/ho-so-cua-toi';
export const isMojLookup: Detector = (url) => on(url) && /^\/tra-cuu\/nop-ho-so\/\d+$/.test(cleanPath(url));
/** The electronic declaration served in a frame from tokhaidientu.moj.gov.vn. */
export const isMojEform: Detector = (url) =>
  onHost(url, PORTAL_HOSTS.mojForms) && new RegExp(`^/e-form/${UUID}$`, 'i').test(cleanPath(url));

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
