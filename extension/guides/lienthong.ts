/**
 * Liên thông khai sinh – thường trú – (căn cước) – BHYT and khai tử – xóa thường trú – mai táng
 * (lienthong.dichvucong.gov.vn; docs/portal-evidence.md §5). Angular steps with `formcontrolname`
 * fields share one `#next` button, relabelled "Hoàn thành" on the last step; the address never
 * changes and no title is a heading, so a step is done when the fields on the page change after
 * "next", or when a field of the next step shows.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { LOGGED_IN, button } from './anchors';
import { captureStep } from './form';
import type { Anchor, AnchorAlt, Rule, Step } from './schema';
import { LOGIN_MODAL_OPEN, vneidSteps } from './vneid';

export type LienthongKind = 'khai-sinh' | 'khai-sinh-can-cuoc' | 'khai-tu';

const NEXT_ALTS: AnchorAlt[] = [
  { css: '#next', note: '2026-11: one shared next button on every step (AFH portal_submit.py)' },
  { role: 'button', text: ['Chuyển bước tiếp theo', 'Bước tiếp theo', 'Tiếp tục', 'Tiếp theo'], match: 'exact' },
];
const NEXT: Anchor = { kind: 'nút', text: 'Chuyển bước tiếp theo', alts: NEXT_ALTS };
const control = (name: string): AnchorAlt => ({ css: `[formcontrolname="${name}"]` });
/** The fields on the page changed after "next": the wizard moved on (its titles are not headings). */
const MOVED_ON: Extract<Rule, { kind: 'changed' }> = { kind: 'changed', signature: [{ css: '[formcontrolname]' }], attr: 'formcontrolname' };
const shows = (names: string[]): Rule => ({ kind: 'appears', anchor: names.map(control), fresh: true });

/** The package codes the liên thông portal routes to (`#/ke-khai/<mã>`, §5.1). */
export const LIENTHONG_PACKAGE_CODES: Record<'khai-sinh' | 'khai-tu', string[]> = {
  'khai-sinh': ['2.000986', '2.000987'],
  'khai-tu': ['1.006714'],
};
/** The code of each package's own declaration route. */
const ROUTE_CODE: Record<LienthongKind, string> = { 'khai-sinh': '2.000986', 'khai-sinh-can-cuoc': '2.000987', 'khai-tu': '1.006714' };

export function lienthongStartUrl(code: string | null): string {
  return code ? `https://${PORTAL_HOSTS.lienthong}/#/ke-khai/${code}` : `https://${PORTAL_HOSTS.lienthong}/#/?vneid=1`;
}

/**
 * The home tile of the package: its route if it is a link, else its title. A package's title names
 * what it bundles (the portal's own header names both "Khai sinh, Khai tử"); 2.000986 and 2.000987
 * differ by "căn cước".
 */
function tile(kind: LienthongKind): AnchorAlt[] {
  const route = { css: `a[href*="ke-khai/${ROUTE_CODE[kind]}"]`, note: '2026-11: declaration routes (AFH ke_khai_links.json)' };
  const by = (textRegex: string, without?: string[]): AnchorAlt[] =>
    (['link', 'button', 'text'] as const).map((role) => ({ role, textRegex, ...(without ? { without } : {}) }));
  if (kind === 'khai-tu') return [route, ...by('khai tử.*(thường trú|mai táng)')];
  if (kind === 'khai-sinh-can-cuoc') return [route, ...by('khai sinh.*căn cước')];
  // The older package may not be offered at all (a home with two tiles): then the current one.
  return [route, ...by('khai sinh.*(thường trú|BHYT|bảo hiểm)', ['căn cước']), ...by('khai sinh.*(thường trú|BHYT|bảo hiểm)')];
}

const TILE_NAMES: Record<LienthongKind, string> = {
  'khai-sinh': 'Liên thông khai sinh, thường trú, cấp thẻ BHYT',
  'khai-sinh-can-cuoc': 'Liên thông khai sinh, thường trú, cấp thẻ căn cước, BHYT',
  'khai-tu': 'Liên thông khai tử, xóa đăng ký thường trú, trợ cấp mai táng',
};

