/**
 * dichvucong.gov.vn: the redesigned React portal (2025–2026) and its legacy JSP pages.
 * Routes: docs/portal-evidence.md §1.1.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import type { SurfaceRoutes } from './routes';
import { addBundledRoutes, detect } from './routes';
import { UUID, type Detector } from './url';

const HOST = [PORTAL_HOSTS.dvcqg];
/** Link shape found in crawled data; whether the id is a UUID or a TTHC code is unknown (§1.1). */
const BY_ID = `/dich-vu-cong-truc-tuyen/(?:${UUID}|\\d\\.\\d{6})`;

/** The national portal's routes as data (extension/surfaces/routes.ts). */
export const routes = {
  'dvcqg.home': { routes: [{ hosts: HOST, path: '/', noQuery: ['code'] }] },
  'dvcqg.search': { routes: [{ hosts: HOST, path: '/tim-kiem-thu-tuc-hanh-chinh|/dvc-ket-qua-thu-tuc' }] },
  /** The procedure catalogue (`/tra-cuu-thu-tuc` and its sub-pages such as `/danh-sach`). */
  'dvcqg.catalogue': { routes: [{ hosts: HOST, path: '/tra-cuu-thu-tuc(?:/.*)?' }] },
  'dvcqg.online': { routes: [{ hosts: HOST, path: '/dvc-dich-vu-cong-truc-tuyen' }] },
  'dvcqg.detail': { routes: [{ hosts: HOST, path: `/thu-tuc-hanh-chinh/${UUID}` }, { hosts: HOST, path: BY_ID }] },
  /** The one-page submission form (SurveyJS), recognised by path plus its `formalityId`. */
  'dvcqg.form': { routes: [{ hosts: HOST, path: '/nop-ho-so', query: ['formalityId'] }, { hosts: HOST, path: `${BY_ID}/nop-ho-so` }] },
  'dvcqg.lookup': { routes: [{ hosts: HOST, path: '/tra-cuu-ho-so' }] },
  'dvcqg.payment': { routes: [{ hosts: HOST, path: '/thanh-toan-truc-tuyen' }] },
  /** Where VNeID sends the browser back after login. */
  'dvcqg.sso': { routes: [{ hosts: HOST, path: '/sso' }] },
  /** Legacy `/p/home/dvc-*.html` pages: now on vpcp.dichvucong.gov.vn, old bookmarks still on the main host. */
  'dvcqg.legacy': { routes: [{ hosts: [PORTAL_HOSTS.dvcqg, PORTAL_HOSTS.dvcqgLegacy], path: '/p/home/dvc-[a-z0-9-]+\\.html' }] },
  /**
   * Any other page of the portal, e.g. the account's dossier list a submission may lead to (its route
   * is not known). Only a step already current stays on such a page: the engine never jumps to one.
   */
  'dvcqg.other': {
    routes: [{ hosts: HOST }],
    unless: ['dvcqg.home', 'dvcqg.search', 'dvcqg.catalogue', 'dvcqg.online', 'dvcqg.detail', 'dvcqg.form', 'dvcqg.lookup', 'dvcqg.payment', 'dvcqg.sso', 'dvcqg.legacy'],
  },
} satisfies Record<string, SurfaceRoutes>;
addBundledRoutes(routes);

export const isHome: Detector = (url) => detect('dvcqg.home', url);
export const isSearch: Detector = (url) => detect('dvcqg.search', url);
export const isCatalogue: Detector = (url) => detect('dvcqg.catalogue', url);
export const isOnlineServices: Detector = (url) => detect('dvcqg.online', url);
export const isDetail: Detector = (url) => detect('dvcqg.detail', url);
export const isForm: Detector = (url) => detect('dvcqg.form', url);
export const isDossierLookup: Detector = (url) => detect('dvcqg.lookup', url);
export const isPayment: Detector = (url) => detect('dvcqg.payment', url);
export const isSsoCallback: Detector = (url) => detect('dvcqg.sso', url);
export const isLegacy: Detector = (url) => detect('dvcqg.legacy', url);
export const isOther: Detector = (url) => detect('dvcqg.other', url);

export const testUrls: Record<string, string[]> = {
  isHome: ['https://dichvucong.gov.vn/', 'https://dichvucong.gov.vn', 'https://dichvucong.gov.vn/?typeInapp=1'],
  isSearch: [
    'https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=dang%20ky%20khai%20sinh',
    'https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193',
    'https://dichvucong.gov.vn/dvc-ket-qua-thu-tuc?keyword=khai%20tu',
  ],
  isCatalogue: [
    'https://dichvucong.gov.vn/tra-cuu-thu-tuc',
    'https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.001193&showAdvanced=false&formalityType=STANDARD&limit=10&activeKey=STANDARD',
    'https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?showAdvanced=true&searchType=PROVINCE&formalityType=STANDARD&province=H17&implementingLevel=PROVINCE&limit=10&activeKey=STANDARD',
  ],
  isOnlineServices: ['https://dichvucong.gov.vn/dvc-dich-vu-cong-truc-tuyen'],
  isDetail: [
    'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4/',
    'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-5f79-70bf-bc74-661346debe8c?typeInapp=1',
    'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7?source=extension#detail',
    'https://dichvucong.gov.vn/dich-vu-cong-truc-tuyen/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    'https://dichvucong.gov.vn/dich-vu-cong-truc-tuyen/1.001193',
  ],
  isForm: [
    'https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    'https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fac-7489-b53b-9c6c958f2da4&agencyId=019bad30-cd84-7750-aaa5-8100fc7ceef8',
    'https://dichvucong.gov.vn/dich-vu-cong-truc-tuyen/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7/nop-ho-so',
    'https://dichvucong.gov.vn/dich-vu-cong-truc-tuyen/1.001193/nop-ho-so',
  ],
  isDossierLookup: ['https://dichvucong.gov.vn/tra-cuu-ho-so'],
  isPayment: ['https://dichvucong.gov.vn/thanh-toan-truc-tuyen'],
  isSsoCallback: ['https://dichvucong.gov.vn/sso?code=abc&state=xyz'],
  isOther: ['https://dichvucong.gov.vn/ho-so-cua-toi', 'https://dichvucong.gov.vn/nop-ho-so', 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/not-a-uuid'],
  isLegacy: [
    'https://vpcp.dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://vpcp.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603',
    'https://vpcp.dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html',
    'https://vpcp.dichvucong.gov.vn/p/home/dvc-thanh-toan-truc-tuyen.html',
    'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193',
    'https://dichvucong.gov.vn/p/home/dvc-toan-trinh.html',
  ],
};
