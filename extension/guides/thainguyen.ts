/**
 * Thái Nguyên provincial portal (dichvucong.thainguyen.gov.vn; docs/portal-evidence.md §7): the
 * hand-off page `/nop-ho-so…` with Angular Material fields found by their mat-label (MDC or
 * legacy build), an optional late "Cập nhật thông tin cá nhân của bạn" dialog, one file input.
 * Its submit button, success text and code label are not evidenced: no single text is relied on.
 */
import { CODE_LABEL, UPLOADED_FILE } from './anchors';
import { captureStep } from './form';
import type { AnchorAlt, Step } from './schema';

const field = (label: string): AnchorAlt[] => [
  { role: 'field', label: [label], match: 'exact', within: [{ css: 'mat-form-field' }] },
  { role: 'textbox', label: [label] },
  { css: 'input, textarea, mat-select', within: [{ role: 'text', text: [label], match: 'exact' }], note: '2026-11: mat-label inside mat-form-field (TN-kiosk autofill)' },
];
const PROFILE_DIALOG: AnchorAlt[] = [
  { css: '#citizenInfoModal', note: '2026-11: Bootstrap ids looked for by the kiosk tool' },
  { role: 'dialog', text: ['Cập nhật thông tin cá nhân'] },
  { css: 'mat-dialog-container, .modal', text: ['Cập nhật thông tin cá nhân'] },
];
const SERVICE: AnchorAlt[] = [{ css: 'mat-select[name="case_id"]' }, { role: 'combobox', label: ['Dịch vụ công'] }];
const SUBMIT: AnchorAlt[] = [
  { role: 'button', text: ['Nộp hồ sơ', 'Gửi hồ sơ', 'Nộp trực tuyến', 'Hoàn thành', 'Nộp'], match: 'exact' },
  { css: 'button[type="submit"]', within: [{ css: 'form' }] },
];
const LOGGED: AnchorAlt[] = [{ css: '#account_name' }, { role: 'button', text: ['Đăng xuất'] }, { role: 'link', text: ['Đăng xuất'] }];
const CODE_LABELS_TN = [...CODE_LABEL, { role: 'text' as const, text: ['Mã biên nhận'], match: 'start' as const }];

export function thainguyenSteps(): Step[] {
  return [
    {
      id: 'tn.login',
      surfaces: ['thainguyen.home', 'thainguyen.submit'],
      title: 'Đăng nhập',
      hint: 'Bấm “Đăng nhập” và đăng nhập bằng VNeID của người dân.',
      optional: true,
      anchor: { kind: 'nút', text: 'Đăng nhập', alts: [{ role: 'button', text: ['Đăng nhập'], match: 'exact' }, { role: 'link', text: ['Đăng nhập'], match: 'exact' }] },
      complete: [{ kind: 'page', surfaces: ['vneid.login', 'thainguyen.citizen'] }, { kind: 'appears', anchor: LOGGED }],
    },
    {
      id: 'tn.citizen',
      surfaces: ['thainguyen.citizen'],
      title: 'Đã đăng nhập',
      hint: 'Đây là trang thông tin công dân sau khi đăng nhập. Quay lại trang nộp hồ sơ của thủ tục (nút “Quay lại” của trình duyệt, hoặc bấm lại “Nộp trực tuyến” trên Cổng quốc gia).',
      complete: [{ kind: 'page', surfaces: ['thainguyen.submit'] }],
    },
    {
      id: 'tn.profile',
      surfaces: ['thainguyen.submit'],
      title: 'Cập nhật thông tin cá nhân',
      hint: 'Cổng hỏi “Cập nhật thông tin cá nhân của bạn”: kiểm tra cùng người dân rồi lưu (hoặc đóng nếu đã đúng).',
      optional: true,
      anchor: { kind: 'hộp', text: 'Cập nhật thông tin cá nhân của bạn', alts: PROFILE_DIALOG },
      landmark: PROFILE_DIALOG,
      interrupt: true,
      complete: [{ kind: 'all', rules: [{ kind: 'missing', anchor: PROFILE_DIALOG }, { kind: 'appears', anchor: SERVICE }] }],
      // No dialog on this visit (it is optional): the form is there without it.
      skipWhen: [{ kind: 'all', rules: [{ kind: 'appears', anchor: SERVICE }, { kind: 'missing', anchor: PROFILE_DIALOG }] }],
    },
    {
      id: 'tn.service',
      surfaces: ['thainguyen.submit'],
      title: 'Chọn dịch vụ công',
      hint: 'Ở ô “Dịch vụ công”, chọn đúng dịch vụ của thủ tục (mã thủ tục có trên địa chỉ trang).',
      anchor: { kind: 'ô', text: 'Dịch vụ công', alts: SERVICE },
      complete: [{ kind: 'filled' }],
    },
    {
      id: 'tn.fields',
      surfaces: ['thainguyen.submit'],
      title: 'Điền thông tin người nộp',
      hint: 'CMND và Tên người nộp đã điền sẵn. Điền Ngày sinh (ngày/tháng/năm), Địa chỉ, Ngày cấp, Nơi cấp.',
      anchor: { kind: 'ô', text: 'Ngày sinh', alts: field('Ngày sinh') },
      complete: [
        { kind: 'all', rules: ['Ngày sinh', 'Địa chỉ', 'Ngày cấp', 'Nơi cấp'].map((l) => ({ kind: 'filled' as const, anchor: field(l) })) },
        { kind: 'confirm' },
      ],
    },
    {
      id: 'tn.files',
      surfaces: ['thainguyen.submit'],
      title: 'Tải giấy tờ',
      hint: 'Bấm nút chọn tệp của giấy tờ và chọn ảnh chụp rõ hoặc bản quét.',
      details: ['Giấy tờ có nhiều trang: chụp từng trang, hoặc gộp thành một tệp PDF.'],
      anchor: {
        kind: 'nút',
        text: 'Chọn tệp',
        alts: [
          { role: 'file' },
          { role: 'button', text: ['Chọn tệp', 'Chọn tệp tin', 'Tải lên', 'Đính kèm', 'Tải tệp'] },
          { css: 'label[for]', text: ['Chọn tệp', 'Tải lên', 'Đính kèm'] },
        ],
      },
      complete: [{ kind: 'appears', anchor: [UPLOADED_FILE], fresh: true }, { kind: 'confirm' }],
    },
    {
      id: 'tn.submit',
      surfaces: ['thainguyen.submit'],
      title: 'Nộp hồ sơ',
      hint: 'Đọc lại cùng người dân rồi bấm nút nộp hồ sơ ở cuối trang.',
      anchor: { kind: 'nút', text: 'Nộp hồ sơ', alts: SUBMIT },
      complete: [
        { kind: 'appears', anchor: CODE_LABELS_TN, fresh: true },
        { kind: 'appears', anchor: [{ role: 'text', text: ['thành công'] }], fresh: true },
        { kind: 'toast', text: ['thành công'] },
      ],
    },
    { ...captureStep('tn.done', ['thainguyen.submit']), anchor: { kind: 'dòng', text: 'Mã hồ sơ', alts: CODE_LABELS_TN }, capture: { labels: ['Mã hồ sơ', 'Số hồ sơ', 'Mã biên nhận'] } },
  ];
}
