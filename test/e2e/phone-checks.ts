/**
 * Box checks of phone-sized use, shared by the Chromium (Playwright) and Firefox (puppeteer) tests:
 * `measurePhone` runs in the page (self-contained, passed to page.evaluate), `phoneProblems` judges
 * what it measured. The spotlight must ring the visible copy of the step's element; a bubble never
 * covers it; the bottom sheet never covers an element that fits above it; every overlay control is
 * at least 44×44 px; nothing scrolls sideways.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element the step's hint belongs on: the first visible match of `selector` (whose text includes `text`). */
export interface Target {
  selector: string;
  text?: string;
  /** …inside the nearest `selector` ancestor whose text includes `text` (a card, a row). */
  container?: { selector: string; text: string };
}

export interface PhoneReport {
  scrollWidth: number;
  /** The viewport without scrollbars (where fixed boxes go). */
  clientWidth: number;
  clientHeight: number;
  step: string | null;
  ring: Box | null;
  bubble: Box | null;
  bubbleHidden: string | null;
  panel: Box | null;
  target: Box | null;
  small: string[];
}

/** Smallest size (CSS px) of a touch target. */
export const MIN_TARGET = 44;
/** What the overlay keeps clear at the top for the portal's fixed header (extension/overlay/sheet.ts). */
const HEADER_ROOM = 72;

export function measurePhone(target: Target | null): PhoneReport {
  const boxOf = (el: Element | null | undefined) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const shown = (el: Element) => (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions);
  const root = document.querySelector('tro-ly-dvc')?.shadowRoot;
  const bubble = root?.querySelector('[data-testid="hint"]') ?? null;
  const small = root
    ? [...root.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href], summary')]
        .filter((el) => shown(el) && el.getBoundingClientRect().width > 2)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ el, r }) => `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`)
    : [];
  const found = target
    ? [...document.querySelectorAll(target.selector)].find(
        (el) =>
          shown(el) &&
          (!target.text || (el.textContent ?? '').includes(target.text)) &&
          (!target.container || (el.closest(target.container.selector)?.textContent ?? '').includes(target.container.text)),
      )
    : null;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    clientHeight: document.documentElement.clientHeight,
    step: root?.querySelector('.panel')?.getAttribute('data-step') ?? null,
    ring: boxOf(root?.querySelector('[data-testid="spotlight"]')),
    bubble: boxOf(bubble),
    bubbleHidden: bubble?.getAttribute('data-hidden') ?? null,
    panel: boxOf(root?.querySelector('.panel')),
    target: boxOf(found),
    small,
  };
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** What is wrong with a measured step (empty: all checks hold). */
export function phoneProblems(r: PhoneReport, step: string, opts: { target?: boolean } = {}): string[] {
  const out: string[] = [];
  if (r.step !== step) out.push(`panel shows ${r.step}, not ${step}`);
  if (r.scrollWidth > r.clientWidth) out.push(`scrolls sideways: ${r.scrollWidth} > ${r.clientWidth}`);
  out.push(...r.small.map((s) => `control under ${MIN_TARGET} px: ${s}`));
  if (!r.panel) return [...out, 'no panel'];
  if (Math.round(r.panel.width) !== r.clientWidth || Math.round(r.panel.y + r.panel.height) !== r.clientHeight) out.push(`the panel is not a full-width bottom sheet: ${JSON.stringify(r.panel)} in ${r.clientWidth}×${r.clientHeight}`);
  if (opts.target === false) return out;
  if (!r.target) return [...out, 'no visible target on the page'];
  if (!r.ring) return [...out, 'no spotlight'];
  const t = r.target;
  const ringOff = Math.max(Math.abs(r.ring.x + 6 - t.x), Math.abs(r.ring.y + 6 - t.y), Math.abs(r.ring.width - 12 - t.width), Math.abs(r.ring.height - 12 - t.height));
  if (ringOff > 2) out.push(`the spotlight is not on the visible copy (off by ${Math.round(ringOff)} px)`);
  const room = r.panel.y - HEADER_ROOM - 8;
  const fits = t.height <= room;
  if (r.bubble && r.bubbleHidden === 'false' && overlap(r.bubble, t) > 0) out.push('the bubble covers its anchor');
  if (fits) {
    if (r.bubbleHidden !== 'false') out.push('no bubble, though the anchor fits above the sheet');
    if (overlap(r.panel, t) > 0) out.push('the sheet covers the anchor');
    if (t.y < 0 || t.y + t.height > r.panel.y) out.push('the anchor is not in view above the sheet');
  } else if (t.y < 0 || t.y >= r.panel.y) out.push('the top of a tall anchor is not in view above the sheet');
  return out;
}

/**
 * An extension page at phone size (runs in the page): how far it scrolls sideways, and its touch targets under
 * 44×44 px. A checkbox or radio counts by its label (the whole row is the target); a link inside a sentence is
 * exempt (WCAG 2.5.8 inline targets).
 */
export function measurePage(): { sideways: number; small: string[] } {
  const shown = (el: Element) => (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions);
  const inline = (el: Element) => el.tagName === 'A' && !!el.parentElement && (el.parentElement.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 3;
  const small: string[] = [];
  for (const el of document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href], summary, [role="tab"]')) {
    if (!shown(el) || inline(el)) continue;
    const box = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
    const r = box.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue; // visually hidden (sr-only) inputs
    if (r.width < 44 || r.height < 44) small.push(`${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return { sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, small };
}
