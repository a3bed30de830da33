/**
 * An Apps Script web app deployment URL: https://script.google.com/macros/s/<id>/exec,
 * or on Google Workspace https://script.google.com/a/macros/<domain>/s/<id>/exec.
 * Not /dev (that one needs the owner's login) and no query string.
 */
const EXEC_URL = /^https:\/\/script\.google\.com\/(?:a\/macros\/[a-z0-9.-]+|macros)\/s\/[A-Za-z0-9_-]{20,}\/exec$/;

export function validateEndpoint(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const url = input.trim();
  if (!url) return { ok: false, message: 'Chưa dán địa chỉ web của sổ.' };
  if (/\/dev(\?|$)/.test(url)) {
    return { ok: false, message: 'Đây là địa chỉ thử (/dev). Hãy dán địa chỉ của bản triển khai, kết thúc bằng /exec.' };
  }
  if (!EXEC_URL.test(url)) {
    return {
      ok: false,
      message: 'Địa chỉ web không đúng. Địa chỉ đúng có dạng https://script.google.com/macros/s/…/exec (tổ trưởng lấy ở mục Triển khai của sổ).',
    };
  }
  return { ok: true, url };
}
