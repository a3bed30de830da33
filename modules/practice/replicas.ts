/**
 * The practice pages' one source of truth is the test fixtures (test/fixtures/<portal host>/):
 * this turns them into one JavaScript module at build time, so practice never drifts from what
 * the tests check. Each page keeps its title, styles, markup and provenance note; each script
 * becomes a function whose browser globals (window, document, location, history, the storages)
 * are parameters, so the practice page can hand it a virtual portal address instead of its own.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { PORTAL_HOSTS } from '../../shared/hosts';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../test/fixtures');

/** Parameter names of every replica script, in the order the practice page passes them. */
export const SANDBOX_GLOBALS = ['window', 'self', 'document', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'top', 'parent', 'globalThis'] as const;

const PORTAL_FOLDERS = new Set<string>(Object.values(PORTAL_HOSTS));

async function filesUnder(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, child)));
    else if (/\.(html|js)$/.test(entry.name)) out.push(child);
  }
  return out.sort();
}

/** The leading comment lines of a script (its provenance note), without the comment marks. */
export function leadingNote(source: string): string {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^\s*\/\/ ?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!);
  }
  return lines.join('\n').trim();
}

const asFunction = (source: string) => `function (${SANDBOX_GLOBALS.join(', ')}) {\n${source}\n}`;

interface ParsedPage {
  title: string;
  styles: string[];
  notes: string[];
  body: string;
  scripts: Array<{ src: string } | { inline: string }>;
}

export function parsePage(html: string): ParsedPage {
  const { document } = new JSDOM(html).window;
  const notes: string[] = [];
  const walker = document.createTreeWalker(document, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/Provenance/i.test(n.nodeValue ?? '')) notes.push((n.nodeValue ?? '').trim().replace(/\s*\n\s*/g, ' '));
  const scripts = [...document.querySelectorAll('script')].map((s) => (s.getAttribute('src') ? { src: s.getAttribute('src')! } : { inline: s.textContent ?? '' }));
  for (const s of document.querySelectorAll('script')) s.remove();
  return {
    title: document.title,
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
    notes,
    body: document.body.innerHTML.trim(),
    scripts,
  };
}

/** The generated module's source: `export default { pages, scripts }` (extension/practice/replica-types.ts). */
export async function replicaModuleSource(dir = FIXTURES_DIR, skip: readonly string[] = []): Promise<{ code: string; files: string[] }> {
  const hosts = (await readdir(dir)).filter((h) => PORTAL_FOLDERS.has(h) && !skip.includes(h)).sort();
  const pages: string[] = [];
  const scripts: string[] = [];
  const files: string[] = [];
  for (const host of hosts) {
    for (const rel of await filesUnder(path.join(dir, host))) {
      const file = path.join(dir, host, rel);
      files.push(file);
      const text = await readFile(file, 'utf8');
      const key = JSON.stringify(`${host}/${rel}`);
      if (rel.endsWith('.js')) {
        scripts.push(`${key}: { notes: ${JSON.stringify([leadingNote(text)].filter(Boolean))}, run: ${asFunction(text)} }`);
        continue;
      }
      const page = parsePage(text);
      const refs = page.scripts.map((s) => ('src' in s ? `{ src: ${JSON.stringify(s.src)} }` : `{ run: ${asFunction(s.inline)} }`));
      pages.push(
        `${key}: { title: ${JSON.stringify(page.title)}, styles: ${JSON.stringify(page.styles)}, notes: ${JSON.stringify(page.notes)}, body: ${JSON.stringify(page.body)}, scripts: [${refs.join(', ')}] }`,
      );
    }
  }
  const code = `// Generated at build time from test/fixtures by modules/practice/replicas.ts.\nexport default {\n  pages: {\n    ${pages.join(',\n    ')}\n  },\n  scripts: {\n    ${scripts.join(',\n    ')}\n  },\n};\n`;
  return { code, files };
}

export const REPLICA_MODULE = 'virtual:practice-replicas';
const RESOLVED = `\0${REPLICA_MODULE}`;

/** The Vite plugin serving the generated module to the practice pages' bundle (without the `skip` hosts). */
export function replicaPlugin(skip: readonly string[] = [], dir = FIXTURES_DIR) {
  return {
    name: 'tro-ly-dvc-practice-replicas',
    resolveId: (id: string) => (id === REPLICA_MODULE ? RESOLVED : null),
    async load(this: { addWatchFile(file: string): void }, id: string) {
      if (id !== RESOLVED) return null;
      const { code, files } = await replicaModuleSource(dir, skip);
      for (const f of files) this.addWatchFile(f);
      return code;
    },
  };
}
