/**
 * Ministry of Justice wizard (dichvucongnganhtuphap.moj.gov.vn; portals.md §2.8, §3.3) with the
 * declaration form framed from tokhaidientu.moj.gov.vn. Ids are generated from labels (`kt_…`),
 * so every anchor leads with the visible text and keeps the id as a dated alternative.
 */
import { button } from './anchors';
import { captureStep } from './dvcqg';
import type { AnchorAlt, Step } from './schema';
import { mojConsentSteps } from './vneid';

const heading = (text: string[]): AnchorAlt[] => [{ role: 'heading', text }];
const NEXT = {
  kind: 'nút',
  text: 'Bước tiếp theo',
  alts: [
    { role: 'button' as const, text: ['Bước tiếp theo'], match: 'exact' as const },
    { css: '#kt_buoc-tiep-theo-cho-ban-than', note: '2026-11: id generated from the label (AFH tu_phap.py)' },
  ],
};

export function mojSteps(): Step[] {
  return [
    ...mojConsentSteps(),
    {
      id: 'moj.handoff',
      surfaces: ['moj.handoff'],
      title: 'Mở thủ tục trên hệ thống Bộ Tư pháp',
      hint: 'Cổng đã chuyển sang hệ thống của Bộ Tư pháp. Bấm “Nộp hồ sơ” ở đúng thủ tục.',
      anchor: button('Nộp hồ sơ'),
      complete: [{ kind: 'page', surfaces: ['moj.wizard'] }],
    },
    {
      id: 'moj.general',
      surfaces: ['moj.wizard'],
      title: 'Thông tin chung: đối tượng thực hiện',
      hint: 'Ở “Đối tượng thực hiện” chọn “Làm thủ tục cho bản thân” khi người dân đang đăng nhập chính là người yêu cầu, rồi bấm “Xác nhận”.',
      details: [
        '“Người khác ủy quyền”: người đang đăng nhập làm thay theo giấy ủy quyền; phải có văn bản ủy quyền.',
        '“Làm thủ tục cho người khác”: chỉ khi pháp luật cho phép người thân đi đăng ký (ví dụ ông bà khai sinh cho cháu).',
        'Không đăng nhập bằng tài khoản của tình nguyện viên để làm hộ.',
      ],
      anchor: { kind: 'nút', text: 'Xác nhận', alts: [{ role: 'button', text: ['Xác nhận'], match: 'exact', within: [{ role: 'text', text: ['Đối tượng thực hiện'] }] }] },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: heading(['Thông tin chủ hồ sơ']) }],
    },
    {
      id: 'moj.owner',
      surfaces: ['moj.wizard'],
      title: 'Bước 1: Thông tin chủ hồ sơ',
      hint: 'Thông tin định danh đã có sẵn. Điền Ngày cấp, Nơi cấp, Số điện thoại, Địa chỉ chi tiết rồi bấm “Bước tiếp theo”.',
      details: ['Nếu hiện hộp “Lưu dữ liệu vào hồ sơ cá nhân”, bấm “Đồng ý”.'],
      anchor: NEXT,
      complete: [{ kind: 'appears', anchor: heading(['Kê khai']) }],
    },
    {
      id: 'moj.declare',
      surfaces: ['moj.wizard'],
      title: 'Bước 2: Kê khai tờ khai',
      hint: 'Điền tờ khai trong khung (các ô có dấu *), rồi bấm “Xem trước”.',
      anchor: { kind: 'nút', text: 'Xem trước', alts: [{ role: 'button', text: ['Xem trước'], match: 'exact' }, { css: '#xem-truoc-to-khai' }] },
      frameHints: [
        {
          surfaces: ['moj.eform'],
          hint: 'Điền các ô có dấu * của tờ khai, bắt đầu từ ô này.',
          anchor: {
            kind: 'ô',
            text: 'Họ, chữ đệm, tên',
            alts: [
              { role: 'textbox', label: ['Họ, chữ đệm, tên', 'Họ và tên'] },
              { css: 'x-input input', note: '2026-11: custom elements of tokhaidientu.moj.gov.vn' },
            ],
          },
        },
      ],
      complete: [{ kind: 'appears', anchor: [{ role: 'button', text: ['Xác nhận'], match: 'exact', within: heading(['Xem trước tờ khai']) }] }],
    },
    {
      id: 'moj.preview',
      surfaces: ['moj.wizard'],
      title: 'Xác nhận tờ khai',
      hint: 'Đọc lại bản xem trước cùng người dân, rồi bấm “Xác nhận”. (Ký số là không bắt buộc.)',
      anchor: { kind: 'nút', text: 'Xác nhận', alts: [{ role: 'button', text: ['Xác nhận'], match: 'exact', within: heading(['Xem trước tờ khai']) }] },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: heading(['Thành phần hồ sơ']) }],
    },
    {
      id: 'moj.files',
      surfaces: ['moj.wizard'],
      title: 'Bước 3: Thành phần hồ sơ',
      hint: 'Tờ khai đã thành “Tờ khai.pdf”. Với mỗi giấy tờ còn lại bấm “Chọn tệp đính kèm” → “Tải lên từ thiết bị” → “Thêm vào ví & Chọn”. Xong bấm “Bước tiếp theo”.',
      anchor: button('Chọn tệp đính kèm'),
      complete: [{ kind: 'appears', anchor: heading(['Thông tin nhận kết quả']) }],
      optional: true,
    },
    {
      id: 'moj.receive',
      surfaces: ['moj.wizard'],
      title: 'Bước 4: Thông tin nhận kết quả',
      hint: 'Chọn cách nhận kết quả và số bản trích lục, rồi bấm “Gửi hồ sơ” để nộp.',
      anchor: { kind: 'nút', text: 'Gửi hồ sơ', alts: [{ role: 'button', text: ['Gửi hồ sơ'], match: 'exact' }, { css: '#kt_gui-ho-so' }] },
      complete: [{ kind: 'appears', anchor: [{ role: 'text', text: ['Gửi hồ sơ thành công'] }] }],
    },
    captureStep('moj.done', ['moj.wizard', 'moj.view', 'moj.myDossiers']),
  ];
}

