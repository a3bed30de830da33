/**
 * The national one-page form `/nop-ho-so?formalityId=…` (docs/portal-evidence.md §3): the
 * SurveyJS declaration, one upload step per document row (SurveyJS or eForm tables, with or
 * without a leading STT cell), the result channel, the postal block, the submit, and the dossier
 * code wherever the portal shows it (a block, a toast then the account's dossier list).
 */
import { CODE_LABEL, CODE_LABELS, DOSSIER_CODE, FILE_NAME, UPLOADED_FILE, button } from './anchors';
import type { ProcedureLike } from './procedure-like';
import { PROCEDURE_NOTES } from './procedure-notes';
import type { AnchorAlt, Step } from './schema';

const FORM_PAGES = ['dvcqg.form'] as const;
/** After submitting: the form page, the lookup page, or whatever account page the portal opens. */
const AFTER_SUBMIT = ['dvcqg.form', 'dvcqg.lookup', 'dvcqg.other'] as const;

/** "Giấy chứng sinh (không có: …)" → "Giấy chứng sinh": the words a row of "Thành phần hồ sơ" names. */
export function documentKey(doc: string): string {
  const cut = doc.split(/\s*(?:\(|;|,|\bnếu\b|\bhoặc\b|\bkhông\b)/u)[0] ?? doc;
  return cut.trim() || doc.trim();
}

export function isOptionalDocument(doc: string): boolean {
  return /\bnếu\b|\(nếu|nếu có/iu.test(doc);
}

/**
 * The document's row: its name anywhere in the row (a leading STT cell is normal, §3.5), uploaded
 * or template file names not counted, the most exactly named row first.
 */
export function documentRow(key: string): AnchorAlt[] {
  return [{ role: 'row', text: [key], ignoreText: FILE_NAME, prefer: 'shortest' }];
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
/** Success toasts of a submission; "Lưu hồ sơ thành công" (a draft) is not one. */
const SUBMITTED = ['Nộp hồ sơ thành công', 'Gửi hồ sơ thành công', 'nộp thành công'];

function documentSteps(p: ProcedureLike): Step[] {
  const notes = PROCEDURE_NOTES[p.id] ?? {};
  return p.documents.map((doc, i) => {
    const key = documentKey(doc);
    const optional = isOptionalDocument(doc);
    const row = documentRow(key);
    return {
      id: `form.doc-${i + 1}`,
      surfaces: [...FORM_PAGES],
      title: `Tải lên: ${key}`,
      hint: `Ở dòng “${key}” của Thành phần hồ sơ, bấm nút tải lên (“Tải lên file” hoặc “Chọn tệp tin”) và chọn ${notes.docHints?.[i] ?? `ảnh chụp rõ hoặc bản quét ${key.toLowerCase()}`}.${optional ? ' Không có thì bấm “Bỏ qua”.' : ''}`,
      details: [`Giấy tờ: ${doc}.`, 'Tệp PDF, JPG hoặc PNG, mỗi tệp dưới 2 MB.'],
      optional: optional || undefined,
      anchor: {
        kind: 'nút',
        text: 'Tải lên file',
        alts: [
          { role: 'button', label: ['Tải lên file'], within: row, note: '2026-11: button[title="Tải lên file"], maybe icon-only (tro-ly fill-surveyjs.js)' },
          { role: 'button', text: ['Chọn tệp tin', 'Chọn tệp đính kèm', 'Tải lên file', 'Tải lên'], within: row, note: '2026-11: eForm rows (AFH attachment-row test)' },
        ],
      },
      // A file name new to the row: a template link already there, or the radio texts of "Loại bản", never count.
      complete: [{ kind: 'appears', anchor: [{ ...UPLOADED_FILE, within: row }], fresh: true }, { kind: 'confirm' }],
      explainToasts: UPLOAD_TOASTS,
    };
  });
}

export function formSteps(p: ProcedureLike): Step[] {
  return [
    {
      id: 'form.fields',
      surfaces: [...FORM_PAGES],
      title: 'Điền tờ khai',
      hint: 'Điền mọi ô có dấu *. Thông tin người đi đăng ký đã lấy sẵn từ VNeID: đọc lại cùng người dân.',
      details: ['Ngày tháng gõ theo dạng ngày/tháng/năm, ví dụ 05/03/2026.', 'Chọn “Quan hệ…” trước: đổi nó có thể xóa các ô đã điền bên dưới.'],
      // No heading over the form is evidenced (§3.1): the SurveyJS root, the visible copy.
      anchor: {
        kind: 'mục',
        text: 'Tờ khai',
        alts: [
          { css: '.sd-root-modern', note: '2026-11: SurveyJS form root (AFH fill-surveyjs.js)' },
          { css: '.sd-body' },
          { css: 'form', within: [{ role: 'text', text: ['Tờ khai', 'Thông tin tờ khai'] }] },
        ],
      },
      complete: [{ kind: 'filled' }, { kind: 'confirm' }],
    },
    ...documentSteps(p),
    {
      id: 'form.receive',
      surfaces: [...FORM_PAGES],
      title: 'Chọn hình thức nhận kết quả',
      hint: 'Hỏi người dân muốn nhận kết quả thế nào, chọn trong ô này, rồi bấm “Xong”.',
      details: [
        '“Trả kết quả tại bộ phận tiếp nhận và trả kết quả”: người dân đến UBND phường nhận bản giấy.',
        '“Trả kết quả qua đường bưu điện”: gửi về nhà, có phí bưu chính; phải điền địa chỉ nhận.',
        '“Trả kết quả trên môi trường mạng”: bản điện tử có ký số, xem trong tài khoản dịch vụ công.',
      ],
      anchor: {
        kind: 'ô',
        text: 'Hình thức nhận kết quả',
        alts: [
          { css: '.cc-select-wrapper', within: [{ role: 'text', text: ['Hình thức nhận kết quả'] }], note: '2026-11: custom select outside the SurveyJS form (AFH tu-phap-moi.js)' },
          { role: 'combobox', label: ['Hình thức nhận kết quả'] },
        ],
      },
      // The first choice is preselected: choosing another one completes the step, keeping it is confirmed.
      complete: [{ kind: 'changed', signature: [{ css: '.cc-select-selected-label' }] }, { kind: 'confirm' }],
    },
    {
      id: 'form.postal',
      surfaces: [...FORM_PAGES],
      title: 'Địa chỉ nhận kết quả qua bưu điện',
      hint: 'Điền họ tên, số điện thoại và địa chỉ người nhận ở “Thông tin nhận kết quả”, chọn đơn vị vận chuyển và nơi nhận.',
      anchor: { kind: 'ô', text: 'Họ tên người nhận', alts: [{ css: '#id-recipientName' }, { role: 'textbox', label: ['Họ tên người nhận', 'Người nhận'] }] },
      complete: [
        { kind: 'all', rules: [{ kind: 'filled', anchor: [{ css: '#id-recipientName' }] }, { kind: 'filled', anchor: [{ css: '#id-recipientPhone' }] }, { kind: 'filled', anchor: [{ css: '#id-recipientAddress' }] }] },
        { kind: 'confirm' },
      ],
      // Only for postal return: the block exists only after that choice (§3.7).
      skipWhen: [{ kind: 'missing', anchor: [{ css: '#id-recipientName' }] }],
    },
    {
      id: 'form.submit',
      surfaces: [...FORM_PAGES],
      title: 'Nộp hồ sơ',
      hint: 'Đọc lại cùng người dân rồi bấm “Lưu và nộp hồ sơ”. Nút “Lưu hồ sơ” chỉ lưu nháp: hồ sơ CHƯA được gửi.',
      anchor: button('Lưu và nộp hồ sơ'),
      // The success screen is not evidenced (§3.8): a toast, a block with the code, or another page.
      complete: [
        { kind: 'toast', text: SUBMITTED },
        { kind: 'appears', anchor: CODE_LABEL, fresh: true },
        { kind: 'appears', anchor: [{ role: 'text', text: SUBMITTED }], fresh: true },
        { kind: 'page', surfaces: ['dvcqg.other', 'dvcqg.lookup'] },
      ],
      explainToasts: [...UPLOAD_TOASTS, ...SUBMIT_TOASTS],
    },
    {
      id: 'form.code',
      surfaces: [...AFTER_SUBMIT],
      title: 'Tìm mã hồ sơ',
      hint: 'Hồ sơ đã nộp nhưng trang chưa hiện mã. Bấm vào tên tài khoản (góc trên) rồi “Dịch vụ công của tôi” / “Hồ sơ của tôi” để xem mã hồ sơ vừa nộp.',
      optional: true,
      anchor: {
        kind: 'mục',
        text: 'Dịch vụ công của tôi',
        alts: [
          { role: 'link', text: ['Dịch vụ công của tôi', 'Hồ sơ của tôi', 'Quản lý hồ sơ'] },
          { css: '.user-dropdown', note: '2026-11: React portal user menu (AFH portal-login.js)' },
        ],
      },
      complete: [{ kind: 'appears', anchor: CODE_LABEL }],
    },
    captureStep('form.done', [...AFTER_SUBMIT]),
  ];
}

export function captureStep(id: string, surfaces: Step['surfaces'], opts: { dueLabels?: string[]; details?: string[]; explainTexts?: Step['explainTexts'] } = {}): Step {
  return {
    id,
    surfaces,
    title: 'Lưu mã hồ sơ',
    hint: 'Hồ sơ đã gửi. Kiểm tra mã hồ sơ bên dưới với màn hình, sửa nếu khác, rồi bấm “Xác nhận mã hồ sơ”.',
    ...(opts.details ? { details: opts.details } : {}),
    anchor: { kind: 'dòng', text: 'Mã hồ sơ', alts: CODE_LABEL },
    refers: DOSSIER_CODE,
    capture: { labels: CODE_LABELS, ...(opts.dueLabels ? { dueLabels: opts.dueLabels } : {}) },
    complete: [{ kind: 'confirm' }],
    ...(opts.explainTexts ? { explainTexts: opts.explainTexts } : {}),
  };
}
