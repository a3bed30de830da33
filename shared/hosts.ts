/**
 * Every host the extension touches, in one place: content-script matches,
 * host permissions and the list of origins "Kết thúc phiên" clears all derive
 * from here, so adding a portal is a one-line change.
 */
export const PORTAL_HOSTS = {
  dvcqg: 'dichvucong.gov.vn',
  dvcqgLegacy: 'vpcp.dichvucong.gov.vn',
  lienthong: 'lienthong.dichvucong.gov.vn',
  /** The DVCQG identity provider before VNeID; recognised as legacy, cleared at session end. */
  dvcqgOldIdp: 'xacthuc.dichvucong.gov.vn',
  vneid: 'sso.dancuquocgia.gov.vn',
  moj: 'dichvucongnganhtuphap.moj.gov.vn',
  mojForms: 'tokhaidientu.moj.gov.vn',
  thainguyen: 'dichvucong.thainguyen.gov.vn',
} as const;


export const CONTENT_MATCHES: string[] = [
  `https://${PORTAL_HOSTS.dvcqg}/*`,
  `https://*.${PORTAL_HOSTS.dvcqg}/*`,
  `https://${PORTAL_HOSTS.vneid}/*`,
  `https://${PORTAL_HOSTS.moj}/*`,
  `https://${PORTAL_HOSTS.mojForms}/*`,
  `https://${PORTAL_HOSTS.thainguyen}/*`,
];

/** The Apps Script web app answers on script.google.com and redirects to googleusercontent. */
export const SYNC_HOSTS: string[] = ['https://script.google.com/*', 'https://script.googleusercontent.com/*'];

/**
 * Origins whose cookies and storage hold a resident's login session (docs/portal-evidence.md §4): the
 * portals, the login hosts and the hand-off targets. "Kết thúc phiên" clears exactly these.
 */
export const SESSION_ORIGINS: string[] = Object.values(PORTAL_HOSTS).map((h) => `https://${h}`);

/** What each host (or host pattern) is called for a volunteer, e.g. in the host-access notice. */
export const HOST_LABELS: Record<string, string> = {
  [PORTAL_HOSTS.dvcqg]: 'Cổng Dịch vụ công quốc gia',
  [`*.${PORTAL_HOSTS.dvcqg}`]: 'các trang con của Cổng Dịch vụ công quốc gia (liên thông khai sinh, khai tử…)',
  [PORTAL_HOSTS.vneid]: 'trang đăng nhập VNeID',
  [PORTAL_HOSTS.moj]: 'Dịch vụ công ngành Tư pháp',
  [PORTAL_HOSTS.mojForms]: 'Tờ khai điện tử của Bộ Tư pháp',
  [PORTAL_HOSTS.thainguyen]: 'Cổng dịch vụ công tỉnh Thái Nguyên',
  'script.google.com': 'sổ của phường (Google Apps Script)',
  'script.googleusercontent.com': 'sổ của phường (trang trả lời của Google)',
};
