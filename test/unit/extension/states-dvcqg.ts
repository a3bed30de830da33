/**
 * The fixture pages the anchor test visits: each page (with its variants) brought to a state by
 * doing what a volunteer does, and, for each guide step shown there, the element its anchor must
 * find — located here by plain DOM code, independently of the anchors.
 */
import { byText, press, until, type LoadOptions, type LoadedPage } from './fixture-dom';

export interface Check {
  step: string;
  /** Only the guides of these catalogue procedures (default: every guide having the step). */
  procedures?: string[];
  expect(doc: Document): Element | null;
  /** Extra assertions on the page (e.g. the card found is never the Sở's). */
  also?(doc: Document, found: Element): void;
}

export interface State {
  name: string;
  url: string;
  opts?: LoadOptions;
  prepare?(page: LoadedPage): Promise<void>;
  checks: Check[];
}

const DVC = 'https://dichvucong.gov.vn';
const KHAI_SINH = `${DVC}/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7`;
const KHAI_TU = `${DVC}/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4`;
const LAND = `${DVC}/thu-tuc-hanh-chinh/019d2bfa-8677-74ff-8111-ee0c889b713f`;
const LAI_KHAI_SINH = `${DVC}/thu-tuc-hanh-chinh/019d2bfd-6eac-7598-b88b-15f8a61b366a`;
const LOGGED_IN = { dvc_token: 'token-x' };
const card = (d: Document) => byText(d, 'div, h3', 'Chọn cơ quan thực hiện')!.parentElement!;
const pickers = (d: Document) => [...card(d).querySelectorAll('form > div > button[aria-haspopup="listbox"], form > div > input[type="text"]')];
const button = (d: ParentNode, text: string) => byText(d, 'button, a', text);

/** The rows the fixture prints for each modelled procedure's documents, in the catalogue's order. */
export const FIXTURE_ROWS: Record<string, string[]> = {
  'III.2': ['Tờ khai đăng ký khai sinh theo mẫu', 'Giấy chứng sinh hoặc giấy tờ thay thế giấy chứng sinh', 'Văn bản ủy quyền (trường hợp ủy quyền)', 'Giấy tờ tùy thân người đi đăng ký khai sinh'],
  'III.3': ['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Văn bản ủy quyền', 'Giấy tờ chứng minh nơi cư trú cuối cùng của người chết'],
  'II.3': ['Văn bản đề nghị xác nhận lại thời hạn sử dụng đất nông nghiệp (Mẫu số 09)', 'Bản gốc Giấy chứng nhận đã cấp'],
};
const FORMS: Record<string, string> = { 'III.2': '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7', 'III.3': '019d2bfd-3fac-7489-b53b-9c6c958f2da4', 'II.3': '019d2bfa-8677-74ff-8111-ee0c889b713f' };
export const rowOf = (d: Document, name: string) => [...d.querySelectorAll('tr')].find((tr) => [...tr.cells].some((c) => (c.firstChild?.textContent ?? '').trim() === name)) ?? null;
const uploadIn = (row: Element | null) => row?.querySelector('button[title="Tải lên file"]') ?? (row ? button(row, 'Chọn tệp tin') : null);

async function choose(page: LoadedPage, slot: number, option: string) {
  press(pickers(page.document)[slot]!, 'click');
  const li = await until(() => byText(page.document, 'ul[role="listbox"] > li', option), option);
  press(li, 'mousedown');
}

