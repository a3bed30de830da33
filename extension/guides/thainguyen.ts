/**
 * Thái Nguyên provincial portal (dichvucong.thainguyen.gov.vn; portals.md §4): the hand-off page
 * `/nop-ho-so?MaTTHCDP=…` with Angular Material fields found by their mat-label.
 */
import { button } from './anchors';
import { captureStep } from './dvcqg';
import type { AnchorAlt, Step } from './schema';

const field = (label: string): AnchorAlt[] => [
  { role: 'textbox', label: [label] },
  { css: 'mat-form-field input', within: [{ role: 'text', text: [label], match: 'exact' }], note: '2026-11: mat-label inside mat-form-field' },
];

export function thainguyenSteps(): Step[] {
  return [
    {
      id: 'tn.login',
      surfaces: ['thainguyen.home', 'thainguyen.submit'],
      title: 'Đăng nhập',
      hint: 'Bấm “Đăng nhập” và đăng nhập bằng VNeID của người dân.',
      optional: true,
      anchor: button('Đăng nhập'),
      complete: [{ kind: 'page', surfaces: ['vneid.login', 'thainguyen.citizen'] }, { kind: 'appears', anchor: [{ css: '#account_name' }, { role: 'button', text: ['Đăng xuất'] }] }],
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
      hint: 'Nếu hiện hộp “Cập nhật thông tin cá nhân của bạn”, kiểm tra cùng người dân rồi lưu. Không có hộp này thì bước tự qua.',
      optional: true,
      anchor: { kind: 'hộp', text: 'Cập nhật thông tin cá nhân của bạn', alts: [{ role: 'dialog', text: ['Cập nhật thông tin cá nhân'] }, { css: 'mat-dialog-container' }] },
      complete: [{ kind: 'appears', anchor: field('Ngày sinh') }],
    },
    {
      id: 'tn.service',
      surfaces: ['thainguyen.submit'],
      title: 'Chọn dịch vụ công',
      hint: 'Ở ô “Dịch vụ công”, chọn đúng dịch vụ của thủ tục (cổng đã điền sẵn mã thủ tục trên địa chỉ trang).',
      anchor: { kind: 'ô', text: 'Dịch vụ công', alts: [{ css: 'mat-select[name="case_id"]' }, { role: 'combobox', label: ['Dịch vụ công'] }] },
      complete: [{ kind: 'filled' }, { kind: 'confirm' }],
    },
    {
      id: 'tn.fields',
      surfaces: ['thainguyen.submit'],
      title: 'Điền thông tin người nộp',
      hint: 'CMND và Tên người nộp đã điền sẵn. Điền Ngày sinh, Địa chỉ, Ngày cấp, Nơi cấp.',
      anchor: { kind: 'ô', text: 'Địa chỉ', alts: field('Địa chỉ') },
      complete: [{ kind: 'filled' }, { kind: 'confirm' }],
    },
    {
      id: 'tn.files',
      surfaces: ['thainguyen.submit'],
      title: 'Tải giấy tờ',
      hint: 'Bấm “Chọn tệp” ở từng giấy tờ và chọn ảnh chụp rõ hoặc bản quét. Xong bấm “Xong”.',
      anchor: { kind: 'nút', text: 'Chọn tệp', alts: [{ role: 'button', text: ['Chọn tệp', 'Tải lên'] }, { css: 'input[type="file"]' }] },
      complete: [{ kind: 'confirm' }],
    },
    {
      id: 'tn.submit',
      surfaces: ['thainguyen.submit'],
      title: 'Nộp hồ sơ',
      hint: 'Đọc lại cùng người dân rồi bấm “Nộp hồ sơ”.',
      anchor: button('Nộp hồ sơ'),
      complete: [{ kind: 'appears', anchor: [{ role: 'text', text: ['Mã hồ sơ'], match: 'start' }] }],
    },
    captureStep('tn.done', ['thainguyen.submit']),
  ];
}
