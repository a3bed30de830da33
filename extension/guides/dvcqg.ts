/**
 * The national-portal flow up to the dossier (docs/portal-evidence.md §1, §2) as data: login,
 * finding the procedure, the "Chọn cơ quan thực hiện" block in its three shapes (two pickers, one
 * picker, the Phường/Xã | Sở toggle), the service cards, and the "Thông tin chung" step that some
 * procedures show on dichvucong.gov.vn itself. The form steps are in form.ts.
 */
import { LOGGED_IN, button } from './anchors';
import type { ProcedureLike } from './procedure-like';
import { PROCEDURE_NOTES, type AgencyNote } from './procedure-notes';
import type { AnchorAlt, Rule, Step } from './schema';
import { LOGIN_MODAL_OPEN } from './vneid';

/** Pages with the portal header and its "Đăng nhập" button. */
const HEADER_PAGES = ['dvcqg.home', 'dvcqg.search', 'dvcqg.catalogue', 'dvcqg.online', 'dvcqg.detail'] as const;

/** The block is found by its title, whatever element carries it (a plain div on the portal, §1.2). */
export const AGENCY_TITLE: AnchorAlt = { role: 'text', text: ['Chọn cơ quan thực hiện'], note: '2026-11: title div of the agency card (AFH agency-auto-select mini-DOM)' };
const AGENCY_CARD = [AGENCY_TITLE];
/** Pickers by slot, over both forms a picker takes: the empty listbox button and the chosen text input (§1.4). */
const picker = (nth: number): AnchorAlt => ({ role: 'field', within: AGENCY_CARD, nth, note: '2026-11: pickers by document order (AFH agency-select.js)' });
const PROVINCE = [picker(0)];
const SECOND = [picker(1)];
/** "Phường/Xã | Sở": radios labelled by their text (§1.5). */
const scopeRadio = (label: string): AnchorAlt => ({ role: 'radio', label: [label], match: 'exact', within: AGENCY_CARD });
/** The line every service card carries: "Cơ quan thực hiện: <agency>" (§1.7). */
const CARD_LINE: AnchorAlt = { role: 'text', text: ['Cơ quan thực hiện'] };
const WARD_AGENCY = [
  'UBND phường', 'UBND xã', 'UBND đặc khu', 'Ủy ban nhân dân phường', 'Ủy ban nhân dân xã', 'Ủy ban nhân dân đặc khu',
  'Cơ quan thực hiện: Phường', 'Cơ quan thực hiện: Xã', 'Cơ quan thực hiện: Đặc khu',
];
const SUBMIT_ONLINE = ['Nộp trực tuyến'];

/** The "Thông tin chung" step: a dialog or a section with one confirm button (§2.1). */
export const INFO_CONFIRM: AnchorAlt[] = [
  { css: '[data-e2e="confirm-button-information"]', note: '2026-11: tro-ly portal-dvc.js' },
  { role: 'button', text: ['Xác nhận', 'Đồng ý', 'Tiếp tục'], match: 'exact', within: [{ role: 'dialog', text: ['Thông tin chung'] }] },
  // The section form: a short title in the same block as its one "Xác nhận" button.
  { role: 'button', text: ['Xác nhận'], match: 'exact', within: [{ role: 'text', text: ['Thông tin chung'], match: 'exact' }] },
];
/** Markers of the owner step that follows it (§2.2). */
export const OWNER_STEP: AnchorAlt[] = [{ role: 'text', text: ['Thông tin chủ hồ sơ'] }];

const loggedIn: Rule = { kind: 'appears', anchor: LOGGED_IN };

export function procedureTitles(p: ProcedureLike): string[] {
  const strip = (n: string) => n.replace(/^thủ tục\s+/iu, '');
  const names = [p.officialName, strip(p.officialName), p.nameInLetter, strip(p.nameInLetter), ...(PROCEDURE_NOTES[p.id]?.portalNames ?? [])];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

export function displayName(p: ProcedureLike): string {
  const n = p.nameInLetter.replace(/^\(bổ sung\)\s*/iu, '').replace(/^thủ tục\s+/iu, '');
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
    inFrames: true,
    complete: [{ kind: 'page', surfaces: ['vneid.login', 'vneid.oldIdp'] }, loggedIn, ...LOGIN_MODAL_OPEN],
  };
}

