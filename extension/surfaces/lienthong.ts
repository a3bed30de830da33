/** lienthong.dichvucong.gov.vn: Angular SPA with hash routing (docs/portal-evidence.md §5). */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { addBundledRoutes, detect, type SurfaceRoutes } from './routes';
import { hashPath, type Detector } from './url';

const on = { hosts: [PORTAL_HOSTS.lienthong], path: '/' };

export const routes = {
  'lienthong.home': { routes: [{ ...on, hash: '/|/trang-chu' }] },
  'lienthong.declare': { routes: [{ ...on, hash: '/ke-khai/\\d\\.\\d{6}' }] },
  'lienthong.lookup': { routes: [{ ...on, hash: '/tra-cuu-ho-so' }] },
} satisfies Record<string, SurfaceRoutes>;
addBundledRoutes(routes);

export const isLienthongHome: Detector = (url) => detect('lienthong.home', url);
export const isLienthongDeclare: Detector = (url) => detect('lienthong.declare', url);
export const isLienthongLookup: Detector = (url) => detect('lienthong.lookup', url);

/** The procedure code of a declaration route: "#/ke-khai/2.000986" → "2.000986". */
export function lienthongCode(url: URL): string | null {
  const code = isLienthongDeclare(url) ? hashPath(url).split('/')[2] : undefined;
  return code && /^\d\.\d{6}$/.test(code) ? code : null;
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
