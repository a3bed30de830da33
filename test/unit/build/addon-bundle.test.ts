import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const dist = path.resolve(import.meta.dirname, '../../../dist/apps-script');

describe('built add-on bundle (the files clasp pushes)', () => {
  it('exists: run `npm run build` first', () => {
    expect(existsSync(path.join(dist, 'Code.js'))).toBe(true);
  });

  it('defines the Apps Script entry points as real global functions in a fresh context', () => {
    const context = vm.createContext({});
    const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');
    vm.runInContext(code, context, { filename: 'Code.js' });
    for (const name of ['onOpen', 'onInstall', 'doGet', 'doPost']) {
      expect(typeof context[name], name).toBe('function');
      // Apps Script lists only top-level function declarations in menus, triggers and google.script.run.
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('ships a manifest with the V8 runtime, Vietnam time zone and narrow scopes', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });

  it('inlines every sidebar into one self-contained HTML file', () => {
    const html = readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    expect(html).toContain('<script>');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).not.toContain('<!-- inline:');
  });
});