const ID_CARD: Step = {
  id: 'lt.idcard',
      surfaces: ['lienthong.declare'],
      title: 'Cấp thẻ căn cước cho cháu',
      hint: 'Nếu người dân muốn làm thẻ căn cước cho cháu cùng lúc, tích ô “Cấp thẻ căn cước” (để cấp “Xã/Phường” như cổng chọn sẵn).',
      optional: true,
      anchor: { kind: 'ô', text: 'Cấp thẻ căn cước', alts: [{ css: '[formcontrolname="IsCapTheCanCuoc"] input[type="checkbox"]' }, { role: 'checkbox', label: ['căn cước'] }, control('IsCapTheCanCuoc')] },
      complete: [{ kind: 'filled' }, { ...MOVED_ON, after: NEXT_ALTS }],
      skipWhen: [{ kind: 'all', rules: [{ kind: 'appears', anchor: NEXT_ALTS }, { kind: 'missing', anchor: [control('IsCapTheCanCuoc')] }] }],
    };

export function lienthongSteps(kind: LienthongKind): Step[] {
  const birth = kind !== 'khai-tu';
  const steps: Step[] = [
    {
      id: 'lt.login',
      surfaces: ['lienthong.home', 'lienthong.declare'],
      title: 'Đăng nhập bằng VNeID của người dân',
      hint: 'Bấm “Đăng nhập” và đăng nhập bằng tài khoản VNeID của chính người dân.',
      details: ['Nếu người dân đã đăng nhập, bước này tự qua.'],
      anchor: button('Đăng nhập'),
      inFrames: true,
      complete: [{ kind: 'page', surfaces: ['vneid.login'] }, { kind: 'appears', anchor: LOGGED_IN }, ...LOGIN_MODAL_OPEN],
    },
    ...vneidSteps(),
    {
      id: 'lt.pick',
      surfaces: ['lienthong.home'],
      title: 'Chọn gói liên thông',
      hint: `Chọn “${TILE_NAMES[kind]}”.`,
      details: kind === 'khai-sinh'
        ? ['Gói có thêm “cấp thẻ căn cước” là gói mới hơn; chọn gói đó nếu người dân muốn làm luôn thẻ căn cước cho cháu.']
        : kind === 'khai-sinh-can-cuoc'
          ? ['Không chọn gói không có “căn cước” (gói cũ): gói này làm cả thẻ căn cước cho cháu.']
          : undefined,
      anchor: { kind: 'ô', text: TILE_NAMES[kind], alts: tile(kind) },
      complete: [{ kind: 'page', surfaces: ['lienthong.declare'] }],
    },
    {
      id: 'lt.foreign',
      surfaces: ['lienthong.declare'],
      title: 'Yếu tố nước ngoài',
      hint: 'Ở ô “Yếu tố nước ngoài” chọn “Không có yếu tố nước ngoài”. Có yếu tố nước ngoài (cha hoặc mẹ là người nước ngoài…) là thủ tục khác, nộp tại UBND tỉnh.',
      anchor: { kind: 'ô', text: 'Yếu tố nước ngoài', alts: [{ role: 'field', within: [control('IsNuocNgoai')] }, { role: 'field', label: ['yếu tố nước ngoài'] }] },
      complete: [{ kind: 'filled' }, { ...MOVED_ON, after: NEXT_ALTS }],
      // The khai tử form has no such field.
      skipWhen: [{ kind: 'all', rules: [{ kind: 'appears', anchor: NEXT_ALTS }, { kind: 'missing', anchor: [control('IsNuocNgoai')] }] }],
    },
    // The check box sits on step 1 with the other choices: the volunteer ticks it before "next".
    ...(kind === 'khai-sinh-can-cuoc' ? [ID_CARD] : []),
    {
      id: 'lt.agencies',
      surfaces: ['lienthong.declare'],
      title: 'Bước 1: Lựa chọn cơ quan',
      hint: birth
        ? 'Chọn loại khai sinh, tỉnh và phường/xã đăng ký khai sinh, nơi đăng ký thường trú (tích “Cùng địa bàn” nếu giống) và cơ quan BHYT. Xong bấm “Chuyển bước tiếp theo”.'
        : 'Chọn tỉnh, phường/xã, cơ quan đăng ký khai tử, cơ quan xóa thường trú và cơ quan giải quyết mai táng phí. Xong bấm “Chuyển bước tiếp theo”.',
      details: birth
        ? ['“Loại khai sinh”: thường là “Đã xác định được cả cha lẫn mẹ”.', 'Tên cơ quan đăng ký, thường trú và BHYT cổng tự điền theo tỉnh/xã: kiểm tra lại.']
        : undefined,
      anchor: NEXT,
      complete: [MOVED_ON, shows(['NycQuanHe', 'NycHoTen', 'NdktHo', 'NdktTen'])],
    },
  ];
  steps.push(
    {
      id: 'lt.declare',
      surfaces: ['lienthong.declare'],
      title: 'Bước 2: Kê khai',
      hint: 'Thông tin người đi đăng ký lấy sẵn từ VNeID. Bấm “Xác thực với CSDLQG về dân cư” nếu có, chọn “Quan hệ…”, điền các ô có dấu *, rồi bấm “Chuyển bước tiếp theo”.',
      details: birth
        ? ['Phần thường trú: chọn chủ hộ và nơi thường trú của cháu.', 'Phần BHYT: chọn nơi khám chữa bệnh ban đầu.']
        : ['Ngày chết, nơi chết và nguyên nhân chết ghi theo Giấy báo tử.'],
      anchor: NEXT,
      complete: [MOVED_ON, shows(['CapBanSao', 'BanSaoSoluong'])],
    },
    {
      id: 'lt.review',
      surfaces: ['lienthong.declare'],
      title: 'Bước 3: Xem lại tờ khai',
      hint: 'Đọc lại các tờ khai cùng người dân. Cần bản sao thì tích “đề nghị cấp bản sao” và ghi số lượng. Xong bấm “Chuyển bước tiếp theo”.',
      anchor: NEXT,
      complete: [MOVED_ON, { kind: 'appears', anchor: [{ role: 'file' }, { css: 'input[type="file"]' }], fresh: true }],
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
      // Only the last step relabels the shared button "Hoàn thành".
      complete: [MOVED_ON, { kind: 'appears', anchor: [{ role: 'button', text: ['Hoàn thành'], match: 'exact' }], fresh: true }],
    },
    {
      id: 'lt.finish',
      surfaces: ['lienthong.declare'],
      title: 'Bước 5: Nhận kết quả và hoàn thành',
      hint: 'Chọn cách nhận kết quả, gõ “mã kiểm tra” đúng như hình, rồi bấm “Hoàn thành” để nộp.',
      anchor: { kind: 'nút', text: 'Hoàn thành', alts: [{ role: 'button', text: ['Hoàn thành'], match: 'exact' }, { css: '#next' }] },
      // The result keeps the address and never says "thành công" (§5.5).
      complete: [{ kind: 'appears', anchor: [{ role: 'text', text: ['Số hồ sơ', 'Ngày hẹn trả dự kiến', 'Vui lòng ghi nhớ'] }], fresh: true }],
    },
    captureStep('lt.done', ['lienthong.declare'], {
      dueLabels: ['Ngày hẹn trả dự kiến'],
      details: ['Ghi lại cả ngày hẹn trả dự kiến cho người dân.'],
      explainTexts: [
        {
          text: ['xác nhận trên VNeID'],
          explain: 'Hồ sơ còn chờ người dân xác nhận trên ứng dụng VNeID: nhắc người dân mở VNeID và xác nhận; ngày hẹn trả chưa tính thời gian này.',
        },
      ],
    }),
  );
  return steps;
}
