// The registry's sheets and columns. Columns are found by their header text, so
// a group leader may reorder columns; ids and the log are protected.
import type { ColumnSpec, TableSpec } from '../infra/table';

export type { ColumnSpec, TableSpec };

const T = '@';
const DATE = 'dd/mm/yyyy';

export const ACCOUNTS: TableSpec = {
  key: 'accounts',
  name: 'Tài khoản',
  protectColumns: ['id', 'clientId'],
  columns: [
    { key: 'id', header: 'Mã bản ghi', format: T },
    { key: 'clientId', header: 'Mã gửi từ tiện ích', format: T },
    { key: 'fullName', header: 'Họ và tên', format: T, personal: true },
    { key: 'birthYear', header: 'Năm sinh', format: '0', personal: true },
    { key: 'gender', header: 'Giới tính', list: 'gender', personal: true },
    { key: 'toDanPho', header: 'Tổ dân phố', format: T, list: 'toDanPho' },
    { key: 'cccdLast4', header: 'CCCD (4 số cuối)', format: T, personal: true },
    { key: 'cccdKey', header: 'Khoá tìm trùng CCCD', format: T, personal: true },
    { key: 'cccdFull', header: 'Số CCCD đầy đủ', format: T, personal: true },
    { key: 'phone', header: 'Số điện thoại', format: T, personal: true },
    { key: 'apps', header: 'Ứng dụng đã đăng ký', format: T, list: 'apps' },
    { key: 'createdOn', header: 'Ngày hỗ trợ', format: DATE },
    { key: 'volunteerId', header: 'Tình nguyện viên', format: T, list: 'volunteer' },
    { key: 'consentGiven', header: 'Đã đồng ý', checkbox: true },
    { key: 'consentVersion', header: 'Phiên bản nội dung đồng ý', format: T },
    { key: 'consentAt', header: 'Thời điểm đồng ý', format: T },
    { key: 'notes', header: 'Ghi chú', format: T, personal: true },
    { key: 'updatedAt', header: 'Cập nhật lúc', format: T },
    { key: 'source', header: 'Nguồn', format: T },
  ],
};

export const FILINGS: TableSpec = {
  key: 'filings',
  name: 'Hồ sơ',
  protectColumns: ['id', 'clientId'],
  columns: [
    { key: 'id', header: 'Mã bản ghi', format: T },
    { key: 'clientId', header: 'Mã gửi từ tiện ích', format: T },
    { key: 'accountId', header: 'Mã tài khoản', format: T },
    { key: 'residentName', header: 'Họ và tên người dân', format: T, personal: true },
    { key: 'toDanPho', header: 'Tổ dân phố', format: T, list: 'toDanPho' },
    { key: 'procedureId', header: 'Thủ tục (danh mục)', format: T, list: 'procedure' },
    { key: 'procedureCode', header: 'Mã TTHC', format: T },
    { key: 'dossierCode', header: 'Mã hồ sơ', format: T, personal: true },
    { key: 'filedOn', header: 'Ngày nộp', format: DATE },
    { key: 'dueOn', header: 'Hẹn trả', format: DATE },
    { key: 'portal', header: 'Cổng', format: T, list: 'portal' },
    { key: 'status', header: 'Trạng thái', format: T, list: 'status' },
    { key: 'volunteerId', header: 'Tình nguyện viên', format: T, list: 'volunteer' },
    { key: 'consentGiven', header: 'Đã đồng ý', checkbox: true },
    { key: 'consentVersion', header: 'Phiên bản nội dung đồng ý', format: T },
    { key: 'consentAt', header: 'Thời điểm đồng ý', format: T },
    { key: 'notes', header: 'Ghi chú', format: T, personal: true },
    { key: 'updatedAt', header: 'Cập nhật lúc', format: T },
    { key: 'source', header: 'Nguồn', format: T },
  ],
};

export const VOLUNTEERS: TableSpec = {
  key: 'volunteers',
  name: 'Tình nguyện viên',
  protectColumns: ['id'],
  columns: [
    { key: 'id', header: 'Mã tình nguyện viên', format: T },
    { key: 'name', header: 'Họ và tên', format: T },
    { key: 'toDanPho', header: 'Tổ dân phố', format: T, list: 'toDanPho' },
    { key: 'phone', header: 'Số điện thoại', format: T, personal: true },
    { key: 'active', header: 'Đang hoạt động', checkbox: true },
  ],
};

export const TARGETS: TableSpec = {
  key: 'targets',
  name: 'Chỉ tiêu',
  columns: [
    { key: 'toDanPho', header: 'Tổ dân phố', format: T, list: 'toDanPho' },
    { key: 'period', header: 'Kỳ (2026, 2026-Q4 hoặc 2026-11)', format: T },
    { key: 'accountsTarget', header: 'Chỉ tiêu tài khoản', format: '0' },
    { key: 'filingsTarget', header: 'Chỉ tiêu hồ sơ', format: '0' },
  ],
};

export const LOG: TableSpec = {
  key: 'log',
  name: 'Nhật ký',
  protectSheet: true,
  columns: [
    { key: 'at', header: 'Thời điểm', format: T },
    { key: 'who', header: 'Người thực hiện', format: T },
    { key: 'source', header: 'Nguồn', format: T },
    { key: 'action', header: 'Hành động', format: T },
    { key: 'table', header: 'Trang tính', format: T },
    { key: 'recordId', header: 'Bản ghi / ô', format: T },
    { key: 'before', header: 'Trước', format: T },
    { key: 'after', header: 'Sau', format: T },
  ],
};

