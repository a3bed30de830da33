// A step that cannot find its anchor on a fixture reaches the ward's registry through the outbox and
// the BUILT add-on's endpoint (Apps Script web-app mechanics), once: reloading the page and resending
// the record write nothing twice; the add-on's «Chẩn đoán» sheet holds one row.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { SyncEnvelopeSchema, type SyncRecord } from '../../shared/schemas/sync';
import { BUNDLED_GUIDE_DATA_VERSION } from '../../extension/packs/version';
import { bundleBackend, EXEC_URL, mountAppsScriptEndpoint, type MountedEndpoint } from '../fixtures/script.google.com/endpoint';
import { collectPageErrors, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from './harness/https-server';
import { expectStep, panel } from './guide-helpers';
import { choose, startFromPopup } from './guide-national';
import { mountSidebar, openSidebar } from './addon-sidebar-harness';

declare const chrome: typeof Browser;

type Diagnostic = Extract<SyncRecord, { kind: 'diagnostic' }>;

/** Diagnostic records doPost received, with the envelope's guide-data version. */
function sentDiagnostics(endpoint: MountedEndpoint): Array<{ record: Diagnostic; guideData?: string }> {
  return endpoint.bodies.flatMap((b) => {
    const env = SyncEnvelopeSchema.safeParse(JSON.parse(b));
    if (!env.success) return [];
    return env.data.records.filter((r): r is Diagnostic => r.kind === 'diagnostic').map((record) => ({ record, guideData: env.data.client.guideData }));
  });
}

describe('diagnostics → outbox → the built add-on (real Chromium, built extension)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;
  let endpoint: MountedEndpoint;
  let backend: ReturnType<typeof bundleBackend>;
  let page: Page;

  /** The portal renamed the agency block's button: agency.confirm finds no anchor. */
  async function missAgencyConfirm() {
    await expectStep(page, 'agency.province');
    await choose(page, 'thái', 'Tỉnh Thái Nguyên');
    await choose(page, 'ba', 'Phường Ba Hàng');
    await expectStep(page, 'agency.confirm', { hint: false });
    await expect.poll(() => panel(page).getByTestId('fallback').count(), { timeout: 8000 }).toBe(1);
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    backend = bundleBackend();
    endpoint = mountAppsScriptEndpoint(server, backend.doPost);
    mountSidebar(server, () => backend.reg);
    const original = await readFile(path.join(FIXTURES_DIR, 'dichvucong.gov.vn/static/agency.js'), 'utf8');
    const changed = original.replace("logged ? 'Nộp hồ sơ' : 'Đồng ý')", "'Tiếp tục')");
    if (changed === original) throw new Error('agency.js changed: update the renamed-button patch');
    server.route('GET', 'dichvucong.gov.vn', '/static/agency.js', (_q, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(changed));
    b = await launchWithExtension({ port: server.port });
    const options = await b.openExtensionPage('options.html');
    const linked = await options.evaluate(([endpoint, accessCode]) => chrome.runtime.sendMessage({ type: 'sync/link', endpoint, accessCode }), [EXEC_URL, backend.goodCode] as const);
    expect(linked).toMatchObject({ ok: true });
    await options.close();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('one miss is one record at the endpoint, with no page text, even after the page is reloaded', async () => {
    page = await startFromPopup(b, '1.001193', 'III.2');
    const errors = collectPageErrors(page);
    await page.evaluate(() => localStorage.setItem('dvc_token', 'token-x'));
    await page.reload();
    await missAgencyConfirm();
    await expect.poll(() => sentDiagnostics(endpoint).length, { timeout: 15_000 }).toBe(1);
    const [{ record, guideData }] = sentDiagnostics(endpoint) as [{ record: Diagnostic; guideData?: string }];
    expect(record.diagnostic).toMatchObject({
      kind: 'anchor-missing',
      guideId: 'dvcqg:III.2',
      stepId: 'agency.confirm',
      surface: 'dvcqg.detail',
      path: '/thu-tuc-hanh-chinh/:uuid',
      browser: 'chrome',
      guideDataVersion: `bundled-${BUNDLED_GUIDE_DATA_VERSION}`,
    });
    expect(guideData).toBe(`bundled-${BUNDLED_GUIDE_DATA_VERSION}`);
    const body = JSON.stringify(record);
    for (const pageText of ['Thái Nguyên', 'Ba Hàng', 'Tiếp tục', 'token-x', '019d2bfd']) expect(body).not.toContain(pageText);

    // The same miss after a reload (the guide stays at the step): seen twice on this computer, sent once.
    await page.reload();
    await expectStep(page, 'agency.confirm', { hint: false });
    await expect.poll(() => panel(page).getByTestId('fallback').count(), { timeout: 8000 }).toBe(1);
    const diagnostics = await b.openExtensionPage('diagnostics.html');
    const row = diagnostics.locator('tr[data-step="agency.confirm"]');
    await expect.poll(() => row.locator('td').first().textContent()).toContain('gặp 2 lần');
    expect(await row.count()).toBe(1);
    expect(await diagnostics.getByTestId('diagnostics-sending').textContent()).toContain('đã liên kết');
    await diagnostics.close();
    expect(sentDiagnostics(endpoint)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('«Chẩn đoán» gets one row, however often the record is resent', async () => {
    const [{ record }] = sentDiagnostics(endpoint) as [{ record: Diagnostic }];
    const worker = b.worker;
    const outbox = () => worker.evaluate(async () => ((await chrome.storage.local.get('outbox')) as { outbox?: Array<{ clientId: string; state: string; lastError?: { message: string } }> }).outbox ?? []);
    expect(backend.reg.gas.ss.sheet('Chẩn đoán'), 'the built add-on sets up «Chẩn đoán»').toBeTruthy();
    const rows = () => {
      const s = backend.reg.gas.ss.sheet('Chẩn đoán')!;
      return s.values.slice(1).filter((r) => r.includes('agency.confirm'));
    };
    await expect.poll(() => rows().length).toBe(1);
    const p = await b.openExtensionPage('record.html#hang-cho');
    for (let i = 0; i < 2; i++) {
      await p.evaluate((r) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record);
      await expect.poll(async () => (await outbox()).some((x) => x.clientId === record.clientId)).toBe(false);
    }
    expect(sentDiagnostics(endpoint).length).toBeGreaterThanOrEqual(3);
    expect(rows()).toHaveLength(1);
    await p.close();

    // The group leader's sidebar (the built one, over the same registry) lists the failing step.
    const sidebar = await openSidebar(b, 'menuDiagnostics');
    const week = sidebar.getByRole('list', { name: /Bước bị lỗi trong 7 ngày qua/ });
    await expect.poll(() => week.textContent()).toContain('«agency.confirm»');
    expect(await week.textContent()).toContain('1 lần, trên 1 máy của 1 tình nguyện viên');
    await sidebar.close();
  });
});
