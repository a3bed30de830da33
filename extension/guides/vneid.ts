/**
 * VNeID login hints (docs/portal-evidence.md §4). Hints only: these steps are `sensitive`, so the
 * engine never reads, stores, fills or listens to the values typed into them. The code, consent and
 * passcode dialogs may show on the VNeID page, over the portal page, or inside a sub-frame
 * (`inFrames`): the guide works in all three.
 */
import { CONSENT_MARKER, LOGGED_IN, LOGGED_IN_DONE, OTP_MARKERS, PASSCODE_TITLE, button, dialogWith } from './anchors';
import type { AnchorAlt, Rule, Step } from './schema';

/** Where the code, consent and passcode dialogs can show: VNeID itself or a portal page. */
const MODAL_PAGES = ['vneid.login', 'dvcqg.home', 'dvcqg.search', 'dvcqg.detail', 'dvcqg.form', 'lienthong.home', 'lienthong.declare'] as const;
const OTP = dialogWith(OTP_MARKERS);
/** The consent button: "Xác nhận chia sẻ thông tin để đăng nhập" is another sentence and must not match (§4.3). */
const CONSENT: AnchorAlt[] = [
  { role: 'button', text: ['Xác nhận chia sẻ'], match: 'exact' },
  { role: 'button', text: ['Xác nhận chia sẻ'], within: [{ role: 'text', text: [CONSENT_MARKER] }], without: ['đăng nhập'] },
];
const PASSCODE = dialogWith([PASSCODE_TITLE], 'exact');
/** The consent sentence the volunteer reads out (§4.3). */
const CONSENT_TEXT: AnchorAlt[] = [{ role: 'text', text: [CONSENT_MARKER] }];
const appears = (anchor: AnchorAlt[]): Rule => ({ kind: 'appears', anchor });

/**
 * The consent is answered when what follows it shows, never on the click alone: without the tick
 * VNeID refuses "Xác nhận chia sẻ" and the dialog stays (the fixture models it).
 */
const AFTER_CONSENT: Rule[] = [appears(PASSCODE), LOGGED_IN_DONE];

/** Any login dialog is showing: "Đăng nhập" was pressed even if the page did not change. */
export const LOGIN_MODAL_OPEN: Rule[] = [appears(OTP), appears(CONSENT), appears(PASSCODE)];

export function vneidSteps(): Step[] {
  return [
    {
      id: 'vneid.method',
      surfaces: ['vneid.login'],
      title: 'Đăng nhập VNeID',
      hint: 'Người dân mở ứng dụng VNeID trên điện thoại và quét mã QR; hoặc tự nhập số định danh và mật khẩu rồi bấm “Đăng nhập”.',
      details: ['Mã QR hết hạn thì bấm “Tải lại”.', 'Mật khẩu do người dân tự gõ; Trợ lý không đọc và không lưu.'],
      sensitive: true,
      inFrames: true,
      anchor: {
        kind: 'nút',
        text: 'Đăng nhập',
        alts: [
          { role: 'button', text: ['Đăng nhập'], match: 'exact' },
          { css: 'img[alt="qr_images"]', note: '2026-11: VNeID QR image' },
        ],
      },
      complete: [...LOGIN_MODAL_OPEN, { kind: 'page', surfaces: ['dvcqg.sso', 'dvcqg.home', 'dvcqg.detail', 'dvcqg.form', 'dvcqg.search'] }, { kind: 'appears', anchor: LOGGED_IN }],
    },
    {
      id: 'vneid.otp',
      surfaces: [...MODAL_PAGES],
      title: 'Mã xác nhận 6 số',
      hint: 'Người dân đọc mã xác nhận 6 số trong tin nhắn hoặc ứng dụng VNeID và tự nhập, rồi bấm “Xác nhận”.',
      details: ['Trợ lý không đọc mã này.'],
      sensitive: true,
      optional: true,
      inFrames: true,
      anchor: { kind: 'hộp', text: 'Mã xác nhận', alts: OTP },
      // Leaving VNeID for the portal also ends it: the consent may then show over the portal (§4.5).
      complete: [appears(CONSENT), appears(PASSCODE), { kind: 'page', surfaces: ['dvcqg.sso'] }, LOGGED_IN_DONE],
    },
    {
      id: 'vneid.consent',
      surfaces: [...MODAL_PAGES],
      title: 'Đồng ý chia sẻ dữ liệu',
      hint: 'Đọc cho người dân nghe nội dung chia sẻ dữ liệu. Người dân đồng ý thì tích ô “Tôi đã đọc và hiểu rõ…” và bấm “Xác nhận chia sẻ”.',
      details: ['Trên trang của cổng, tên tài khoản có thể đã hiện mà hộp này vẫn còn: vẫn phải trả lời hộp.'],
      sensitive: true,
      optional: true,
      inFrames: true,
      anchor: { kind: 'nút', text: 'Xác nhận chia sẻ', alts: CONSENT },
      refers: CONSENT_TEXT,
      complete: AFTER_CONSENT,
    },
    {
      id: 'vneid.passcode',
      surfaces: [...MODAL_PAGES],
      title: 'Passcode VNeID',
      hint: 'Người dân tự nhập passcode VNeID 6 số rồi bấm “Xác nhận”. Không đọc to, không ghi lại passcode.',
      sensitive: true,
      optional: true,
      inFrames: true,
      anchor: { kind: 'hộp', text: 'Nhập passcode', alts: PASSCODE },
      complete: [LOGGED_IN_DONE],
    },
  ];
}

/** The second consent and passcode when a justice procedure moves to the Ministry's system (§4.7). */
export function mojConsentSteps(): Step[] {
  return [
    {
      id: 'vneid.moj-consent',
      surfaces: ['vneid.login'],
      title: 'Chia sẻ dữ liệu sang Bộ Tư pháp',
      hint: 'Thủ tục này xử lý trên hệ thống của Bộ Tư pháp: người dân đồng ý lần nữa bằng “Xác nhận chia sẻ”, rồi nhập lại passcode.',
      sensitive: true,
      inFrames: true,
      anchor: { ...button('Xác nhận chia sẻ'), alts: CONSENT },
      refers: CONSENT_TEXT,
      complete: [appears(PASSCODE), { kind: 'page', surfaces: ['moj.handoff', 'moj.wizard'] }],
    },
    {
      id: 'vneid.moj-passcode',
      surfaces: ['vneid.login'],
      title: 'Passcode lần hai',
      hint: 'Người dân tự nhập lại passcode VNeID rồi bấm “Xác nhận”.',
      sensitive: true,
      optional: true,
      inFrames: true,
      anchor: { kind: 'hộp', text: 'Nhập passcode', alts: PASSCODE },
      complete: [{ kind: 'page', surfaces: ['moj.handoff', 'moj.wizard'] }],
    },
  ];
}
