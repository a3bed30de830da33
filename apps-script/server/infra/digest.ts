// Hashes, ids and byte lengths (Utilities service; no spreadsheet calls).
export function hex(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += ((b + 256) % 256).toString(16).padStart(2, '0');
  return s;
}

export function sha256Hex(text: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

export function hmacSha256Hex(text: string, key: string): string {
  return hex(Utilities.computeHmacSha256Signature(text, key));
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function uuid(): string {
  return Utilities.getUuid();
}
