/**
 * `npm run pack -- --version 2026.12.01-1 [--key-file <pem outside the repo>] [--key-id <id>] [--out <file>]`
 *   builds the guide data from the repository and signs it. The private key comes from
 *   TLDVC_PACK_KEY (PEM or base64 PKCS#8) or --key-file; it must match a public key in
 *   extension/packs/keys.ts.
 * `npm run pack -- keygen --out <file outside the repo> --key-id <id>` makes a new key pair.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildGuideData } from '../extension/packs/bundle';
import { PACK_KEYS } from '../extension/packs/keys';
import { BUNDLED_GUIDE_DATA_VERSION, compareVersions, VERSION_PATTERN } from '../extension/packs/version';
import { privateKeyFrom, publicKeyBase64, signPack } from './sign-pack';

const ROOT = path.resolve(import.meta.dirname, '..');
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const insideRepo = (file: string) => !path.relative(ROOT, path.resolve(file)).startsWith('..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { version: { type: 'string' }, 'key-file': { type: 'string' }, 'key-id': { type: 'string' }, out: { type: 'string' }, 'min-extension': { type: 'string' } },
});

if (positionals[0] === 'keygen') {
  const out = values.out ?? fail('Cần --out <tệp>: nơi lưu khoá bí mật, ngoài thư mục mã nguồn.');
  if (insideRepo(out)) fail('Không lưu khoá bí mật trong thư mục mã nguồn: chọn một tệp ở ngoài.');
  if (existsSync(out)) fail(`${out} đã có: không ghi đè khoá cũ.`);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const id = values['key-id'] ?? 'tldvc-new';
  console.log(`Đã lưu khoá bí mật vào ${out}.\nThêm dòng này vào extension/packs/keys.ts:\n  '${id}': '${publicKeyBase64(privateKey)}',`);
  process.exit(0);
}

const version = values.version ?? fail('Cần --version, ví dụ --version 2026.12.01-1.');
if (!VERSION_PATTERN.test(version)) fail(`Phiên bản "${version}" không đúng dạng NĂM.THÁNG.NGÀY-SỐ (ví dụ 2026.12.01-1).`);
if (compareVersions(version, BUNDLED_GUIDE_DATA_VERSION) <= 0) fail(`Phiên bản ${version} phải mới hơn dữ liệu có sẵn trong tiện ích (${BUNDLED_GUIDE_DATA_VERSION}).`);
const keyText = process.env.TLDVC_PACK_KEY ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8') : fail('Cần khoá ký: biến môi trường TLDVC_PACK_KEY hoặc --key-file <tệp ngoài thư mục mã nguồn>.'));
if (values['key-file'] && insideRepo(values['key-file'])) fail('Khoá bí mật không được nằm trong thư mục mã nguồn.');
const key = privateKeyFrom(keyText);
const publicKey = publicKeyBase64(key);
const keyId = values['key-id'] ?? Object.entries(PACK_KEYS).find(([, k]) => k === publicKey)?.[0] ?? fail('Khoá này không khớp khoá công khai nào trong extension/packs/keys.ts.');
if (PACK_KEYS[keyId] !== publicKey) fail(`Khoá này không phải khoá «${keyId}» trong extension/packs/keys.ts.`);
const manifestVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const data = buildGuideData({ version, minExtensionVersion: values['min-extension'] ?? manifestVersion });
const pack = signPack(data, key, keyId);
const out = values.out ?? path.join(ROOT, 'dist', `guide-pack-${version}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(pack));
console.log(`Đã tạo gói ${version} (${Object.keys(data.procedures).length} hướng dẫn, ${Object.keys(data.steps).length} bước, ${Math.round(pack.payload.length / 1024)} KB) ký bằng khoá «${keyId}»: ${out}`);
