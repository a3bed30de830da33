/**
 * What the resident takes home, as data both the printed page and the Zalo text are made from:
 * the documents to bring for a procedure, and the appointment slip after filing. Only what the
 * catalogue, the portal and the volunteer's own note say; nothing read from a portal page.
 */
import type { Procedure } from '../../../shared/schemas/procedure';
import { formatViDate } from '../../../shared/validate/date';
import { lookupUrl, PORTAL_NAME, procedurePageUrl, wardCounter, type FilingPortal } from './links';

export interface ChecklistSlip {
  procedureName: string;
  code: string | null;
  have: string[];
  missing: string[];
  fee: string;
  time: string;
  where: string[];
  counter: string;
  pageUrl: string;
}

export function checklistSlip(p: Procedure, ticked: ReadonlySet<number>, ward?: string): ChecklistSlip {
  return {
    procedureName: p.officialName,
    code: p.code,
    have: p.documents.filter((_, i) => ticked.has(i)),
    missing: p.documents.filter((_, i) => !ticked.has(i)),
    fee: p.feeNote ?? 'Chưa rõ, hỏi cán bộ phường',
    time: p.processingTime ?? 'Chưa rõ, hỏi cán bộ phường',
    where: p.filedOn.length ? p.filedOn.map((f) => PORTAL_NAME[f]) : ['Không còn nộp được; hỏi cán bộ phường'],
    counter: wardCounter(ward),
    pageUrl: procedurePageUrl(p),
  };
}

const list = (items: string[], mark: string) => items.map((d) => `${mark} ${d}`);

/** Plain text for a Zalo message (no formatting: Zalo shows it as typed). */
export function checklistText(s: ChecklistSlip): string {
  return [
    'GIẤY TỜ CẦN CHUẨN BỊ',
    `Thủ tục: ${s.procedureName}${s.code ? ` (mã ${s.code})` : ''}`,
    '',
    ...(s.missing.length ? ['Còn thiếu, cần mang thêm:', ...list(s.missing, '[ ]')] : ['Đã đủ giấy tờ.']),
    ...(s.have.length ? ['', 'Đã có:', ...list(s.have, '[x]')] : []),
    '',
    `Lệ phí: ${s.fee}`,
    `Thời hạn giải quyết: ${s.time}`,
    `Nộp ở đâu: ${s.where.join('; ')}`,
    `Nộp trực tiếp: ${s.counter}`,
    `Trang thủ tục: ${s.pageUrl}`,
    '',
    'Tổ công nghệ số cộng đồng',
  ].join('\n');
}

export interface AppointmentSlip {
  procedureName: string;
  code: string | null;
  dossierCode: string;
  portalName: string;
  /** yyyy-mm-dd */
  filedOn: string | null;
  dueOn: string | null;
  lookupUrl: string;
  /** What the resident chose to have written on the slip (may be empty). */
  note: string;
}

export function appointmentSlip(input: {
  procedureName: string;
  code: string | null;
  dossierCode: string;
  portal: FilingPortal;
  filedOn: string | null;
  dueOn: string | null;
  note: string;
}): AppointmentSlip {
  const { portal, ...rest } = input;
  return { ...rest, portalName: PORTAL_NAME[portal], lookupUrl: lookupUrl(portal) };
}

const viDate = (iso: string | null, unknown: string) => {
  if (!iso) return unknown;
  try {
    return formatViDate(iso);
  } catch {
    return unknown;
  }
};

/** How to look the dossier up, as numbered steps (the same on paper and in Zalo). */
export function lookupSteps(s: AppointmentSlip): string[] {
  return [
    `Mở trang tra cứu hồ sơ (quét mã QR hoặc gõ địa chỉ): ${s.lookupUrl}`,
    `Nhập mã hồ sơ ${s.dossierCode} và mã kiểm tra hiện trên trang, rồi bấm "Tra cứu".`,
    'Hoặc đăng nhập tài khoản VNeID trên cổng và xem mục hồ sơ của tôi.',
  ];
}

export function appointmentText(s: AppointmentSlip): string {
  return [
    'PHIẾU HẸN',
    `Thủ tục: ${s.procedureName}${s.code ? ` (mã ${s.code})` : ''}`,
    `Mã hồ sơ: ${s.dossierCode}`,
    `Nộp trên: ${s.portalName}`,
    `Ngày nộp: ${viDate(s.filedOn, 'chưa ghi')}`,
    `Ngày hẹn trả (dự kiến): ${viDate(s.dueOn, 'xem trên cổng khi tra cứu')}`,
    ...(s.note.trim() ? [`Ghi chú: ${s.note.trim()}`] : []),
    '',
    'Cách tra cứu hồ sơ:',
    ...lookupSteps(s).map((line, i) => `${i + 1}. ${line}`),
    '',
    'Tổ công nghệ số cộng đồng',
  ].join('\n');
}
