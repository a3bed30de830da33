import { describe, expect, it } from 'vitest';
import {
  CCCD_PROVINCES,
  formatViDate,
  maskCccd,
  maskPhone,
  parseViDate,
  validateCccd,
  validatePhone,
} from '../../../shared/validate';

const today = new Date(2026, 0, 15); // 15/01/2026, local time

function cccdError(input: string, options = {}): string {
  const r = validateCccd(input, { today, ...options });
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.error;
}

describe('validateCccd', () => {
  it('accepts a valid number and decodes it', () => {
    const r = validateCccd('019090001234', { today });
    expect(r).toEqual({
      ok: true,
      value: '019090001234',
      warnings: [],
      info: { provinceCode: '019', provinceName: 'Thái Nguyên', gender: 'nam', century: 1900, birthYear2: 90, birthYear: 1990 },
    });
  });

  it('normalises spaces and dots', () => {
    for (const input of ['019 090 001 234', '019.090.001.234', ' 0190 9000 1234 ']) {
      const r = validateCccd(input, { today });
      expect(r.ok && r.value).toBe('019090001234');
    }
  });

  it('decodes gender and century from digit 4', () => {
    const female2000s = validateCccd('001305123456', { today });
    expect(female2000s.ok && female2000s.info).toMatchObject({ provinceName: 'Hà Nội', gender: 'nữ', century: 2000, birthYear: 2005 });
    const female1900s = validateCccd('079185123456', { today });
    expect(female1900s.ok && female1900s.info).toMatchObject({ gender: 'nữ', century: 1900, birthYear: 1985 });
  });

  it('rejects wrong lengths, with a hint for old CMND numbers', () => {
    expect(cccdError('01909000123')).toBe('Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).');
    expect(cccdError('0190900012345')).toContain('đúng 12 chữ số');
    expect(cccdError('123456789')).toContain('CMND');
    expect(cccdError('   ')).toContain('Chưa nhập');
  });

  it('rejects letters', () => {
    expect(cccdError('01909000123A')).toBe('Số CCCD chỉ được gồm chữ số.');
  });

  it('rejects birth years in the future, at the year boundary', () => {
    expect(validateCccd('019226001234', { today }).ok).toBe(true); // 2026
    expect(cccdError('019227001234')).toContain('2027');
    expect(cccdError('019227001234')).toContain('tương lai');
  });

  it('rejects centuries that cannot have started yet', () => {
    expect(cccdError('019400001234')).toContain('2100'); // digit 4 = 4 → 2100s
    expect(cccdError('019800001234')).toContain('2300'); // digit 4 = 8 → 2300s
  });

  it('warns, without rejecting, on an unknown province code', () => {
    const r = validateCccd('003090001234', { today });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.provinceName).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('«003»');
    const abroad = validateCccd('101090001234', { today });
    expect(abroad.ok && abroad.warnings.length).toBe(1);
  });

  it('warns on an implausibly old birth year', () => {
    const r = validateCccd('019000001234', { today }); // 1900
    expect(r.ok && r.warnings.join(' ')).toContain('1900');
  });

  it('cross-checks the birth year and gender entered elsewhere', () => {
    expect(validateCccd('019090001234', { today, birthYear: 1990, gender: 'nam' }).ok).toBe(true);
    const yearError = cccdError('019090001234', { birthYear: 1991 });
    expect(yearError).toContain('1991');
    expect(yearError).toContain('1990');
    expect(cccdError('019090001234', { gender: 'nữ' })).toContain('không khớp');
  });

  it('knows the 63 old province codes', () => {
    expect(Object.keys(CCCD_PROVINCES)).toHaveLength(63);
    expect(CCCD_PROVINCES['079']).toBe('TP Hồ Chí Minh');
    expect(CCCD_PROVINCES['096']).toBe('Cà Mau');
    expect(Object.keys(CCCD_PROVINCES).every((code) => /^0\d\d$/.test(code))).toBe(true);
  });

  it('masks all but the last four digits', () => {
    expect(maskCccd('019090001234')).toBe('••••••••1234');
  });
});

