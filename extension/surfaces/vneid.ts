/**
 * VNeID single sign-on (sso.dancuquocgia.gov.vn) and the superseded DVCQG identity provider.
 * docs/portal-evidence.md §4. The login modals shown on the portal itself are found by DOM probes in the guide steps.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { addBundledRoutes, detect, type SurfaceRoutes } from './routes';
import type { Detector } from './url';

export const routes = {
  'vneid.login': { routes: [{ hosts: [PORTAL_HOSTS.vneid], path: '/(?:auth|login)?' }] },
  /** xacthuc.dichvucong.gov.vn: the old DVCQG IdP, superseded by VNeID since 1/7/2024. */
  'vneid.oldIdp': { routes: [{ hosts: [PORTAL_HOSTS.dvcqgOldIdp] }] },
} satisfies Record<string, SurfaceRoutes>;
addBundledRoutes(routes);

export const isVneidLogin: Detector = (url) => detect('vneid.login', url);
export const isOldIdp: Detector = (url) => detect('vneid.oldIdp', url);

export const testUrls: Record<string, string[]> = {
  isVneidLogin: [
    'https://sso.dancuquocgia.gov.vn/auth?response_type=code&client_id=sso-c12-dvc-web&redirect_uri=https%3A%2F%2Fdichvucong.gov.vn%2Fsso&scope=openid',
    'https://sso.dancuquocgia.gov.vn/',
  ],
  isOldIdp: [
    'https://xacthuc.dichvucong.gov.vn/oauth2/authorize?response_type=code&client_id=abc&scope=openid&redirect_uri=https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
  ],
};
