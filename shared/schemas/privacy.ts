import * as z from 'zod';

/**
 * Guards that keep secrets out of the registry: the registry must never hold
 * passwords, OTPs, VNeID passcodes or document photos (Decree 356 treats them as
 * sensitive, and a "who was helped" list does not need them).
 */

const SECRET_KEY = /(pass(word|code)?|mat_?khau|matkhau|otp|ma_?xac_?nhan|pin|secret|token|photo|image|anh_?(the|cccd)|selfie)/i;

const SECRET_VALUE = [
  /m[aậ]t\s*kh[aẩ]u\s*[:=]/i,
  /\bpass(word|code)?\s*[:=]/i,
  /\botp\s*[:=]?\s*\d{4,8}\b/i,
  /\bm[aã]\s*x[aá]c\s*(nh[aậ]n|th[uự]c)\s*[:=]?\s*\d{4,8}\b/i,
  /^data:image\//i,
];

export function isSecretLikeKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function isSecretLikeValue(value: string): boolean {
  return SECRET_VALUE.some((re) => re.test(value));
}

export const SECRET_VALUE_MESSAGE =
  'Nội dung có vẻ chứa mật khẩu, mã OTP, passcode hoặc ảnh giấy tờ. Sổ không lưu những thông tin này — hãy xoá phần đó rồi nhập lại.';

/** Free text typed by a volunteer: trimmed, bounded, never a secret. */
export const SafeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .refine((v) => !isSecretLikeValue(v), { message: SECRET_VALUE_MESSAGE });

/**
 * A spreadsheet writes text starting with = + - @ as a formula. Prefixing an
 * apostrophe makes Sheets store it as text (the apostrophe is not shown).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Text a spreadsheet would run as a formula (or that is a classic CSV-injection
 * payload): starts with = or @, or with + or - followed by something that is
 * not just a number or phone number. The web endpoint refuses such values.
 */
export function isFormulaLike(value: string): boolean {
  const v = value.trimStart();
  if (/^[=@]/.test(v)) return true;
  if (/^[+\-]/.test(v)) return !/^[+\-]?[\d\s().]+$/.test(v) && !/^-\s/.test(v);
  return false;
}

export const FORMULA_MESSAGE =
  'Nội dung không được bắt đầu bằng = + - @ (bảng tính có thể hiểu là công thức). Hãy bỏ ký tự đó ở đầu rồi gửi lại.';
