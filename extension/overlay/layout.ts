/**
 * One layout pass of the overlay: the panel's corner (or folding it to its header) and the bubble's
 * place, so that neither covers the anchor, what the step refers to, or the other. Panel options
 * are tried best first; for each the bubble is placed around the panel; the first pair that keeps
 * everything clear wins, else the pair that covers least.
 */
import { arrow, computePosition, hide, offset, shift, type ComputePositionReturn } from '@floating-ui/dom';
import type { Corner } from './corners';
import { avoidable, avoidControls, BUBBLE_WIDTHS, controlsNear, MUST, mustCover, panelOptions, type AvoidData, type Box, type Obstacle } from './placement';

type Size = { width: number; height: number };

export interface Layout {
  /** Null: no panel in this frame. */
  corner: Corner | null;
  folded: boolean;
  /** The panel's height cap (px), when shortened to the room left in its corner. */
  room: number | null;
  bubble: ComputePositionReturn;
}

/** The box of an element's words (a block's text, not its whole width). */
function textBox(el: Element): Box {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const t = range.getBoundingClientRect();
  const r = t.width && t.height ? t : el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

export async function layOut(
  anchor: Element,
  bubble: HTMLElement,
  arrowEl: HTMLElement,
  refers: Element[],
  panel: { corner: Corner; sizes: Size[] } | null,
  /** The phone's bottom sheet: not moved, only kept clear. */
  sheet: Box | null,
  stale: () => boolean,
): Promise<Layout | null> {
  // The window less its scroll bars, as fixed elements see it.
  const root = document.documentElement;
  const viewport = { width: root.clientWidth || innerWidth, height: root.clientHeight || innerHeight };
  // The controls around the anchor, measured once per pass, then what the step asks to read.
  const page: Obstacle[] = [...controlsNear(anchor), ...refers.map((el) => ({ ...textBox(el), weight: MUST })), ...(sheet ? [{ ...sheet, weight: MUST }] : [])];
  const must = avoidable(page, viewport).filter((o) => o.weight === MUST);
  let last: ComputePositionReturn | null = null;
  const position = async (width: number, obstacles: Obstacle[]) => {
    bubble.style.maxWidth = `${Math.min(width, viewport.width - 16)}px`;
    return (last = await computePosition(anchor, bubble, {
      strategy: 'fixed',
      placement: 'right',
      middleware: [offset(14), shift({ padding: 8 }), avoidControls(() => obstacles, undefined, () => viewport), arrow({ element: arrowEl }), hide()],
    }));
  };
  const score = (r: ComputePositionReturn) => (r.middlewareData.avoidControls as AvoidData | undefined)?.score ?? 0;
  // Widest bubble that covers nothing; if none does, the one that covers least.
  const placeBubble = async (obstacles: Obstacle[]) => {
    let best: { width: number; result: ComputePositionReturn; size: Size } | null = null;
    for (const width of BUBBLE_WIDTHS) {
      if (stale()) return null;
      const result = await position(width, obstacles);
      if (!best || score(result) < score(best.result)) best = { width, result, size: { width: bubble.offsetWidth, height: bubble.offsetHeight } };
      if (score(result) === 0) break;
    }
    return best && { ...best, obstacles, box: { x: best.result.x, y: best.result.y, ...best.size } };
  };

  const options = panel ? panelOptions(panel.corner, panel.sizes, page, viewport) : [null];
  let chosen: { option: (typeof options)[number]; placed: NonNullable<Awaited<ReturnType<typeof placeBubble>>>; bad: number } | null = null;
  for (const option of options) {
    const around: Obstacle | null = option && { ...option.box, weight: MUST };
    const placed = await placeBubble(around ? [...page, around] : page);
    if (!placed) return null;
    const bad = (option?.covers ?? 0) + mustCover(placed.box, around ? [...must, around] : must);
    if (!chosen || bad < chosen.bad) chosen = { option, placed, bad };
    if (bad === 0) break;
  }
  if (!chosen || stale()) return null;
  const { option, placed } = chosen;
  // The bubble's size is that of the last width tried: lay it out again at the chosen one.
  const result = last === placed.result ? placed.result : await position(placed.width, placed.obstacles);
  return stale() ? null : { corner: option?.corner ?? null, folded: !!option?.folded, room: option?.room ?? null, bubble: result };
}
