/**
 * Where the hint bubble and the step panel may go: never over the field the volunteer must use,
 * nor over what the step asks them to read. The bubble's side is chosen by a @floating-ui
 * middleware that scores each candidate placement by how much of the page's visible controls it
 * would cover (the anchor, the referred text and the panel weigh MUST), takes the first one that
 * covers nothing, and otherwise the one that covers least. The panel takes the corner (or folds to
 * its header) that keeps those clear.
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
export function controlsNear(anchor: Element, reach = { x: 420, y: 320 }): Obstacle[] {
  const doc = anchor.ownerDocument;
  const scope: ParentNode = anchor.closest('[aria-modal="true"], dialog[open], [role="dialog"]') ?? doc;
  const a = anchor.getBoundingClientRect();
  const area = { x: a.left - reach.x, y: a.top - reach.y, width: a.width + 2 * reach.x, height: a.height + 2 * reach.y };
  const out: Obstacle[] = [{ ...box(a), weight: MUST }];
  for (const el of scope.querySelectorAll(CONTROL_SELECTOR)) {
    if (el === anchor || el.contains(anchor) || anchor.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || !overlapArea(r, area)) continue;
    if ((el as HTMLElement).checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) === false) continue;
    out.push(box(r));
  }
  return out;
}

/** An obstacle's weight per px² covered: the anchor and what the step asks to read must stay visible. */
export const MUST = 20;
export type Obstacle = Box & { weight?: number };

/** How bad a rect is: area of covered obstacles (by weight, default 1) plus area off screen (10×). */
export function coverScore(r: Box, obstacles: Obstacle[], viewport: { width: number; height: number }): number {
  let score = 0;
  for (const o of obstacles) score += overlapArea(r, o) * (o.weight ?? 1);
  const inside = overlapArea(r, { x: 0, y: 0, width: viewport.width, height: viewport.height });
  return score + (r.width * r.height - inside) * 10;
}

/** Area of `r` over the obstacles that must stay visible. */
export const mustCover = (r: Box, obstacles: Obstacle[]) => obstacles.reduce((n, o) => n + ((o.weight ?? 1) >= MUST ? overlapArea(r, o) : 0), 0);

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
export function avoidControls(obstacles: () => Obstacle[], sides: Side[] = SIDES, viewport = () => ({ width: innerWidth, height: innerHeight })): Middleware {
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

/**
 * Bubble widths to try: narrower first fits between controls; then wide and short, for a small
 * window where only a strip above or below the anchor is free.
 */
export const BUBBLE_WIDTHS = [340, 300, 260, 460, 640];


/** The panel's rect if it sat in `corner` (12 px from the edges, as in the overlay styles). */
export function cornerBox(corner: Corner, size: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  const x = corner.endsWith('right') ? viewport.width - 12 - size.width : 12;
  const y = corner.startsWith('bottom') ? viewport.height - 12 - size.height : 12;
  return { x, y, width: size.width, height: size.height };
}

type Size = { width: number; height: number };

/**
 * The obstacles worth avoiding: not one too big to keep clear (a whole form: a third of the window),
 * nor, when the anchor is that big or that wide, the controls (they are the form's own).
 */
export function avoidable(obstacles: Obstacle[], viewport: Size): Obstacle[] {
  const { width: w, height: h } = viewport;
  const a = obstacles[0];
  const wholeForm = !!a && (a.height > h * 0.5 || a.width > w * 0.6);
  return obstacles.filter((o) => ((o.weight ?? 1) >= MUST ? o.width * o.height <= w * h * 0.3 && o.height <= h * 0.5 : !wholeForm));
}

export interface PanelOption {
  corner: Corner;
  /** Folded to its header (the volunteer can open it again). */
  folded: boolean;
  /** Its height capped to the room left in the corner (px; it scrolls), or null. */
  room: number | null;
  box: Box;
  /** Area it covers of what must stay visible (0: clear). */
  covers: number;
  score: number;
}

/** The tallest the panel may be in `corner` and cover none of `must` (its full height at most). */
export function roomIn(corner: Corner, size: Size, must: Box[], viewport: Size): number {
  const x = corner.endsWith('right') ? viewport.width - 12 - size.width : 12;
  let h = size.height;
  for (const o of must) {
    if (o.x >= x + size.width || x >= o.x + o.width || o.y >= viewport.height || o.y + o.height <= 0) continue;
    h = Math.min(h, corner.startsWith('bottom') ? viewport.height - 20 - o.y - o.height : o.y - 20);
  }
  return h;
}

/**
 * Where the panel may go, best first: clear of what must stay visible (the anchor, what the step
 * refers to, the bubble) before anything else; at full size, then shortened to the room left in a
 * corner (at least 160 px), then folded to its header (`sizes`: full, then folded, if allowed);
 * then covering the fewest controls; the current corner wins ties. Only `avoidable` obstacles
 * count: the volunteer can move the panel off a whole-form anchor.
 */
export function panelOptions(current: Corner, sizes: Size[], obstacles: Obstacle[], viewport: Size): PanelOption[] {
  const kept = avoidable(obstacles, viewport);
  const must = kept.filter((o) => (o.weight ?? 1) >= MUST);
  const order: Corner[] = [current, ...CORNERS.filter((c) => c !== current)];
  const options: Array<PanelOption & { tier: number }> = [];
  const add = (corner: Corner, size: Size, tier: number, room: number | null = null) => {
    const box = cornerBox(corner, size, viewport);
    options.push({ corner, folded: tier > 1, room, tier, box, covers: mustCover(box, kept), score: coverScore(box, kept, viewport) });
  };
  const [full, folded] = sizes;
  for (const c of order) if (full) add(c, full, 0);
  for (const c of order) {
    const room = full ? roomIn(c, full, must, viewport) : 0;
    if (room >= 160 && room < full!.height) add(c, { width: full!.width, height: room }, 1, Math.floor(room));
  }
  for (const c of order) if (folded) add(c, folded, 2);
  return options.sort((a, b) => +(a.covers > 0) - +(b.covers > 0) || a.covers - b.covers || a.tier - b.tier || a.score - b.score);
}
