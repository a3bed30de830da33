/**
 * Every page the guides know, as `surface id → detector`. Guide steps name the surfaces they
 * belong to; the engine asks `surfacesOf(url)` on every load and SPA navigation.
 */
import * as dvcqg from './dvcqg';
import * as lienthong from './lienthong';
import * as moj from './moj';
import * as thainguyen from './thainguyen';
import * as vneid from './vneid';
import type { RouteTable } from './routes';
import type { Detector } from './url';

export const SURFACES = {
  'dvcqg.home': dvcqg.isHome,
  'dvcqg.search': dvcqg.isSearch,
  'dvcqg.catalogue': dvcqg.isCatalogue,
  'dvcqg.online': dvcqg.isOnlineServices,
  'dvcqg.detail': dvcqg.isDetail,
  'dvcqg.form': dvcqg.isForm,
  'dvcqg.lookup': dvcqg.isDossierLookup,
  'dvcqg.payment': dvcqg.isPayment,
  'dvcqg.sso': dvcqg.isSsoCallback,
  'dvcqg.legacy': dvcqg.isLegacy,
  'dvcqg.other': dvcqg.isOther,
  'vneid.login': vneid.isVneidLogin,
  'vneid.oldIdp': vneid.isOldIdp,
  'lienthong.home': lienthong.isLienthongHome,
  'lienthong.declare': lienthong.isLienthongDeclare,
  'lienthong.lookup': lienthong.isLienthongLookup,
  'moj.handoff': moj.isMojHandoff,
  'moj.wizard': moj.isMojWizard,
  'moj.view': moj.isMojDossierView,
  'moj.myDossiers': moj.isMojMyDossiers,
  'moj.lookup': moj.isMojLookup,
  'moj.eform': moj.isMojEform,
  'thainguyen.home': thainguyen.isThaiNguyenHome,
  'thainguyen.submit': thainguyen.isThaiNguyenSubmit,
  'thainguyen.citizen': thainguyen.isThaiNguyenCitizen,
  'thainguyen.file': thainguyen.isThaiNguyenFile,
} satisfies Record<string, Detector>;

export type SurfaceId = keyof typeof SURFACES;
export const SURFACE_IDS = Object.keys(SURFACES) as SurfaceId[];

/** The routes the detectors read, as the repository has them (a guide pack may replace them). */
export const BUNDLED_ROUTES: RouteTable = { ...dvcqg.routes, ...vneid.routes, ...lienthong.routes, ...moj.routes, ...thainguyen.routes };

/** Surfaces the URL belongs to (normally exactly one; none for pages no guide uses). */
export function surfacesOf(url: URL): SurfaceId[] {
  return SURFACE_IDS.filter((id) => SURFACES[id](url));
}

/** Legacy pages and file downloads get a pointer to the current route instead of steps. */
export const LEGACY_SURFACES: ReadonlySet<SurfaceId> = new Set(['dvcqg.legacy', 'vneid.oldIdp', 'thainguyen.file']);

/** "Some other page of the portal": holds a step that is already current, never one jumped to. */
export const CATCH_ALL_SURFACES: ReadonlySet<SurfaceId> = new Set(['dvcqg.other']);
