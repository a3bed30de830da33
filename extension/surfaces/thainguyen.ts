/** dichvucong.thainguyen.gov.vn: Angular Material front end (portals.md §4). */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { cleanPath, onHost, type Detector } from './url';

const on = (url: URL) => onHost(url, PORTAL_HOSTS.thainguyen);

export const isThaiNguyenHome: Detector = (url) => on(url) && cleanPath(url) === '/';
/** The hand-off target: `/nop-ho-so?MaTTHCDP=<mã>.000.00.00.H55&...`. */
export const isThaiNguyenSubmit: Detector = (url) => on(url) && cleanPath(url) === '/nop-ho-so';
/** Shown after login; the kiosk tool treats it as "logged in". */
export const isThaiNguyenCitizen: Detector = (url) => on(url) && cleanPath(url) === '/thong-tin-cong-dan';
/**
 * Legacy pages: the Laravel "portal" prefix (file server and old pages, portals.md §4.3).
 * Added 2026-11; if the province retires the prefix, drop this detector.
 */
export const isThaiNguyenLegacy: Detector = (url) => on(url) && /^\/portal(\/|$)/.test(cleanPath(url));

export const testUrls: Record<string, string[]> = {
  isThaiNguyenHome: ['https://dichvucong.thainguyen.gov.vn/'],
  isThaiNguyenSubmit: [
    'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000815.000.00.00.H55.02&MDT=MzQ1ZTQwMDctY2ZlMS00YmQ4LTgxNjctN2MxZTYzYjUzNjU3',
    'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000884.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000884.000.00.00.H55.01',
  ],
  isThaiNguyenCitizen: ['https://dichvucong.thainguyen.gov.vn/thong-tin-cong-dan'],
  isThaiNguyenLegacy: [
    'https://dichvucong.thainguyen.gov.vn/portal/public/attach-file/2022/07/29/a.pdf',
    'https://dichvucong.thainguyen.gov.vn/portal/view-file/123',
  ],
};
