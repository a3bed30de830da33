// «Trang khác hướng dẫn» in real Chromium: the snapshot of a page full of fake personal data holds
// none of it (searched in the saved file), passwords and codes are never read, the volunteer reviews
// it before anything is kept; and a snapshot of one of our fixtures, turned into a fixture page by
// test/tools/snapshot-to-fixture.ts, still lets the same guide step find its anchor.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foldVietnamese as fold } from '../../shared/text/fold';
import type { PageSnapshot } from '../../extension/snapshot/types';
import { snapshotToFixture } from '../tools/snapshot-to-fixture';
import { PARTS, PLANTED, PRIVACY_PAGE } from '../fakes/personal-page';
import { collectPageErrors, type ExtensionBrowser } from './harness/browser';
import type { FixtureServer } from './harness/https-server';
import { withExtensionBrowser } from './harness/suite';
import { expectStep, extensionWorld, ISOLATED_SECRET_PROBE, panel } from './guide-helpers';
import { KHAI_SINH_URL, khaiSinhGuide, setGuidedSession } from './ux-helpers';

const FORM_URL = 'https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7';

async function takeSnapshot(b: ExtensionBrowser, page: Page): Promise<Page> {
  const review = b.context.waitForEvent('page');
  await panel(page).getByRole('button', { name: /Trang khác hướng dẫn/ }).click();
  const p = await review;
  await p.waitForURL(/snapshot\.html#/);
  await expect.poll(() => p.getByTestId('snapshot-counts').count()).toBe(1);
  return p;
}

async function saveFile(review: Page): Promise<string> {
  const download = review.waitForEvent('download');
  await review.getByRole('button', { name: 'Lưu thành tệp' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^trang-khac-huong-dan-dichvucong\.gov\.vn-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  return readFile((await d.path())!, 'utf8');
}

describe('«Trang khác hướng dẫn»: structure-only snapshots (built extension, real Chromium)', () => {
  let server: FixtureServer;
  let b: ExtensionBrowser;

  withExtensionBrowser((s, browser) => ((server = s), (b = browser)));

  it('a page full of fake personal data gives a snapshot with none of it; secrets are never read; reviewed before it is kept', async () => {
    server.route('GET', 'dichvucong.gov.vn', '/nop-ho-so', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRIVACY_PAGE));
    const page = await b.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(FORM_URL);
    await setGuidedSession(b.worker, FORM_URL, khaiSinhGuide().steps.findIndex((s) => s.id.startsWith('form.')));
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.locator('#mk').pressSequentially(PLANTED.password);
    for (const [i, digit] of [...PLANTED.otp].entries()) await page.locator('.otp-box').nth(i).pressSequentially(digit);
    await page.locator('#tep').setInputFiles({ name: PLANTED.fileName, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    const run = await extensionWorld(page);
    expect(await run(ISOLATED_SECRET_PROBE)).toBe('ok');

    const review = await takeSnapshot(b, page);
    expect(await run('JSON.stringify(globalThis.__secretReads)')).toBe('[]');
    expect(await review.getByTestId('snapshot-counts').textContent()).toMatch(/Đã che \d+ đoạn chữ và [1-9]\d* ô đã điền; (9|1\d) ô mật khẩu, mã OTP, mã bảo vệ hoặc tệp không hề được đọc/);
    // Shown rendered (sandboxed, no scripts) before anything is kept.
    const frame = review.frameLocator('[data-testid="snapshot-frame"]');
    await expect.poll(() => frame.getByRole('button', { name: 'Nộp hồ sơ' }).count()).toBe(1);
    expect(await review.getByTestId('snapshot-frame').getAttribute('sandbox')).toBe('');

    const file = await saveFile(review);
    const snapshot = JSON.parse(file) as PageSnapshot;
    expect(snapshot.host).toBe('dichvucong.gov.vn');
    expect(snapshot.path).toBe('/nop-ho-so?formalityId=');
    const digits = file.replace(snapshot.takenAt, '').replace(/\D/g, '');
    for (const [what, value] of Object.entries(PLANTED)) {
      for (const n of [value, ...(PARTS[what] ?? [])]) {
        expect(file.includes(n) || fold(file).includes(fold(n)), `${what}: "${n}" is in the saved snapshot`).toBe(false);
        if (n.replace(/\D/g, '').length >= 9) expect(digits.includes(n.replace(/\D/g, '')), `${what}: digits of "${n}"`).toBe(false);
      }
    }
    // The code boxes, the password and the file field carry no value at all.
    expect(file).not.toMatch(/"class": ?"otp-box"[^}]*"value"/);
    // What a maintainer needs is still there: UI words and structure.
    for (const kept of ['Họ và tên', 'Thông tin người nộp', 'Tên giấy tờ', 'Nộp hồ sơ', 'Số CCCD', '"id": "ho-ten"', '"type": "password"', '"data-tldvc-unread"']) expect(file, kept).toContain(kept);

    // Discarding leaves nothing behind.
    await review.getByRole('button', { name: 'Bỏ ảnh chụp này' }).click();
    await expect
      .poll(() => b.worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }).chrome.storage.session.get(null)).filter((k) => k.includes('snapshot'))))
      .toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a snapshot of a fixture, made into a fixture page by the script, lets the same step find its anchor', async () => {
    const page = await b.context.newPage();
    await page.goto(KHAI_SINH_URL);
    await setGuidedSession(b.worker, KHAI_SINH_URL, 0);
    await expectStep(page, 'login.start');
    const review = await takeSnapshot(b, page);
    const snapshot = JSON.parse(await saveFile(review)) as PageSnapshot;
    await review.close();
    expect(snapshot.stepId).toBe('login.start');
    expect(snapshot.surfaces).toEqual(['dvcqg.detail']);
    const html = snapshotToFixture(snapshot, 'round trip of the procedure page');
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>[^<]*<\/title>\n<!--\n {2}Provenance: structure-only snapshot of https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/:uuid/);
    const path = new URL(KHAI_SINH_URL).pathname;
    server.route('GET', 'dichvucong.gov.vn', path, (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await page.reload();
    expect(await page.locator('script').count()).toBe(0);
    await expectStep(page, 'login.start');
    await page.close();
  });
});
