import { describe, expect, it } from 'vitest';
import { computePosition, offset, shift, type Platform } from '@floating-ui/core';
import { avoidControls, cornerBox, MUST, mustCover, overlapArea, panelOptions, type Box, type Obstacle } from '../../../extension/overlay/placement';

const viewport = { width: 1280, height: 860 };
const bubble = { width: 340, height: 120 };

/** A static layout: the anchor and the bubble as plain rects, the viewport as the clipping rect. */
function place(anchor: Box, controls: Obstacle[]) {
  const platform: Platform = {
    getElementRects: () => ({ reference: anchor, floating: { x: 0, y: 0, ...bubble } }),
    getClippingRect: () => ({ x: 0, y: 0, ...viewport }),
    getDimensions: () => bubble,
  };
  return computePosition({}, {}, {
    platform,
    placement: 'right',
    middleware: [offset(14), shift({ padding: 8 }), avoidControls(() => [{ ...anchor, weight: MUST }, ...controls], undefined, () => viewport)],
  });
}

const hits = (r: { x: number; y: number }, c: Box) => r.x < c.x + c.width && c.x < r.x + bubble.width && r.y < c.y + c.height && c.y < r.y + bubble.height;

describe('bubble placement avoids the page controls', () => {
  it('keeps "right" when nothing is there', async () => {
    const r = await place({ x: 100, y: 300, width: 80, height: 30 }, []);
    expect(r.placement).toBe('right');
  });

  it('leaves the inputs to the right of a login button free (VNeID: label text, then the input)', async () => {
    const anchor = { x: 430, y: 400, width: 80, height: 30 };
    const inputs = [{ x: 560, y: 330, width: 200, height: 24 }, { x: 540, y: 362, width: 200, height: 24 }];
    const r = await place(anchor, inputs);
    expect(r.placement).not.toBe('right');
    for (const c of [anchor, ...inputs]) expect(hits(r, c)).toBe(false);
  });

  it('when every side is taken, settles on the placement that covers least', async () => {
    const anchor = { x: 600, y: 400, width: 80, height: 30 };
    // Controls all around; the one below is the smallest.
    const controls = [
      { x: 694, y: 250, width: 400, height: 330 }, // right
      { x: 150, y: 250, width: 436, height: 330 }, // left
      { x: 300, y: 150, width: 700, height: 236 }, // above
      { x: 560, y: 444, width: 30, height: 20 }, // small, below
    ];
    const r = await place(anchor, controls);
    expect(r.placement.startsWith('bottom')).toBe(true);
    const data = r.middlewareData.avoidControls as { tried: Array<{ score: number }>; score: number };
    expect(data.score).toBeGreaterThan(0);
    expect(data.score).toBe(Math.min(...data.tried.map((t) => t.score)));
  });
});

describe('what the step refers to (the dossier code, the consent sentence, the card name)', () => {
  it('the bubble leaves the referred text alone even when that means covering an ordinary control', async () => {
    // The code sits right of its label; a small link is below the label.
    const label = { x: 300, y: 300, width: 80, height: 24 };
    const code = { x: 390, y: 300, width: 200, height: 24 };
    const link = { x: 300, y: 340, width: 120, height: 24 };
    const r = await place(label, [{ ...code, weight: MUST }, link]);
    expect(hits(r, code)).toBe(false);
    expect(hits(r, label)).toBe(false);
    // Without the code marked as referred, the bubble would sit on it ("right" is the first choice).
    const plain = await place(label, []);
    expect(hits(plain, code)).toBe(true);
  });
});

describe('panel options', () => {
  const size = { width: 380, height: 380 };
  const folded = { width: 300, height: 60 };
  const best = (...args: Parameters<typeof panelOptions>) => panelOptions(...args)[0]!;

  it('moves off the anchor and the controls near it, and stays put otherwise', () => {
    const anchor = { ...cornerBox('bottom-right', { width: 100, height: 30 }, viewport), weight: MUST };
    expect(best('bottom-right', [size], [anchor], viewport).corner).not.toBe('bottom-right');
    expect(best('bottom-left', [size], [anchor], viewport).corner).toBe('bottom-left');
    const field = { x: 900, y: 20, width: 300, height: 30 };
    expect(best('top-right', [size], [{ x: 860, y: 60, width: 80, height: 30, weight: MUST }, field], viewport).corner.startsWith('bottom')).toBe(true);
  });

  it('never covers the referred text: rather a corner over ordinary controls', () => {
    const anchor = { x: 600, y: 400, width: 80, height: 30, weight: MUST };
    const code = { ...cornerBox('bottom-right', { width: 200, height: 24 }, viewport), weight: MUST };
    const controls = [cornerBox('bottom-left', { width: 300, height: 300 }, viewport)];
    const o = best('bottom-right', [size, folded], [anchor, code, ...controls], viewport);
    expect(o.covers).toBe(0);
    expect(overlapArea(o.box, code)).toBe(0);
    expect(o.folded).toBe(false);
  });

  it('folds to its header when no corner keeps the anchor and the referred text clear at full size (a 683×384 window)', () => {
    const small = { width: 683, height: 384 };
    const panel = { width: 340, height: 192 };
    // Anchor in the middle, referred texts near each corner's reach: every full-size corner covers one.
    const obstacles: Obstacle[] = [
      { x: 300, y: 180, width: 80, height: 30, weight: MUST },
      { x: 200, y: 100, width: 280, height: 24, weight: MUST },
      { x: 200, y: 260, width: 280, height: 24, weight: MUST },
    ];
    const options = panelOptions('bottom-right', [panel, { width: 300, height: 56 }], obstacles, small);
    expect(options.filter((o) => !o.folded).every((o) => o.covers > 0)).toBe(true);
    expect(options[0]!.folded).toBe(true);
    expect(mustCover(options[0]!.box, obstacles)).toBe(0);
    // With room (the anchor low on the left), full size wins.
    const room = panelOptions('bottom-right', [panel, folded], [{ x: 20, y: 320, width: 80, height: 30, weight: MUST }], small)[0]!;
    expect([room.folded, room.covers]).toEqual([false, 0]);
  });

  it('a tall panel is shortened to the room left under a wide anchor row rather than folded (the liên thông result line)', () => {
    const row = { x: 16, y: 120, width: 1248, height: 30, weight: MUST };
    const tall = { width: 380, height: 760 };
    const o = best('bottom-right', [tall, folded], [row], viewport);
    expect([o.corner, o.folded, o.room]).toEqual(['bottom-right', false, 860 - 20 - 150]);
    expect(o.covers).toBe(0);
  });

  it('a whole-form anchor cannot be avoided: the panel keeps its corner', () => {
    const form = { x: 0, y: 0, width: 1280, height: 860, weight: MUST };
    const o = best('top-left', [size, folded], [form, { x: 20, y: 20, width: 100, height: 30 }], viewport);
    expect([o.corner, o.folded]).toEqual(['top-left', false]);
  });
});
