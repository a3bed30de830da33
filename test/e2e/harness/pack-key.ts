/**
 * Guide packs in tests: a throwaway Ed25519 key made at test time, a copy of the BUILT extension
 * whose trusted public key is that one (the only change: the key string in the bundle), and a route
 * that serves a pack as the ward's add-on does (`GET …/exec?pack=1`, answered through the 302 to
 * script.googleusercontent.com like any Apps Script web app).
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PACK_KEYS } from '../../../extension/packs/keys';
import { publicKeyBase64 } from '../../../scripts/sign-pack';
import { EXEC_PATH } from '../../fixtures/script.google.com/endpoint';
import type { FixtureServer } from './https-server';

export interface TestKey {
  key: KeyObject;
  keyId: string;
}

export function throwawayKey(): TestKey {
  return { key: generateKeyPairSync('ed25519').privateKey, keyId: Object.keys(PACK_KEYS)[0]! };
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (p.endsWith('.js')) out.push(p);
  }
  return out;
}

/** A copy of the built extension in `builtDir` that trusts `key` under the first key id instead of the release key. */
export async function extensionTrusting(builtDir: string, key: TestKey): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tro-ly-dvc-ext-'));
  await cp(builtDir, dir, { recursive: true });
  const release = PACK_KEYS[key.keyId]!;
  let replaced = 0;
  for (const file of await files(dir)) {
    const text = await readFile(file, 'utf8');
    if (!text.includes(release)) continue;
    await writeFile(file, text.split(release).join(publicKeyBase64(key.key)));
    replaced++;
  }
  if (replaced === 0) throw new Error('the release public key was not found in the built extension');
  return dir;
}

export interface PackEndpoint {
  /** What GET …/exec?pack=1 answers next (JSON text). */
  answer: string;
  gets: number;
}

export function mountPackEndpoint(server: FixtureServer): PackEndpoint {
  const state: PackEndpoint = { answer: JSON.stringify({ ok: false, error: { code: 'NO_PACK', message: 'Chưa có gói hướng dẫn.' } }), gets: 0 };
  const echoes = new Map<string, string>();
  server.route('GET', 'script.google.com', EXEC_PATH, (req, res) => {
    state.gets++;
    const key = randomUUID();
    echoes.set(key, state.answer);
    res.writeHead(302, { location: `https://script.googleusercontent.com/macros/echo?user_content_key=${key}&lib=pack` }).end();
  });
  server.route('GET', 'script.googleusercontent.com', '/macros/echo', (req, res) => {
    const key = new URL(req.url ?? '/', 'https://x').searchParams.get('user_content_key') ?? '';
    res.writeHead(echoes.has(key) ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' }).end(echoes.get(key) ?? '{}');
  });
  return state;
}
