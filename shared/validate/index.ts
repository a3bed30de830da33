export { validateCccd, maskCccd, CCCD_PROVINCES } from './cccd';
export type { CccdResult, CccdInfo, CccdOptions, Gender } from './cccd';
export { validatePhone, maskPhone } from './phone';
export type { PhoneResult } from './phone';
export { parseViDate, formatViDate } from './date';
export type { ViDateResult, ParseViDateOptions } from './date';
