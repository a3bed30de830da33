/**
 * Where the hint bubble and the step panel may go: never over the field the volunteer must use.
 * The bubble's side is chosen by a @floating-ui middleware that scores each candidate placement
 * by how much of the page's visible controls (and of the anchor itself, and of the panel) it would
 * cover, takes the first one that covers nothing, and otherwise the one that covers least.
 */
import type { Middleware, Placement as Side } from '@floating-ui/dom';
import { CORNERS, type Corner } from './corners';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Things on a portal page that a volunteer clicks, types into or chooses from. */
export const CONTROL_SELECTOR = [
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'button',
  '[role="combobox"]',
  '[role="button"]',
  '[aria-haspopup]:not([aria-haspopup="false"])',
  'a[href]',
  '[contenteditable]:not([contenteditable="false"])',
].join(',');

/** Beside the anchor first (above/below are where labels, checkboxes and dropdown lists are). */
export const SIDES: Side[] = ['right', 'left', 'bottom', 'top', 'right-start', 'left-start', 'bottom-start', 'top-start', 'right-end', 'left-end', 'bottom-end', 'top-end'];

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const box = (r: DOMRect | Box): Box => ({ x: r.x, y: r.y, width: r.width, height: r.height });

/**
 * Visible controls around the anchor, in viewport coordinates. Inside an open modal only the modal's
 * controls count (the rest of the page is behind its backdrop). The anchor's own ancestors are left
 * out (a link wrapping a card is the same control); the anchor itself is always included.
 */
export function controlsNear(anchor: Element, reach = { x: 420, y: 320 }): Box[] {
  const doc = anchor.ownerDocument;
  const scope: ParentNode = anchor.closest('[aria-modal="true"], dialog[open], [role="dialog"]') ?? doc;
  const a = anchor.getBoundingClientRect();
  const area = { x: a.left - reach.x, y: a.top - reach.y, width: a.width + 2 * reach.x, height: a.height + 2 * reach.y };
  const out: Box[] = [box(a)];
  for (const el of scope.querySelectorAll(CONTROL_SELECTOR)) {
    if (el === anchor || el.contains(anchor) || anchor.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || !overlapArea(r, area)) continue;
    if ((el as HTMLElement).checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) === false) continue;
    out.push(box(r));
  }
  return out;
}

/** How bad a rect is: area of covered controls (the anchor counts 4×) plus area off screen (10×). */
export function coverScore(r: Box, obstacles: Box[], viewport: { width: number; height: number }, anchorFirst = true): number {
  let score = 0;
  obstacles.forEach((o, i) => (score += overlapArea(r, o) * (anchorFirst && i === 0 ? 4 : 1)));
  const inside = overlapArea(r, { x: 0, y: 0, width: viewport.width, height: viewport.height });
  return score + (r.width * r.height - inside) * 10;
}

export interface AvoidData {
  tried: Array<{ placement: Side; score: number }>;
  settled: boolean;
  /** The chosen placement's score (0: covers nothing). */
  score?: number;
}

/**
 * Middleware (after offset and shift): tries the placements of `sides` in order until one covers
 * no control; when none is clear, settles on the least covering one.
 */
export function avoidControls(obstacles: () => Box[], sides: Side[] = SIDES, viewport = () => ({ width: innerWidth, height: innerHeight })): Middleware {
  return {
    name: 'avoidControls',
    fn(state) {
      const data = (state.middlewareData.avoidControls ?? { tried: [], settled: false }) as AvoidData;
      if (data.settled) return {};
      const r = { x: state.x, y: state.y, width: state.rects.floating.width, height: state.rects.floating.height };
      const score = coverScore(r, obstacles(), viewport());
      const tried = [...data.tried, { placement: state.placement, score }];
      if (score === 0) return { data: { tried, settled: true, score } };
      const next = sides.find((s) => !tried.some((t) => t.placement === s));
      if (next) return { data: { tried, settled: false }, reset: { placement: next } };
      const best = tried.reduce((m, t) => (t.score < m.score ? t : m));
      return best.placement === state.placement
        ? { data: { tried, settled: true, score: best.score } }
        : { data: { tried, settled: true, score: best.score }, reset: { placement: best.placement } };
    },
  };
}

/** Bubble widths to try, widest first: a narrower bubble often fits between controls. */
export const BUBBLE_WIDTHS = [340, 300, 260];

export type { Corner };

/** The panel's rect if it sat in `corner` (12 px from the edges, as in the overlay styles). */
export function cornerBox(corner: Corner, size: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  const x = corner.endsWith('right') ? viewport.width - 12 - size.width : 12;
  const y = corner.startsWith('bottom') ? viewport.height - 12 - size.height : 12;
  return { x, y, width: size.width, height: size.height };
}

/**
 * The corner the panel should use: the current one unless it covers the anchor or a control near it
 * and another corner covers less (a whole-form anchor cannot be avoided: the volunteer can move the
 * panel).
 */
export function panelCorner(current: Corner, size: { width: number; height: number }, obstacles: Box[], viewport: { width: number; height: number }): Corner {
  const anchor = obstacles[0];
  if (!anchor || anchor.height > viewport.height * 0.5 || anchor.width > viewport.width * 0.6) return current;
  const score = (c: Corner) => coverScore(cornerBox(c, size, viewport), obstacles, viewport);
  const now = score(current);
  if (now === 0) return current;
  const order: Corner[] = [current, ...CORNERS.filter((c) => c !== current)];
  return order.reduce((best, c) => (score(c) < score(best) ? c : best), current);
}
