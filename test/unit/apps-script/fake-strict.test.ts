// The fake is as strict as Google's documentation: one test per rule.
import { describe, expect, it } from 'vitest';
import { createGas, LIMITS, MAX_CELL_CHARS } from '../../fakes/gas';
import { loadAddon } from '../../fakes/addon-runtime';

const sheetOf = (opts: Parameters<typeof createGas>[0] = {}) => {
  const gas = createGas(opts);
  const ss = gas.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { gas, ss, s: ss.insertSheet('T') };
};

describe('writes are buffered', () => {
  it('until flush, the same execution’s next call, or the end of the execution — not a lock release', () => {
    const { gas, ss, s } = sheetOf();
    ss.beginExecution();
    s.getRange(1, 1).setValue('a');
    s.getRange(2, 1).setValue('b');
    expect(ss.pendingWrites()).toBe(2);
    expect(s.values).toEqual([]); // nothing applied yet
    // Another execution reads the sheet as it is: without the pending writes.
    ss.beginExecution();
    expect(s.getLastRow()).toBe(0);
    ss.endExecution();
    // The lock's release does not apply them…
    const lock = gas.globals.LockService.getScriptLock();
    lock.tryLock(1000);
    lock.releaseLock();
    expect(ss.pendingWrites()).toBe(2);
    // …the execution's own next read does.
    expect(s.getRange(1, 1, 2, 1).getValues()).toEqual([['a'], ['b']]);
    s.getRange(3, 1).setValue('c');
    gas.globals.SpreadsheetApp.flush();
    expect(s.cell(3, 1)).toBe('c');
    s.getRange(4, 1).setValue('d');
    ss.endExecution();
    expect(s.cell(4, 1)).toBe('d');
  });
});

describe('a fresh global context for every execution', () => {
  it('module-level state does not survive from one call to the next', () => {
    const addon = loadAddon({ code: 'var calls = 0; function bump() { calls += 1; return calls; }' });
    expect(addon.run('bump')).toBe(1);
    expect(addon.run('bump')).toBe(1);
    expect(addon.executions()).toBe(2);
  });
});

describe('typed input is parsed as a vi_VN spreadsheet parses it', () => {
  it('dd/mm/yyyy and ISO dates, TRUE/FALSE, integers without their leading zeros, decimal commas; impossible dates stay text; plain-text cells keep text', () => {
    const { s, ss } = sheetOf();
    s.getRange(1, 1, 1, 8).setValues([['20/11/2026', '2026-11-20', 'TRUE', 'false', '0912345678', '1,5', '31/02/2025', '2025-13-45']]);
    const [row] = s.getRange(1, 1, 1, 8).getValues();
    expect((row![0] as Date).toISOString()).toBe('2026-11-19T17:00:00.000Z'); // midnight in Asia/Ho_Chi_Minh
    expect((row![1] as Date).getTime()).toBe((row![0] as Date).getTime());
    expect(row!.slice(2)).toEqual([true, false, 912345678, 1.5, '31/02/2025', '2025-13-45']);
    s.getRange('B2:B').setNumberFormat('@');
    s.getRange(2, 2, 1, 1).setValues([['0912345678']]);
    expect(s.getRange(2, 2).getValue()).toBe('0912345678');
    expect(ss.display(row![0])).toBe('20/11/2026');
  });
});

describe('the spreadsheet has its own time zone', () => {
  it('separate from the script’s; date cells keep their day when it changes', () => {
    const { gas, ss, s } = sheetOf({ spreadsheetTimeZone: 'America/New_York' });
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(gas.globals.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    s.getRange(1, 1).setValue('01/12/2026');
    expect((s.getRange(1, 1).getValue() as Date).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect((s.getRange(1, 1).getValue() as Date).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(s.getRange(1, 1).getDisplayValues()).toEqual([['01/12/2026']]);
    expect(gas.globals.Utilities.formatDate(new Date('2026-11-30T15:00:00Z'), 'Asia/Tokyo', "yyyy-MM-dd'T'HH:mm Z")).toBe('2026-12-01T00:00 +0900');
  });
});

describe('Properties limits in bytes', () => {
  it('9 KB a value (UTF-8 bytes, not characters), 500 KB a store, checked by setProperties too', () => {
    const { gas } = sheetOf();
    const p = gas.globals.PropertiesService.getScriptProperties();
    const vietnamese = 'ệ'.repeat(4000); // 4,000 characters, 12,000 bytes
    expect(vietnamese.length).toBeLessThan(LIMITS.propertyValueBytes);
    expect(() => p.setProperty('a', vietnamese)).toThrow('Argument too large: value');
    expect(() => p.setProperties({ ok: 'x', big: vietnamese })).toThrow('Argument too large: value');
    expect(p.getProperty('ok')).toBeNull(); // nothing of a refused batch is stored
    const eightKb = 'x'.repeat(8 * 1024);
    expect(() => p.setProperties(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`k${i}`, eightKb])))).toThrow(/storage quota/);
    p.setProperties(Object.fromEntries(Array.from({ length: 62 }, (_, i) => [`k${i}`, eightKb])));
    expect(() => p.setProperty('one-more', eightKb)).toThrow(/storage quota/);
  });
});

