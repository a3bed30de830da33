// The rules of «Kiểm tra dữ liệu», pure over row arrays (no service calls), so
// they are benchmarked directly.
import { APPS, FILING_STATUSES, GENDERS, PeriodSchema } from '../../../shared/schemas/registry';
import { DATES, birthYearProblem, dossierProblem, nameProblem } from '../../../shared/schemas/rules';
import { isSecretLikeValue } from '../../../shared/schemas/privacy';
import { validateCccd, validatePhone } from '../../../shared/validate';
import { findById } from '../../../shared/catalogue';
import { cellBool, cellDate, cellText, lostTextFormat } from '../infra/cells';
import { PORTALS } from './layout';

export interface CellIssue {
  table: 'accounts' | 'filings' | 'targets';
  rowNumber: number;
  /** 0-based column index in the sheet. */
  col: number;
  key: string;
  message: string;
}

export interface CheckContext {
  today: string;
  toDanPho: Set<string>;
  volunteers: Set<string>;
  /** Account ids, to check filings that point at an account. */
  accountIds?: Set<string>;
}

type Index = Record<string, number>;
const APP_SET = new Set<string>(APPS);
const STATUS_SET = new Set<string>(FILING_STATUSES);
const GENDER_SET = new Set<string>(GENDERS);
const PORTAL_SET = new Set<string>(PORTALS);
/**
 * Fast accept for stored phones: +84 and libphonenumber's Vietnamese mobile
 * pattern (national number of 9 digits). Anything else goes to validatePhone,
 * which gives the Vietnamese reason. A unit test keeps the two in agreement.
 */
export const VN_MOBILE_E164 = /^\+84(?:(?:5(?:2[238]|59)|89[6-9]|99[013-9])\d{6}|(?:3\d|5[1689]|7[06-9]|8[1-8]|9[0-8])\d{7})$/;


const APPS_CACHE = new Map<string, string>();
/** Unknown apps in a comma-separated cell ('' when all are known); few distinct values, so cached. */
function badApps(apps: string): string {
  let bad = APPS_CACHE.get(apps);
  if (bad === undefined) {
    bad = apps.split(/\s*[,;]\s*/).filter((a) => a && !APP_SET.has(a)).join(', ');
    if (APPS_CACHE.size > 1000) APPS_CACHE.clear();
    APPS_CACHE.set(apps, bad);
  }
  return bad;
}

/** A text cell whose digits Sheets turned into a number: what happened, and how to put it right. */
function lostFormatMessage(n: number, meant: string): string {
  return `Ô đã mất định dạng văn bản nên Sheets đổi thành số ${n} (số 0 hoặc dấu + ở đầu bị mất; đúng ra là «${meant}»). Chọn ô, Định dạng → Số → Văn bản thuần tuý, rồi nhập lại «${meant}».`;
}

function isBlankRow(cells: unknown[]): boolean {
  for (const c of cells) if (c !== '' && c !== null && c !== undefined) return false;
  return true;
}

function common(
  push: (key: string, message: string) => void,
  get: (key: string) => unknown,
  ctx: CheckContext,
): void {
  const tdp = cellText(get('toDanPho'));
  if (!tdp) push('toDanPho', 'Thiếu tổ dân phố.');
  else if (ctx.toDanPho.size && !ctx.toDanPho.has(tdp)) push('toDanPho', `Tổ dân phố «${tdp}» không có trong danh mục.`);
  const vol = cellText(get('volunteerId'));
  if (!vol) push('volunteerId', 'Thiếu tình nguyện viên.');
  else if (ctx.volunteers.size && !ctx.volunteers.has(vol)) push('volunteerId', `Tình nguyện viên «${vol}» không có trong danh sách.`);
  if (!cellBool(get('consentGiven')) || !cellText(get('consentVersion')) || !cellText(get('consentAt'))) {
    push('consentGiven', 'Chưa ghi nhận sự đồng ý của người dân (đánh dấu, phiên bản nội dung và thời điểm).');
  }
  const notes = cellText(get('notes'));
  if (notes && isSecretLikeValue(notes)) push('notes', 'Ghi chú có vẻ chứa mật khẩu hoặc mã OTP: hãy xoá phần đó.');
}

