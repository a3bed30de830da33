import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'wxt/browser';
import { startFixtureServer, type FixtureServer } from './harness/https-server';
import { launchWithExtension } from './harness/browser';
import { CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import type { SyncRecord } from '../../shared/schemas/sync';
import { bundleBackend, EXEC_URL, mountAppsScriptEndpoint } from '../fixtures/script.google.com/endpoint';

declare const chrome: typeof Browser;

function account(name: string): SyncRecord {
  return {
    clientId: crypto.randomUUID(),
    kind: 'account',
    account: {
      fullName: name,
      birthYear: 1980,
      toDanPho: 'Tổ dân phố 3',
      apps: ['Cổng DVC tỉnh'],
      createdOn: '2026-11-20',
      consent: { given: true, textVersion: CONSENT_TEXT_VERSION, at: new Date().toISOString() },
    },
  };
}

describe('outbox survives a browser restart (same profile)', () => {
  let server: FixtureServer;
  let profile: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    profile = await mkdtemp(path.join(os.tmpdir(), 'tro-ly-dvc-restart-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('items queued while the endpoint is down are delivered once after the restart', async () => {
    const backend = bundleBackend();
    const endpoint = mountAppsScriptEndpoint(server, backend.doPost);
    const records = [account('Phạm Văn Cường'), account('Hoàng Thị Dung')];

    const first = await launchWithExtension({ port: server.port, userDataDir: profile });
    const options = await first.openExtensionPage('options.html');
    await options.getByLabel('Địa chỉ web của sổ').fill(EXEC_URL);
    await options.getByLabel('Mã truy cập của bạn').fill(backend.goodCode);
    await options.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
    await expect.poll(() => options.getByTestId('link-status').textContent()).toContain('Lê Thị Hoa');

    endpoint.mode = 'down';
    for (const r of records) {
      expect(await options.evaluate((rec) => chrome.runtime.sendMessage({ type: 'outbox/enqueue', record: rec }), r)).toMatchObject({ ok: true });
    }
    await expect
      .poll(async () => first.worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox as Array<{ attempts: number }>).map((i) => i.attempts)))
      .toEqual([expect.any(Number), expect.any(Number)]);
    // The first send failed; the second record waits behind the backoff (no hammering a dead endpoint).
    expect(endpoint.posts).toBeGreaterThanOrEqual(1);
    expect(await first.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
    expect(backend.rows('Tài khoản')).toHaveLength(0);
    await first.close({ keepProfile: true });

    endpoint.mode = 'up';
    const second = await launchWithExtension({ port: server.port, userDataDir: profile });
    try {
      await expect
        .poll(async () => second.worker.evaluate(async () => ((await chrome.storage.local.get('outbox')).outbox as unknown[]).length), { timeout: 20_000 })
        .toBe(0);
      for (const r of records) expect(backend.rowsFor(r.clientId)).toHaveLength(1);
      expect(backend.rows('Tài khoản')).toHaveLength(records.length);
      expect(await second.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    } finally {
      await second.close({ keepProfile: true });
    }
  });
});
