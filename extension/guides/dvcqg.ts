/**
 * The national-portal flow (portals.md §2.5, §3.1, §3.2, §6) as data: shared steps, filled in with
 * the procedure's own names and documents by `dvcqgSteps()`.
 */
import { LOGGED_IN, UPLOADED_FILE, button } from './anchors';
import type { Rule, Step } from './schema';
import type { ProcedureLike } from './procedure-like';
import { PROCEDURE_NOTES } from './procedure-notes';
import { LOGIN_MODAL_OPEN, vneidSteps } from './vneid';

/** Pages with the portal header and its "Đăng nhập" button. */
const HEADER_PAGES = ['dvcqg.home', 'dvcqg.search', 'dvcqg.catalogue', 'dvcqg.online', 'dvcqg.detail'] as const;

const AGENCY_CARD = [{ role: 'heading' as const, text: ['Chọn cơ quan thực hiện'] }];

const loggedIn: Rule = { kind: 'appears', anchor: LOGGED_IN };

/** "Giấy chứng sinh (không có: …)" → "Giấy chứng sinh": the words a row of "Thành phần hồ sơ" starts with. */
export function documentKey(doc: string): string {
  const cut = doc.split(/\s*(?:\(|;|,|\bnếu\b|\bhoặc\b|\bkhông\b)/u)[0] ?? doc;
  return cut.trim() || doc.trim();
}

export function isOptionalDocument(doc: string): boolean {
  return /\bnếu\b|\(nếu|nếu có/iu.test(doc);
}

/** Names the portal may print for the procedure ("Thủ tục đăng ký khai sinh" → also "Đăng ký khai sinh"). */
export function procedureTitles(p: ProcedureLike): string[] {
  const strip = (n: string) => n.replace(/^thủ tục\s+/iu, '');
  const names = [p.officialName, strip(p.officialName), p.nameInLetter, strip(p.nameInLetter)];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

export function displayName(p: ProcedureLike): string {
  const n = p.nameInLetter.replace(/^thủ tục\s+/iu, '');
  return n.charAt(0).toUpperCase() + n.slice(1);
}

export function loginStart(): Step {
  return {
    id: 'login.start',
    surfaces: [...HEADER_PAGES],
    title: 'Đăng nhập bằng VNeID của người dân',
    hint: 'Bấm “Đăng nhập” ở góc trên bên phải. Đăng nhập bằng tài khoản VNeID của chính người dân, không dùng tài khoản của bạn.',
    details: ['Nếu người dân đã đăng nhập, bước này tự qua.'],
    anchor: button('Đăng nhập'),
    complete: [{ kind: 'page', surfaces: ['vneid.login', 'vneid.oldIdp'] }, loggedIn, ...LOGIN_MODAL_OPEN],
  };
}

export function dvcqgSteps(p: ProcedureLike): Step[] {
  const name = displayName(p);
  const titles = procedureTitles(p);
  const notes = PROCEDURE_NOTES[p.id] ?? {};
  const codeNote = p.code ? ` (mã ${p.code})` : '';
  const variants = ['có yếu tố nước ngoài', 'đăng ký lại'].filter((v) => !name.toLowerCase().includes(v));

  const steps: Step[] = [
    loginStart(),
    ...vneidSteps(),
    {
      id: 'find.search',
      surfaces: ['dvcqg.home', 'dvcqg.online'],
      title: 'Tìm thủ tục',
      hint: `Gõ “${notes.searchWords ?? name}” vào ô tìm kiếm rồi nhấn Enter.`,
      anchor: {
        kind: 'ô',
        text: 'Tìm kiếm',
        alts: [
          { role: 'textbox', label: ['Tìm kiếm thủ tục', 'Tìm kiếm', 'Nhập từ khóa', 'Nhập tên thủ tục'] },
          { css: 'input[type="search"]' },
        ],
      },
      complete: [{ kind: 'page', surfaces: ['dvcqg.search', 'dvcqg.catalogue', 'dvcqg.detail'] }],
    },
    {
      id: 'find.pick',
      surfaces: ['dvcqg.search', 'dvcqg.catalogue'],
      title: 'Chọn đúng thủ tục',
      hint: `Bấm vào đúng thủ tục “${name}”${codeNote}.`,
      details: variants.length ? [`Không chọn các mục ${variants.map((v) => `“${v}”`).join(' hay ')}: đó là thủ tục khác.`] : undefined,
      anchor: {
        kind: 'liên kết',
        text: name,
        alts: [
          { role: 'link', text: titles, match: 'exact' },
          { role: 'heading', text: titles, match: 'exact' },
        ],
      },
      complete: [{ kind: 'page', surfaces: ['dvcqg.detail'] }],
    },
    {
      id: 'agency.province',
      surfaces: ['dvcqg.detail'],
      title: 'Chọn Tỉnh/Thành phố',
      hint: 'Trong khung “Chọn cơ quan thực hiện”, bấm ô thứ nhất, gõ vài chữ tên tỉnh (ví dụ “Thái Nguyên”) vào ô tìm kiếm rồi chọn.',
      anchor: {
        kind: 'ô',
        text: 'Chọn Tỉnh/Thành phố',
        alts: [
          { role: 'combobox', within: AGENCY_CARD, nth: 0, note: '2026-11: first picker of the agency card (AFH agency-select.js)' },
          { role: 'combobox', label: ['Tỉnh/Thành phố', 'Chọn Tỉnh'] },
        ],
      },
      complete: [{ kind: 'filled' }],
    },
    {
      id: 'agency.ward',
      surfaces: ['dvcqg.detail'],
      title: 'Chọn Phường/Xã',
      hint: 'Bấm ô thứ hai và gõ tên phường/xã nơi người dân cư trú rồi chọn. Nếu có lựa chọn “Sở”, hãy để “Phường/Xã”.',
      anchor: {
        kind: 'ô',
        text: 'Chọn Phường/Xã',
        alts: [
          { role: 'combobox', within: AGENCY_CARD, nth: 1 },
          { role: 'combobox', label: ['Phường/Xã', 'Chọn Phường'] },
        ],
      },
      complete: [{ kind: 'filled' }],
    },
    {
      id: 'agency.confirm',
      surfaces: ['dvcqg.detail'],
      title: 'Xác nhận cơ quan',
      hint: 'Bấm “Nộp hồ sơ” (có nơi ghi “Đồng ý”) để xem danh sách nơi nhận hồ sơ.',
      anchor: {
        kind: 'nút',
        text: 'Nộp hồ sơ',
        alts: [
          { role: 'button', text: ['Nộp hồ sơ', 'Đồng ý'], match: 'exact', within: AGENCY_CARD },
          { css: 'button[type="submit"]', within: AGENCY_CARD },
        ],
      },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: [{ role: 'button', text: ['Nộp trực tuyến'], match: 'exact' }] }],
    },
    {
      id: 'agency.card',
      surfaces: ['dvcqg.detail'],
      title: 'Chọn thẻ của phường/xã',
      hint: 'Trong “Danh sách dịch vụ công”, tìm thẻ của UBND phường/xã (không phải thẻ của Sở) và bấm “Nộp trực tuyến”.',
      details: ['Danh sách hiện dần; chờ vài giây nếu chưa thấy thẻ của phường.'],
      anchor: {
        kind: 'nút',
        text: 'Nộp trực tuyến',
        alts: [
          {
            role: 'button',
            text: ['Nộp trực tuyến'],
            match: 'exact',
            within: [{ role: 'text', text: ['Ủy ban nhân dân phường', 'Ủy ban nhân dân xã', 'UBND phường', 'UBND xã'] }],
            note: '2026-11: one card per agency, ward and Sở cards look alike (portals.md §3.1)',
          },
        ],
      },
      complete: [
        { kind: 'page', surfaces: ['dvcqg.form', 'vneid.login', 'moj.handoff', 'moj.wizard', 'lienthong.home', 'lienthong.declare', 'thainguyen.submit'] },
      ],
    },
    {
      id: 'form.fields',
      surfaces: ['dvcqg.form'],
      title: 'Điền tờ khai',
      hint: 'Điền mọi ô có dấu *. Thông tin người đi đăng ký đã lấy sẵn từ VNeID: đọc lại cùng người dân.',
      details: ['Ngày tháng gõ theo dạng ngày/tháng/năm, ví dụ 05/03/2026.'],
      anchor: {
        kind: 'mục',
        text: 'Thông tin tờ khai',
        alts: [
          { css: '.sd-body', note: '2026-11: SurveyJS form body (AFH fill-surveyjs.js)' },
          { role: 'heading', text: ['Thông tin tờ khai', 'Tờ khai'] },
        ],
      },
      complete: [{ kind: 'filled' }, { kind: 'confirm' }],
    },
  ];

  p.documents.forEach((doc, i) => {
    const key = documentKey(doc);
    const optional = isOptionalDocument(doc);
    // The row whose first words are the document's name: a file named "giay-chung-sinh.pdf" in
    // another row must not count as this row.
    const row = [{ role: 'row' as const, text: [key], match: 'start' as const }];
    steps.push({
      id: `form.doc-${i + 1}`,
      surfaces: ['dvcqg.form'],
      title: `Tải lên: ${key}`,
      hint: `Ở dòng “${key}” của Thành phần hồ sơ, bấm “Tải lên file” và chọn ${notes.docHints?.[i] ?? `ảnh chụp rõ hoặc bản quét ${key.toLowerCase()}`}.${optional ? ' Không có thì bấm “Bỏ qua”.' : ''}`,
      details: [`Giấy tờ: ${doc}.`, 'Tệp PDF, JPG hoặc PNG, mỗi tệp dưới 2 MB.'],
      optional: optional || undefined,
      anchor: {
        kind: 'nút',
        text: 'Tải lên file',
        alts: [
          { role: 'button', label: ['Tải lên file'], within: row, note: '2026-11: button[title="Tải lên file"] in each row' },
          { role: 'button', text: ['Tải lên file', 'Tải lên'], within: row },
        ],
      },
      complete: [{ kind: 'appears', anchor: [{ ...UPLOADED_FILE, within: row }] }, { kind: 'confirm' }],
      explainToasts: UPLOAD_TOASTS,
    });
  });

  steps.push(
    {
      id: 'form.receive',
      surfaces: ['dvcqg.form'],
      title: 'Chọn hình thức nhận kết quả',
      hint: 'Chọn cách người dân nhận kết quả, rồi bấm “Xong”.',
      details: [
        '“Trả kết quả tại bộ phận tiếp nhận và trả kết quả”: người dân đến UBND phường nhận bản giấy.',
        '“Trả kết quả qua đường bưu điện”: gửi về nhà, có phí bưu chính; phải điền địa chỉ nhận.',
        '“Trả kết quả trên môi trường mạng”: bản điện tử có ký số, xem trong tài khoản dịch vụ công.',
      ],
      anchor: {
        kind: 'ô',
        text: 'Hình thức nhận kết quả',
        alts: [
          { css: '.cc-select-wrapper', within: [{ role: 'text', text: ['Hình thức nhận kết quả'] }], note: '2026-11: custom select (portals.md §3.2)' },
          { role: 'combobox', label: ['Hình thức nhận kết quả'] },
        ],
      },
      complete: [{ kind: 'confirm' }],
    },
    {
      id: 'form.submit',
      surfaces: ['dvcqg.form'],
      title: 'Nộp hồ sơ',
      hint: 'Đọc lại cùng người dân rồi bấm “Lưu và nộp hồ sơ”. Nút “Lưu hồ sơ” chỉ lưu nháp: hồ sơ CHƯA được gửi.',
      anchor: button('Lưu và nộp hồ sơ'),
      complete: [
        { kind: 'appears', anchor: [{ role: 'text', text: ['Mã hồ sơ', 'Số hồ sơ'], match: 'start' }] },
        { kind: 'toast', text: ['Nộp hồ sơ thành công'] },
      ],
      explainToasts: [...UPLOAD_TOASTS, ...SUBMIT_TOASTS],
    },
    captureStep('form.done', ['dvcqg.form', 'dvcqg.lookup']),
  );
  return steps;
}

export function captureStep(id: string, surfaces: Step['surfaces'], dueLabels?: string[]): Step {
  return {
    id,
    surfaces,
    title: 'Lưu mã hồ sơ',
    hint: 'Hồ sơ đã gửi. Kiểm tra mã hồ sơ bên dưới với màn hình, sửa nếu khác, rồi bấm “Xác nhận mã hồ sơ”.',
    anchor: {
      kind: 'dòng',
      text: 'Mã hồ sơ',
      alts: [{ role: 'text', text: ['Mã hồ sơ', 'Số hồ sơ'], match: 'start' }],
    },
    capture: { labels: ['Mã hồ sơ', 'Số hồ sơ'], ...(dueLabels ? { dueLabels } : {}) },
    complete: [{ kind: 'confirm' }],
  };
}

const UPLOAD_TOASTS = [
  { text: ['nhỏ hơn 2MB', 'nhỏ hơn 2 MB', 'dung lượng'], explain: 'Tệp quá lớn. Chụp lại ảnh nhỏ hơn hoặc nén tệp PDF xuống dưới 2 MB rồi tải lên lại.' },
  { text: ['đúng định dạng'], explain: 'Sai loại tệp. Chỉ dùng tệp PDF, JPG, PNG (hoặc ZIP nếu cổng cho phép).' },
];
const SUBMIT_TOASTS = [
  {
    text: ['bắt buộc', 'Vui lòng nhập', 'Vui lòng tải', 'Vui lòng chọn'],
    explain: 'Còn thiếu thông tin: xem lại các ô có dấu * và các dòng Thành phần hồ sơ có dấu *, rồi bấm nộp lại.',
  },
  { text: ['phiên đăng nhập', 'hết hạn'], explain: 'Phiên đăng nhập đã hết. Đăng nhập lại bằng VNeID của người dân; phần đã lưu nháp vẫn còn.' },
];
