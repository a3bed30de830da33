/**
 * Signs guide data into a pack (Node only: release tooling and tests). The payload is the data's
 * JSON text; the signature covers exactly its UTF-8 bytes.
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type GuidePack } from '../shared/schemas/pack';
import type { GuideData } from '../extension/packs/schema';

export function privateKeyFrom(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('Khoá ký phải là khoá Ed25519.');
  return key;
}

/** Raw public key, base64, as extension/packs/keys.ts lists it. */
export function publicKeyBase64(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as { x: string };
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function signPack(data: GuideData, key: KeyObject, keyId: string, createdAt = new Date().toISOString()): GuidePack {
  const payload = JSON.stringify(data);
  const signature = sign(null, Buffer.from(payload, 'utf8'), key).toString('base64');
  return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, version: data.version, createdAt, payload, signature, keyId };
}
