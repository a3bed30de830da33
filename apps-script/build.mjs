// Builds the add-on bundle clasp pushes: dist/apps-script/{appsscript.json, Code.js, <Sidebar>.html}.
// Apps Script has no modules: only top-level function declarations are visible to
// menus, triggers and google.script.run. The server is bundled as an IIFE under one
// namespace, then one forwarding global function is appended per export.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/apps-script');
const NAMESPACE = 'TroLyDvcServer';

async function exportNames(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', metafile: true, platform: 'neutral', logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs)[0];
  return output.exports;
}

/**
 * Server-only slimming (the budget is 300 KB, and every execution parses what it
 * loads): the phone validator only ever accepts Vietnamese numbers, so the
 * bundled libphonenumber metadata keeps +84 alone; and the server uses a
 * procedure's id, code, names, field, status kind and portals only, so its
 * document list, legal basis, notes, sources, owner and processing time become
 * placeholders the catalogue schema still accepts, and the portal deep links are
 * dropped (see below).
 */
const serverSlimming = {
  name: 'server-slimming',
  setup(b) {
    b.onLoad({ filter: /libphonenumber-js[\\/]metadata\.mobile\.json\.js$/ }, async () => {
      const meta = JSON.parse(await readFile(path.join(root, 'node_modules/libphonenumber-js/metadata.mobile.json'), 'utf8'));
      const slim = { ...meta, country_calling_codes: { 84: meta.country_calling_codes['84'] }, countries: { VN: meta.countries.VN } };
      delete slim.nonGeographic;
      return { contents: `export default ${JSON.stringify(slim)}`, loader: 'js' };
    });
    b.onLoad({ filter: /shared[\\/]catalogue[\\/]procedures\.json$/ }, async (args) => {
      const list = JSON.parse(await readFile(args.path, 'utf8'));
      // directUrl is only for the extension; its z.url() check needs the WHATWG URL
      // class, which the Apps Script runtime does not have.
      const slim = list.map(({ directUrl: _url, ...p }) => ({
        ...p,
        nameInLetter: '-',
        owner2025: '-',
        processingTime: null,
        feeNote: null,
        documents: [],
        legalBasis: [],
        statusNote: '-',
        sources: ['-'],
        status: p.status.kind === 'current' ? p.status : { ...p.status, note: '-' },
      }));
      return { contents: JSON.stringify(slim), loader: 'json' };
    });
  },
};

async function buildServer() {
  const entry = path.join(root, 'apps-script/server/index.ts');
  const names = await exportNames(entry);
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n));
  if (bad.length) throw new Error(`Not valid global names: ${bad.join(', ')}`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: NAMESPACE,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    keepNames: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [serverSlimming],
  });
  const stubs = names
    .map((n) => `function ${n}() { return ${NAMESPACE}.${n}.apply(this, arguments); }`)
    .join('\n');
  const code = `${result.outputFiles[0].text}\n// Globals for Apps Script (menus, triggers, google.script.run).\n${stubs}\n`;
  await writeFile(path.join(out, 'Code.js'), code);
  return names;
}

async function buildSidebars() {
  const dir = path.join(root, 'apps-script/sidebar');
  const pages = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const page of pages) {
    const result = await build({
      entryPoints: [path.join(dir, page, 'main.tsx')],
      bundle: true,
      write: false,
      format: 'iife',
      outdir: 'x',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      target: 'es2020',
      charset: 'utf8',
      minify: true,
      legalComments: 'none',
      loader: { '.css': 'css' },
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
    const template = await readFile(path.join(dir, page, 'index.html'), 'utf8');
    // "</script" inside the bundle would end the inline script early.
    const safeJs = js.replace(/<\/script/gi, '<\\/script');
    const html = template
      .replace('<!-- inline:css -->', () => `<style>${css}</style>`)
      .replace('<!-- inline:js -->', () => `<script>${safeJs}</script>`);
    await writeFile(path.join(out, `${page}.html`), html);
  }
  return pages;
}

/**
 * The install bundle for a group leader without developer tools: the same three
 * files, named as the Apps Script editor names them, and Vietnamese step-by-step
 * instructions for pasting them into the spreadsheet's editor.
 */
async function writeInstallBundle() {
  const dir = path.join(out, 'install');
  await mkdir(dir, { recursive: true });
  const files = [
    ['Code.js', 'Code.gs'],
    ['Sidebar.html', 'Sidebar.html'],
    ['appsscript.json', 'appsscript.json'],
  ];
  const sums = [];
  for (const [from, to] of files) {
    const bytes = await readFile(path.join(out, from));
    await writeFile(path.join(dir, to), bytes);
    sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${to}`);
  }
  const template = await readFile(path.join(root, 'apps-script/install/HUONG-DAN-CAI-DAT.txt'), 'utf8');
  await writeFile(path.join(dir, 'HUONG-DAN-CAI-DAT.txt'), template.replace('{{SHA256}}', sums.join('\n')));
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await copyFile(path.join(root, 'apps-script/appsscript.json'), path.join(out, 'appsscript.json'));
const names = await buildServer();
const pages = await buildSidebars();
await writeInstallBundle();
console.log(`apps-script: Code.js (${names.length} globals: ${names.join(', ')}), sidebars: ${pages.join(', ') || 'none'}`);
