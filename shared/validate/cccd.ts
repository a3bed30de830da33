/**
 * CCCD / personal identification number (12 digits), per Circular 07/2016/TT-BCA and the 2023 Law on Identification:
 * digits 1–3 province of birth registration, digit 4 gender + century, digits 5–6 birth year,
 * digits 7–12 random. There is no published checksum, so none is checked.
 */

export type Gender = 'nam' | 'nữ';

export interface CccdInfo {
  /** Digits 1–3: where the birth was registered (old 63-province codes). */
  provinceCode: string;
  /** Name of the (pre-2025) province, when the code is known. */
  provinceName?: string;
  gender: Gender;
  /** First year of the birth century: 1900, 2000, 2100… */
  century: number;
  /** Digits 5–6 as a number (0–99). */
  birthYear2: number;
  /** century + birthYear2 */
  birthYear: number;
}

export type CccdResult =
  | { ok: true; value: string; warnings: string[]; info: CccdInfo }
  | { ok: false; error: string };

export interface CccdOptions {
  /** Birth year entered elsewhere on the form; must agree with the number. */
  birthYear?: number;
  /** Gender entered elsewhere on the form; must agree with the number. */
  gender?: Gender;
  /** Reference date for "future birth year" (default: now). */
  today?: Date;
}

/** Old 63-province codes (Thông tư 07/2016/TT-BCA). Numbers issued before the 2025 merger keep them. */
export const CCCD_PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'TP Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
});

const SEPARATORS = /[\s.\-]/g;
const NON_DIGIT = /\D/;
const LEGACY_CMND_LENGTH = 9;
/** Older than this is almost certainly a typo in digits 4–6, but not impossible. */
const MAX_PLAUSIBLE_AGE = 120;

export function validateCccd(input: string, options: CccdOptions = {}): CccdResult {
  const value = input.replace(SEPARATORS, '');
  if (value === '') return { ok: false, error: 'Chưa nhập số CCCD.' };
  if (NON_DIGIT.test(value)) return { ok: false, error: 'Số CCCD chỉ được gồm chữ số.' };
  if (value.length === LEGACY_CMND_LENGTH) {
    return {
      ok: false,
      error: 'Đây là số CMND cũ (9 chữ số). Hãy nhập số CCCD/số định danh cá nhân gồm đúng 12 chữ số.',
    };
  }
  if (value.length !== 12) {
    return { ok: false, error: `Số CCCD phải gồm đúng 12 chữ số (đang có ${value.length} chữ số).` };
  }

  const provinceCode = value.slice(0, 3);
  const genderCentury = Number(value[3]);
  const birthYear2 = Number(value.slice(4, 6));
  const century = 1900 + Math.floor(genderCentury / 2) * 100;
  const birthYear = century + birthYear2;
  const gender: Gender = genderCentury % 2 === 0 ? 'nam' : 'nữ';
  const currentYear = (options.today ?? new Date()).getFullYear();

  if (birthYear > currentYear) {
    return {
      ok: false,
      error:
        `Năm sinh suy ra từ số CCCD là ${birthYear}, ở tương lai. ` +
        'Kiểm tra lại chữ số thứ 4 (giới tính, thế kỷ) và chữ số thứ 5–6 (năm sinh).',
    };
  }
  if (options.birthYear !== undefined && options.birthYear !== birthYear) {
    return {
      ok: false,
      error:
        `Năm sinh ${options.birthYear} không khớp với số CCCD (số CCCD cho biết năm sinh ${birthYear}). ` +
        'Kiểm tra lại số CCCD hoặc ngày sinh.',
    };
  }
  if (options.gender !== undefined && options.gender !== gender) {
    return {
      ok: false,
      error: `Giới tính «${options.gender}» không khớp với số CCCD (chữ số thứ 4 cho biết giới tính ${gender}).`,
    };
  }

  const warnings: string[] = [];
  const provinceName = CCCD_PROVINCES[provinceCode];
  if (provinceName === undefined) {
    // Codes can be extended (births registered abroad, future units): warn, never reject.
    warnings.push(
      `Mã nơi đăng ký khai sinh «${provinceCode}» (3 chữ số đầu) không có trong danh sách 63 tỉnh, thành phố; hãy kiểm tra lại.`,
    );
  }
  if (currentYear - birthYear > MAX_PLAUSIBLE_AGE) {
    warnings.push(`Năm sinh suy ra từ số CCCD là ${birthYear} (trên ${MAX_PLAUSIBLE_AGE} tuổi); hãy kiểm tra lại.`);
  }

  const info: CccdInfo = { provinceCode, gender, century, birthYear2, birthYear };
  if (provinceName !== undefined) info.provinceName = provinceName;
  return { ok: true, value, warnings, info };
}

/** "••••••••1234": only the last 4 digits stay visible. */
export function maskCccd(value: string): string {
  const digits = value.replace(/\D/g, '');
  return '•'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}
