/**
 * Builds the guide for a procedure from the shared flows and the procedure's own data. Runs in the
 * popup and the background (which may import the catalogue), never in the content script: the
 * resulting plain JSON is stored with the tab's guided session.
 */
import type { Guide } from './schema';
import type { ProcedureLike } from './procedure-like';
import { displayName, dvcqgSteps } from './dvcqg';

export function guideFor(p: ProcedureLike): Guide | null {
  const common = { procedureId: p.id, procedureCode: p.code, procedureName: displayName(p) };
  if (p.filedOn.includes('dvcqg')) return { id: `dvcqg:${p.id}`, portal: 'dvcqg', ...common, steps: dvcqgSteps(p) };
  return null;
}
