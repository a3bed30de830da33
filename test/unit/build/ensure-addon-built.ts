// Vitest global set-up: the add-on tests load the BUILT bundle, so build it
// first when dist/apps-script is missing or older than any of its sources. Then
// `npx vitest run test/unit/apps-script/...` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => path.join(root, 'dist/apps-script', f));
const SOURCES = ['apps-script', 'shared'].map((d) => path.join(root, d));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or older than a source it is built from. */
export function addonBuildIsStale(): boolean {
  if (!OUTPUTS.every(existsSync)) return true;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return Math.max(...SOURCES.map(newestSource), statSync(path.join(root, 'package-lock.json')).mtimeMs) > built;
}

export default function setup(): void {
  if (!addonBuildIsStale()) return;
  execFileSync(process.execPath, [path.join(root, 'apps-script/build.mjs')], { cwd: root, stdio: 'inherit' });
}