describe('Cache limits', () => {
  it('100 KB a value, 250-character keys, 6 hours at most, separate script, document and user caches', () => {
    let now = 0;
    const { gas } = sheetOf({ now: () => now });
    const script = gas.globals.CacheService.getScriptCache();
    expect(() => script.put('k', 'x'.repeat(LIMITS.cacheValueBytes + 1))).toThrow('Argument too large: value');
    expect(() => script.put('k'.repeat(251), 'x')).toThrow('Argument too large: key');
    script.put('long', 'v', 10 * 24 * 3600);
    now += 6 * 3600 * 1000 - 1;
    expect(script.get('long')).toBe('v');
    now += 2;
    expect(script.get('long')).toBeNull();
    script.put('shared?', 'script');
    expect(gas.globals.CacheService.getDocumentCache().get('shared?')).toBeNull();
    expect(gas.globals.CacheService.getUserCache().get('shared?')).toBeNull();
  });
});

describe('cells and outputs', () => {
  it('50,000 characters a cell', () => {
    const { s } = sheetOf();
    expect(() => s.getRange(1, 1).setValue('x'.repeat(MAX_CELL_CHARS + 1))).toThrow(/maximum of 50000 characters/);
    expect(() => s.getRange(1, 1, 1, 1).setValues([['x'.repeat(MAX_CELL_CHARS)]])).not.toThrow();
  });

  it('setMimeType takes only real ContentService.MimeType values', () => {
    const { gas } = sheetOf();
    const out = gas.globals.ContentService.createTextOutput('{}');
    expect(() => out.setMimeType('application/json')).toThrow('Invalid argument: mimeType');
    expect(out.setMimeType(gas.globals.ContentService.MimeType.JSON).getMimeType()).toBe('JSON');
  });

  it('an apostrophe written into a plain-text cell: kept or dropped (both modelled, since the documentation does not say)', () => {
    for (const mode of ['kept', 'dropped'] as const) {
      const { s } = sheetOf({ textApostrophe: mode });
      s.getRange('A1:A').setNumberFormat('@');
      s.getRange(1, 1, 2, 1).setValues([["'0123"], ['0123']]);
      expect(s.getRange(1, 1).getValue()).toBe(mode === 'kept' ? "'0123" : '0123');
      expect(s.getRange(2, 1).getValue()).toBe('0123');
      // Outside plain-text cells the apostrophe is always dropped and forces text.
      s.getRange(1, 2).setValue("'0123");
      expect(s.getRange(1, 2).getValue()).toBe('0123');
    }
  });
});

describe('Utilities: base64 and blobs', () => {
  it('base64Decode gives Java’s signed bytes and refuses text that is not base64; a blob of bytes decodes as UTF-8 only when asked for it', () => {
    const { Utilities } = createGas().globals;
    const text = 'Ba\u0300m «Nộp» 🙂\r\n';
    const encoded = Utilities.base64Encode(text, Utilities.Charset.UTF_8);
    const bytes = Utilities.base64Decode(encoded, Utilities.Charset.UTF_8);
    expect(bytes.every((b: number) => b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b: number) => b < 0)).toBe(true);
    expect(Utilities.newBlob(bytes).getDataAsString('UTF-8')).toBe(text);
    expect(() => Utilities.base64Decode('~abc', Utilities.Charset.UTF_8)).toThrow('Could not decode string.');
    expect(() => Utilities.newBlob(bytes).getDataAsString('Windows-1258')).toThrow();
  });
});
