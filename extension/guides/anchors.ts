/** Anchors reused by several guides. Each alternative carries a dated note on where it comes from. */
import type { Anchor, AnchorAlt, Rule } from './schema';

/** Signs that a resident is logged in (docs/portal-evidence.md §4.6). */
export const LOGGED_IN: AnchorAlt[] = [
  { css: '.user-dropdown', note: '2026-11: React portal user menu (AFH portal-login.js)' },
  { css: '#account_name', note: '2026-11: Angular portals' },
  { role: 'button', text: ['Đăng xuất'], match: 'exact' },
  { role: 'link', text: ['Đăng xuất'], match: 'exact' },
];

/** Marker texts of the VNeID dialogs (§4.2–§4.4): the code, the consent and the passcode. */
export const OTP_MARKERS = ['Mã xác nhận đăng nhập', 'Nhập mã xác nhận'];
export const CONSENT_MARKER = 'Tôi đã đọc và hiểu rõ nội dung mục đích';
export const PASSCODE_TITLE = 'Nhập passcode';

/** A dialog box holding one of these texts, whether or not it carries dialog semantics. */
export function dialogWith(text: string[], match?: 'exact'): AnchorAlt[] {
  return [
    { role: 'dialog', text },
    { css: '.ant-modal-content', text, note: '2026-11: Ant Design modals (AFH vneid-sso.js)' },
    // The passcode modal may not carry Ant classes (§4.4): the marker itself.
    { role: 'text', text, ...(match ? { match } : {}) },
  ];
}

/** Any VNeID dialog still showing: while one does, a visible account name does not end the login (§4.5). */
export const VNEID_DIALOG: AnchorAlt[] = [
  ...dialogWith(OTP_MARKERS),
  { role: 'button', text: ['Xác nhận chia sẻ'], match: 'exact' },
  { role: 'text', text: [PASSCODE_TITLE], match: 'exact' },
];

/** Logged in, and no VNeID dialog left to answer. */
export const LOGGED_IN_DONE: Rule = { kind: 'all', rules: [{ kind: 'appears', anchor: LOGGED_IN }, { kind: 'missing', anchor: VNEID_DIALOG }] };

export function button(text: string, more: string[] = []): Anchor {
  return {
    kind: 'nút',
    text,
    alts: [
      { role: 'button', text: [text, ...more], match: 'exact' },
      { role: 'link', text: [text, ...more], match: 'exact' },
      { role: 'button', text: [text, ...more] },
    ],
  };
}

/** A text node that is a file name (an uploaded file, a template link): ends in a document extension. */
export const FILE_NAME = '\\.(pdf|jpe?g|png|heic|gif|docx?|xlsx?|zip|rar)\\s*$';
export const UPLOADED_FILE: AnchorAlt = { role: 'text', textRegex: FILE_NAME };

/** Labels a dossier code is printed after (§3.8, §5.5, §6.2, §7). */
export const CODE_LABELS = ['Mã hồ sơ', 'Số hồ sơ'];
export const CODE_LABEL: AnchorAlt[] = [{ role: 'text', text: CODE_LABELS, match: 'start' }];
/**
 * The code itself, which the volunteer compares (a step's `refers`, found nearest the label): a
 * code-like text beside the label or in the column under it, or the label's own "Mã hồ sơ: …".
 */
export const DOSSIER_CODE: AnchorAlt[] = [
  { role: 'text', textRegex: '^\\s*(?=\\S*\\d)[A-Za-z0-9][A-Za-z0-9.\\-_/]{3,}\\s*$' },
  { role: 'text', textRegex: '(?:Mã|Số) hồ sơ\\s*[:：]\\s*[A-Za-z0-9]' },
];
