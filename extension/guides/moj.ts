/**
 * The Ministry of Justice wizard (docs/portal-evidence.md §6): on dichvucongnganhtuphap.moj.gov.vn
 * after a second VNeID consent, or rendered on dichvucong.gov.vn itself after "Thông tin chung"
 * (which host a procedure uses is not known, so the steps hold on both). Ids are generated from
 * labels (`kt_…`) and differ per step and per branch, so every anchor has the id and the visible
 * label; no step is recognised by a heading or by `data-e2e="btn-next"` (on most steps).
 */
import { CODE_LABEL, button } from './anchors';
import { INFO_CONFIRM, infoStep } from './dvcqg';
import { captureStep } from './form';
import type { AnchorAlt, Step } from './schema';
import { mojConsentSteps } from './vneid';

/** Where the wizard renders: the Ministry's host, or the national portal's pages. */
const WIZARD_PAGES = ['moj.wizard', 'dvcqg.detail', 'dvcqg.form', 'dvcqg.other'] as const;

const OWNER_NEXT: AnchorAlt[] = [
  { css: '[id^="kt_buoc-tiep-theo"]', note: '2026-11: kt_buoc-tiep-theo-cho-ban-than, other id on the ủy quyền branch (AFH guided-steps.js)' },
  { role: 'button', text: ['Bước tiếp theo'], match: 'exact' },
];
const PREVIEW: AnchorAlt[] = [
  { css: '#xem-truoc-to-khai', note: '2026-11: AFH portal_submit.py' },
  { role: 'button', text: ['Xem trước'], match: 'exact' },
];
/** The confirm of the preview, whose title is not known: inside a dialog, else beside "Xem trước". */
const PREVIEW_CONFIRM: AnchorAlt[] = [
  { role: 'button', text: ['Xác nhận'], match: 'exact', within: [{ role: 'dialog' }] },
  { role: 'button', text: ['Xác nhận'], match: 'exact', within: [{ role: 'text', text: ['Xem trước tờ khai', 'Xem trước', 'Bản xem trước'] }] },
  { role: 'button', text: ['Xác nhận'], match: 'exact' },
];
const UPLOAD: AnchorAlt[] = [{ role: 'button', text: ['Chọn tệp đính kèm', 'Chọn tệp tin'] }];
const FILES_NEXT: AnchorAlt[] = [
  { css: '[id^="nop-thu-tuc-b-3"]', note: '2026-11: nop-thu-tuc-b-3, …-uy-quyen on the ủy quyền branch (AFH portal_submit.py)' },
  { role: 'button', text: ['Bước tiếp theo'], match: 'exact' },
];
const SEND: AnchorAlt[] = [
  { css: '#kt_gui-ho-so', note: '2026-11: AFH portal_submit.py' },
  { role: 'button', text: ['Gửi hồ sơ'], match: 'exact' },
];
const SENT = ['Gửi hồ sơ thành công', 'Nộp hồ sơ thành công'];

