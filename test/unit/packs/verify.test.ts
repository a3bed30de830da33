// Guide packs: built from the repository, signed with a throwaway key made here, verified by the
// extension's own code (noble Ed25519 against Node's signer), refused for every kind of fault.
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGuideData } from '../../../extension/packs/bundle';
import { packSource, procedureGuide, handoffGuide, rebuildGuide, bundledSource } from '../../../extension/packs/lookup';
import { refreshSession } from '../../../extension/packs/refresh';
import type { GuideData } from '../../../extension/packs/schema';
import { BUNDLED_GUIDE_DATA_VERSION, compareVersions, extensionAtLeast } from '../../../extension/packs/version';
import { verifyPack, type VerifyContext } from '../../../extension/packs/verify';
import { guideFor } from '../../../extension/guides/build';
import { catalogue } from '../../../shared/catalogue';
import { publicKeyBase64, signPack } from '../../../scripts/sign-pack';

const key = generateKeyPairSync('ed25519').privateKey;
const other = generateKeyPairSync('ed25519').privateKey;
const KEYS = { 'test-key': publicKeyBase64(key) };
const ctx = (over: Partial<VerifyContext> = {}): VerifyContext => ({ keys: KEYS, extensionVersion: '0.1.0', current: BUNDLED_GUIDE_DATA_VERSION, floor: BUNDLED_GUIDE_DATA_VERSION, ...over });

let data: GuideData;
beforeAll(() => {
  data = buildGuideData({ version: '2026.12.02-1', minExtensionVersion: '0.1.0' });
});

describe('guide data built from the repository', () => {
  it('holds every catalogue guide, identical to the bundled builder, with shared steps stored once', () => {
    const source = packSource(data);
    let guides = 0;
    for (const p of catalogue) {
      const bundled = guideFor(p);
      expect(procedureGuide(source, p.id), p.id).toEqual(bundled);
      if (bundled) guides++;
    }
    expect(guides).toBeGreaterThan(40);
    const total = catalogue.reduce((n, p) => n + (guideFor(p)?.steps.length ?? 0), 0);
    expect(Object.keys(data.steps).length).toBeLessThan(total / 3);
  });

  it('gives hand-off guides from its flows, as the bundled code does', () => {
    const url = 'https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55';
    for (const [portal, code] of [['thainguyen', '2.000815'], ['lienthong', '1.006714'], ['lienthong', '2.000987'], ['moj', '2.001035'], ['dvcqg', '1.001193']] as const) {
      expect(handoffGuide(packSource(data), portal, code, url), `${portal} ${code}`).toEqual(handoffGuide(bundledSource(), portal, code, url));
    }
  });
});

