/**
 * Addresses printed for the resident (as text and as QR codes), and the ward's counter. The facts
 * and their evidence are in docs/resident-pages.md.
 */
import type { Procedure } from '../../../shared/schemas/procedure';
import { PORTAL_HOSTS } from '../../../shared/hosts';
import { searchUrl } from '../../guides/build';

export { PORTAL_NAMES as PORTAL_NAME, type FilingPortal } from '../../../shared/portals';
import type { FilingPortal } from '../../../shared/portals';

/** The ward of the letter 119/UBND-VP; a linked registry's own ward name takes its place. */
export const DEFAULT_WARD = 'Phường Đồng Tiến';

/** The one-stop counter ("bộ phận một cửa") where a resident can also file in person. */
export function wardCounter(ward: string | undefined): string {
  const name = (ward?.trim() || DEFAULT_WARD).replace(/^phường\s+/iu, '');
  return `Bộ phận tiếp nhận và trả kết quả (một cửa), UBND phường ${name}, trong giờ hành chính`;
}

/** The procedure's own page on the national portal, else its code in the portal's catalogue, else a search by name. */
export function procedurePageUrl(p: Pick<Procedure, 'directUrl' | 'code' | 'nameInLetter'>): string {
  if (p.directUrl) return p.directUrl;
  if (p.code) return `https://${PORTAL_HOSTS.dvcqg}/tra-cuu-thu-tuc/danh-sach?keyword=${encodeURIComponent(p.code)}`;
  return searchUrl(p.nameInLetter);
}

/** Where the resident looks a dossier up by its code ("Tra cứu hồ sơ"), per filing portal. */
export function lookupUrl(portal: FilingPortal): string {
  switch (portal) {
    case 'lienthong':
      return `https://${PORTAL_HOSTS.lienthong}/#/tra-cuu-ho-so`;
    case 'moj':
      return `https://${PORTAL_HOSTS.moj}/tra-cuu/nop-ho-so/1`;
    // Thái Nguyên's own lookup route is not known; the national portal's lookup is.
    case 'dvcqg':
    case 'thainguyen':
      return `https://${PORTAL_HOSTS.dvcqg}/tra-cuu-ho-so`;
  }
}

