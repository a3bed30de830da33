import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIREFOX_EXTENSION_DIR } from '../e2e/harness/firefox';

const WEB_EXT = path.resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox build as addons.mozilla.org checks it', () => {
  it('web-ext lint finds no errors (warnings only for Preact’s internal innerHTML path)', async () => {
    const run = await promisify(execFile)(WEB_EXT, ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    expect(report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  });

  it('declares its data collection honestly and supports Firefox for Android', async () => {
    const manifest = JSON.parse(await readFile(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const settings = manifest.browser_specific_settings;
    // The outbox sends residents' names, birth years and phone numbers to the ward's sheet.
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['personallyIdentifyingInfo'] });
    expect(settings.gecko_android).toBeDefined();
    expect(manifest.background.scripts).toBeDefined();
  });
});
