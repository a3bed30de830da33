/**
 * The practice VNeID login, standing for sso.dancuquocgia.gov.vn. Its structure follows the same
 * evidence as the VNeID fixture (docs/portal-evidence.md §4: "đăng nhập" with the QR image, the
 * "Nhập mã xác nhận đăng nhập" dialog, the consent with its check box and "Xác nhận chia sẻ", the
 * "Nhập passcode" box without Ant classes, an old dialog left hidden, back to redirect_uri with a
 * code, the second consent for the Ministry's system), so the real guide steps run on it. Unlike
 * the fixture it never asks for a password: a made-up number and any code (fake-login.ts), and
 * every screen says that nothing is real.
 */
import { checkMadeUpId, checkOtp, checkPasscode, checkPracticeCode, EXAMPLE_ID, PRACTICE_PASSCODE, type Check } from './fake-login';
import type { Sandbox } from './sandbox';

type Child = Node | string | null | false;

function el(doc: Document, tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

const STYLE = `
body { font: 16px/1.5 Arial, sans-serif; margin: 0; background: #f3f3f3; }
.card { max-width: 440px; margin: 32px auto; background: #fff; padding: 24px; border-radius: 8px; }
.fake { border: 2px dashed #b54708; background: #fff4e5; color: #3d1d00; padding: 8px 12px; border-radius: 6px; margin: 8px 0; }
.ant-modal-root { position: fixed; inset: 0; background: #0007; z-index: 1000; display: flex; align-items: center; justify-content: center; }
.ant-modal-content, .passcode-box { background: #fff; padding: 24px; border-radius: 8px; width: min(440px, 92vw); }
label { display: block; margin-top: 12px; } input { font: inherit; padding: 6px; }
.otp input { width: 36px; text-align: center; margin: 2px; } .error { color: #8c1d18; font-weight: 700; }
button { font: inherit; min-height: 44px; padding: 6px 16px; margin-top: 12px; }
`;

const QR = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='160' height='160'%3E%3Crect width='160' height='160' fill='%23ddd'/%3E%3Cpath d='M10 10L150 150M150 10L10 150' stroke='%23b54708' stroke-width='8'/%3E%3C/svg%3E";

export function renderFakeVneid(doc: Document, sb: Sandbox): void {
  const params = new URLSearchParams(sb.location.search);
  const redirect = params.get('redirect_uri') || 'https://dichvucong.gov.vn/sso';
  const ministry = params.get('client_id') === 'btp-tthc';
  const system = ministry ? 'Hệ thống giải quyết TTHC Bộ Tư pháp' : 'Cổng Dịch vụ công quốc gia';
  const signedIn = sb.cookies.read().split('; ').includes('vneid_sess=1');

  doc.documentElement.lang = 'vi';
  doc.title = 'Đăng nhập VNeID (bản tập luyện)';
  doc.head.append(el(doc, 'style', {}, STYLE));

  const error = () => el(doc, 'p', { class: 'error', role: 'alert' });
  const say = (box: HTMLElement, check: Check) => {
    box.textContent = check.ok ? '' : check.message;
    return check.ok;
  };
  const goBack = () => {
    sb.cookies.write('vneid_sess=1; path=/; secure');
    const back = new URL(redirect);
    back.searchParams.set('code', 'practice-code');
    back.searchParams.set('state', params.get('state') || '');
    sb.location.href = back.href;
  };
  const modal = el(doc, 'div', { id: 'modal' });
  const show = (content: HTMLElement, plain = false) => {
    const box = plain ? el(doc, 'div', { class: 'passcode-box' }, content) : el(doc, 'div', { class: 'ant-modal-content', role: 'dialog', 'aria-modal': 'true' }, content);
    modal.replaceChildren(el(doc, 'div', { class: 'ant-modal-root' }, box));
    box.querySelector<HTMLElement>('input')?.focus();
  };

  const passcode = () => {
    const input = el(doc, 'input', { name: 'passcode', type: 'number', inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
    const err = error();
    const ok = el(doc, 'button', { type: 'button' }, 'Xác nhận');
    ok.addEventListener('click', () => say(err, checkPasscode(input.value)) && goBack());
    show(el(doc, 'div', {}, el(doc, 'div', {}, 'Nhập passcode'), el(doc, 'p', { class: 'fake' }, `Bản tập luyện: gõ passcode tập luyện ${PRACTICE_PASSCODE}. Không bao giờ gõ passcode thật.`), input, err, ok), true);
  };
  const consent = () => {
    const box = el(doc, 'input', { type: 'checkbox', id: 'agree' }) as HTMLInputElement;
    const err = error();
    const ok = el(doc, 'button', { type: 'button' }, 'Xác nhận chia sẻ');
    ok.addEventListener('click', () => (box.checked ? passcode() : (err.textContent = 'Chưa tích ô đồng ý: người dân nghe nội dung chia sẻ dữ liệu và tự đồng ý trước.')));
    show(
      el(doc, 'div', {},
        el(doc, 'div', {}, el(doc, 'b', {}, 'Xác nhận chia sẻ thông tin')),
        el(doc, 'p', {}, `Xác nhận chia sẻ thông tin để đăng nhập ${system}`),
        el(doc, 'label', {}, box, ' Tôi đã đọc và hiểu rõ nội dung mục đích; Quyền, nghĩa vụ của chủ thể dữ liệu và đồng ý với các nội dung này.'),
        el(doc, 'p', { class: 'fake' }, 'Bản tập luyện: không có dữ liệu thật nào được chia sẻ.'),
        err,
        ok,
      ),
    );
  };
  const otp = () => {
    const boxes = [1, 2, 3, 4, 5, 6].map((n) => el(doc, 'input', { name: `otp${n}`, inputmode: 'numeric', maxlength: '1', autocomplete: 'off', 'aria-label': `Số thứ ${n}` }) as HTMLInputElement);
    const err = error();
    const ok = el(doc, 'button', { type: 'button' }, 'Xác nhận');
    ok.addEventListener('click', () => say(err, checkOtp(boxes.map((b) => b.value))) && consent());
    show(el(doc, 'div', {}, el(doc, 'div', {}, 'Nhập mã xác nhận đăng nhập'), el(doc, 'p', { class: 'fake' }, 'Bản tập luyện: không có tin nhắn thật nào. Gõ 6 chữ số bất kỳ.'), el(doc, 'div', { class: 'otp' }, ...boxes), err, ok));
  };

  const id = el(doc, 'input', { id: 'username', name: 'username', type: 'text', inputmode: 'numeric', autocomplete: 'off' }) as HTMLInputElement;
  const code = el(doc, 'input', { id: 'practice-code', name: 'practice-code', type: 'text', autocomplete: 'off' }) as HTMLInputElement;
  const loginError = error();
  const form = el(doc, 'form', { id: 'login' },
    el(doc, 'label', {}, `Số định danh cá nhân (số bịa 12 chữ số, ví dụ ${EXAMPLE_ID}) `, id),
    el(doc, 'label', {}, 'Mã tập luyện (gõ gì cũng được, không phải mật khẩu) ', code),
    loginError,
    el(doc, 'button', { type: 'submit' }, 'Đăng nhập'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (say(loginError, checkMadeUpId(id.value)) && say(loginError, checkPracticeCode(code.value))) otp();
  });
  const card = el(doc, 'div', { class: 'card', id: 'card' },
    el(doc, 'div', { class: 'title' }, el(doc, 'b', {}, 'Đăng nhập bằng tài khoản định danh điện tử')),
    el(doc, 'p', { class: 'fake' }, 'Màn hình đăng nhập GIẢ, chỉ để tập. Không gõ số định danh, mật khẩu hay passcode thật của bất kỳ ai.'),
    el(doc, 'img', { alt: 'qr_images', width: '120', height: '120', src: QR }),
    el(doc, 'p', {}, 'Bản tập luyện không có mã QR thật: không quét bằng ứng dụng VNeID.'),
    form,
  );
  // An old dialog left hidden in the page, as on VNeID (§4): it must not count.
  const stale = el(doc, 'div', { class: 'ant-modal-content', role: 'dialog', style: 'display:none' }, el(doc, 'div', {}, 'Nhập mã xác nhận đăng nhập'), el(doc, 'button', { type: 'button' }, 'Xác nhận'));
  doc.body.replaceChildren(card, stale, modal);
  if (signedIn && ministry) {
    card.hidden = true;
    consent();
  }
}
