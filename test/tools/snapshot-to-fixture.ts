/**
 * Turns a "Trang khác hướng dẫn" snapshot (the JSON file a volunteer saved) into a fixture page, so a
 * real portal change can be reproduced in the tests:
 *
 *   node --import tsx test/tools/snapshot-to-fixture.ts <snapshot.json> <out.html> [--note "what changed"]
 *
 * The page starts with the provenance note every fixture carries (test/fixtures/README.md). Its
 * structure is the portal's as captured; every hidden text stays a placeholder, so a guide that
 * relies on such text (not on controls, labels or headings) cannot pass on it: say so in the note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderSnapshot } from '../../extension/snapshot/render';
import { SNAPSHOT_KIND, type PageSnapshot } from '../../extension/snapshot/types';

export function snapshotToFixture(snapshot: PageSnapshot, note = ''): string {
  if (snapshot.kind !== SNAPSHOT_KIND || snapshot.v !== 1) throw new Error('Not a Trợ lý DVC page-structure snapshot (kind/v).');
  const provenance = [
    `Provenance: structure-only snapshot of https://${snapshot.host}${snapshot.path} taken ${snapshot.takenAt}`,
    `(surfaces: ${snapshot.surfaces.join(', ') || 'none'}; guide ${snapshot.guideId ?? '-'}, step ${snapshot.stepId ?? '-'}), made by test/tools/snapshot-to-fixture.ts.`,
    'Kept: tags, roles, ARIA, ids, classes, titles/placeholders/labels and the text of buttons, links, labels, headings, table headers.',
    'Unknown: every other text (placeholders "Xxxx 000"), field values, styles and scripts (the page is static).',
    ...(note ? [`Note: ${note}`] : []),
  ]
    .map((l) => l.replace(/--/g, '- -'))
    .join('\n  ');
  return renderSnapshot(snapshot, `<!--\n  ${provenance}\n-->\n`);
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { note: { type: 'string' } } });
  const [input, output] = positionals;
  if (!input || !output) {
    console.error('usage: node --import tsx test/tools/snapshot-to-fixture.ts <snapshot.json> <out.html> [--note "…"]');
    process.exit(2);
  }
  writeFileSync(output, snapshotToFixture(JSON.parse(readFileSync(input, 'utf8')) as PageSnapshot, values.note));
  console.log(`wrote ${output}`);
}