function dvcqgStates(): State[] {
  const out: State[] = [];
  for (const search of ['search', 'plain']) {
    out.push({
      name: `home (search ${search})`,
      url: `${DVC}/`,
      opts: { variants: { search } },
      checks: [
        { step: 'login.start', expect: (d) => button(d, 'Đăng nhập') },
        { step: 'find.search', expect: (d) => d.querySelector(search === 'search' ? 'input[type="search"]' : 'main input[type="text"]') },
      ],
    });
  }
  for (const results of ['links', 'cards']) {
    for (const [proc, kw, name] of [['III.2', 'đăng ký khai sinh', 'Đăng ký khai sinh'], ['III.3', 'đăng ký khai tử', 'Đăng ký khai tử'], ['III.7', 'lại khai sinh', 'Đăng ký lại khai sinh']] as const) {
      out.push({
        name: `search results ${kw} (${results})`,
        url: `${DVC}/tim-kiem-thu-tuc-hanh-chinh?keyword=${encodeURIComponent(kw)}`,
        opts: { variants: { results } },
        prepare: (p) => until(() => p.document.querySelector('main a'), 'results').then(() => undefined),
        checks: [{ step: 'find.pick', procedures: [proc], expect: (d) => byText(d, results === 'links' ? 'a' : 'a > div', name) }],
      });
    }
  }
  for (const title of ['div', 'h3']) {
    for (const shape of ['two', 'one', 'toggle']) {
      out.push({
        name: `agency block, logged out (${shape} pickers, ${title} title)`,
        url: KHAI_SINH,
        opts: { variants: { agency_title: title, card: shape } },
        checks: [
          { step: 'login.start', expect: (d) => d.querySelector('header button') },
          { step: 'agency.province', expect: (d) => pickers(d)[0] ?? null },
          ...(shape === 'one' ? [] : [{ step: 'agency.ward', expect: (d: Document) => pickers(d)[1] ?? null }]),
          ...(shape === 'toggle' ? [{ step: 'agency.scope', expect: (d: Document) => d.querySelector('input[name="level"][value="ward"]') }] : []),
          { step: 'agency.confirm', expect: (d) => button(card(d), 'Đồng ý') },
        ],
      });
    }
  }
  out.push({
    name: 'agency block after choosing the province (the button became a plain input)',
    url: KHAI_SINH,
    prepare: (p) => choose(p, 0, 'Tỉnh Thái Nguyên'),
    checks: [
      { step: 'agency.province', expect: (d) => card(d).querySelector('input.custom-input-typography') },
      { step: 'agency.ward', expect: (d) => card(d).querySelector('button[aria-haspopup="listbox"]') },
    ],
  });
  for (const order of ['so-first', 'ward-first']) {
    for (const wards of ['premerger', 'merged']) {
      const ward = wards === 'merged' ? 'Phường Phổ Yên' : 'Phường Đồng Tiến';
      out.push({
        name: `service cards (${order}, ${wards} ward names)`,
        url: KHAI_SINH,
        opts: { variants: { cards: order, wards }, localStorage: LOGGED_IN },
        prepare: async (p) => {
          await choose(p, 0, 'Tỉnh Thái Nguyên');
          await choose(p, 1, ward);
          press(button(card(p.document), 'Nộp hồ sơ')!, 'click');
          await until(() => p.document.querySelectorAll('.grid-cols-12 > div').length === 3, 'three cards');
        },
        checks: [
          { step: 'agency.confirm', expect: (d) => button(card(d), 'Nộp hồ sơ') },
          {
            step: 'agency.card',
            procedures: ['III.2', 'III.3'],
            expect: (d) => [...d.querySelectorAll('.grid-cols-12 > div')].find((c) => c.textContent!.includes(`UBND ${ward}`))!.querySelector('button'),
            also: (_d, found) => {
              if (/Cơ quan thực hiện: Sở/.test(found.closest('.grid-cols-12 > div')!.textContent!)) throw new Error('the agency card anchor found the Sở card');
            },
          },
        ],
      });
    }
  }
  out.push({
    name: 'province-level procedure: one picker, the land office card after the Sở card',
    url: LAND,
    opts: { localStorage: LOGGED_IN },
    prepare: async (p) => {
      await choose(p, 0, 'Tỉnh Thái Nguyên');
      press(button(card(p.document), 'Nộp hồ sơ')!, 'click');
      await until(() => p.document.querySelectorAll('.grid-cols-12 > div').length === 2, 'two cards');
    },
    checks: [{ step: 'agency.card', procedures: ['II.3'], expect: (d) => [...d.querySelectorAll('.grid-cols-12 > div')].find((c) => c.textContent!.includes('Văn phòng Đăng ký đất đai'))!.querySelector('button') }],
  });
  return out;
}

function formStates(): State[] {
  const out: State[] = [];
  for (const docs of ['plain', 'stt', 'eform']) {
    for (const proc of ['III.2', 'III.3', 'II.3']) {
      out.push({
        name: `form ${proc} (documents ${docs})`,
        url: `${DVC}/nop-ho-so?formalityId=${FORMS[proc]}`,
        opts: { variants: { docs }, localStorage: LOGGED_IN },
        checks: [
          { step: 'form.fields', procedures: [proc], expect: (d) => [...d.querySelectorAll('.sd-root-modern')].find((r) => !(r as HTMLElement).style.display) ?? null },
          ...FIXTURE_ROWS[proc]!.map((name, i) => ({ step: `form.doc-${i + 1}`, procedures: [proc], expect: (d: Document) => uploadIn(rowOf(d, name)) })),
          { step: 'form.receive', procedures: [proc], expect: (d) => d.querySelector('.cc-select-wrapper') },
        ],
      });
    }
  }
  for (const buttons of ['buttons', 'links']) {
    out.push({ name: `form buttons (${buttons})`, url: `${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}`, opts: { variants: { buttons } }, checks: [{ step: 'form.submit', expect: (d) => button(d, 'Lưu và nộp hồ sơ') }] });
  }
  out.push({
    name: 'form with postal return chosen',
    url: `${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}`,
    prepare: async (p) => {
      press(p.document.querySelector('.cc-select-selector')!, 'click');
      press(await until(() => byText(p.document, '.cc-select-option', 'Trả kết quả qua đường bưu điện'), 'postal option'), 'click');
    },
    checks: [{ step: 'form.postal', expect: (d) => d.querySelector('#id-recipientName') }],
  });
  return out;
}
export { dvcqgStates, formStates, choose, card, pickers, button, uploadIn, KHAI_SINH, KHAI_TU, LAI_KHAI_SINH, LOGGED_IN, DVC, FORMS };
