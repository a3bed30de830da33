/**
 * The practice login's rules: a made-up 12-digit number and any code. Anything that looks like a
 * real credential is refused, and the screen says why: a number whose first three digits are a
 * province code (shared/validate/cccd.ts) is someone's real number; a six-digit code looks like a
 * VNeID passcode; the passcode step takes only the printed practice passcode.
 */
import { CCCD_PROVINCES } from '../../shared/validate/cccd';

export const PRACTICE_PASSCODE = '000000';
export const EXAMPLE_ID = '123456789012';

export type Check = { ok: true } | { ok: false; message: string };

const digitsOf = (s: string) => s.replace(/[\s.\-]/g, '');

export function checkMadeUpId(input: string): Check {
  const digits = digitsOf(input);
  if (!/^\d{12}$/.test(digits)) return { ok: false, message: `Gõ đủ 12 chữ số bịa ra, ví dụ ${EXAMPLE_ID}.` };
  const province = CCCD_PROVINCES[digits.slice(0, 3)];
  if (province) {
    return {
      ok: false,
      message: `Số này có dạng số định danh thật (3 số đầu ${digits.slice(0, 3)} là mã tỉnh ${province}). Khi tập chỉ gõ số bịa, ví dụ ${EXAMPLE_ID}: không dùng số của người dân hay của bạn.`,
    };
  }
  return { ok: true };
}

export function checkPracticeCode(input: string): Check {
  const code = input.trim();
  if (!code) return { ok: false, message: 'Gõ một mã bất kỳ, ví dụ “tap”.' };
  if (/^\d{6}$/.test(digitsOf(code))) {
    return { ok: false, message: 'Mã 6 chữ số trông giống passcode VNeID thật. Bản tập luyện không bao giờ cần mật khẩu hay passcode thật: gõ một chữ bất kỳ, ví dụ “tap”.' };
  }
  return { ok: true };
}

export function checkOtp(digits: readonly string[]): Check {
  return digits.length === 6 && digits.every((d) => /^\d$/.test(d)) ? { ok: true } : { ok: false, message: 'Gõ đủ 6 chữ số bất kỳ, mỗi ô một số.' };
}

export function checkPasscode(input: string): Check {
  const code = digitsOf(input);
  if (code === PRACTICE_PASSCODE) return { ok: true };
  if (/^\d{6}$/.test(code)) {
    return { ok: false, message: `Bản tập luyện chỉ nhận passcode tập luyện ${PRACTICE_PASSCODE}. Không bao giờ gõ passcode thật của người dân (hay của bạn) vào đây.` };
  }
  return { ok: false, message: `Gõ passcode tập luyện ${PRACTICE_PASSCODE} (sáu số 0).` };
}
