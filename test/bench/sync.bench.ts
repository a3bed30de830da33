// Outbox throughput of the BUILT extension in real Chromium against the local
// endpoint (Apps Script 302/echo mechanics), with a minimal doPost and with the
// built add-on bundle's doPost over the in-memory sheet. Needs `npm run build`.
import type { Browser } from 'wxt/browser';
import type { SyncRecord } from '../../shared/schemas/sync';
import { launchWithExtension } from '../e2e/harness/browser';
import { startFixtureServer } from '../e2e/harness/https-server';
import { bundleBackend, EXEC_URL, localDoPost, mountAppsScriptEndpoint, type DoPost } from '../fixtures/script.google.com/endpoint';
import type { Bench, BenchResult } from './types';
import { sampleConsent, sampleFiling } from '../fakes/sample-records';

declare const chrome: typeof Browser;
const N = 300;

function record(i: number): SyncRecord {
  return sampleFiling({ toDanPho: 'Tổ dân phố 5', procedureId: 'I.1', procedureCode: null, dossierCode: `G22.99-${String(i).padStart(6, '0')}`, consent: sampleConsent(new Date().toISOString()) });
}

async function run(label: string, doPost: DoPost, code: string, count: (ids: string[]) => number): Promise<BenchResult[]> {
  const server = await startFixtureServer();
  const endpoint = mountAppsScriptEndpoint(server, doPost);
  const browser = await launchWithExtension({ port: server.port });
  try {
    const page = await browser.openExtensionPage('options.html');
    // Queue everything while not linked (nothing is sent), then link: one flush drains the outbox.
    const records = Array.from({ length: N }, (_, i) => record(i));
    await page.evaluate(async (recs) => {
      for (const r of recs) await chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r });
    }, records);
    const t0 = performance.now();
    await page.evaluate(([url, c]) => chrome.runtime.sendMessage({ type: 'sync/link', endpoint: url, accessCode: c }), [EXEC_URL, code] as const);
    for (;;) {
      const left = await browser.worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox as unknown[]).length);
      if (left === 0) break;
      if (performance.now() - t0 > 120_000) throw new Error(`outbox not drained: ${left} left`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - t0;
    const written = count(records.map((r) => r.clientId));
    if (written !== N) throw new Error(`${label}: ${written} rows written for ${N} records`);
    return [
      { name: `outbox → ${label}: throughput (${N} records, ${endpoint.posts} POSTs incl. hello)`, value: Math.round((N / ms) * 1000), unit: 'records/s', budget: null },
      { name: `outbox → ${label}: time per record`, value: Math.round((ms / N) * 100) / 100, unit: 'ms', budget: 50 },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export const sync: Bench = async () => {
  const local = localDoPost();
  const results = await run('minimal local doPost', local.doPost, local.goodCode, (ids) => local.rows.filter((r) => ids.includes(r.clientId)).length);
  const addon = bundleBackend();
  results.push(...(await run('built add-on doPost (in-memory sheet)', addon.doPost, addon.goodCode, (ids) => ids.filter((id) => addon.rowsFor(id).length === 1).length)));
  return results;
};
