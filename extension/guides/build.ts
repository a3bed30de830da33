/**
 * Builds the guide for a procedure from the shared flows and the procedure's own data. Runs in the
 * popup and the background (which may import the catalogue), never in the content script: the
 * resulting plain JSON is stored with the tab's guided session.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { displayName, dvcqgSteps } from './dvcqg';
import { LIENTHONG_PACKAGE_CODES, lienthongStartUrl, lienthongSteps } from './lienthong';
import { mojSteps } from './moj';
import type { ProcedureLike } from './procedure-like';
import type { Guide, Portal } from './schema';
import { thainguyenSteps } from './thainguyen';

/** Keyword search URL as the portal builds it: lower case, punctuation stripped (portals.md §2.2). */
export function searchUrl(name: string): string {
  const keyword = name.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return `https://${PORTAL_HOSTS.dvcqg}/tim-kiem-thu-tuc-hanh-chinh?keyword=${encodeURIComponent(keyword)}`;
}

function lienthongKind(p: Pick<ProcedureLike, 'officialName' | 'nameInLetter'>): 'khai-sinh' | 'khai-tu' {
  return /khai tử/iu.test(`${p.officialName} ${p.nameInLetter}`) ? 'khai-tu' : 'khai-sinh';
}

export function guideFor(p: ProcedureLike & { directUrl?: string }): Guide | null {
  const common = { procedureId: p.id, procedureCode: p.code, procedureName: displayName(p) };
  if (p.filedOn.includes('dvcqg')) {
    // Some hộ tịch procedures still hand off to the MOJ wizard: both paths are in one guide.
    const steps = [...dvcqgSteps(p), ...(p.filedOn.includes('moj') ? mojSteps() : [])];
    return { id: `dvcqg:${p.id}`, portal: 'dvcqg', ...common, startUrl: p.directUrl ?? searchUrl(p.nameInLetter), steps };
  }
  if (p.filedOn.includes('lienthong')) {
    const kind = lienthongKind(p);
    return { id: `lienthong:${p.id}`, portal: 'lienthong', ...common, portalCodes: LIENTHONG_PACKAGE_CODES[kind], startUrl: lienthongStartUrl(null), steps: lienthongSteps(kind) };
  }
  if (p.filedOn.includes('moj')) {
    return { id: `moj:${p.id}`, portal: 'moj', ...common, startUrl: p.directUrl ?? searchUrl(p.nameInLetter), steps: mojSteps() };
  }
  return null;
}

/**
 * A guide for a procedure recognised from a hand-off URL on a given portal, whether or not the
 * catalogue knows the code (Thái Nguyên receives procedures the ward letter does not list).
 */
export function guideForPortal(portal: Portal, code: string, known: (ProcedureLike & { directUrl?: string }) | undefined, url: string): Guide | null {
  const name = known ? displayName(known) : `Thủ tục mã ${code}`;
  const common = { procedureId: known?.id ?? null, procedureCode: code, procedureName: name, startUrl: url };
  switch (portal) {
    case 'thainguyen':
      return { id: `thainguyen:${code}`, portal, ...common, steps: thainguyenSteps() };
    case 'lienthong': {
      const kind = known ? lienthongKind(known) : LIENTHONG_PACKAGE_CODES['khai-tu'].includes(code) ? 'khai-tu' : 'khai-sinh';
      return { id: `lienthong:${code}`, portal, ...common, portalCodes: LIENTHONG_PACKAGE_CODES[kind], steps: lienthongSteps(kind) };
    }
    case 'moj':
      return { id: `moj:${code}`, portal, ...common, steps: mojSteps() };
    case 'dvcqg':
      return known ? guideFor(known) : null;
  }
}
