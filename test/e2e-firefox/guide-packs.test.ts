// Guide packs in real Firefox ESR: Ed25519 verification (noble over WebCrypto's SHA-512) refuses a
// pack signed by another key, and a signed pack from a static https URL (its optional host
// permission asked from the click) changes the hint on the next page load.
import { generateKeyPairSync } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { buildGuideData } from '../../extension/packs/bundle';
import type { GuideData } from '../../extension/packs/schema';
import { signPack } from '../../scripts/sign-pack';
import { startFixtureServer, type FixtureServer } from '../e2e/harness/https-server';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../e2e/harness/firefox';
import { extensionTrusting, throwawayKey } from '../e2e/harness/pack-key';
import { clickButton, expectStep, gotoUrl, startFromPopup, textOf, waitForLocation } from './helpers';

const PACK_URL = 'https://script.googleusercontent.com/goi-huong-dan/tro-ly-dvc.json';
const PACK_HINT = 'Gợi ý từ gói (Firefox): bấm “Đăng nhập” ở góc trên.';

function withHint(data: GuideData): GuideData {
  const next = structuredClone(data);
  for (const [ref, step] of Object.entries(next.steps)) if (step.id === 'login.start') next.steps[ref] = { ...step, hint: PACK_HINT };
  return next;
}

const hintText = (page: Page) => page.evaluate(() => document.querySelector('tro-ly-dvc')?.shadowRoot?.querySelector('[data-testid="hint"]')?.textContent ?? '').catch(() => '');

describe('guide packs in real Firefox ESR', () => {
  const key = throwawayKey();
  let server: FixtureServer;
  let ff: FirefoxExtensionBrowser;
  let dir: string;
  let answer = '';

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('GET', 'script.googleusercontent.com', '/goi-huong-dan/tro-ly-dvc.json', (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    dir = await extensionTrusting(FIREFOX_EXTENSION_DIR, key);
    ff = await launchFirefoxWithExtension({ port: server.port, extensionDir: dir });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const check = async () => {
    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('input[name="pack-source"][value="url"]');
    await options.click('input[name="pack-source"][value="url"]');
    await options.waitForSelector('#pack-url');
    await options.$eval('#pack-url', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('#pack-url', PACK_URL);
    await clickButton(options, 'Lưu và kiểm tra gói');
    await expect.poll(() => textOf(options, '[data-testid="pack-result"]').catch(() => ''), { timeout: 20_000 }).not.toBe('');
    const text = await textOf(options, '[data-testid="pack-result"]');
    await options.close();
    return text;
  };

  it('refuses a pack signed by another key, then takes a signed newer one: the hint changes', async () => {
    const data = withHint(buildGuideData({ version: '2026.12.02-1', minExtensionVersion: '0.1.0' }));
    answer = JSON.stringify(signPack(data, generateKeyPairSync('ed25519').privateKey, key.keyId));
    expect(await check()).toContain('Chữ ký của gói 2026.12.02-1 không đúng');

    const page = await ff.openExtensionPage('popup.html');
    await startFromPopup(page, 'khai tử', 'III.3');
    await waitForLocation(page, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//);
    await expectStep(page, 'login.start');
    expect(await hintText(page)).not.toContain(PACK_HINT);

    answer = JSON.stringify(signPack(data, key.key, key.keyId));
    expect(await check()).toContain('Đã dùng gói hướng dẫn 2026.12.02-1');
    await gotoUrl(page, page.url());
    await expectStep(page, 'login.start');
    await expect.poll(() => hintText(page)).toContain(PACK_HINT);
    const popup = await ff.openExtensionPage('popup.html');
    await expect.poll(() => textOf(popup, '[data-testid="guide-data"]').catch(() => '')).toBe('Dữ liệu hướng dẫn: bản 2026.12.02-1 (gói từ địa chỉ web)');
    await popup.close();
    await page.close();
  });
});
