/**
 * The content script's side of diagnostics: a step found no anchor. The background keeps the entry
 * and, when the registry is linked, queues it for the ward (extension/diagnostics/report.ts).
 */
import { send } from '../messages';
import type { DiagnosticEntry } from './items';


export interface DiagnosticInput extends Pick<DiagnosticEntry, 'kind' | 'surface' | 'guideId' | 'stepId' | 'path'> {
  /** The guided session's start: a miss is one per session, step and page shape, however often the page reloads. */
  session: string;
}

export async function recordDiagnostic(entry: DiagnosticInput): Promise<void> {
  await send({ type: 'diagnostics/record', entry }).catch(() => undefined);
}
