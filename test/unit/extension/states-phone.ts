/**
 * The national portal's phone layout (fx_layout, ?typeInapp=1): every duplicated block exists twice, one copy
 * hidden, in either order. Each step's anchor must find the element in the visible copy (the `md:hidden` wrapper:
 * jsdom applies no media query, so the phone copy is the one shown), located here by plain DOM code.
 */
import { byText, press, until, type LoadedPage } from './fixture-dom';
import { FIXTURE_ROWS, FORMS, KHAI_SINH, LOGGED_IN, DVC, type State } from './states-dvcqg';

/** The visible (phone) copies, in document order. */
const phoneCopies = (d: Document) => [...d.querySelectorAll('.md\\:hidden')];
const inPhone = (d: Document, find: (root: Element) => Element | null | undefined) => {
  for (const copy of phoneCopies(d)) {
    const el = find(copy);
    if (el) return el;
  }
  return null;
};
const cardIn = (root: ParentNode) => byText(root, 'div, h3', 'Chọn cơ quan thực hiện')?.parentElement ?? null;
const pickersIn = (root: ParentNode) => [...(cardIn(root)?.querySelectorAll('form > div > button[aria-haspopup="listbox"], form > div > input[type="text"]') ?? [])];
const rowIn = (root: ParentNode, name: string) => [...root.querySelectorAll('tr')].find((tr) => [...tr.cells].some((c) => (c.firstChild?.textContent ?? '').trim() === name)) ?? null;
const uploadIn = (row: Element | null) => row?.querySelector('button[title="Tải lên file"]') ?? null;

/** The layouts: both copy orders, and the in-app webview (phone layout, no portal menu). */
export const PHONE_LAYOUTS = [
  { name: 'phone, desktop copy first', variants: { layout: 'mobile' }, query: '' },
  { name: 'phone, phone copy first', variants: { layout: 'mobile-first' }, query: '' },
  { name: 'in-app webview', variants: {} as Record<string, string>, query: '?typeInapp=1' },
];

async function choosePhone(page: LoadedPage, slot: number, option: string) {
  press(inPhone(page.document, (c) => pickersIn(c)[slot])!, 'click');
  press(await until(() => byText(page.document, 'ul[role="listbox"] > li', option), option), 'mousedown');
}

export function phoneStates(): State[] {
  const out: State[] = [];
  for (const layout of PHONE_LAYOUTS) {
    const opts = { variants: layout.variants };
    out.push({
      name: `agency block, logged out (${layout.name})`,
      url: `${KHAI_SINH}${layout.query}`,
      opts,
      checks: [
        { step: 'login.start', expect: (d) => d.querySelector('header button') },
        { step: 'agency.province', expect: (d) => inPhone(d, (c) => pickersIn(c)[0]) },
        { step: 'agency.ward', expect: (d) => inPhone(d, (c) => pickersIn(c)[1]) },
        { step: 'agency.confirm', expect: (d) => inPhone(d, (c) => byText(c, 'button', 'Đồng ý')) },
      ],
    });
    out.push({
      name: `service cards (${layout.name})`,
      url: `${KHAI_SINH}${layout.query}`,
      opts: { ...opts, localStorage: LOGGED_IN },
      prepare: async (p) => {
        await choosePhone(p, 0, 'Tỉnh Thái Nguyên');
        await choosePhone(p, 1, 'Phường Đồng Tiến');
        press(inPhone(p.document, (c) => byText(c, 'button', 'Nộp hồ sơ'))!, 'click');
        await until(() => phoneCopies(p.document)[0]?.querySelectorAll('.grid-cols-12 > div').length === 3, 'three cards');
      },
      checks: [
        { step: 'agency.province', expect: (d) => inPhone(d, (c) => cardIn(c)?.querySelector('input.custom-input-typography')) },
        { step: 'agency.confirm', expect: (d) => inPhone(d, (c) => byText(c, 'button', 'Nộp hồ sơ')) },
        {
          step: 'agency.card',
          procedures: ['III.2', 'III.3'],
          expect: (d) => inPhone(d, (c) => [...c.querySelectorAll('.grid-cols-12 > div')].find((x) => x.textContent!.includes('UBND Phường Đồng Tiến'))?.querySelector('button')),
        },
      ],
    });
    out.push({
      name: `form III.2 (${layout.name})`,
      url: `${DVC}/nop-ho-so?formalityId=${FORMS['III.2']}${layout.query.replace('?', '&')}`,
      opts: { ...opts, localStorage: LOGGED_IN },
      checks: [
        { step: 'form.fields', procedures: ['III.2'], expect: (d) => inPhone(d, (c) => c.querySelector('.sd-root-modern')) },
        ...FIXTURE_ROWS['III.2']!.map((name, i) => ({ step: `form.doc-${i + 1}`, procedures: ['III.2'], expect: (d: Document) => inPhone(d, (c) => uploadIn(rowIn(c, name))) })),
        { step: 'form.receive', procedures: ['III.2'], expect: (d) => d.querySelector('.cc-select-wrapper') },
        { step: 'form.submit', procedures: ['III.2'], expect: (d) => inPhone(d, (c) => byText(c, 'button', 'Lưu và nộp hồ sơ')) },
      ],
    });
  }
  return out;
}

export { phoneCopies, inPhone, rowIn, uploadIn as phoneUploadIn };
