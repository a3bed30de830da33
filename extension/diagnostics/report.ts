/**
 * Background side of diagnostics. One miss is one guided session's step failing on one page shape:
 * its record id is derived from those (and this installation's random id), so a reload, a second
 * report or a resend carries the same clientId and the ward's registry writes one row. A volunteer
 * who has not linked the registry keeps the local list only: nothing is queued for them.
 */
import type { DiagnosticSyncRecord } from '../../shared/schemas/sync';
import type { EnqueueReply } from '../messages';
import type { DiagnosticInput } from '../storage/diagnostics';
import type { DiagnosticEntry } from '../storage/items';
import type * as z from 'zod';

export interface ReportDeps {
  log: { get(): Promise<DiagnosticEntry[]>; set(v: DiagnosticEntry[]): Promise<void> };
  installId(): Promise<string>;
  linked(): Promise<boolean>;
  enqueue(record: z.infer<typeof DiagnosticSyncRecord>): Promise<EnqueueReply>;
  guideDataLabel(): Promise<string>;
  extensionVersion: string;
  browser: 'chrome' | 'firefox' | 'other';
  now(): Date;
  /** Entries kept on the computer (oldest dropped first). */
  limit: number;
}

/** A UUID (version 8, RFC 9562) made from a SHA-256 of the parts: the same parts, the same id. */
export async function stableId(parts: string[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000'))));
  const b = digest.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createDiagnosticsReporter(deps: ReportDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  function report(input: DiagnosticInput): Promise<{ ok: true } | { ok: false; message: string }> {
    const run = chain.then(async () => {
      const installId = await deps.installId();
      const id = await stableId([installId, input.session, input.guideId, input.stepId, input.path]);
      const at = deps.now().toISOString();
      const log = await deps.log.get();
      const seen = log.find((e) => e.id === id);
      const linked = await deps.linked();
      const queue = linked && !seen?.queued;
      const entry: DiagnosticEntry = seen
        ? { ...seen, count: (seen.count ?? 1) + 1, lastAt: at, queued: seen.queued || queue }
        : { kind: input.kind, surface: input.surface, guideId: input.guideId, stepId: input.stepId, path: input.path, at, id, count: 1, queued: queue };
      if (queue) {
        const r = await deps.enqueue({
          clientId: id,
          kind: 'diagnostic',
          diagnostic: {
            kind: entry.kind,
            guideId: entry.guideId.slice(0, 80),
            stepId: entry.stepId.slice(0, 80),
            surface: entry.surface.slice(0, 40),
            path: entry.path.slice(0, 300),
            extensionVersion: deps.extensionVersion.slice(0, 20),
            guideDataVersion: await deps.guideDataLabel(),
            browser: deps.browser,
            installId,
            at: entry.at,
          },
        });
        if (!r.ok) entry.queued = false;
      }
      const next = seen ? log.map((e) => (e.id === id ? entry : e)) : [...log, entry].slice(-deps.limit);
      await deps.log.set(next);
      return { ok: true as const };
    });
    chain = run.catch(() => undefined);
    return run;
  }
  return { report };
}
