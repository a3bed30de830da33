// The install bundle a group leader pastes into the spreadsheet's Apps Script
// editor (dist/apps-script/install) is exactly the set the tests run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDON_DIR, loadAddon } from '../../fakes/addon-runtime';

const install = path.resolve(import.meta.dirname, '../../../dist/apps-script/install');
const read = (dir: string, f: string) => readFileSync(path.join(dir, f));
const PAIRS: Array<[string, string]> = [['Code.js', 'Code.gs'], ['Sidebar.html', 'Sidebar.html'], ['appsscript.json', 'appsscript.json']];

describe('install bundle for a leader without developer tools', () => {
  it('holds the same bytes as the bundle the tests load, listed with their SHA-256 in the instructions', () => {
    const guide = read(install, 'HUONG-DAN-CAI-DAT.txt').toString('utf8');
    for (const [built, pasted] of PAIRS) {
      const bytes = read(install, pasted);
      expect(bytes.equals(read(ADDON_DIR, built)), pasted).toBe(true);
      expect(guide).toContain(`${createHash('sha256').update(bytes).digest('hex')}  ${pasted}`);
    }
    expect(read(install, 'appsscript.json').equals(read(path.resolve(import.meta.dirname, '../../../apps-script'), 'appsscript.json'))).toBe(true);
  });

  it('explains the pasting step by step in Vietnamese, the manifest included', () => {
    const guide = read(install, 'HUONG-DAN-CAI-DAT.txt').toString('utf8');
    for (const step of ['«Tiện ích mở rộng» → «Apps Script»', 'Hiển thị tệp kê khai "appsscript.json"', 'tệp «Code.gs»', 'Sidebar', '«Thiết lập sổ»', '«Ứng dụng web»', 'Bất kỳ ai', '/exec', '«Phiên bản mới»']) {
      expect(guide, step).toContain(step);
    }
    expect(guide).not.toMatch(/npm|clasp|node/i);
  });

  it('the pasted Code.gs runs: set-up, a volunteer, a code and a post', () => {
    const addon = loadAddon({ code: read(install, 'Code.gs').toString('utf8') });
    addon.run('menuSetUp');
    const v = addon.run<{ id: string }>('addVolunteer', { name: 'Lê Thị Hoa', toDanPho: 'Tổ dân phố 5' });
    const code = addon.run<{ code: string }>('issueAccessCode', v.id, 30).code;
    const hello = addon.post({ v: 1, action: 'hello', accessCode: code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records: [] });
    expect(hello.body).toMatchObject({ ok: true, linked: { volunteerId: v.id } });
  });
});
