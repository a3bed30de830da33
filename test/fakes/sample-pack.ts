// Guide packs for tests: the envelope of shared/schemas/pack.ts, signed with a
// throwaway Ed25519 key made per test run (the add-on does not verify the
// signature, the extension does; the signature is real all the same).
import { generateKeyPairSync, sign } from 'node:crypto';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../shared/schemas/pack';

const { privateKey } = generateKeyPairSync('ed25519');

export interface PackOptions {
  version?: string;
  createdAt?: string;
  /** The guide data (any JSON value); serialised as the payload string. */
  data?: unknown;
  /** A payload string used as it is (e.g. to test exact bytes). */
  payload?: string;
  keyId?: string;
  /** Pretty-print the envelope (newlines in the file). */
  indent?: number;
}

/** The text of a pack file. */
export function samplePackText(o: PackOptions = {}): string {
  const payload = o.payload ?? JSON.stringify(o.data ?? { guides: [{ id: 'dvcqg:III.2', steps: [{ id: 'form.submit', hint: 'Bấm «Nộp hồ sơ»' }] }] });
  const envelope = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    version: o.version ?? '2026.12.01-1',
    createdAt: o.createdAt ?? '2026-12-01T08:00:00+07:00',
    payload,
    signature: sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64'),
    keyId: o.keyId ?? 'tro-ly-dvc-test',
  };
  return JSON.stringify(envelope, null, o.indent);
}
