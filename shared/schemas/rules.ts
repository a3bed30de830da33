// One set of rules for a registry row: the limits and Vietnamese messages that
// the zod schemas (extension, sidebar, web endpoint) and the fast paths of
// «Kiểm tra dữ liệu» both read, so what the endpoint accepts is what the check
// later accepts. test/unit/shared/rules-agreement.test.ts feeds the same rows to both.
import { todayInVietnam } from '../time/vietnam';

export const NAME = {
  min: 2,
  max: 80,
  pattern: /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u,
  tooShort: 'Họ và tên quá ngắn.',
  tooLong: 'Họ và tên tối đa 80 ký tự.',
  badChars: 'Họ và tên chỉ gồm chữ cái và dấu cách.',
} as const;

export const BIRTH_YEAR = {
  min: 1900,
  /** The birth year can be this year at most (in Vietnam). */
  max: (today: string = todayInVietnam()) => Number(today.slice(0, 4)),
  message: (today: string = todayInVietnam()) => `Năm sinh phải từ 1900 đến ${today.slice(0, 4)}.`,
} as const;

export const DOSSIER = {
  min: 4,
  max: 60,
  pattern: /^[\p{L}\d][\p{L}\d.\-_/ ]*$/u,
  tooShort: 'Mã hồ sơ quá ngắn.',
  tooLong: 'Mã hồ sơ quá dài.',
  badChars: 'Mã hồ sơ chỉ gồm chữ, số và . - _ /',
} as const;

export const TO_DAN_PHO = { max: 60, missing: 'Chưa chọn tổ dân phố.' } as const;

export const PERIOD = { pattern: /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, message: 'Kỳ có dạng 2026, 2026-Q4 hoặc 2026-11.' } as const;

export const DATES = {
  createdInFuture: 'Ngày hỗ trợ không được sau hôm nay.',
  filedInFuture: 'Ngày nộp không được sau hôm nay.',
  dueBeforeFiled: 'Ngày hẹn trả trước ngày nộp.',
  invalid: 'Ngày không hợp lệ (yyyy-mm-dd).',
} as const;

/** Vietnamese message for a name, or null when it is fine (the fast path of the check and the schema agree). */
export function nameProblem(name: string): string | null {
  const t = name.trim();
  if (t.length < NAME.min) return NAME.tooShort;
  if (t.length > NAME.max) return NAME.tooLong;
  return NAME.pattern.test(t) ? null : NAME.badChars;
}

export function dossierProblem(code: string): string | null {
  const t = code.trim();
  if (t.length < DOSSIER.min) return DOSSIER.tooShort;
  if (t.length > DOSSIER.max) return DOSSIER.tooLong;
  return DOSSIER.pattern.test(t) ? null : DOSSIER.badChars;
}

export function birthYearProblem(year: number, today: string = todayInVietnam()): string | null {
  return Number.isInteger(year) && year >= BIRTH_YEAR.min && year <= BIRTH_YEAR.max(today) ? null : BIRTH_YEAR.message(today);
}
