/**
 * Public keys (raw Ed25519, base64) that may sign guide packs, by key id. The matching private keys
 * never enter the repository: `npm run pack -- keygen` writes a new one outside it (docs/guide-packs.md).
 * Retiring a key is removing its line here; packs it signed are refused from that release on.
 */
export const PACK_KEYS: Readonly<Record<string, string>> = {
  'tldvc-2026-12': '3Z5IDBDbEWcqIWi7mR/UiOlr+QQxfBA9GSdSSS+NiYI=',
};