export function checkAccounts(rows: unknown[][], index: Index, ctx: CheckContext, firstRow = 2): CellIssue[] {
  const issues: CellIssue[] = [];
  let cells: unknown[] = [];
  let rowNumber = 0;
  // Defined once (not per row): this loop runs over tens of thousands of rows.
  const get = (k: string) => cells[index[k]!];
  const push = (key: string, message: string) => issues.push({ table: 'accounts', rowNumber, col: index[key]!, key, message });
  for (let r = 0; r < rows.length; r++) {
    cells = rows[r]!;
    if (isBlankRow(cells)) continue;
    rowNumber = firstRow + r;
    if (!cellText(get('id'))) push('id', 'Thiếu mã bản ghi: hãy chạy «Thiết lập sổ» để cấp mã.');
    const name = cellText(get('fullName'));
    const nErr = name ? nameProblem(name) : 'Thiếu họ và tên.';
    if (nErr) push('fullName', nErr);
    const by = get('birthYear');
    const year = typeof by === 'number' ? by : Number(cellText(by));
    const yearProblem = cellText(by) === '' ? 'Thiếu năm sinh.' : birthYearProblem(year, ctx.today);
    if (yearProblem) push('birthYear', yearProblem);
    const gender = cellText(get('gender'));
    if (gender && !GENDER_SET.has(gender)) push('gender', 'Giới tính chỉ là «Nam» hoặc «Nữ».');
    const full = cellText(get('cccdFull'));
    const rawLast4 = get('cccdLast4');
    const last4 = lostTextFormat(rawLast4) ? String(rawLast4).padStart(4, '0') : cellText(rawLast4);
    if (lostTextFormat(rawLast4)) push('cccdLast4', lostFormatMessage(rawLast4, last4));
    if (full) {
      const res = validateCccd(full, Number.isInteger(year) ? { birthYear: year } : {});
      if (!res.ok) push('cccdFull', res.error);
      else if (last4 && last4 !== full.slice(-4)) push('cccdLast4', '4 số cuối không khớp với số CCCD đầy đủ.');
    }
    if (!lostTextFormat(rawLast4) && last4 && !/^\d{4}$/.test(last4)) push('cccdLast4', '4 số cuối CCCD phải gồm đúng 4 chữ số.');
    if (last4 && !cellText(get('cccdKey'))) push('cccdKey', 'Thiếu khoá tìm trùng CCCD: hãy nhập lại số CCCD qua biểu mẫu.');
    const rawPhone = get('phone');
    const phone = cellText(rawPhone);
    if (lostTextFormat(rawPhone)) push('phone', lostFormatMessage(rawPhone, String(rawPhone).length === 9 ? `0${rawPhone}` : `+${rawPhone}`));
    else if (phone && !VN_MOBILE_E164.test(phone)) {
      const res = validatePhone(phone);
      if (!res.ok) push('phone', res.error);
    }
    const apps = cellText(get('apps'));
    if (!apps) push('apps', 'Chưa ghi ứng dụng đã đăng ký.');
    else {
      const bad = badApps(apps);
      if (bad) push('apps', `Ứng dụng không có trong danh mục: ${bad}.`);
    }
    const created = cellDate(get('createdOn'));
    if (created === '') push('createdOn', 'Thiếu ngày hỗ trợ.');
    else if (created === null) push('createdOn', 'Ngày hỗ trợ không hợp lệ (dd/mm/yyyy).');
    else if (created > ctx.today) push('createdOn', DATES.createdInFuture);
    common(push, get, ctx);
  }
  return issues;
}

