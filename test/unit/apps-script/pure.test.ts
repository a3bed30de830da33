// Pure server logic (no Apps Script services): the fast phone check agrees with
// the shared validator; duplicates are found in pairs with the older kept.
import { describe, expect, it } from 'vitest';
import { VN_MOBILE_E164 } from '../../../apps-script/server/registry/row-rules';
import { findDuplicates } from '../../../apps-script/server/features/duplicates';
import { inPeriod, periodLabel } from '../../../apps-script/server/features/summary';
import { validatePhone } from '../../../shared/validate';
import { isFormulaLike } from '../../../shared/schemas/privacy';

describe('VN_MOBILE_E164 fast path', () => {
  it('never accepts what validatePhone refuses (it may send more to the slow path), over every 3-digit prefix', () => {
    let fast = 0;
    for (let p = 0; p < 1000; p++) {
      for (const tail of ['000000', '345678', '999999']) {
        const e164 = `+84${String(p).padStart(3, '0')}${tail}`;
        const slow = validatePhone(e164);
        if (VN_MOBILE_E164.test(e164)) {
          fast++;
          expect(slow.ok && slow.value === e164, e164).toBe(true);
        }
      }
    }
    expect(fast).toBeGreaterThan(150); // the common mobile prefixes take the fast path
  });
});

describe('findDuplicates', () => {
  const index = { id: 0, cccdKey: 1, fullName: 2, birthYear: 3, toDanPho: 4, createdOn: 5 };
  it('pairs same key and same folded name+year+tổ, keeping the older, without repeating a pair', () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
    const rows = [
      ['a', 'h1:x', 'Nguyễn Văn An', 1980, 'Tổ 1', d('2026-05-01')],
      ['b', 'h1:x', 'NGUYEN VAN AN', 1980, 'to 1', d('2026-04-01')],
      ['c', '', 'Nguyễn  Văn  An', 1980, 'Tổ 1', d('2026-06-01')],
      ['d', 'h1:y', 'Nguyễn Văn An', 1981, 'Tổ 1', d('2026-01-01')],
      ['', 'h1:x', 'blank id row', 1980, 'Tổ 1', ''],
    ];
    const pairs = findDuplicates(rows, index);
    expect(pairs.map((p) => [p.keep.id, p.drop.id, p.reason])).toEqual([
      ['b', 'a', 'cccd'],
      ['b', 'c', 'name'],
    ]);
  });
});

describe('periods and formulas', () => {
  it('matches years, quarters and months', () => {
    expect(inPeriod('2026-11-03', '2026-Q4')).toBe(true);
    expect(inPeriod('2026-09-30', '2026-Q4')).toBe(false);
    expect(inPeriod('2026-11-03', '2026')).toBe(true);
    expect(inPeriod('2026-11-03', '2026-10')).toBe(false);
    expect(periodLabel('2026-Q4')).toBe('quý IV/2026');
  });
  it('isFormulaLike spots formulas but not phones, numbers or dash bullets', () => {
    for (const v of ['=1+1', '@SUM(A1)', '+cmd|calc', '-2+3', ' =x']) expect(isFormulaLike(v), v).toBe(true);
    for (const v of ['+84912345678', '-5', '- đã nộp bản giấy', 'Nguyễn Văn An', '']) expect(isFormulaLike(v), v).toBe(false);
  });
});
