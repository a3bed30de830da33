/**
 * The practice scenarios: four filings a ward's volunteers help with most (khai sinh, khai tử on
 * the national portal, liên thông khai sinh, a justice procedure through the Ministry's wizard),
 * each with the mistakes real filings run into, as data (scenario-schema.ts). Names, numbers and
 * documents are made up.
 */
import type { AnchorAlt } from '../guides/schema';
import type { Scenario, Trap } from './scenario-schema';

const CARD_LINE: AnchorAlt = { role: 'text', text: ['Cơ quan thực hiện'] };
/** "Nộp trực tuyến" of the card whose agency line matches `agency` (one card, never the list: docs/portal-evidence.md §1.7). */
const cardButton = (agency: string): AnchorAlt[] => [
  { role: 'button', text: ['Nộp trực tuyến'], match: 'exact', within: [{ role: 'text', textRegex: `Cơ quan thực hiện:\\s*${agency}` }], boundary: [CARD_LINE] },
];
const toastOrLine = (text: string[]): AnchorAlt[] => [{ role: 'text', text }];

const CONSENT_UNTICKED: Trap = {
  id: 'consent-unticked',
  mistake: 'Bấm “Xác nhận chia sẻ” khi chưa tích ô đồng ý',
  explain: 'Đọc cho người dân nghe nội dung chia sẻ dữ liệu; người dân đồng ý thì tự tích ô “Tôi đã đọc và hiểu rõ…” rồi mới bấm “Xác nhận chia sẻ”.',
  source: 'docs/portal-evidence.md §4.3; guide step vneid.consent',
  when: { kind: 'click', on: [{ role: 'button', text: ['Xác nhận chia sẻ'], match: 'exact' }], unless: [{ css: 'input[type="checkbox"]:checked' }] },
};

const SO_CARD: Trap = {
  id: 'so-card',
  mistake: 'Chọn thẻ của Sở thay vì thẻ của UBND phường/xã',
  explain: 'Thủ tục này do UBND phường/xã giải quyết. Thẻ của Sở trông giống và có thể đứng đầu danh sách: đọc dòng “Cơ quan thực hiện” trước khi bấm “Nộp trực tuyến”.',
  source: 'docs/portal-evidence.md §1.7 (the Sở card may come first); guide step agency.card',
  when: { kind: 'click', on: cardButton('Sở\\s') },
};

const CENTRE_CARD: Trap = {
  id: 'centre-card',
  mistake: 'Chọn thẻ của Trung tâm Phục vụ hành chính công thay vì thẻ của UBND phường/xã',
  explain: 'Hồ sơ nộp trực tuyến về UBND phường/xã nơi người dân cư trú: chọn thẻ có “Cơ quan thực hiện: UBND phường …”.',
  source: 'docs/portal-evidence.md §1.7; guide step agency.card',
  when: { kind: 'click', on: cardButton('Trung tâm') },
};

const SAVE_DRAFT: Trap = {
  id: 'save-draft',
  mistake: 'Bấm “Lưu hồ sơ” (chỉ lưu nháp) thay vì “Lưu và nộp hồ sơ”',
  explain: '“Lưu hồ sơ” chỉ lưu nháp: hồ sơ CHƯA được gửi tới phường. Phải bấm “Lưu và nộp hồ sơ”.',
  source: 'docs/portal-evidence.md §3.8 ("Lưu hồ sơ" is the draft); guide step form.submit',
  when: { kind: 'click', on: [{ role: 'button', text: ['Lưu hồ sơ'], match: 'exact' }, { role: 'link', text: ['Lưu hồ sơ'], match: 'exact' }] },
};

const FILE_TOO_BIG: Trap = {
  id: 'file-too-big',
  mistake: 'Tải lên tệp lớn hơn 2 MB',
  explain: 'Cổng chỉ nhận tệp dưới 2 MB. Ảnh chụp bằng điện thoại thường lớn hơn: chụp lại ở chất lượng thấp hơn hoặc nén tệp rồi tải lại.',
  source: 'docs/portal-evidence.md §3.6 ("Vui lòng chọn tệp nhỏ hơn 2MB!")',
  when: { kind: 'appears', anchor: toastOrLine(['nhỏ hơn 2MB', 'nhỏ hơn 2 MB']) },
};

const WRONG_FILE_TYPE: Trap = {
  id: 'wrong-file-type',
  mistake: 'Tải lên tệp sai loại',
  explain: 'Chỉ dùng tệp PDF, JPG hoặc PNG.',
  source: 'docs/portal-evidence.md §3.6 ("…tệp đúng định dạng!")',
  when: { kind: 'appears', anchor: toastOrLine(['đúng định dạng']) },
};

const MISSING_FIELDS: Trap = {
  id: 'missing-fields',
  mistake: 'Nộp khi còn ô bắt buộc (dấu *) để trống',
  explain: 'Điền mọi ô có dấu * trước khi nộp; cổng không gửi hồ sơ còn thiếu.',
  source: 'guide steps form.submit, lt.agencies (the portal refuses and the step stays)',
  when: { kind: 'appears', anchor: toastOrLine(['Vui lòng nhập đầy đủ']) },
};