export function mojSteps(): Step[] {
  return [
    ...mojConsentSteps(),
    {
      id: 'moj.handoff',
      surfaces: ['moj.handoff'],
      title: 'Mở thủ tục trên hệ thống Bộ Tư pháp',
      hint: 'Cổng đã chuyển sang hệ thống của Bộ Tư pháp. Bấm “Nộp hồ sơ” ở đúng thủ tục.',
      anchor: button('Nộp hồ sơ'),
      complete: [{ kind: 'page', surfaces: ['moj.wizard'] }, { kind: 'appears', anchor: INFO_CONFIRM, fresh: true }],
    },
    { ...infoStep(), surfaces: [...WIZARD_PAGES] },
    {
      id: 'moj.owner',
      surfaces: [...WIZARD_PAGES],
      title: 'Bước 1: Thông tin chủ hồ sơ',
      hint: 'Thông tin định danh đã có sẵn. Điền Ngày cấp, Nơi cấp, Số điện thoại, Địa chỉ chi tiết rồi bấm “Bước tiếp theo”.',
      details: ['Ngày cấp gõ từng số (ngày/tháng/năm): ô này không nhận dán.', 'Nếu hiện hộp “Lưu dữ liệu vào hồ sơ cá nhân”, bấm “Đồng ý”.'],
      anchor: { kind: 'nút', text: 'Bước tiếp theo', alts: OWNER_NEXT },
      complete: [{ kind: 'appears', anchor: PREVIEW, fresh: true }],
    },
    {
      id: 'moj.declare',
      surfaces: [...WIZARD_PAGES],
      title: 'Bước 2: Kê khai tờ khai',
      hint: 'Điền tờ khai trong khung (các ô có dấu *), rồi bấm “Xem trước”.',
      anchor: { kind: 'nút', text: 'Xem trước', alts: PREVIEW },
      frameHints: [
        {
          surfaces: ['moj.eform'],
          hint: 'Điền các ô có dấu * của tờ khai, bắt đầu từ ô này.',
          anchor: {
            kind: 'ô',
            text: 'Họ, chữ đệm, tên',
            // Labels are the text just before each component (§6.3).
            alts: [
              { role: 'textbox', label: ['Họ, chữ đệm, tên', 'Họ và tên', 'Họ, chữ đệm và tên'] },
              { css: 'x-input input, input[name]', note: '2026-11: custom elements of tokhaidientu.moj.gov.vn (AFH crawl-legacy-eform.js)' },
            ],
          },
        },
      ],
      complete: [{ kind: 'appears', anchor: PREVIEW_CONFIRM, fresh: true }],
    },
    {
      id: 'moj.preview',
      surfaces: [...WIZARD_PAGES],
      title: 'Xác nhận tờ khai',
      hint: 'Đọc lại bản xem trước cùng người dân, rồi bấm “Xác nhận”. (Ký số là không bắt buộc.)',
      anchor: { kind: 'nút', text: 'Xác nhận', alts: PREVIEW_CONFIRM },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: [...UPLOAD, FILES_NEXT[0]!], fresh: true }],
    },
    {
      id: 'moj.files',
      surfaces: [...WIZARD_PAGES],
      title: 'Bước 3: Thành phần hồ sơ',
      hint: 'Tờ khai đã thành “Tờ khai.pdf”. Với mỗi giấy tờ còn lại bấm “Chọn tệp đính kèm” (hoặc “Chọn tệp tin”) → “Tải lên từ thiết bị” → “Thêm vào ví & Chọn”. Xong bấm “Bước tiếp theo” ở cuối trang.',
      details: ['Cổng báo “Vui lòng đính kèm đủ Hồ sơ bắt buộc” nếu còn thiếu giấy tờ có dấu *.'],
      anchor: { kind: 'nút', text: 'Chọn tệp đính kèm', alts: [...UPLOAD, ...FILES_NEXT] },
      complete: [{ kind: 'appears', anchor: SEND, fresh: true }],
      explainToasts: [{ text: ['đính kèm đủ'], explain: 'Còn thiếu giấy tờ bắt buộc: tải lên các dòng có dấu * rồi bấm lại “Bước tiếp theo”.' }],
      optional: true,
    },
    {
      id: 'moj.receive',
      surfaces: [...WIZARD_PAGES],
      title: 'Bước 4: Thông tin nhận kết quả',
      hint: 'Chọn cách nhận kết quả và số bản trích lục, rồi bấm “Gửi hồ sơ” để nộp.',
      anchor: { kind: 'nút', text: 'Gửi hồ sơ', alts: SEND },
      complete: [
        { kind: 'appears', anchor: [{ role: 'text', text: SENT }], fresh: true },
        { kind: 'toast', text: SENT },
        { kind: 'appears', anchor: CODE_LABEL, fresh: true },
        { kind: 'page', surfaces: ['moj.view', 'moj.myDossiers'] },
      ],
    },
    captureStep('moj.done', ['moj.wizard', 'moj.view', 'moj.myDossiers', 'dvcqg.detail', 'dvcqg.form', 'dvcqg.other']),
  ];
}
