/** lienthong.dichvucong.gov.vn: Angular SPA with hash routing (docs/portal-evidence.md §5). */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { cleanPath, hashPath, onHost, type Detector } from './url';

const on = (url: URL) => onHost(url, PORTAL_HOSTS.lienthong) && cleanPath(url) === '/';

export const isLienthongHome: Detector = (url) => on(url) && ['/', '/trang-chu'].includes(hashPath(url));
export const isLienthongDeclare: Detector = (url) => on(url) && /^\/ke-khai\/\d\.\d{6}$/.test(hashPath(url));
export const isLienthongLookup: Detector = (url) => on(url) && hashPath(url) === '/tra-cuu-ho-so';

/** The procedure code of a declaration route: "#/ke-khai/2.000986" → "2.000986". */
export function lienthongCode(url: URL): string | null {
  return isLienthongDeclare(url) ? hashPath(url).split('/')[2] ?? null : null;
}

export const testUrls: Record<string, string[]> = {
  isLienthongHome: [
    'https://lienthong.dichvucong.gov.vn/#/?vneid=1',
    'https://lienthong.dichvucong.gov.vn/#/trang-chu',
    'https://lienthong.dichvucong.gov.vn/',
  ],
  isLienthongDeclare: [
    'https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000986',
    'https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000987',
    'https://lienthong.dichvucong.gov.vn/#/ke-khai/1.006714',
  ],
  isLienthongLookup: ['https://lienthong.dichvucong.gov.vn/#/tra-cuu-ho-so'],
};
