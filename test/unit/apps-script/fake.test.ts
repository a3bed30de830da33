// The in-memory SpreadsheetApp fake follows the documented behaviour the add-on relies on.
import { describe, expect, it } from 'vitest';
import { createGas } from '../../fakes/gas';

describe('SpreadsheetApp fake', () => {
  const sheet = () => {
    const gas = createGas();
    return { gas, s: gas.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('T') };
  };

  it('uses 1-based ranges, reads empty cells as "", and refuses bad shapes with the real messages', () => {
    const { s } = sheet();
    s.getRange(2, 2, 1, 2).setValues([['a', 1]]);
    expect(s.getRange('A1:C2').getValues()).toEqual([['', '', ''], ['', 'a', 1]]);
    expect(s.getRange('B2').getA1Notation()).toBe('B2');
    expect(() => s.getRange(1, 1, 2, 2).setValues([['x', 'y']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => s.getRange(1, 1, 1, 2).setValues([['x']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(s.getLastRow()).toBe(2);
    expect(s.getLastColumn()).toBe(3);
  });

  it('stores values as Sheets does: text format keeps text, apostrophe forces text, = makes a formula, dates are Date objects', () => {
    const { s } = sheet();
    s.getRange('A1:A').setNumberFormat('@');
    s.getRange(1, 1, 1, 5).setValues([['0123', '0123', "'=1+1", '=1+1', new Date('2026-11-20T00:00:00+07:00')]]);
    const [row] = s.getRange(1, 1, 1, 5).getValues();
    expect(row!.slice(0, 4)).toEqual(['0123', 123, '=1+1', '']);
    expect(Object.prototype.toString.call(row![4])).toBe('[object Date]');
    expect(s.getRange(1, 4).getFormulas()).toEqual([['=1+1']]);
    // getValues hands out copies: changing them does not change the sheet.
    (row![4] as Date).setFullYear(2000);
    expect((s.getRange(1, 5).getValue() as Date).getFullYear()).toBe(2026);
  });

  it('counts every spreadsheet call, keeps notes, backgrounds, validations, protections and metadata', () => {
    const { gas, s } = sheet();
    gas.counter.reset();
    const r = s.getRange('A1:B1');
    r.setNotes([['n', '']]);
    r.setBackgrounds([['#ff0000', null]]);
    r.setDataValidation(gas.globals.SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).setAllowInvalid(false).build());
    const p = s.getRange('A:A').protect().setDescription('ids');
    s.addDeveloperMetadata('k', 'v');
    expect(r.getNotes()).toEqual([['n', '']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(s.getRange('B1').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(s.getProtections('RANGE')[0]).toBe(p);
    expect(s.createDeveloperMetadataFinder().withKey('k').find()[0]!.getValue()).toBe('v');
    expect(gas.counter.total).toBeGreaterThanOrEqual(12);
    expect(gas.counter.byMethod.get('Sheet.getRange')).toBe(3);
  });

  it('lock: a second holder is refused until release; properties refuse AuthMode.NONE', () => {
    const gas = createGas();
    const a = gas.globals.LockService.getScriptLock();
    const b = gas.globals.LockService.getScriptLock();
    a.waitLock(1000);
    expect(b.tryLock(1000)).toBe(false);
    expect(() => b.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    a.releaseLock();
    expect(b.tryLock(1000)).toBe(true);
    const none = createGas({ authMode: 'NONE' });
    expect(() => none.globals.PropertiesService.getScriptProperties().getProperty('x')).toThrow(/permission/);
  });
});
