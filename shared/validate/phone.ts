// The "mobile" metadata only knows mobile number patterns, so isValid() already means
// "valid mobile" and we avoid shipping the larger "max" metadata just for getType().
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

export type PhoneResult =
  /** value: E.164 ("+84912345678"); national: "0912 345 678" for display. */
  | { ok: true; value: string; national: string }
  | { ok: false; error: string };

const ALLOWED_CHARACTERS = /^[+\d\s.\-()]+$/;
const VN_MOBILE_NSN_LENGTH = 9;
const INVALID_MOBILE = 'Số điện thoại di động không hợp lệ';

export function validatePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Chưa nhập số điện thoại.' };
  if (!ALLOWED_CHARACTERS.test(trimmed)) {
    return { ok: false, error: 'Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang hoặc dấu +.' };
  }

  const phone = parsePhoneNumberFromString(trimmed, 'VN');
  if (!phone) return { ok: false, error: `${INVALID_MOBILE}.` };
  if (phone.countryCallingCode !== '84') {
    return { ok: false, error: 'Chỉ nhận số di động Việt Nam (+84 hoặc bắt đầu bằng 0).' };
  }
  if (phone.isValid()) {
    const nsn = phone.nationalNumber;
    return { ok: true, value: phone.number, national: `0${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}` };
  }
  return { ok: false, error: explainInvalid(phone.nationalNumber) };
}

/** Vietnamese reason why a +84 number is not a valid mobile. */
function explainInvalid(nsn: string): string {
  if (nsn.startsWith('2')) return 'Đây là số máy bàn; cần số điện thoại di động.';
  if (nsn.startsWith('1800') || nsn.startsWith('1900')) return 'Đây là số tổng đài, không phải số di động.';
  if (nsn.startsWith('1') && nsn.length === VN_MOBILE_NSN_LENGTH + 1) {
    return 'Đây là số di động 11 chữ số cũ (đầu 01…), đã đổi sang đầu số mới từ năm 2018; hãy hỏi lại số hiện tại.';
  }
  if (nsn.length < VN_MOBILE_NSN_LENGTH) {
    return `${INVALID_MOBILE}: thiếu chữ số (số di động gồm 10 chữ số, bắt đầu bằng 0).`;
  }
  if (nsn.length > VN_MOBILE_NSN_LENGTH) {
    return `${INVALID_MOBILE}: thừa chữ số (số di động gồm 10 chữ số, bắt đầu bằng 0).`;
  }
  return `${INVALID_MOBILE}: đầu số không phải đầu số di động Việt Nam.`;
}

/** "+84 9•• ••• 678": first and last three digits of the national number stay visible. */
export function maskPhone(e164: string): string {
  const vn = /^\+84(\d)(\d{5})(\d{3})$/.exec(e164);
  if (vn) return `+84 ${vn[1]}•• ••• ${vn[3]}`;
  const digits = e164.replace(/\D/g, '');
  return '•'.repeat(Math.max(0, digits.length - 3)) + digits.slice(-3);
}
