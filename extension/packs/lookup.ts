/**
 * Guide lookups over the guide data in use: a verified pack's, or the bundled code's. The popup and
 * the background build guides through here; the content script never does.
 */
import { catalogue as bundledCatalogue } from '../../shared/catalogue';
import type { Procedure } from '../../shared/schemas/procedure';
import { BUNDLED_FLOWS, guideForPortal, type FlowSource } from '../guides/build';
import type { Guide, Portal } from '../guides/schema';
import { correctedCatalogue } from './catalogue';
import { assemble, type GuideData } from './schema';

export interface GuideSource {
  catalogue: readonly Procedure[];
  flows: FlowSource;
}

export function bundledSource(): GuideSource {
  return { catalogue: bundledCatalogue, flows: BUNDLED_FLOWS };
}

/** Lookups over a verified pack's data (its guides were built with its catalogue corrections). */
export function packSource(data: GuideData): GuideSource {
  const steps = (refs: string[]) => refs.map((r) => data.steps[r]!);
  return {
    catalogue: correctedCatalogue(data.catalogue),
    flows: {
      thainguyen: () => steps(data.flows.thainguyen),
      moj: () => steps(data.flows.moj),
      lienthong: (kind) => steps(data.flows[`lienthong.${kind}`]),
      packageCodes: data.lienthongPackageCodes,
      procedureGuide: (p) => {
        const entry = p.id ? data.procedures[p.id] : undefined;
        return entry ? assemble(data.steps, entry) : null;
      },
    },
  };
}

export function procedureGuide(source: GuideSource, procedureId: string): Guide | null {
  const p = source.catalogue.find((x) => x.id === procedureId);
  return p ? source.flows.procedureGuide(p) : null;
}

export function handoffGuide(source: GuideSource, portal: Portal, code: string, url: string): { guide: Guide | null; known: Procedure | undefined } {
  const known = source.catalogue.find((p) => p.code === code.trim());
  return { guide: guideForPortal(portal, code, known, url, source.flows), known };
}

/**
 * The same guide rebuilt from other data (a new pack arrived while it was in use), or null when the
 * data has no such guide. Its id says how it was made: `<portal>:<catalogue id>` or `<portal>:<code>`.
 */
export function rebuildGuide(source: GuideSource, guide: Guide): Guide | null {
  const key = guide.id.slice(guide.portal.length + 1);
  if (/^(I|II|III|IV|X)\.\d+$/.test(key)) return procedureGuide(source, key);
  if (/^\d\.\d{6}$/.test(key)) return handoffGuide(source, guide.portal, key, guide.startUrl).guide;
  return null;
}

