/** dichvucong.thainguyen.gov.vn: Angular Material front end (docs/portal-evidence.md §7). */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { addBundledRoutes, detect, type SurfaceRoutes } from './routes';
import type { Detector } from './url';

const on = (path: string) => ({ routes: [{ hosts: [PORTAL_HOSTS.thainguyen], path }] });

export const routes = {
  'thainguyen.home': on('/'),
  /**
   * The hand-off target: `/nop-ho-so?MaTTHCDP=<mã>.000.00.00.H55&...`, matched as a prefix like the
   * kiosk tool does: sub-paths (`/nop-ho-so/<x>`) may follow (§7).
   */
  'thainguyen.submit': on('/nop-ho-so(?:/.*)?'),
  /** Shown after login; the kiosk tool treats it as "logged in". */
  'thainguyen.citizen': on('/thong-tin-cong-dan'),
  /** File downloads of the Laravel back end (attachments, viewed files): not pages to guide on (§7). */
  'thainguyen.file': on('/portal/(?:public/attach-file|view-file)/.*'),
} satisfies Record<string, SurfaceRoutes>;
addBundledRoutes(routes);

export const isThaiNguyenHome: Detector = (url) => detect('thainguyen.home', url);
export const isThaiNguyenSubmit: Detector = (url) => detect('thainguyen.submit', url);
export const isThaiNguyenCitizen: Detector = (url) => detect('thainguyen.citizen', url);
export const isThaiNguyenFile: Detector = (url) => detect('thainguyen.file', url);

export const testUrls: Record<string, string[]> = {
  isThaiNguyenHome: ['https://dichvucong.thainguyen.gov.vn/'],
  isThaiNguyenSubmit: [
    'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000815.000.00.00.H55.02&MDT=MzQ1ZTQwMDctY2ZlMS00YmQ4LTgxNjctN2MxZTYzYjUzNjU3',
    'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000884.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000884.000.00.00.H55.01',
    'https://dichvucong.thainguyen.gov.vn/nop-ho-so/2.000815.000.00.00.H55?MaCoQuanThucHien=H55.242',
  ],
  isThaiNguyenCitizen: ['https://dichvucong.thainguyen.gov.vn/thong-tin-cong-dan'],
  isThaiNguyenFile: [
    'https://dichvucong.thainguyen.gov.vn/portal/public/attach-file/2022/07/29/a.pdf',
    'https://dichvucong.thainguyen.gov.vn/portal/view-file/123',
  ],
};
