/**
 * The portals a dossier can be filed on, and what a person reads for each: one home for the list
 * and its Vietnamese names (the extension's pages, the outbox list and the registry use these).
 */
export const FILING_PORTALS = ['dvcqg', 'lienthong', 'moj', 'thainguyen'] as const;
export type FilingPortal = (typeof FILING_PORTALS)[number];

/** Full names, for the resident's slips and the procedure details. */
export const PORTAL_NAMES: Record<FilingPortal | 'paper', string> = {
  dvcqg: 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)',
  lienthong: 'Cổng liên thông khai sinh, khai tử',
  moj: 'Hệ thống dịch vụ công của Bộ Tư pháp',
  thainguyen: 'Cổng dịch vụ công tỉnh Thái Nguyên',
  paper: 'Nộp hồ sơ giấy tại UBND phường',
};

/** Short names, for a list line or a sheet cell. */
export const PORTAL_SHORT_NAMES: Record<FilingPortal, string> = {
  dvcqg: 'Cổng DVC quốc gia',
  lienthong: 'Liên thông khai sinh, khai tử',
  moj: 'Cổng DVC Bộ Tư pháp',
  thainguyen: 'Cổng DVC tỉnh Thái Nguyên',
};
