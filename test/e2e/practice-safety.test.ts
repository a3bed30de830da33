/**
 * Practice mode cannot be reached from the web, and a rehearsal's filing can never be queued:
 * by type (test/unit/practice/brand.test.ts) and at run time, tested here in real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { PRACTICE_BANNER, PRACTICE_REFUSED } from '../../extension/practice/brand';
import { sampleFiling } from '../fakes/sample-records';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { expectBanner, expectPracticeStep, openPractice, outboxItems, startScenario } from './practice-helpers';

declare const chrome: typeof Browser;

const enqueue = (page: Page, record: unknown) => page.evaluate((r) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record);
const practiceRuns = (b: ExtensionBrowser) => b.worker.evaluate(async () => Object.keys(((await chrome.storage.session.get('practice.runs'))['practice.runs'] ?? {}) as object));

describe('practice mode stays out of reach and out of the outbox', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('GET', 'script.googleusercontent.com', '/other-site', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>x</title><p>another site</p>'));
    b = await launchWithExtension({ port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  for (const from of ['https://dichvucong.gov.vn/', 'https://script.googleusercontent.com/other-site']) {
    it(`a web page cannot open the practice pages (${new URL(from).hostname})`, async () => {
      const before = await practiceRuns(b);
      const page = await b.context.newPage();
      await page.goto(from);
      for (const file of ['practice.html', 'practice-frame.html?run=x&role=top&at=https%3A%2F%2Fdichvucong.gov.vn%2F']) {
        const url = `chrome-extension://${b.extensionId}/${file}`;
        // Not fetchable, not frameable, not openable, not navigable: none of them is web-accessible.
        expect(await page.evaluate((u) => fetch(u).then(() => 'loaded', () => 'refused'), url)).toBe('refused');
        // The frame loads (an error page of the browser), never the practice page.
        await page.evaluate(
          (u) =>
            new Promise<void>((done) => {
              const f = document.createElement('iframe');
              f.onload = () => done();
              f.src = u;
              document.body.append(f);
            }),
          url,
        );
        const inside = await page.frames()[1]!.evaluate(() => `${location.href} ${document.body?.innerText ?? ''}`).catch(() => 'not readable');
        expect(inside).not.toMatch(/chrome-extension:|BẢN TẬP LUYỆN/);
        await page.evaluate(() => document.querySelector('iframe')?.remove());
        const [popup] = await Promise.all([b.context.waitForEvent('page'), page.evaluate((u) => void window.open(u), url)]);
        await popup.waitForLoadState().catch(() => undefined);
        expect(popup.url()).not.toMatch(/^chrome-extension:/);
        await popup.close();
      }
      await page.evaluate((u) => (location.href = u), `chrome-extension://${b.extensionId}/practice.html`).catch(() => undefined);
      await expect.poll(() => page.url()).not.toBe(from);
      expect(page.url()).not.toMatch(/^chrome-extension:/);
      expect(await practiceRuns(b)).toEqual(before);
      await page.close();
    });
  }

  it('a practice frame opened by itself shows inside the shell, under the banner', async () => {
    const page = await openPractice(b);
    await startScenario(page, 'khai-tu');
    await expectPracticeStep(page, 'login.start');
    const frameUrl = page.frames().find((f) => f.url().includes('practice-frame.html'))!.url();
    const alone = await b.context.newPage();
    await alone.goto(frameUrl);
    await alone.waitForURL(/practice\.html\?run=/);
    await expectBanner(alone);
    await expect.poll(() => alone.frameLocator('[data-testid="replica"]').locator('tro-ly-dvc .panel').getAttribute('data-step').catch(() => null)).toBe('login.start');
    await alone.close();
    await page.close();
  });

  it('the outbox refuses a practice page, its replica frame and any practice-marked record; other records still queue, also in that tab afterwards', async () => {
    const page = await openPractice(b);
    await startScenario(page, 'khai-sinh');
    await expectBanner(page);
    expect(await page.getByTestId('practice-banner').locator('.fixed-text').textContent()).toBe(PRACTICE_BANNER);
    const record = sampleFiling({ dossierCode: 'H55.242-261127-0001' });
    expect(await enqueue(page, record)).toEqual({ ok: false, message: PRACTICE_REFUSED });
    // The replica frame is a practice page too.
    const frame = page.frames().find((f) => f.url().includes('practice-frame.html'))!;
    expect(await frame.evaluate((r) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: r }), record)).toEqual({ ok: false, message: PRACTICE_REFUSED });
    // A practice-marked record from any page: refused.
    const options = await b.openExtensionPage('options.html');
    expect(await enqueue(options, { ...record, practice: { runId: 'r', scenarioId: 'khai-sinh' } })).toEqual({ ok: false, message: PRACTICE_REFUSED });
    expect(await outboxItems(b.worker)).toEqual([]);
    // The refusal is that specific: the same record, unmarked, is queued from another page, even
    // in the tab that held the practice (a real filing made there later must go through).
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    expect(await enqueue(page, record)).toEqual({ ok: true, waiting: 1 });
    expect(await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'outbox/delete', clientId: id }), record.clientId)).toEqual({ ok: true });
    expect(await outboxItems(b.worker)).toEqual([]);
    await options.close();
    await page.close();
  });
});