describe('verifyPack', () => {
  it('accepts a pack signed by a known key, newer than the data in use', async () => {
    const v = await verifyPack(signPack(data, key, 'test-key'), ctx());
    expect(v.ok).toBe(true);
  });

  it('refuses one changed byte in the payload or in the signature', async () => {
    const pack = signPack(data, key, 'test-key');
    const i = pack.payload.indexOf('Đăng nhập');
    const payload = `${pack.payload.slice(0, i)}X${pack.payload.slice(i + 1)}`;
    const a = await verifyPack({ ...pack, payload }, ctx());
    expect(a).toMatchObject({ ok: false, reason: 'signature' });
    expect(a.ok === false && a.message).toContain('Chữ ký của gói 2026.12.02-1 không đúng');
    const sig = Buffer.from(pack.signature, 'base64');
    sig[5] = sig[5]! ^ 1;
    expect(await verifyPack({ ...pack, signature: sig.toString('base64') }, ctx())).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a pack signed by another key under a known id, and an unknown key id', async () => {
    expect(await verifyPack(signPack(data, other, 'test-key'), ctx())).toMatchObject({ ok: false, reason: 'signature' });
    const unknown = await verifyPack(signPack(data, other, 'stranger'), ctx());
    expect(unknown).toMatchObject({ ok: false, reason: 'key' });
    expect(unknown.ok === false && unknown.message).toContain('«stranger»');
  });

  it('refuses an older pack, and says "same" for the one in use', async () => {
    const older = await verifyPack(signPack({ ...data, version: '2026.12.02-0' }, key, 'test-key'), ctx({ current: '2026.12.02-1', floor: '2026.12.02-1' }));
    expect(older).toMatchObject({ ok: false, reason: 'older' });
    expect(older.ok === false && older.message).toContain('không quay lại bản cũ');
    expect(await verifyPack(signPack({ ...data, version: '2026.11.01-1' }, key, 'test-key'), ctx())).toMatchObject({ ok: false, reason: 'older' });
    expect(await verifyPack(signPack(data, key, 'test-key'), ctx({ current: '2026.12.02-1', floor: '2026.12.02-1' }))).toMatchObject({ ok: 'same' });
  });

  it('refuses a correctly signed pack that fails the schema, names where', async () => {
    const broken = structuredClone(data) as unknown as { steps: Record<string, { hint: string }> };
    broken.steps[Object.keys(broken.steps)[0]!]!.hint = '';
    const v = await verifyPack(signPack(broken as unknown as GuideData, key, 'test-key'), ctx());
    expect(v).toMatchObject({ ok: false, reason: 'schema' });
    expect(v.ok === false && v.message).toMatch(/dữ liệu không hợp lệ ở steps\./);
    const badRoute = structuredClone(data);
    badRoute.routes['dvcqg.home']!.routes[0]!.hosts = ['evil.example.com'];
    expect(await verifyPack(signPack(badRoute, key, 'test-key'), ctx())).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('refuses an envelope whose version differs from the signed one, a wrong format, and a too-new pack', async () => {
    const pack = signPack(data, key, 'test-key');
    expect(await verifyPack({ ...pack, version: '2027.01.01-1' }, ctx())).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await verifyPack({ ok: false, error: { code: 'X' } }, ctx())).toMatchObject({ ok: false, reason: 'format' });
    expect(await verifyPack('<html>', ctx())).toMatchObject({ ok: false, reason: 'format' });
    const future = await verifyPack(signPack({ ...data, minExtensionVersion: '9.0' }, key, 'test-key'), ctx());
    expect(future).toMatchObject({ ok: false, reason: 'extension' });
  });
});

describe('versions and guides in use', () => {
  it('orders versions by date then counter', () => {
    expect(compareVersions('2026.12.02-1', '2026.12.02-0')).toBeGreaterThan(0);
    expect(compareVersions('2026.12.02-10', '2026.12.02-9')).toBeGreaterThan(0);
    expect(compareVersions('2027.01.01-0', '2026.12.31-99')).toBeGreaterThan(0);
    expect(compareVersions('junk', '2026.12.02-0')).toBeLessThan(0);
    expect(extensionAtLeast('0.1.10', '0.1.9')).toBe(true);
    expect(extensionAtLeast('0.1', '0.1.1')).toBe(false);
  });

  it('moves a guide in use onto new data at the same step, and leaves it when the data has no such guide', () => {
    const guide = guideFor(catalogue.find((p) => p.id === 'III.2')!)!;
    const changed = structuredClone(data);
    const ref = changed.procedures['III.2']!.steps[3]!;
    changed.steps[ref] = { ...changed.steps[ref]!, hint: 'Gợi ý mới từ gói.' };
    const next = rebuildGuide(packSource(changed), guide);
    const s = { guide, index: 3, done: [guide.steps[0]!.id, guide.steps[1]!.id], updatedAt: '2026-01-01T00:00:00.000Z' };
    const moved = refreshSession(s, next, '2026-12-02T00:00:00.000Z');
    expect(moved.index).toBe(3);
    expect(moved.guide.steps[3]!.hint).toBe('Gợi ý mới từ gói.');
    expect(moved.updatedAt).toBe('2026-12-02T00:00:00.000Z');
    expect(refreshSession(s, null, 'x')).toBe(s);
    expect(refreshSession(s, guide, 'x')).toBe(s);
  });
});