export function checkFilings(rows: unknown[][], index: Index, ctx: CheckContext, firstRow = 2): CellIssue[] {
  const issues: CellIssue[] = [];
  let cells: unknown[] = [];
  let rowNumber = 0;
  const get = (k: string) => cells[index[k]!];
  const push = (key: string, message: string) => issues.push({ table: 'filings', rowNumber, col: index[key]!, key, message });
  for (let r = 0; r < rows.length; r++) {
    cells = rows[r]!;
    if (isBlankRow(cells)) continue;
    rowNumber = firstRow + r;
    if (!cellText(get('id'))) push('id', 'Thiếu mã bản ghi: hãy chạy «Thiết lập sổ» để cấp mã.');
    const name = cellText(get('residentName'));
    const nErr = name ? nameProblem(name) : 'Thiếu họ và tên người dân.';
    if (nErr) push('residentName', nErr);
    const pid = cellText(get('procedureId'));
    const proc = pid ? findById(pid.split(' ')[0]!) : undefined;
    if (!pid) push('procedureId', 'Chưa chọn thủ tục.');
    else if (!proc) push('procedureId', `Thủ tục «${pid}» không có trong danh mục.`);
    const code = cellText(get('procedureCode'));
    if (proc && code && proc.code !== code) push('procedureCode', `Mã TTHC của thủ tục ${proc.id} là ${proc.code ?? '(chưa có mã)'}, không phải ${code}.`);
    if (!proc && code && !/^\d\.\d{6}$/.test(code)) push('procedureCode', 'Mã TTHC phải có dạng 1.001193.');
    const dossier = cellText(get('dossierCode'));
    if (!dossier) push('dossierCode', 'Thiếu mã hồ sơ.');
    else {
      const problem = dossierProblem(dossier);
      if (problem) push('dossierCode', problem);
    }
    const filed = cellDate(get('filedOn'));
    if (filed === '') push('filedOn', 'Thiếu ngày nộp.');
    else if (filed === null) push('filedOn', 'Ngày nộp không hợp lệ (dd/mm/yyyy).');
    else if (filed > ctx.today) push('filedOn', DATES.filedInFuture);
    const due = cellDate(get('dueOn'));
    if (due === null) push('dueOn', 'Ngày hẹn trả không hợp lệ (dd/mm/yyyy).');
    else if (due && filed && due < filed) push('dueOn', DATES.dueBeforeFiled);
    const portal = cellText(get('portal'));
    if (portal && !PORTAL_SET.has(portal)) push('portal', 'Cổng không có trong danh mục.');
    const status = cellText(get('status'));
    if (!status) push('status', 'Thiếu trạng thái hồ sơ.');
    else if (!STATUS_SET.has(status)) push('status', `Trạng thái «${status}» không có trong danh mục.`);
    const acc = cellText(get('accountId'));
    if (acc && ctx.accountIds && !ctx.accountIds.has(acc)) push('accountId', 'Mã tài khoản không có trong trang «Tài khoản».');
    common(push, get, ctx);
  }
  return issues;
}


export function checkTargets(rows: unknown[][], index: Index, ctx: CheckContext, firstRow = 2): CellIssue[] {
  const issues: CellIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, r) => {
    if (isBlankRow(cells)) return;
    const rowNumber = firstRow + r;
    const push = (key: string, message: string) => issues.push({ table: 'targets', rowNumber, col: index[key]!, key, message });
    const tdp = cellText(cells[index.toDanPho!]);
    if (!tdp) push('toDanPho', 'Thiếu tổ dân phố.');
    else if (ctx.toDanPho.size && !ctx.toDanPho.has(tdp)) push('toDanPho', `Tổ dân phố «${tdp}» không có trong danh mục.`);
    const period = cellText(cells[index.period!]);
    const periodCheck = PeriodSchema.safeParse(period);
    if (!periodCheck.success) push('period', periodCheck.error.issues[0]!.message);
    for (const key of ['accountsTarget', 'filingsTarget']) {
      const v = cells[index[key]!];
      if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0)) push(key, 'Chỉ tiêu phải là số nguyên không âm.');
    }
    const k = `${tdp}|${period}`;
    if (tdp && period && seen.has(k)) push('period', `Chỉ tiêu của ${tdp} cho kỳ ${period} bị nhập hai lần.`);
    seen.add(k);
  });
  return issues;
}