export function findSteps(p: ProcedureLike): Step[] {
  const name = displayName(p);
  const notes = PROCEDURE_NOTES[p.id] ?? {};
  const codeNote = p.code ? ` (mã ${p.code})` : '';
  const variants = ['có yếu tố nước ngoài', 'đăng ký lại'].filter((v) => !name.toLowerCase().includes(v));
  const titles = procedureTitles(p);
  return [
    {
      id: 'find.search',
      surfaces: ['dvcqg.home', 'dvcqg.online'],
      title: 'Tìm thủ tục',
      hint: `Gõ “${notes.searchWords ?? name}” vào ô tìm kiếm rồi nhấn Enter.`,
      // The home search box is not evidenced (§8): a labelled box, a search input, else the page's first text box.
      anchor: {
        kind: 'ô',
        text: 'Tìm kiếm',
        alts: [
          { role: 'textbox', label: ['Tìm kiếm thủ tục', 'Tìm kiếm', 'Nhập từ khóa', 'Nhập tên thủ tục', 'Tra cứu'] },
          { css: 'input[type="search"], [role="search"] input, [role="searchbox"]' },
          { role: 'textbox', within: [{ css: 'main' }] },
          { role: 'textbox' },
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
      // The results markup is not evidenced (§8): a link named exactly, or the exact title inside a card.
      anchor: {
        kind: 'liên kết',
        text: name,
        alts: [
          { role: 'link', text: titles, match: 'exact' },
          { role: 'heading', text: titles, match: 'exact' },
          { role: 'text', text: titles, match: 'exact' },
        ],
      },
      complete: [{ kind: 'page', surfaces: ['dvcqg.detail'] }],
    },
  ];
}

/**
 * The agency block and the service cards. The block's shape is the portal's choice per procedure:
 * steps for parts the page does not show are passed over (`skipWhen`).
 */
export function agencySteps(p: ProcedureLike): Step[] {
  const agency: AgencyNote = PROCEDURE_NOTES[p.id]?.agency ?? { level: 'ward' };
  const department = agency.level === 'department';
  const cardWords = agency.card ?? WARD_AGENCY;
  const cardName = agency.name ?? (department ? 'Sở' : 'UBND phường/xã');
  const scope = department ? 'Sở' : 'Phường/Xã';
  const noToggle: Rule = { kind: 'all', rules: [{ kind: 'appears', anchor: AGENCY_CARD }, { kind: 'missing', anchor: [scopeRadio('Sở')] }] };
  const cardButton: AnchorAlt[] = [
    {
      role: 'button',
      text: SUBMIT_ONLINE,
      match: 'exact',
      within: [{ role: 'text', text: cardWords }],
      boundary: [CARD_LINE],
      note: '2026-11: one card per agency; the Sở card may come first (AFH agency-select.js, tro-ly agency-card-select test)',
    },
  ];
  return [
    {
      id: 'agency.scope',
      surfaces: ['dvcqg.detail'],
      title: `Chọn “${scope}”`,
      hint: department
        ? 'Trong khung “Chọn cơ quan thực hiện”, tích “Sở”: thủ tục này do Sở giải quyết.'
        : 'Trong khung “Chọn cơ quan thực hiện”, để lựa chọn “Phường/Xã” (không chọn “Sở”).',
      anchor: { kind: 'lựa chọn', text: scope, alts: [scopeRadio(scope), { role: 'text', text: [scope], match: 'exact', within: AGENCY_CARD }] },
      complete: [{ kind: 'filled' }],
      skipWhen: [noToggle],
      optional: true,
    },
    {
      id: 'agency.province',
      surfaces: ['dvcqg.detail'],
      title: 'Chọn Tỉnh/Thành phố',
      hint: 'Trong khung “Chọn cơ quan thực hiện”, bấm ô thứ nhất, gõ vài chữ tên tỉnh (ví dụ “Thái Nguyên”) vào ô tìm kiếm rồi chọn.',
      details: ['Danh sách dài: gõ vài chữ để lọc, rồi bấm vào tên tỉnh.'],
      anchor: { kind: 'ô', text: 'Chọn Tỉnh/Thành phố', alts: [...PROVINCE, { role: 'combobox', label: ['Tỉnh/Thành phố', 'Tỉnh/ Thành phố', 'Chọn Tỉnh'] }] },
      complete: [{ kind: 'filled' }],
    },
    {
      id: department ? 'agency.department' : 'agency.ward',
      surfaces: ['dvcqg.detail'],
      title: department ? 'Chọn Sở' : 'Chọn Phường/Xã',
      hint: department
        ? 'Bấm ô thứ hai và chọn đúng Sở giải quyết thủ tục (cổng có thể đã điền sẵn Sở đầu tiên: kiểm tra lại).'
        : 'Bấm ô thứ hai, gõ vài chữ tên phường/xã nơi người dân cư trú rồi chọn.',
      details: department
        ? undefined
        : ['Cổng có thể vẫn dùng tên phường/xã trước khi sáp nhập (7/2025), hoặc đã dùng tên mới: nếu không thấy tên này, thử tên kia.'],
      anchor: { kind: 'ô', text: department ? 'Chọn Sở' : 'Chọn Phường/Xã', alts: [...SECOND, { role: 'combobox', label: department ? ['Sở'] : ['Phường/Xã', 'Phường/ Xã', 'Chọn Phường'] }] },
      complete: [{ kind: 'filled' }],
      // One picker only (a province-level procedure, §1.5): nothing to choose here.
      skipWhen: [{ kind: 'all', rules: [{ kind: 'filled', anchor: PROVINCE }, { kind: 'missing', anchor: SECOND }] }],
    },
    {
      id: 'agency.confirm',
      surfaces: ['dvcqg.detail'],
      title: 'Xác nhận cơ quan',
      hint: 'Bấm “Nộp hồ sơ” (chưa đăng nhập thì nút ghi “Đồng ý”) để xem danh sách nơi nhận hồ sơ.',
      anchor: {
        kind: 'nút',
        text: 'Nộp hồ sơ',
        alts: [
          { role: 'button', text: ['Nộp hồ sơ', 'Đồng ý', 'Nộp trực tuyến'], match: 'exact', within: AGENCY_CARD },
          { css: 'button[type="submit"]', within: AGENCY_CARD },
        ],
      },
      complete: [{ kind: 'click' }, { kind: 'appears', anchor: cardButton, fresh: true }, { kind: 'page', surfaces: ['vneid.login'] }],
    },
    {
      id: 'agency.card',
      surfaces: ['dvcqg.detail'],
      title: department || agency.level === 'province' ? `Chọn thẻ của ${cardName}` : 'Chọn thẻ của phường/xã',
      hint: department || agency.level === 'province'
        ? `Trong “Danh sách dịch vụ công”, tìm thẻ có “Cơ quan thực hiện: ${cardName}” và bấm “Nộp trực tuyến” của thẻ đó.`
        : 'Trong “Danh sách dịch vụ công”, tìm thẻ của UBND phường/xã (không phải thẻ của Sở) và bấm “Nộp trực tuyến”.',
      details: ['Danh sách hiện dần; chờ vài giây nếu chưa thấy thẻ cần chọn.', 'Chưa đăng nhập thì cổng chưa hiện danh sách: đăng nhập trước.'],
      anchor: { kind: 'nút', text: 'Nộp trực tuyến', alts: cardButton },
      // The card's agency line, which the volunteer checks before pressing.
      refers: [CARD_LINE],
      landmark: cardButton,
      complete: [
        { kind: 'page', surfaces: ['dvcqg.form', 'vneid.login', 'moj.handoff', 'moj.wizard', 'lienthong.home', 'lienthong.declare', 'thainguyen.submit'] },
        { kind: 'appears', anchor: INFO_CONFIRM, fresh: true },
        { kind: 'appears', anchor: OWNER_STEP, fresh: true },
      ],
    },
  ];
}

/**
 * "Thông tin chung" and "Đối tượng thực hiện": on dichvucong.gov.vn itself for some procedures,
 * on the Ministry's wizard for others (§2.1, §6.1).
 */
export function infoStep(): Step {
  return {
    id: 'info.general',
    surfaces: ['dvcqg.detail', 'dvcqg.form', 'dvcqg.other', 'moj.wizard'],
    title: 'Thông tin chung: đối tượng thực hiện',
    hint: 'Ở “Đối tượng thực hiện” chọn “Làm thủ tục cho bản thân” khi người dân đang đăng nhập chính là người yêu cầu, rồi bấm “Xác nhận”.',
    details: [
      '“Người khác ủy quyền”: người đang đăng nhập làm thay theo giấy ủy quyền; phải có văn bản ủy quyền.',
      '“Làm thủ tục cho người khác”: chỉ khi pháp luật cho phép người thân đi đăng ký (ví dụ ông bà khai sinh cho cháu).',
      'Không đăng nhập bằng tài khoản của tình nguyện viên để làm hộ.',
    ],
    optional: true,
    anchor: { kind: 'nút', text: 'Xác nhận', alts: INFO_CONFIRM },
    refers: [{ role: 'text', text: ['Đối tượng thực hiện'] }],
    landmark: INFO_CONFIRM,
    complete: [{ kind: 'click' }, { kind: 'appears', anchor: OWNER_STEP, fresh: true }],
  };
}
