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

  it('protections: writes by a non-editor throw the real Sheets message; the owner, editors and warning-only ranges pass', () => {
    const gas = createGas({ activeUser: 'a@example.com' });
    const s = gas.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('T');
    const col = s.getRange('A:A').protect();
    // A new protection mirrors the spreadsheet's sharing until its editors change.
    s.getRange('A1').setValue('x');
    col.addEditor('a@example.com');
    col.removeEditors(col.getEditors());
    // The owner and the user running the script cannot be removed.
    expect([...col.editors].sort()).toEqual(['a@example.com', 'owner@example.com']);
    col.setDomainEdit(false);
    const log = gas.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('L');
    const whole = log.protect();
    whole.addEditors(['a@example.com']);
    whole.setDomainEdit(false);
    gas.state.activeUser = 'b@example.com';
    const MSG = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    expect(col.canEdit()).toBe(false);
    expect(() => s.getRange(5, 1, 1, 3).setValues([['x', 'y', 'z']])).toThrow(MSG);
    // Open-ended column protections follow the sheet as it grows.
    expect(() => s.insertRowsAfter(1000, 10)).toThrow(MSG);
    expect(() => s.getRange('A2:B3').setNotes([['n', ''], ['', '']])).toThrow(MSG);
    expect(() => s.getRange('A2:B3').setBackground('#ff0000')).toThrow(MSG);
    expect(() => s.deleteRow(2)).toThrow(MSG);
    expect(() => log.appendRow(['x'])).toThrow(MSG);
    expect(() => log.getRange('C9').clear()).toThrow(MSG);
    expect(() => whole.addEditor('b@example.com')).toThrow(MSG);
    s.getRange('B2:C3').setValues([['ok', 'ok'], ['ok', 'ok']]);
    expect(s.getRange('A5').getValue()).toBe('');
    whole.warningOnly = true;
    log.appendRow(['warned only']);
    gas.state.activeUser = 'owner@example.com';
    expect(col.canEdit()).toBe(true);
    s.getRange('A5').setValue('owner');
    gas.state.activeUser = 'b@example.com';
    gas.state.runAs = 'owner@example.com';
    expect(gas.globals.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    s.getRange('A6').setValue('web app as owner');
  });
});
