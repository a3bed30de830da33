/**
 * dichvucong.gov.vn: the redesigned React portal (2025–2026) and its legacy JSP pages.
 * Routes: docs/portal-evidence.md §1.1.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { UUID, cleanPath, onHost, type Detector } from './url';

const HOST = PORTAL_HOSTS.dvcqg;
const LEGACY_HOST = PORTAL_HOSTS.dvcqgLegacy;
const onPortal = (url: URL) => onHost(url, HOST);
const DETAIL = new RegExp(`^/thu-tuc-hanh-chinh/${UUID}$`, 'i');
/** Link shape found in crawled data; whether the id is a UUID or a TTHC code is unknown (§1.1). */
const BY_ID = `/dich-vu-cong-truc-tuyen/(?:${UUID}|\\d\\.\\d{6})`;
const DETAIL_BY_ID = new RegExp(`^${BY_ID}$`, 'i');
const FORM_BY_ID = new RegExp(`^${BY_ID}/nop-ho-so$`, 'i');

export const isHome: Detector = (url) => onPortal(url) && cleanPath(url) === '/' && !url.searchParams.has('code');

export const isSearch: Detector = (url) =>
  onPortal(url) && ['/tim-kiem-thu-tuc-hanh-chinh', '/dvc-ket-qua-thu-tuc'].includes(cleanPath(url));

/** The procedure catalogue (`/tra-cuu-thu-tuc` and its sub-pages such as `/danh-sach`). */
export const isCatalogue: Detector = (url) => onPortal(url) && /^\/tra-cuu-thu-tuc(\/|$)/.test(cleanPath(url));

export const isOnlineServices: Detector = (url) => onPortal(url) && cleanPath(url) === '/dvc-dich-vu-cong-truc-tuyen';

export const isDetail: Detector = (url) => onPortal(url) && (DETAIL.test(cleanPath(url)) || DETAIL_BY_ID.test(cleanPath(url)));

/** The one-page submission form (SurveyJS), recognised by path plus its `formalityId`. */
export const isForm: Detector = (url) =>
  onPortal(url) && ((cleanPath(url) === '/nop-ho-so' && url.searchParams.has('formalityId')) || FORM_BY_ID.test(cleanPath(url)));

export const isDossierLookup: Detector = (url) => onPortal(url) && cleanPath(url) === '/tra-cuu-ho-so';

export const isPayment: Detector = (url) => onPortal(url) && cleanPath(url) === '/thanh-toan-truc-tuyen';

/** Where VNeID sends the browser back after login. */
export const isSsoCallback: Detector = (url) => onPortal(url) && cleanPath(url) === '/sso';

/** Legacy `/p/home/dvc-*.html` pages: now on vpcp.dichvucong.gov.vn, old bookmarks still on the main host. */
export const isLegacy: Detector = (url) =>
  (onPortal(url) || onHost(url, LEGACY_HOST)) && /^\/p\/home\/dvc-[a-z0-9-]+\.html$/.test(url.pathname);

/**
 * Any other page of the portal, e.g. the account's dossier list a submission may lead to (its route
 * is not known). Only a step already current stays on such a page: the engine never jumps to one.
 */
export const isOther: Detector = (url) =>
  onPortal(url) && ![isHome, isSearch, isCatalogue, isOnlineServices, isDetail, isForm, isDossierLookup, isPayment, isSsoCallback, isLegacy].some((d) => d(url));

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