function phoneError(input: string): string {
  const r = validatePhone(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.error;
}

describe('validatePhone', () => {
  it('accepts mobiles of several prefixes and returns E.164', () => {
    const cases: [string, string][] = [
      ['0912 345 678', '+84912345678'], // VinaPhone 091
      ['0987654321', '+84987654321'], // Viettel 098
      ['0321234567', '+84321234567'], // Viettel 032 (ex-0162)
      ['0701234567', '+84701234567'], // MobiFone 070
      ['0812345678', '+84812345678'], // VinaPhone 081
      ['0561234567', '+84561234567'], // Vietnamobile 056
      ['0591234567', '+84591234567'], // Gmobile 059
    ];
    for (const [input, e164] of cases) {
      const r = validatePhone(input);
      expect(r.ok && r.value, input).toBe(e164);
    }
  });

  it('accepts international and punctuated forms of the same number', () => {
    for (const input of ['+84912345678', '84912345678', '0912.345.678', '+84 912 345 678', '0084912345678', '0912-345-678']) {
      const r = validatePhone(input);
      expect(r.ok && r.value, input).toBe('+84912345678');
      expect(r.ok && r.national, input).toBe('0912 345 678');
    }
  });

  it('rejects landlines', () => {
    expect(phoneError('024 3825 1234')).toContain('máy bàn');
    expect(phoneError('+84 24 3825 1234')).toContain('máy bàn');
  });

  it('rejects numbers that are too short or too long', () => {
    expect(phoneError('091234567')).toContain('thiếu chữ số');
    expect(phoneError('+8491234567')).toContain('thiếu chữ số');
    expect(phoneError('09123456789')).toContain('thừa chữ số');
  });

  it('rejects non-mobile prefixes, old 11-digit numbers and foreign numbers', () => {
    expect(phoneError('0601234567')).toMatch(/^Số điện thoại di động không hợp lệ/);
    expect(phoneError('01688123456')).toContain('2018');
    expect(phoneError('+1 202 555 0143')).toContain('Việt Nam');
  });

  it('rejects letters and blanks', () => {
    expect(phoneError('0912abc678')).toContain('chỉ được gồm');
    expect(phoneError('  ')).toContain('Chưa nhập');
  });

  it('masks the middle digits', () => {
    expect(maskPhone('+84912345678')).toBe('+84 9•• ••• 678');
  });
});

function dateError(input: string, options = {}): string {
  const r = parseViDate(input, options);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.error;
}

describe('parseViDate / formatViDate', () => {
  it('parses dd/mm/yyyy with common separators and missing zeros', () => {
    expect(parseViDate('05/09/2024')).toEqual({ ok: true, value: '2024-09-05' });
    expect(parseViDate('5/9/2024')).toEqual({ ok: true, value: '2024-09-05' });
    expect(parseViDate(' 05-09-2024 ')).toEqual({ ok: true, value: '2024-09-05' });
    expect(parseViDate('05.09.2024')).toEqual({ ok: true, value: '2024-09-05' });
  });

  it('handles 29/02 in leap and non-leap years', () => {
    expect(parseViDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseViDate('29/02/2000')).toEqual({ ok: true, value: '2000-02-29' });
    expect(dateError('29/02/2023')).toContain('chỉ có 28 ngày');
    expect(dateError('29/02/1900')).toContain('chỉ có 28 ngày');
  });

  it('rejects days that do not exist in the month', () => {
    expect(dateError('31/04/2024')).toContain('chỉ có 30 ngày');
    expect(dateError('31/02/2024')).toContain('chỉ có 29 ngày');
    expect(dateError('00/01/2024')).toBe('Ngày phải từ 01 đến 31.');
    expect(dateError('32/01/2024')).toBe('Ngày phải từ 01 đến 31.');
    expect(dateError('15/13/2024')).toBe('Tháng phải từ 01 đến 12.');
    expect(dateError('15/00/2024')).toBe('Tháng phải từ 01 đến 12.');
  });

  it('rejects other formats', () => {
    for (const input of ['2024-09-05', '05/09/24', '05/09-2024', '5 tháng 9 2024', '']) {
      expect(dateError(input), input).toMatch(/dd\/mm\/yyyy|Chưa nhập/);
    }
    expect(dateError('01/01/1899')).toContain('1900');
  });

  it('optionally rejects future dates', () => {
    expect(parseViDate('15/01/2026', { notInFuture: true, today })).toEqual({ ok: true, value: '2026-01-15' });
    expect(dateError('16/01/2026', { notInFuture: true, today })).toBe('Ngày không được sau hôm nay (15/01/2026).');
    expect(parseViDate('16/01/2026', { today }).ok).toBe(true);
  });

  it('formats ISO dates and round-trips', () => {
    expect(formatViDate('2024-09-05')).toBe('05/09/2024');
    const parsed = parseViDate(formatViDate('2000-02-29'));
    expect(parsed).toEqual({ ok: true, value: '2000-02-29' });
    expect(() => formatViDate('2023-02-29')).toThrow(RangeError);
    expect(() => formatViDate('05/09/2024')).toThrow(RangeError);
  });
});
