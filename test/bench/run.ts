// `npm run bench`: runs every benchmark, prints a table and writes .bench/latest.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bench, BenchResult } from './types';
import { sizes } from './sizes.bench';
import { addon } from './addon.bench';
import { sync } from './sync.bench';
import { extension } from './extension.bench';

const benches: Record<string, Bench> = { sizes, sync, addon, extension };

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`… ${name}\n`);
  results.push(...(await bench()));
}

const rows = results.map((r) => ({
  name: r.name,
  value: `${r.value} ${r.unit}`,
  budget: r.budget === null ? '–' : `≤ ${r.budget} ${r.unit}`,
  ok: r.budget === null ? '' : r.value <= r.budget ? 'ok' : 'OVER',
}));
const width = (k: keyof (typeof rows)[number]) => Math.max(k.length, ...rows.map((r) => r[k].length));
const cols = ['name', 'value', 'budget', 'ok'] as const;
const line = (r: Record<string, string>) => cols.map((c) => r[c]!.padEnd(width(c))).join('  ');
console.log(line({ name: 'name', value: 'value', budget: 'budget', ok: '' }));
console.log(cols.map((c) => '-'.repeat(width(c))).join('  '));
for (const r of rows) console.log(line(r));

const outDir = path.resolve(import.meta.dirname, '../../.bench');
await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
if (rows.some((r) => r.ok === 'OVER')) process.exitCode = 1;