export const CODES: TableSpec = {
  key: 'codes',
  name: 'Mã truy cập',
  protectSheet: true,
  hidden: true,
  columns: [
    { key: 'codeId', header: 'Mã số', format: T },
    { key: 'volunteerId', header: 'Tình nguyện viên', format: T },
    { key: 'hash', header: 'Mã băm (SHA-256)', format: T },
    { key: 'issuedAt', header: 'Cấp lúc', format: T },
    { key: 'expiresAt', header: 'Hết hạn', format: T },
    { key: 'revokedAt', header: 'Thu hồi lúc', format: T },
    { key: 'lastUsedAt', header: 'Dùng lần cuối', format: T },
    { key: 'issuedBy', header: 'Người cấp', format: T },
  ],
};

/**
 * Guide steps that found no anchor on a portal page, as the volunteers' extensions report them
 * (never page text or values: a redacted path). Written by the web endpoint only.
 */
export const DIAGNOSTICS: TableSpec = {
  key: 'diagnostics',
  name: 'Chẩn đoán',
  protectSheet: true,
  columns: [
    { key: 'receivedAt', header: 'Nhận lúc', format: T },
    { key: 'clientId', header: 'Mã gửi từ tiện ích', format: T },
    { key: 'at', header: 'Thời điểm', format: T },
    { key: 'volunteerId', header: 'Tình nguyện viên', format: T },
    { key: 'guideId', header: 'Hướng dẫn', format: T },
    { key: 'stepId', header: 'Bước', format: T },
    { key: 'surface', header: 'Trang', format: T },
    { key: 'path', header: 'Đường dẫn (đã che)', format: T },
    { key: 'kind', header: 'Loại', format: T },
    { key: 'guideDataVersion', header: 'Dữ liệu hướng dẫn', format: T },
    { key: 'extensionVersion', header: 'Phiên bản tiện ích', format: T },
    { key: 'browser', header: 'Trình duyệt', format: T },
    { key: 'installId', header: 'Mã máy (ngẫu nhiên)', format: T },
  ],
};

/**
 * The guide pack the leader placed in the registry (Cài đặt → «Gói hướng dẫn»), as base64 in
 * parts that fit a cell (Sheets holds 50,000 characters a cell); its description is in script
 * properties (registry/packs.ts).
 */
export const PACKS: TableSpec = {
  key: 'packs',
  name: 'Gói hướng dẫn',
  protectSheet: true,
  hidden: true,
  columns: [
    { key: 'part', header: 'Phần', format: T },
    { key: 'data', header: 'Nội dung (base64)', format: T },
  ],
};

/** Lists behind the dropdowns; the tổ dân phố list is the ward's to edit. */
export const LISTS: TableSpec = {
  key: 'lists',
  name: 'Danh mục',
  columns: [
    { key: 'toDanPho', header: 'Tổ dân phố', format: T },
    { key: 'procedure', header: 'Thủ tục', format: T },
    { key: 'status', header: 'Trạng thái hồ sơ', format: T },
    { key: 'apps', header: 'Ứng dụng', format: T },
    { key: 'portal', header: 'Cổng', format: T },
    { key: 'gender', header: 'Giới tính', format: T },
    { key: 'volunteer', header: 'Tình nguyện viên', format: T },
  ],
};

export const SUMMARY_SHEET = 'Tổng hợp';

export const TABLES: TableSpec[] = [ACCOUNTS, FILINGS, VOLUNTEERS, TARGETS, LOG, CODES, LISTS, DIAGNOSTICS, PACKS];

/** Developer-metadata key holding the layout version on the spreadsheet. */
export const VERSION_KEY = 'troLyDvc.schemaVersion';

/**
 * Version 1 (the first pilot sheet) had one "Sổ tài khoản" sheet with the full
 * CCCD, no ids and no consent version; "Hồ sơ" without ids. Migration keeps every
 * row: it adds ids, hashes the CCCD, and renames/reorders to the current layout.
 */
export const V1_ACCOUNTS_NAME = 'Sổ tài khoản';
export const V1_ACCOUNT_HEADERS = ['Họ và tên', 'Năm sinh', 'Tổ dân phố', 'Số CCCD', 'Số điện thoại', 'Ứng dụng', 'Ngày hỗ trợ', 'Tình nguyện viên', 'Đồng ý', 'Ghi chú'];
export const V1_FILING_HEADERS = ['Họ và tên người dân', 'Tổ dân phố', 'Thủ tục', 'Mã hồ sơ', 'Ngày nộp', 'Trạng thái', 'Tình nguyện viên'];

export { FILING_PORTALS as PORTALS, PORTAL_SHORT_NAMES as PORTAL_LABELS } from '../../../shared/portals';

export const DEFAULT_TO_DAN_PHO = Array.from({ length: 12 }, (_, i) => `Tổ dân phố ${i + 1}`);

/** Sheets a write action writes to (checked against the protections up front). */
export const WRITES = {
  registry: [ACCOUNTS.name, FILINGS.name, LOG.name],
  check: [ACCOUNTS.name, FILINGS.name, TARGETS.name],
  volunteers: [VOLUNTEERS.name, LOG.name],
  codes: [CODES.name, LOG.name],
  diagnostics: [DIAGNOSTICS.name, LOG.name],
  packs: [PACKS.name, LOG.name],
  log: [LOG.name],
  summary: [SUMMARY_SHEET],
  everything: TABLES.map((t) => t.name),
};
