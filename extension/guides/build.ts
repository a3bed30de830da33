/**
 * Builds the guide for a procedure from the shared flows and the procedure's own data. Runs in the
 * popup and the background (which may import the catalogue), never in the content script: the
 * resulting plain JSON is stored with the tab's guided session.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { agencySteps, displayName, findSteps, loginStart } from './dvcqg';
import { formSteps } from './form';
import { LIENTHONG_PACKAGE_CODES, lienthongStartUrl, lienthongSteps, type LienthongKind } from './lienthong';
import { mojSteps } from './moj';
import type { ProcedureLike } from './procedure-like';
import type { Guide, Portal, Step } from './schema';
import { thainguyenSteps } from './thainguyen';
import { vneidSteps } from './vneid';

/** Keyword search URL as the portal builds it: lower case, punctuation stripped (docs/portal-evidence.md §1.1). */
export function searchUrl(name: string): string {
  const keyword = name.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return `https://${PORTAL_HOSTS.dvcqg}/tim-kiem-thu-tuc-hanh-chinh?keyword=${encodeURIComponent(keyword)}`;
}

function lienthongKind(p: Pick<ProcedureLike, 'officialName' | 'nameInLetter' | 'code'>): LienthongKind {
  if (/khai tử/iu.test(`${p.officialName} ${p.nameInLetter}`)) return 'khai-tu';
  return p.code === '2.000987' || /căn cước/iu.test(p.officialName) ? 'khai-sinh-can-cuoc' : 'khai-sinh';
}

const packageCodes = (kind: LienthongKind) => LIENTHONG_PACKAGE_CODES[kind === 'khai-tu' ? 'khai-tu' : 'khai-sinh'];

/** The national portal's steps; justice procedures may go on to the Ministry's wizard, on either host. */
function dvcqgSteps(p: ProcedureLike): Step[] {
  const intro = [loginStart(), ...vneidSteps(), ...findSteps(p), ...agencySteps(p)];
  return p.filedOn.includes('moj') ? [...intro, ...mojSteps(), ...formSteps(p)] : [...intro, ...formSteps(p)];
}

export function guideFor(p: ProcedureLike & { directUrl?: string }): Guide | null {
  const common = { procedureId: p.id, procedureCode: p.code, procedureName: displayName(p) };
  if (p.filedOn.includes('dvcqg')) {
    return { id: `dvcqg:${p.id}`, portal: 'dvcqg', ...common, startUrl: p.directUrl ?? searchUrl(p.nameInLetter), steps: dvcqgSteps(p) };
  }
  if (p.filedOn.includes('lienthong')) {
    const kind = lienthongKind(p);
    return { id: `lienthong:${p.id}`, portal: 'lienthong', ...common, portalCodes: packageCodes(kind), startUrl: lienthongStartUrl(null), steps: lienthongSteps(kind) };
  }
  if (p.filedOn.includes('moj')) {
    return { id: `moj:${p.id}`, portal: 'moj', ...common, startUrl: p.directUrl ?? searchUrl(p.nameInLetter), steps: mojSteps() };
  }
  return null;
}

/** Where the steps of a recognised guide come from: the repository's flows, or a guide pack's. */
export interface FlowSource {
  thainguyen(): Step[];
  moj(): Step[];
  lienthong(kind: LienthongKind): Step[];
  packageCodes: Record<'khai-sinh' | 'khai-tu', string[]>;
  /** The full guide of a catalogue procedure (the national portal's own guides). */
  procedureGuide(p: ProcedureLike & { directUrl?: string }): Guide | null;
}

export const BUNDLED_FLOWS: FlowSource = {
  thainguyen: thainguyenSteps,
  moj: mojSteps,
  lienthong: lienthongSteps,
  packageCodes: LIENTHONG_PACKAGE_CODES,
  procedureGuide: guideFor,
};

/**
 * A guide for a procedure recognised from a hand-off URL on a given portal, whether or not the
 * catalogue knows the code (Thái Nguyên receives procedures the ward letter does not list).
 */
export function guideForPortal(
  portal: Portal,
  code: string,
  known: (ProcedureLike & { directUrl?: string }) | undefined,
  url: string,
  flows: FlowSource = BUNDLED_FLOWS,
): Guide | null {
  const name = known ? displayName(known) : `Thủ tục mã ${code}`;
  const common = { procedureId: known?.id ?? null, procedureCode: code, procedureName: name, startUrl: url };
  const codes = (kind: LienthongKind) => flows.packageCodes[kind === 'khai-tu' ? 'khai-tu' : 'khai-sinh'];
  switch (portal) {
    case 'thainguyen':
      return { id: `thainguyen:${code}`, portal, ...common, steps: flows.thainguyen() };
    case 'lienthong': {
      const kind = known ? lienthongKind(known) : flows.packageCodes['khai-tu'].includes(code) ? 'khai-tu' : code === '2.000987' ? 'khai-sinh-can-cuoc' : 'khai-sinh';
      return { id: `lienthong:${code}`, portal, ...common, portalCodes: codes(kind), steps: flows.lienthong(kind) };
    }
    case 'moj':
      return { id: `moj:${code}`, portal, ...common, steps: flows.moj() };
    case 'dvcqg':
      return known ? flows.procedureGuide(known) : null;
  }
}
