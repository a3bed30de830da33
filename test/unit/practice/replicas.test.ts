/** The build step: every portal fixture becomes a replica, found under the same addresses, with its provenance. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_HOSTS } from '../../../shared/hosts';
import { pageKeyFor, scriptKeyFor } from '../../../extension/practice/replica';
import type { ReplicaBundle } from '../../../extension/practice/replica-types';
import { SCENARIOS } from '../../../extension/practice/scenarios';
import { findById } from '../../../shared/catalogue';
import { guideFor } from '../../../extension/guides/build';
import { FIXTURES_DIR, leadingNote, parsePage, replicaModuleSource } from '../../../modules/practice/replicas';
import { fixtureFile } from '../extension/fixture-dom';

let bundle: ReplicaBundle;
let files: string[];

beforeAll(async () => {
  const made = await replicaModuleSource(FIXTURES_DIR, [PORTAL_HOSTS.vneid]);
  files = made.files;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'replicas-'));
  await writeFile(path.join(dir, 'replicas.mjs'), made.code);
  bundle = ((await import(pathToFileURL(path.join(dir, 'replicas.mjs')).href)) as { default: ReplicaBundle }).default;
});

describe('practice replicas (modules/practice/replicas.ts)', () => {
  it('holds every page and script of the portal fixtures, none of the VNeID fixture (it asks for a password) or of the endpoint fake', () => {
    expect(files.some((f) => f.includes(`${PORTAL_HOSTS.vneid}/`))).toBe(false);
    expect(files.some((f) => f.includes('script.google.com'))).toBe(false);
    for (const key of ['dichvucong.gov.vn/_spa.html', 'lienthong.dichvucong.gov.vn/index.html', 'dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/_.html', 'tokhaidientu.moj.gov.vn/e-form/_.html']) expect(bundle.pages[key], key).toBeDefined();
    for (const key of ['dichvucong.gov.vn/static/core.js', 'dichvucong.gov.vn/static/form.js', 'dichvucongnganhtuphap.moj.gov.vn/static/wizard.js']) expect(typeof bundle.scripts[key]?.run, key).toBe('function');
  });

  it('keeps each page\'s provenance note and title, and its scripts in order (inline ones as functions)', () => {
    for (const [key, page] of Object.entries(bundle.pages)) {
      const notes = [...page.notes, ...page.scripts.flatMap((s) => ('src' in s ? bundle.scripts[scriptKeyFor(s.src, new URL(`https://${key}`))]?.notes ?? [] : []))];
      expect(notes.join(' '), key).toMatch(/Provenance/);
      expect(page.body, key).not.toMatch(/<script/i);
    }
    const spa = bundle.pages['dichvucong.gov.vn/_spa.html']!;
    expect(spa.scripts.map((s) => ('src' in s ? s.src : 'inline'))).toEqual(['/static/core.js', '/static/agency.js', '/static/form.js', '/static/bench.js', 'https://dichvucongnganhtuphap.moj.gov.vn/static/wizard.js', '/static/start.js']);
    expect(bundle.pages['dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc.html']!.scripts.some((s) => 'run' in s)).toBe(true);
    expect(parsePage('<!doctype html><title>T</title><style>a{}</style><body><!-- Provenance: x --><p>b</p><script src="/a.js"></script><script>1</script></body>')).toEqual({
      title: 'T',
      styles: ['a{}'],
      notes: ['Provenance: x'],
      body: '<!-- Provenance: x --><p>b</p>',
      scripts: [{ src: '/a.js' }, { inline: '1' }],
    });
    expect(leadingNote('// Provenance: a\n// b\n(() => {})();')).toBe('Provenance: a\nb');
  });

  it('finds the page for an address exactly as the fixture server does', () => {
    const urls = [
      'https://dichvucong.gov.vn/',
      'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      'https://dichvucong.gov.vn/nop-ho-so?formalityId=x',
      'https://lienthong.dichvucong.gov.vn/?code=a#/ke-khai/2.000987',
      'https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?vneid=1',
      'https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865?maThuTuc=1.004884',
      'https://dichvucongnganhtuphap.moj.gov.vn/ho-so-cua-toi',
      'https://tokhaidientu.moj.gov.vn/e-form/b4d12437-462b-4b66-bb4e-4dd2e79ebf6e',
      'https://dichvucong.thainguyen.gov.vn/nop-ho-so/abc',
    ];
    for (const href of urls) {
      const url = new URL(href);
      expect(pageKeyFor(bundle, url), href).toBe(path.relative(FIXTURES_DIR, fixtureFile(url)).split(path.sep).join('/'));
    }
    expect(pageKeyFor(bundle, new URL('https://dichvucongnganhtuphap.moj.gov.vn/khong-co'))).toBeNull();
  });

  it('has a replica for the start page of every scenario', () => {
    for (const s of SCENARIOS) {
      const guide = guideFor(findById(s.procedureId)!)!;
      expect(pageKeyFor(bundle, new URL(guide.startUrl)), s.id).not.toBeNull();
    }
  });
});
