// Guide packs in real Chromium: a pack signed with a key made here, served the way the ward's add-on
// serves it (GET …/exec?pack=1 through the Apps Script redirect), changes a hint on the next page
// load; a pack with one byte changed, one signed by another key, an older one and one that fails the
// schema are each refused with a Vietnamese reason on the diagnostics page, and the guides go on.
import { generateKeyPairSync } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildGuideData } from '../../extension/packs/bundle';
import type { GuideData } from '../../extension/packs/schema';
import { signPack } from '../../scripts/sign-pack';
import { EXEC_URL } from '../fixtures/script.google.com/endpoint';
import { collectPageErrors, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { extensionTrusting, mountPackEndpoint, throwawayKey, type PackEndpoint } from './harness/pack-key';
import { expectStep, hint } from './guide-helpers';
import { startFromPopup } from './guide-national';
import { KHAI_SINH_URL, khaiSinhGuide, setGuidedSession, setStorage } from './ux-helpers';

const PACK_HINT = 'Gợi ý từ gói của phường: bấm “Đăng nhập” ở góc trên, rồi đăng nhập bằng VNeID của người dân.';

function withLoginHint(data: GuideData, hintText: string, version: string): GuideData {
  const next = structuredClone(data);
  next.version = version;
  for (const [ref, step] of Object.entries(next.steps)) if (step.id === 'login.start') next.steps[ref] = { ...step, hint: hintText };
  return next;
}

describe('guide packs (built extension trusting a test key, real Chromium)', () => {
  const key = throwawayKey();
  let server: FixtureServer;
  let b: ExtensionBrowser;
  let endpoint: PackEndpoint;
  let extDir: string;
  let data: GuideData;
  let page: Page;
  let errors: string[];

  const check = async (packJson: unknown) => {
    endpoint.answer = typeof packJson === 'string' ? packJson : JSON.stringify(packJson);
    const options = await b.openExtensionPage('options.html');
    await options.getByRole('radio', { name: /Sổ của phường/ }).check();
    await options.getByRole('button', { name: 'Lưu và kiểm tra gói' }).click();
    const result = options.getByTestId('pack-result');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).not.toBe(null);
    const out = { text: (await result.textContent()) ?? '', role: await result.getAttribute('role') };
    await options.close();
    return out;
  };
  const diagnosticsChecks = async () => {
    const d = await b.openExtensionPage('diagnostics.html');
    await expect.poll(() => d.getByTestId('pack-checks').locator('li').count()).toBeGreaterThan(0);
    const items = await d.getByTestId('pack-checks').locator('li').evaluateAll((els) => els.map((e) => ({ outcome: e.getAttribute('data-outcome'), text: e.textContent ?? '' })));
    const line = (await d.getByTestId('guide-data').textContent()) ?? '';
    await d.close();
    return { latest: items[0]!, line };
  };
  const loginHint = async () => {
    await page.reload();
    await expectStep(page, 'login.start');
    return hint(page).textContent();
  };

  beforeAll(async () => {
    data = buildGuideData({ version: '2026.12.02-1', minExtensionVersion: '0.1.0' });
    server = await startFixtureServer();
    endpoint = mountPackEndpoint(server);
    extDir = await extensionTrusting(EXTENSION_DIR, key);
    b = await launchWithExtension({ port: server.port, extensionDir: extDir });
    // The ward source needs only the endpoint's address (the pack is the ward's, not the volunteer's).
    await setStorage(b.worker, { syncSettings: { endpoint: EXEC_URL, accessCode: '', linked: null } });
    page = await b.context.newPage();
    errors = collectPageErrors(page);
    await page.goto(KHAI_SINH_URL);
    await setGuidedSession(b.worker, KHAI_SINH_URL, 0);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    if (extDir) await rm(extDir, { recursive: true, force: true });
  });

  it('refuses a pack with one byte changed, one signed by another key, an older one and one that fails the schema; the bundled guide goes on', async () => {
    const bundledHint = khaiSinhGuide().steps[0]!.hint;
    const good = signPack(withLoginHint(data, PACK_HINT, '2026.12.02-1'), key.key, key.keyId);
    const at = good.payload.indexOf('Gợi ý từ gói');
    const cases: Array<{ name: string; pack: unknown; says: RegExp }> = [
      { name: 'one byte changed', pack: { ...good, payload: `${good.payload.slice(0, at)}g${good.payload.slice(at + 1)}` }, says: /Chữ ký của gói 2026\.12\.02-1 không đúng/ },
      { name: 'another key', pack: signPack(withLoginHint(data, PACK_HINT, '2026.12.02-1'), generateKeyPairSync('ed25519').privateKey, key.keyId), says: /Chữ ký của gói 2026\.12\.02-1 không đúng/ },
      { name: 'older than the bundled data', pack: signPack(withLoginHint(data, PACK_HINT, '2026.11.15-1'), key.key, key.keyId), says: /Gói 2026\.11\.15-1 cũ hơn .*không quay lại bản cũ/ },
      {
        name: 'fails the schema',
        pack: signPack({ ...withLoginHint(data, PACK_HINT, '2026.12.02-1'), routes: { ...data.routes, 'dvcqg.home': { routes: [] } } }, key.key, key.keyId),
        says: /Gói 2026\.12\.02-1 có dữ liệu không hợp lệ ở routes\.dvcqg\.home/,
      },
      { name: 'not a pack at all', pack: '<!DOCTYPE html><html><body>Lỗi</body></html>', says: /không phải gói hướng dẫn của Trợ lý DVC/ },
    ];
    for (const c of cases) {
      const r = await check(c.pack);
      expect(r.text, c.name).toMatch(c.says);
      expect(r.role, c.name).toBe('alert');
      const { latest, line } = await diagnosticsChecks();
      expect(latest.outcome, c.name).toBe('refused');
      expect(latest.text, c.name).toMatch(c.says);
      expect(line, c.name).toContain('có sẵn trong tiện ích');
      expect(await loginHint(), c.name).toContain(bundledHint);
    }
    expect(endpoint.gets).toBe(cases.length);
  });

  it('a signed, newer pack from the ward changes the hint on the next page load; the popup says which data is in use', async () => {
    const corrected = buildGuideData({
      version: '2026.12.02-1',
      minExtensionVersion: '0.1.0',
      corrections: [{ id: 'III.3', note: '2026-12: test correction', set: { officialName: 'Đăng ký khai tử (tên theo gói sửa danh mục)' } }],
    });
    const r = await check(signPack(withLoginHint(corrected, PACK_HINT, '2026.12.02-1'), key.key, key.keyId));
    expect(r.text).toContain('Đã dùng gói hướng dẫn 2026.12.02-1');
    expect(await loginHint()).toContain(PACK_HINT);
    const popup = await b.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('guide-data').textContent()).toBe('Dữ liệu hướng dẫn: bản 2026.12.02-1 (gói từ sổ của phường)');
    // The pack's catalogue correction shows in the list.
    await expect.poll(() => popup.locator('[data-procedure-id="III.3"]').textContent()).toContain('tên theo gói sửa danh mục');
    await popup.close();
    // A guide started now from the popup is built from the pack too.
    const started = await startFromPopup(b, '1.001193', 'III.2');
    await expectStep(started, 'login.start');
    expect(await hint(started).textContent()).toContain(PACK_HINT);
    await started.close();
    expect(errors).toEqual([]);
  });

  it('never goes back: an older validly signed pack is refused and the pack in use stays', async () => {
    const r = await check(signPack(withLoginHint(data, 'Gợi ý cũ.', '2026.12.02-0'), key.key, key.keyId));
    expect(r.text).toMatch(/Gói 2026\.12\.02-0 cũ hơn dữ liệu hướng dẫn đã dùng trên máy này \(2026\.12\.02-1\)/);
    const same = await check(signPack(withLoginHint(data, PACK_HINT, '2026.12.02-1'), key.key, key.keyId));
    expect(same.text).toContain('Đang dùng gói 2026.12.02-1');
    expect(await loginHint()).toContain(PACK_HINT);
    const { line } = await diagnosticsChecks();
    expect(line).toContain('bản 2026.12.02-1 (gói từ sổ của phường)');
  });
});
