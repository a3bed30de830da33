import { describe, expect, it } from 'vitest';
import { computePosition, offset, shift, type Platform } from '@floating-ui/core';
import { avoidControls, cornerBox, panelCorner, type Box } from '../../../extension/overlay/placement';

const viewport = { width: 1280, height: 860 };
const bubble = { width: 340, height: 120 };

/** A static layout: the anchor and the bubble as plain rects, the viewport as the clipping rect. */
function place(anchor: Box, controls: Box[]) {
  const platform: Platform = {
    getElementRects: () => ({ reference: anchor, floating: { x: 0, y: 0, ...bubble } }),
    getClippingRect: () => ({ x: 0, y: 0, ...viewport }),
    getDimensions: () => bubble,
  };
  return computePosition({}, {}, {
    platform,
    placement: 'right',
    middleware: [offset(14), shift({ padding: 8 }), avoidControls(() => [anchor, ...controls], undefined, () => viewport)],
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

describe('panel corner', () => {
  const size = { width: 380, height: 380 };
  it('moves off the anchor and the controls near it, and stays put otherwise', () => {
    const anchor = cornerBox('bottom-right', { width: 100, height: 30 }, viewport);
    expect(panelCorner('bottom-right', size, [anchor], viewport)).not.toBe('bottom-right');
    expect(panelCorner('bottom-left', size, [anchor], viewport)).toBe('bottom-left');
    const field = { x: 900, y: 20, width: 300, height: 30 };
    const corner = panelCorner('top-right', size, [{ x: 860, y: 60, width: 80, height: 30 }, field], viewport);
    expect(corner.startsWith('bottom')).toBe(true);
  });
});