const MISSING_DOCUMENT: Trap = {
  id: 'missing-document',
  mistake: 'Nộp khi chưa tải lên giấy tờ bắt buộc',
  explain: 'Mỗi dòng “Thành phần hồ sơ” có dấu * phải có tệp tải lên trước khi nộp.',
  source: 'docs/portal-evidence.md §6.2 ("Vui lòng đính kèm đủ Hồ sơ bắt buộc"); guide step form.submit',
  when: { kind: 'appears', anchor: toastOrLine(['Vui lòng tải lên thành phần hồ sơ bắt buộc', 'Vui lòng đính kèm đủ']) },
};

const DVCQG_TRAPS = [CONSENT_UNTICKED, SO_CARD, CENTRE_CARD, FILE_TOO_BIG, WRONG_FILE_TYPE, MISSING_FIELDS, MISSING_DOCUMENT, SAVE_DRAFT];

const LOGIN_FACTS = [
  { label: 'Đăng nhập (giả)', value: 'số bịa 123456789012, mã tập luyện “tap”, mã xác nhận 6 số bất kỳ, passcode tập luyện 000000' },
];

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'khai-sinh',
    title: 'Đăng ký khai sinh (Cổng Dịch vụ công quốc gia)',
    procedureId: 'III.2',
    story: [
      'Anh Nguyễn Văn An (người dân giả định) ở Tổ dân phố 5, phường Đồng Tiến, đến nhờ đăng ký khai sinh cho con trai mới sinh.',
      'Anh mang theo tờ khai và Giấy chứng sinh; ảnh Giấy chứng sinh anh chụp bằng điện thoại.',
      'Anh muốn nhận kết quả tại bộ phận một cửa của phường.',
    ],
    facts: [
      ...LOGIN_FACTS,
      { label: 'Tỉnh, phường', value: 'Tỉnh Thái Nguyên, Phường Đồng Tiến' },
      { label: 'Quan hệ với người được khai sinh', value: 'Cha' },
      { label: 'Họ, chữ đệm và tên của cháu', value: 'NGUYỄN AN BÌNH' },
      { label: 'Ngày sinh, giới tính', value: '05/11/2026, Nam' },
      { label: 'Nơi sinh', value: 'Bệnh viện A Thái Nguyên' },
    ],
    variants: { 'dichvucong.gov.vn': { toast_ms: '8000' } },
    files: [
      { name: 'to-khai-khai-sinh.pdf', label: 'Tờ khai đăng ký khai sinh', bytes: 48_000 },
      { name: 'giay-chung-sinh-dien-thoai.jpg', label: 'Giấy chứng sinh, ảnh chụp bằng điện thoại', bytes: 2_600_000 },
      { name: 'giay-chung-sinh.jpg', label: 'Giấy chứng sinh, ảnh đã thu nhỏ', bytes: 380_000 },
    ],
    traps: DVCQG_TRAPS,
  },
  {
    id: 'khai-tu',
    title: 'Đăng ký khai tử (Cổng Dịch vụ công quốc gia)',
    procedureId: 'III.3',
    story: [
      'Chị Trần Thị Mai (người dân giả định) đến nhờ đăng ký khai tử cho bố chồng, mất tại nhà ở Tổ dân phố 3.',
      'Chị có Giấy báo tử do trạm y tế cấp (bản quét PDF) và ảnh chụp bằng điện thoại.',
      'Ở bài này cổng chỉ báo “Nộp hồ sơ thành công” rồi tắt: tìm mã hồ sơ trong “Dịch vụ công của tôi”.',
    ],
    facts: [
      ...LOGIN_FACTS,
      { label: 'Tỉnh, phường', value: 'Tỉnh Thái Nguyên, Phường Đồng Tiến' },
      { label: 'Quan hệ với người chết', value: 'Người thân thích khác' },
      { label: 'Họ, chữ đệm và tên người chết', value: 'NGUYỄN VĂN CƯỜNG' },
      { label: 'Ngày chết', value: '20/11/2026' },
      { label: 'Nơi chết', value: 'Tổ dân phố 3, phường Đồng Tiến' },
    ],
    variants: { 'dichvucong.gov.vn': { docs: 'stt', success: 'toast', toast_ms: '8000' } },
    files: [
      { name: 'to-khai-khai-tu.pdf', label: 'Tờ khai đăng ký khai tử', bytes: 52_000 },
      { name: 'giay-bao-tu.pdf', label: 'Giấy báo tử, bản quét', bytes: 240_000 },
      { name: 'giay-bao-tu-dien-thoai.jpg', label: 'Giấy báo tử, ảnh chụp bằng điện thoại', bytes: 3_100_000 },
    ],
    traps: DVCQG_TRAPS,
  },
  {
    id: 'lien-thong-khai-sinh',
    title: 'Liên thông khai sinh, thường trú, thẻ căn cước, BHYT cho trẻ dưới 6 tuổi',
    procedureId: 'X.3',
    story: [
      'Chị Lưu Thị Lan (người dân giả định) muốn làm một lần cho con gái: khai sinh, đăng ký thường trú, thẻ căn cước và thẻ BHYT.',
      'Chị có ảnh Giấy chứng sinh. Cháu về ở với bố mẹ; bố mẹ là chủ căn hộ.',
    ],
    facts: [
      ...LOGIN_FACTS,
      { label: 'Gói liên thông', value: 'có “cấp thẻ căn cước”' },
      { label: 'Yếu tố nước ngoài', value: 'Không có yếu tố nước ngoài' },
      { label: 'Tỉnh, phường', value: 'Tỉnh Thái Nguyên, Phường Phổ Yên' },
      { label: 'Loại khai sinh', value: 'Đã xác định được cả cha lẫn mẹ' },
      { label: 'Quan hệ', value: 'Mẹ' },
      { label: 'Mã kiểm tra', value: 'gõ đúng như trên màn hình' },
    ],
    variants: {},
    files: [{ name: 'giay-chung-sinh-be-gai.jpg', label: 'Giấy chứng sinh, ảnh', bytes: 420_000 }],
    traps: [
      CONSENT_UNTICKED,
      {
        id: 'old-package',
        mistake: 'Chọn gói liên thông cũ (không có thẻ căn cước) khi người dân muốn làm cả thẻ căn cước',
        explain: 'Cổng có hai gói khai sinh chạy song song; gói có “cấp thẻ căn cước” làm được cả thẻ căn cước cho cháu.',
        source: 'docs/portal-evidence.md §5.1; guide step lt.pick',
        when: { kind: 'click', on: [{ css: 'a[href*="ke-khai/2.000986"]' }, { css: '[data-go="2.000986"]' }] },
      },
      {
        id: 'death-package',
        mistake: 'Chọn gói liên thông khai tử thay vì khai sinh',
        explain: 'Đọc kỹ tên gói trước khi bấm: gói khai tử có “xóa đăng ký thường trú, trợ cấp mai táng”.',
        source: 'docs/portal-evidence.md §5.1; guide step lt.pick',
        when: { kind: 'click', on: [{ css: 'a[href*="ke-khai/1.006714"]' }, { css: '[data-go="1.006714"]' }] },
      },
      { ...MISSING_FIELDS, source: 'guide step lt.agencies (the portal refuses "next" and the step stays)' },
      {
        id: 'wrong-check-code',
        mistake: 'Gõ sai mã kiểm tra',
        explain: 'Gõ mã kiểm tra đúng từng chữ như trong hình (không phân biệt hoa thường), rồi bấm “Hoàn thành” lại.',
        source: 'guide step lt.finish',
        when: { kind: 'appears', anchor: toastOrLine(['Mã kiểm tra không đúng']) },
      },
    ],
  },
  {
    id: 'dang-ky-lai-khai-sinh',
    title: 'Đăng ký lại khai sinh (chuyển sang hệ thống Bộ Tư pháp)',
    procedureId: 'III.7',
    story: [
      'Bà Hoàng Thị Thu (người dân giả định) bị mất bản chính giấy khai sinh và sổ hộ tịch cũ không còn lưu: bà làm thủ tục đăng ký lại khai sinh cho chính mình.',
      'Sau khi chọn thẻ của phường, cổng chuyển sang hệ thống của Bộ Tư pháp: VNeID hỏi đồng ý chia sẻ dữ liệu và passcode lần nữa.',
    ],
    facts: [
      ...LOGIN_FACTS,
      { label: 'Tỉnh, phường', value: 'Tỉnh Thái Nguyên, Phường Đồng Tiến' },
      { label: 'Đối tượng thực hiện', value: 'Làm thủ tục cho bản thân' },
      { label: 'Số điện thoại', value: '0912 345 678 (số giả định)' },
      { label: 'Họ, chữ đệm, tên trong tờ khai', value: 'HOÀNG THỊ THU' },
    ],
    variants: { 'dichvucongnganhtuphap.moj.gov.vn': { toast_ms: '8000' } },
    files: [{ name: 'ban-sao-giay-to.pdf', label: 'Bản sao giấy tờ có nội dung khai sinh', bytes: 160_000 }],
    traps: [
      CONSENT_UNTICKED,
      SO_CARD,
      CENTRE_CARD,
      {
        id: 'subject-other',
        mistake: 'Chọn đối tượng thực hiện khác “Làm thủ tục cho bản thân”',
        explain: 'Người dân tự làm cho mình: chọn “Làm thủ tục cho bản thân”. Các lựa chọn ủy quyền cần giấy ủy quyền.',
        source: 'docs/portal-evidence.md §2.1; guide step info.general',
        when: { kind: 'click', on: [{ role: 'option', text: ['Người khác ủy quyền', 'Doanh nghiệp ủy quyền', 'Làm thủ tục cho người khác', 'Đại diện cơ quan, tổ chức'], match: 'exact' }] },
      },
      { ...MISSING_DOCUMENT, source: 'docs/portal-evidence.md §6.2 ("Vui lòng đính kèm đủ Hồ sơ bắt buộc"); guide step moj.files' },
    ],
  },
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
