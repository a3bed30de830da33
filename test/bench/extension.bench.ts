// Extension benchmarks, measured in one run against the built extension (.output/chrome-mv3):
// - content-script JavaScript per portal page, gzipped (budget 40 KB);
// - median time from an anchor appearing to its hint being visible (budget 100 ms);
// - slowdown of a mutation-heavy portal page with the extension (and an active guided session)
//   against the same page in a browser without it, alternated side by side (budget 10%).
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { catalogue } from '../../shared/catalogue';
import { guideFor } from '../../extension/guides/build';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../e2e/harness/browser';
import { startFixtureServer } from '../e2e/harness/https-server';
import type { Bench, BenchResult } from './types';

const KHAI_SINH = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';
const BENCH_SEARCH = 'https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=bench';

/** A procedure page whose "Nộp hồ sơ" button the page removes and re-adds on request. */
const APPEAR_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title></head><body>
<main><section id="card"><h3>Chọn cơ quan thực hiện</h3><div id="slot"></div></section></main>
<script>
window.__appear = () => new Promise((resolve) => {
  const slot = document.getElementById('slot');
  slot.replaceChildren();
  setTimeout(() => {
    const host = document.querySelector('tro-ly-dvc');
    const root = host && host.shadowRoot;
    const t0 = performance.now();
    const done = () => {
      const hint = root && root.querySelector('[data-testid="hint"]');
      if (hint && hint.dataset.step === 'agency.confirm' && hint.dataset.hidden === 'false') {
        observer.disconnect();
        resolve(performance.now() - t0);
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(done);
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    const b = document.createElement('button');
    b.type = 'submit';
    b.textContent = 'Nộp hồ sơ';
    slot.append(b);
  }, 250);
});
</script></body></html>`;

async function contentScriptKb(): Promise<BenchResult[]> {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js?: string[] }> };
  // Every content script injected on a portal page counts towards the per-page budget.
  const files = [...new Set(manifest.content_scripts.flatMap((c) => c.js ?? []))];
  let gz = 0;
  for (const f of files) gz += gzipSync(await readFile(path.join(EXTENSION_DIR, f))).length;
  const all = (await readdir(path.join(EXTENSION_DIR, 'content-scripts'))).filter((f) => f.endsWith('.js'));
  if (all.length !== files.length) throw new Error(`unexpected content scripts: ${all.join(', ')}`);
  return [{ name: 'extension: content-script JS per portal page (gzip)', value: Math.round((gz / 1024) * 10) / 10, unit: 'KB', budget: 40 }];
}

async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  return b.worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).chrome;
    const tabs = await api.tabs.query({ url: u });
    return tabs[0]!.id;
  }, url);
}

async function setSession(b: ExtensionBrowser, page: Page, stepId: string): Promise<void> {
  const guide = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
  const index = guide.steps.findIndex((s) => s.id === stepId);
  const tabId = await tabIdOf(b, page.url().split('?')[0]!.split('#')[0] + '*');
  const now = new Date().toISOString();
  await b.worker.evaluate(
    async ({ key, session }) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'guide.sessions': { [key]: session } });
    },
    { key: String(tabId), session: { guide, index, done: [], startedAt: now, updatedAt: now } },
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export const extension: Bench = async () => {
  const results = await contentScriptKb();
  const server = await startFixtureServer();
  server.route('GET', 'dichvucong.gov.vn', '/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(APPEAR_PAGE);
  });
  const withExt = await launchWithExtension({ port: server.port });
  const without = await launchWithExtension({ port: server.port, withExtension: false });
  try {
    // Anchor appears → hint visible.
    const page = await withExt.context.newPage();
    await page.goto(KHAI_SINH);
    await setSession(withExt, page, 'agency.confirm');
    await page.waitForFunction(() => !!document.querySelector('tro-ly-dvc')?.shadowRoot?.querySelector('.panel'));
    const times: number[] = [];
    for (let i = 0; i < 25; i++) times.push(await page.evaluate(() => (window as unknown as { __appear(): Promise<number> }).__appear()));
    results.push({ name: 'extension: anchor appears → hint visible (median of 25)', value: Math.round(median(times.slice(3))), unit: 'ms', budget: 100 });
    await page.close();

    // Mutation-heavy page: with the extension and a guided session looking for an anchor that
    // never comes, against the same page in a browser without the extension.
    const a = await withExt.context.newPage();
    await a.goto(BENCH_SEARCH);
    await setSession(withExt, a, 'find.pick');
    await a.reload();
    await a.waitForFunction(() => !!document.querySelector('tro-ly-dvc')?.shadowRoot?.querySelector('.panel'));
    const bPage = await without.context.newPage();
    await bPage.goto(BENCH_SEARCH);
    const run = (p: Page) => p.evaluate(async () => {
      const w = window as unknown as { __benchRun?: (ms: number) => Promise<number> };
      while (!w.__benchRun) await new Promise((r) => setTimeout(r, 10));
      return w.__benchRun(800);
    });
    for (let i = 0; i < 3; i++) {
      await run(a);
      await run(bPage); // warm-up: the first runs of each page are much slower (JIT, layout caches)
    }
    // Side by side: ABBA order cancels drift; the median of per-pair ratios resists noise.
    const ratios: number[] = [];
    const withOps: number[] = [];
    const withoutOps: number[] = [];
    for (let i = 0; i < 12; i++) {
      const first = i % 2 === 0 ? a : bPage;
      const second = first === a ? bPage : a;
      const x = await run(first);
      const y = await run(second);
      const [w, wo] = first === a ? [x, y] : [y, x];
      withOps.push(w);
      withoutOps.push(wo);
      ratios.push(w / wo);
    }
    const opsWith = median(withOps);
    const opsWithout = median(withoutOps);
    const slowdown = Math.max(0, (1 - median(ratios)) * 100);
    results.push({ name: `extension: mutation-heavy page slowdown (median of 12 paired runs; ~${Math.round(opsWithout / 0.8)} DOM changes/s)`, value: Math.round(slowdown * 10) / 10, unit: '%', budget: 10 });
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  return results;
};
