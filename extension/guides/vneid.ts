/**
 * VNeID login hints (portals.md §2.5). Hints only: these steps are `sensitive`, so the engine never
 * reads, stores, fills or listens to the values typed into them.
 */
import { LOGGED_IN, button } from './anchors';
import type { AnchorAlt, Rule, Step } from './schema';

const PORTAL_AFTER_LOGIN = ['dvcqg.home', 'dvcqg.detail', 'dvcqg.sso', 'dvcqg.form', 'dvcqg.search'] as const;
/** Where the code, consent and passcode modals can show: VNeID itself or a portal page (Ant Design modals). */
const MODAL_PAGES = ['vneid.login', 'dvcqg.home', 'dvcqg.search', 'dvcqg.detail', 'dvcqg.form', 'lienthong.home', 'lienthong.declare'] as const;
const dialogWith = (text: string[]): AnchorAlt[] => [
  { role: 'dialog', text },
  { css: '.ant-modal-content', note: '2026-11: Ant Design modals (portals.md §2.5)' },
];
const OTP = dialogWith(['Mã xác nhận', 'Nhập mã xác nhận']);
const CONSENT: AnchorAlt[] = [{ role: 'button', text: ['Xác nhận chia sẻ'], match: 'exact' }];
const PASSCODE = dialogWith(['Nhập passcode', 'passcode']);
const done: Rule[] = [{ kind: 'page', surfaces: [...PORTAL_AFTER_LOGIN] }, { kind: 'appears', anchor: LOGGED_IN }];
/** On a portal page the modal steps end when the resident is logged in (never on the page itself). */
const modalDone: Rule[] = [{ kind: 'appears', anchor: LOGGED_IN }];

/** Any login modal is showing: "Đăng nhập" was pressed even if the page did not change. */
export const LOGIN_MODAL_OPEN: Rule[] = [
  { kind: 'appears', anchor: OTP.slice(0, 1) },
  { kind: 'appears', anchor: CONSENT },
  { kind: 'appears', anchor: PASSCODE.slice(0, 1) },
];

export function vneidSteps(): Step[] {
  return [
    {
      id: 'vneid.method',
      surfaces: ['vneid.login'],
      title: 'Đăng nhập VNeID',
      hint: 'Người dân mở ứng dụng VNeID trên điện thoại và quét mã QR; hoặc tự nhập số định danh và mật khẩu rồi bấm “Đăng nhập”.',
      details: ['Mã QR hết hạn thì bấm “Tải lại”.', 'Mật khẩu do người dân tự gõ; Trợ lý không đọc và không lưu.'],
      sensitive: true,
      anchor: {
        kind: 'nút',
        text: 'Đăng nhập',
        alts: [
          { role: 'button', text: ['Đăng nhập'], match: 'exact' },
          { css: 'img[alt="qr_images"]', note: '2026-11: VNeID QR image' },
        ],
      },
      complete: [{ kind: 'appears', anchor: OTP }, { kind: 'appears', anchor: CONSENT }, { kind: 'appears', anchor: PASSCODE.slice(0, 1) }, ...done],
    },
    {
      id: 'vneid.otp',
      surfaces: [...MODAL_PAGES],
      title: 'Mã xác nhận 6 số',
      hint: 'Người dân đọc mã xác nhận 6 số trong tin nhắn hoặc ứng dụng VNeID và tự nhập, rồi bấm “Xác nhận”.',
      details: ['Trợ lý không đọc mã này.'],
      sensitive: true,
      optional: true,
      anchor: { kind: 'hộp', text: 'Mã xác nhận', alts: OTP },
      complete: [{ kind: 'appears', anchor: CONSENT }, { kind: 'appears', anchor: PASSCODE.slice(0, 1) }, { kind: 'page', surfaces: ['dvcqg.sso'] }, ...modalDone],
    },
    {
      id: 'vneid.consent',
      surfaces: [...MODAL_PAGES],
      title: 'Đồng ý chia sẻ dữ liệu',
      hint: 'Đọc cho người dân nghe nội dung chia sẻ dữ liệu. Người dân đồng ý thì tích ô “Tôi đã đọc và hiểu rõ…” và bấm “Xác nhận chia sẻ”.',
      sensitive: true,
      optional: true,
      anchor: { kind: 'nút', text: 'Xác nhận chia sẻ', alts: CONSENT },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: PASSCODE.slice(0, 1) }, { kind: 'page', surfaces: ['dvcqg.sso'] }, ...modalDone],
    },
    {
      id: 'vneid.passcode',
      surfaces: [...MODAL_PAGES],
      title: 'Passcode VNeID',
      hint: 'Người dân tự nhập passcode VNeID 6 số rồi bấm “Xác nhận”. Không đọc to, không ghi lại passcode.',
      sensitive: true,
      optional: true,
      anchor: { kind: 'hộp', text: 'Nhập passcode', alts: PASSCODE },
      complete: [{ kind: 'page', surfaces: ['dvcqg.sso'] }, ...modalDone],
    },
  ];
}

/** The second consent and passcode when a justice procedure moves to the Ministry's system. */
export function mojConsentSteps(): Step[] {
  return [
    {
      id: 'vneid.moj-consent',
      surfaces: ['vneid.login'],
      title: 'Chia sẻ dữ liệu sang Bộ Tư pháp',
      hint: 'Thủ tục này xử lý trên hệ thống của Bộ Tư pháp: người dân đồng ý lần nữa bằng “Xác nhận chia sẻ”, rồi nhập lại passcode.',
      sensitive: true,
      anchor: button('Xác nhận chia sẻ'),
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: PASSCODE.slice(0, 1) }, { kind: 'page', surfaces: ['moj.handoff', 'moj.wizard'] }],
    },
    {
      id: 'vneid.moj-passcode',
      surfaces: ['vneid.login'],
      title: 'Passcode lần hai',
      hint: 'Người dân tự nhập lại passcode VNeID rồi bấm “Xác nhận”.',
      sensitive: true,
      optional: true,
      anchor: { kind: 'hộp', text: 'Nhập passcode', alts: PASSCODE },
      complete: [{ kind: 'page', surfaces: ['moj.handoff', 'moj.wizard'] }],
    },
  ];
}
