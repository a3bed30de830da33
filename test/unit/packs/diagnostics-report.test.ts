// Diagnostics reach the ward once per miss: the record id is stable across reloads and resends; an
// unlinked volunteer keeps the local list only.
import { describe, expect, it } from 'vitest';
import { DiagnosticSyncRecord } from '../../../shared/schemas/sync';
import { createDiagnosticsReporter, stableId } from '../../../extension/diagnostics/report';
import type { DiagnosticEntry } from '../../../extension/storage/items';

function setup(linked: boolean) {
  let log: DiagnosticEntry[] = [];
  const queued: unknown[] = [];
  const r = createDiagnosticsReporter({
    log: { get: async () => log, set: async (v) => void (log = v) },
    installId: async () => '0b6a3c1e-2f4d-4a5b-9c8d-7e6f5a4b3c2d',
    linked: async () => linked,
    enqueue: async (record) => {
      const ok = DiagnosticSyncRecord.safeParse(record);
      if (!ok.success) return { ok: false, message: ok.error.message };
      queued.push(record);
      return { ok: true, waiting: queued.length };
    },
    guideDataLabel: async () => 'bundled-2026.12.01-0',
    extensionVersion: '0.1.0',
    browser: 'chrome',
    now: () => new Date('2026-12-02T03:04:05.000Z'),
    limit: 200,
  });
  return { r, queued, log: () => log };
}

const miss = { kind: 'anchor-missing' as const, surface: 'dvcqg.detail', guideId: 'dvcqg:III.2', stepId: 'agency.confirm', path: '/thu-tuc-hanh-chinh/:uuid', session: '2026-12-02T03:00:00.000Z' };

describe('diagnostics reporter', () => {
  it('makes RFC 9562 version-8 ids, the same for the same parts', async () => {
    const a = await stableId(['a', 'b']);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await stableId(['a', 'b'])).toBe(a);
    expect(await stableId(['a', 'c'])).not.toBe(a);
  });

  it('linked: queues one valid record per miss, however often the page reloads', async () => {
    const { r, queued, log } = setup(true);
    await r.report(miss);
    await r.report(miss);
    await Promise.all([r.report(miss), r.report(miss)]);
    expect(queued).toHaveLength(1);
    expect(log()).toHaveLength(1);
    expect(log()[0]).toMatchObject({ count: 4, queued: true, id: (queued[0] as { clientId: string }).clientId });
    expect(JSON.stringify(queued[0])).not.toContain(miss.session);
    await r.report({ ...miss, session: '2026-12-03T00:00:00.000Z' });
    expect(queued).toHaveLength(2);
  });

  it('not linked: keeps the local list, queues nothing', async () => {
    const { r, queued, log } = setup(false);
    await r.report(miss);
    expect(queued).toHaveLength(0);
    expect(log()[0]).toMatchObject({ queued: false, stepId: 'agency.confirm' });
  });

  it('a path that is not redacted never leaves (the schema refuses it): kept locally as not sent', async () => {
    const { r, queued, log } = setup(true);
    await r.report({ ...miss, path: '/tim-kiem?keyword=Nguyễn Văn An' });
    expect(queued).toHaveLength(0);
    expect(log()[0]!.queued).toBe(false);
  });
});
