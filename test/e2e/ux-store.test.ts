import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectPageErrors, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { expectStep, panel } from './guide-helpers';
import { PANEL_BUTTONS } from '../../extension/pages/panelButtons';
import { parseMarkdown } from '../../extension/pages/Markdown';
import { cspViolations, KHAI_SINH_URL, khaiSinhGuide, pngSize, setGuidedSession, sideways, smallestText, storeScreenshot, watchCsp } from './ux-helpers';

const REPO = path.resolve(import.meta.dirname, '../..');
const OUTPUT = path.dirname(EXTENSION_DIR);

/** Every page of the extension, with the query a real visit has. */
const PAGES = [
  'popup.html',
  'options.html',
  'record.html',
  'record.html#hang-cho',
  'diagnostics.html',
  'snapshot.html',
  'help.html',
  'privacy.html',
  'checklist.html?id=III.2&ticked=0,1',
  'appointment.html?dossierCode=G22.99-000100&procedureId=III.2&portal=dvcqg&filedOn=2030-09-01',
  'filing-frame.html?dossierCode=G22.99-000100&procedureId=III.2&procedureCode=1.001193&portal=dvcqg',
];

const readManifest = async (target: string) => JSON.parse(await readFile(path.join(OUTPUT, target, 'manifest.json'), 'utf8'));

describe('ready for the stores (built extension, real Chromium)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    b = await launchWithExtension({ port: server.port });
    await watchCsp(b.context);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('icons at 16, 32, 48 and 128 px in both built manifests, rendered at their size, on the toolbar button too', async () => {
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const manifest = await readManifest(target);
      expect(Object.keys(manifest.icons).sort((a, b) => Number(a) - Number(b)), target).toEqual(['16', '32', '48', '128']);
      for (const [size, file] of Object.entries<string>(manifest.icons)) {
        const png = await readFile(path.join(OUTPUT, target, file));
        expect(pngSize(png), `${target} ${file}`).toEqual({ width: Number(size), height: Number(size) });
      }
      expect(Object.values(manifest.action.default_icon), target).toEqual(['icon/16.png', 'icon/32.png', 'icon/48.png']);
    }
    // Pages show the icon (as a favicon and in the popup's bar).
    const popup = await b.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('.topbar img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(32);
    expect(await popup.locator('link[rel="icon"]').getAttribute('href')).toBe('/icon/32.png');
    await popup.close();
  });

  it('no CSP violation and no error on any extension page; every page fits 360 px and 200 % zoom, text ≥ 16 px', async () => {
    for (const file of PAGES) {
      const page = await b.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`chrome-extension://${b.extensionId}/${file}`);
      await expect.poll(() => page.locator('#app *').count(), { message: file }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect(await cspViolations(page), file).toEqual([]);
      expect(errors, file).toEqual([]);
      for (const width of [360, 640]) {
        await page.setViewportSize({ width, height: 700 });
        expect(await sideways(page), `${file} at ${width}px`).toBeLessThanOrEqual(0);
      }
      expect(await smallestText(page), file).toBeGreaterThanOrEqual(16);
      await page.close();
    }
  });

  it('every permission of the built manifest is justified in docs/store/permissions.md, and no other', async () => {
    const manifest = await readManifest('chrome-mv3');
    const doc = await readFile(path.join(REPO, 'docs/store/permissions.md'), 'utf8');
    const documented = [...doc.matchAll(/^## `([a-zA-Z]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...manifest.permissions].sort());
    for (const host of manifest.host_permissions as string[]) expect(doc, host).toContain(`\`${host}\``);
    const listedHosts = [...doc.matchAll(/`(https:\/\/[^`]+)`/g)].map((m) => m[1]);
    expect(new Set(listedHosts)).toEqual(new Set(manifest.host_permissions));
  });

  it('the privacy page inside the extension is the policy in the repository', async () => {
    const source = await readFile(path.join(REPO, 'docs/store/privacy-policy.md'), 'utf8');
    const headings = parseMarkdown(source).filter((blk) => blk.kind === 'h1' || blk.kind === 'h2').map((blk) => ('text' in blk ? blk.text : ''));
    expect(headings).toContain('Những gì không bao giờ đọc, lưu hay gửi đi');
    expect(headings).toContain('Những gì gửi lên sổ của phường');
    const page = await b.openExtensionPage('privacy.html');
    await expect.poll(() => page.locator('h1, h2').allTextContents()).toEqual(headings);
    await page.close();
  });

  it('the help page explains every button the guide panel shows', async () => {
    const page = await b.context.newPage();
    await page.goto(KHAI_SINH_URL);
    // agency.province: "Quay lại", "Bỏ qua", "Đóng hướng dẫn" and the two corner buttons.
    await setGuidedSession(b.worker, KHAI_SINH_URL, khaiSinhGuide().steps.findIndex((s) => s.id === 'agency.province'));
    await expectStep(page, 'agency.province');
    const names = await panel(page).locator('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''));
    const help = await b.openExtensionPage('help.html');
    const explained = await help.getByTestId('panel-buttons').locator('[data-button-name]').evaluateAll((els) => els.map((e) => e.getAttribute('data-button-name')));
    expect(explained).toEqual(Object.values(PANEL_BUTTONS).map((x) => x.name));
    for (const name of names) expect(explained, name).toContain(name);
    await storeScreenshot(page, '1-huong-dan-tren-cong');
    await storeScreenshot(help, '5-huong-dan-su-dung');
    await help.close();
    await page.close();
  });

  it('makes the 1280×800 store screenshots under .output/screenshots/', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await popup.getByLabel('Tìm thủ tục của người dân (tên hoặc mã)').fill('khai sinh');
    await expect.poll(() => popup.locator('[data-procedure-id]').count()).toBeGreaterThan(0);
    // The popup as the toolbar shows it, on a neutral background the size of a store screenshot.
    await popup.addStyleTag({ content: 'html { background: #dfe5ef; } body { margin: 24px auto; box-shadow: 0 8px 32px rgba(0,0,0,.3); min-height: 740px; }' });
    await storeScreenshot(popup, '2-cua-so-tien-ich');
    const sheet = await b.openExtensionPage('checklist.html?id=III.2&ticked=0');
    await expect.poll(() => sheet.getByTestId('slip').isVisible()).toBe(true);
    await storeScreenshot(sheet, '3-danh-sach-giay-to');
    const slip = await b.openExtensionPage('appointment.html?dossierCode=H55.242-261127-0001&procedureId=III.2&portal=dvcqg&filedOn=2026-11-27&dueOn=2026-11-28');
    await expect.poll(() => slip.getByTestId('slip').isVisible()).toBe(true);
    await slip.evaluate(() => document.querySelector('[data-testid="slip"]')?.scrollIntoView());
    await storeScreenshot(slip, '4-phieu-hen');
    // Every screenshot the store listing names was made by this run (the help test made 1 and 5).
    const listing = await readFile(path.join(REPO, 'docs/store/listing.md'), 'utf8');
    const named = [...listing.matchAll(/`(\d-[a-z-]+\.png)`/g)].map((m) => m[1]!);
    expect(named).toHaveLength(5);
    for (const name of named) expect(pngSize(await readFile(path.join(OUTPUT, 'screenshots', name))), name).toEqual({ width: 1280, height: 800 });
    for (const p of [popup, sheet, slip]) await p.close();
  });
});
