/** Anchors reused by several guides. Each alternative carries a dated note on where it comes from. */
import type { Anchor, AnchorAlt } from './schema';

/** Signs that a resident is logged in on the national portal (portals.md §2.5 step 6). */
export const LOGGED_IN: AnchorAlt[] = [
  { css: '.user-dropdown', note: '2026-11: React portal user menu (AFH portal-login.js)' },
  { css: '#account_name', note: '2026-11: Angular portals' },
  { role: 'button', text: ['Đăng xuất'], match: 'exact' },
  { role: 'link', text: ['Đăng xuất'], match: 'exact' },
];

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

/** A file name shown after an upload. */
export const UPLOADED_FILE: AnchorAlt = { role: 'text', textRegex: '\\.(pdf|jpe?g|png|docx?|zip)\\b' };

/** react-toastify toasts and generic alerts (portals.md §3.2). */
export const TOASTS: AnchorAlt[] = [
  { css: '.Toastify__toast', note: '2026-11: react-toastify on dichvucong.gov.vn' },
  { role: 'alert' },
];
