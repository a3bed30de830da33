import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

describe('manifest and bundle', () => {
  it('asks only for the narrow scopes the add-on needs', () => {
    const m = JSON.parse(readFileSync(path.join(root, 'apps-script/appsscript.json'), 'utf8'));
    expect(m.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(m.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    expect(m.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('the built Code.js exposes entry points only, and fits 300 KB', () => {
    const code = readFileSync(path.join(root, 'dist/apps-script/Code.js'), 'utf8');
    expect(code.length).toBeLessThanOrEqual(300 * 1024);
    const globals = [...code.matchAll(/^function (\w+)\(\)/gm)].map((m) => m[1]);
    expect(globals).toContain('doPost');
    expect(globals).toContain('onOpen');
    expect(globals.every((g) => !g!.endsWith('_'))).toBe(true);
    expect(globals.some((g) => /^(Table|checkAccounts|authenticate|handlePost|setUp)$/.test(g!))).toBe(false);
  });
});
