import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Bench } from './types';

const root = path.resolve(import.meta.dirname, '../..');

async function gzipKb(file: string): Promise<number> {
  return Math.round((gzipSync(await readFile(file)).length / 1024) * 10) / 10;
}

/** Bundle sizes of what actually ships: needs `npm run build` first. */
export const sizes: Bench = async () => {
  const contentDir = path.join(root, '.output/chrome-mv3/content-scripts');
  const scripts = (await readdir(contentDir)).filter((f) => f.endsWith('.js'));
  const results = [];
  for (const file of scripts) {
    results.push({ name: `content script ${file} (gzip)`, value: await gzipKb(path.join(contentDir, file)), unit: 'KB', budget: 40 });
  }
  const code = path.join(root, 'dist/apps-script/Code.js');
  const raw = (await readFile(code)).length / 1024;
  results.push({ name: 'add-on server bundle Code.js', value: Math.round(raw * 10) / 10, unit: 'KB', budget: 300 });
  results.push({ name: 'add-on server bundle Code.js (gzip)', value: await gzipKb(code), unit: 'KB', budget: null });
  return results;
};
