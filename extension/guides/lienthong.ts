/**
 * Liên thông khai sinh – thường trú – BHYT and khai tử – xóa thường trú – mai táng
 * (lienthong.dichvucong.gov.vn, hash routed; portals.md §2.6). Every wizard step shares one
 * button `#next` ("Chuyển bước tiếp theo"), relabelled "Hoàn thành" on the last step.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { LOGGED_IN, button } from './anchors';
import { captureStep } from './dvcqg';
import type { Anchor, AnchorAlt, Step } from './schema';
import { LOGIN_MODAL_OPEN, vneidSteps } from './vneid';

const NEXT: Anchor = {
  kind: 'nút',
  text: 'Chuyển bước tiếp theo',
  alts: [
    { role: 'button', text: ['Chuyển bước tiếp theo', 'Tiếp tục'], match: 'exact' },
    { css: '#next', note: '2026-11: one shared next button on every step (AFH portal_submit.py)' },
  ],
};
const heading = (text: string[]): AnchorAlt[] => [{ role: 'heading', text }];

/** The package codes the liên thông portal routes to (`#/ke-khai/<mã>`; portals.md §2.6). */
export const LIENTHONG_PACKAGE_CODES: Record<'khai-sinh' | 'khai-tu', string[]> = {
  'khai-sinh': ['2.000986', '2.000987'],
  'khai-tu': ['1.006714'],
};

export function lienthongStartUrl(code: string | null): string {
  return code ? `https://${PORTAL_HOSTS.lienthong}/#/ke-khai/${code}` : `https://${PORTAL_HOSTS.lienthong}/#/?vneid=1`;
}

export function lienthongSteps(kind: 'khai-sinh' | 'khai-tu'): Step[] {
  const birth = kind === 'khai-sinh';
  return [
    {
      id: 'lt.login',
      surfaces: ['lienthong.home', 'lienthong.declare'],
      title: 'Đăng nhập bằng VNeID của người dân',
      hint: 'Bấm “Đăng nhập” và đăng nhập bằng tài khoản VNeID của chính người dân.',
      details: ['Nếu người dân đã đăng nhập, bước này tự qua.'],
      anchor: button('Đăng nhập'),
      complete: [{ kind: 'page', surfaces: ['vneid.login'] }, { kind: 'appears', anchor: LOGGED_IN }, ...LOGIN_MODAL_OPEN],
    },
    ...vneidSteps(),
    {
      id: 'lt.pick',
      surfaces: ['lienthong.home'],
      title: 'Chọn gói liên thông',
      hint: birth
        ? 'Chọn “Liên thông khai sinh, thường trú, cấp thẻ BHYT”.'
        : 'Chọn “Liên thông khai tử, xóa đăng ký thường trú, trợ cấp mai táng”.',
      anchor: {
        kind: 'liên kết',
        text: birth ? 'khai sinh' : 'khai tử',
        alts: [{ role: 'link', text: [birth ? 'khai sinh' : 'khai tử'] }, { role: 'button', text: [birth ? 'khai sinh' : 'khai tử'] }],
      },
      complete: [{ kind: 'page', surfaces: ['lienthong.declare'] }],
    },
    {
      id: 'lt.agencies',
      surfaces: ['lienthong.declare'],
      title: 'Bước 1: Lựa chọn cơ quan',
      hint: birth
        ? 'Chọn loại khai sinh, tỉnh, phường/xã, rồi cơ quan đăng ký khai sinh, cơ quan đăng ký thường trú và cơ quan BHYT. Xong bấm “Chuyển bước tiếp theo”.'
        : 'Chọn tỉnh, phường/xã, cơ quan đăng ký khai tử, cơ quan xóa thường trú và cơ quan giải quyết mai táng phí. Xong bấm “Chuyển bước tiếp theo”.',
      anchor: NEXT,
      complete: [{ kind: 'appears', anchor: heading(['Kê khai thông tin', 'Kê khai']) }],
    },
    {
      id: 'lt.declare',
      surfaces: ['lienthong.declare'],
      title: 'Bước 2: Kê khai',
      hint: 'Thông tin người đi đăng ký lấy sẵn từ VNeID. Bấm “Xác thực với CSDLQG về dân cư” nếu có, điền các ô có dấu *, rồi bấm “Chuyển bước tiếp theo”.',
      details: birth
        ? ['Phần thường trú: chọn chủ hộ và nơi thường trú của cháu.', 'Phần BHYT: chọn nơi khám chữa bệnh ban đầu.']
        : ['Ngày chết, nơi chết và nguyên nhân chết ghi theo Giấy báo tử.'],
      anchor: NEXT,
      complete: [{ kind: 'appears', anchor: heading(['Xem lại tờ khai']) }],
    },
    {
      id: 'lt.review',
      surfaces: ['lienthong.declare'],
      title: 'Bước 3: Xem lại tờ khai',
      hint: 'Đọc lại các tờ khai cùng người dân. Cần bản sao thì tích “đề nghị cấp bản sao” và ghi số lượng. Xong bấm “Chuyển bước tiếp theo”.',
      anchor: NEXT,
      complete: [{ kind: 'appears', anchor: heading(['Đính kèm hồ sơ']) }],
    },
    {
      id: 'lt.attach',
      surfaces: ['lienthong.declare'],
      title: 'Bước 4: Đính kèm hồ sơ',
      hint: birth
        ? 'Tải lên ảnh chụp rõ Giấy chứng sinh (và tờ khai CT01 nếu cổng yêu cầu). Xong bấm “Chuyển bước tiếp theo”.'
        : 'Tải lên ảnh chụp rõ Giấy báo tử. Xong bấm “Chuyển bước tiếp theo”.',
      details: ['Tệp PDF, JPG hoặc PNG, dung lượng nhỏ.'],
      anchor: NEXT,
      complete: [{ kind: 'appears', anchor: heading(['Chọn hình thức nhận kết quả', 'Hình thức nhận kết quả']) }],
    },
    {
      id: 'lt.finish',
      surfaces: ['lienthong.declare'],
      title: 'Bước 5: Nhận kết quả và hoàn thành',
      hint: 'Chọn cách nhận kết quả, gõ “mã kiểm tra” đúng như hình, rồi bấm “Hoàn thành” để nộp.',
      anchor: { kind: 'nút', text: 'Hoàn thành', alts: [{ role: 'button', text: ['Hoàn thành'], match: 'exact' }, { css: '#next' }] },
      // The success screen keeps the URL and never says "thành công" (portals.md §2.6).
      complete: [{ kind: 'appears', anchor: [{ role: 'text', text: ['Số hồ sơ'], match: 'start' }] }],
    },
    captureStep('lt.done', ['lienthong.declare'], ['Ngày hẹn trả dự kiến']),
  ];
}
