/**
 * Builds the guide data from the repository's code and data: what `npm run pack` signs, and what the
 * tests use to make packs. Steps that several guides share are stored once.
 */
import { BUNDLED_FLOWS, guideFor } from '../guides/build';
import type { Step } from '../guides/schema';
import { BUNDLED_ROUTES } from '../surfaces';
import { correctedCatalogue } from './catalogue';
import repositoryCorrections from './catalogue-corrections.json';
import { FLOW_IDS, GUIDE_DATA_FORMAT, GuideDataSchema, type CatalogueCorrection, type FlowId, type GuideData, type GuideEntry } from './schema';

export interface BuildOptions {
  version: string;
  minExtensionVersion: string;
  corrections?: CatalogueCorrection[];
}

export function buildGuideData(opts: BuildOptions): GuideData {
  const corrections = opts.corrections ?? (repositoryCorrections as CatalogueCorrection[]);
  const steps: Record<string, Step> = {};
  const keyOf = new Map<string, string>();
  const ref = (step: Step): string => {
    const json = JSON.stringify(step);
    let key = keyOf.get(json);
    if (!key) {
      let n = 0;
      while (`${step.id}#${n}` in steps) n++;
      key = `${step.id}#${n}`;
      steps[key] = step;
      keyOf.set(json, key);
    }
    return key;
  };
  const procedures: Record<string, GuideEntry> = {};
  for (const p of correctedCatalogue(corrections)) {
    const g = guideFor(p);
    if (g) procedures[p.id] = { ...g, steps: g.steps.map(ref) };
  }
  const flowSteps: Record<FlowId, Step[]> = {
    thainguyen: BUNDLED_FLOWS.thainguyen(),
    moj: BUNDLED_FLOWS.moj(),
    'lienthong.khai-sinh': BUNDLED_FLOWS.lienthong('khai-sinh'),
    'lienthong.khai-sinh-can-cuoc': BUNDLED_FLOWS.lienthong('khai-sinh-can-cuoc'),
    'lienthong.khai-tu': BUNDLED_FLOWS.lienthong('khai-tu'),
  };
  const flows = Object.fromEntries(FLOW_IDS.map((f) => [f, flowSteps[f].map(ref)])) as Record<FlowId, string[]>;
  return GuideDataSchema.parse({
    format: GUIDE_DATA_FORMAT,
    version: opts.version,
    minExtensionVersion: opts.minExtensionVersion,
    routes: BUNDLED_ROUTES,
    steps,
    procedures,
    flows,
    lienthongPackageCodes: BUNDLED_FLOWS.packageCodes,
    catalogue: corrections,
  });
}
