/**
 * The keyboard focus indicator reaches 3:1 (WCAG 2.2) against every background its stylesheet
 * paints, computed from the CSS colours the surfaces actually ship: the overlay, the popup, the
 * practice pages, the extension pages, the printable slips and the Sheets sidebar. The indicator
 * is two-tone (a dark outline over a light band), so it stays visible on light and dark
 * backgrounds alike; a rule passes when either tone reaches 3:1 against each background.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { overlayCss } from '../../../extension/overlay/styles';
import { practiceCss } from '../../../extension/practice/ui/styles';
import { pageCss } from '../../../extension/pages/pageStyles';
import { recordFormCss } from '../../../extension/pages/styles';
import { printableCss } from '../../../extension/pages/printable/styles';

const root = path.resolve(import.meta.dirname, '../../..');
const SHEETS: Record<string, string> = {
  overlay: overlayCss,
  popup: readFileSync(path.join(root, 'extension/popup/styles.css'), 'utf8'),
  practice: practiceCss,
  pages: pageCss,
  'record form': recordFormCss,
  printable: printableCss,
  'Sheets sidebar': readFileSync(path.join(root, 'apps-script/sidebar/Sidebar/style.css'), 'utf8'),
};

type Rgb = [number, number, number];

function hex(c: string): Rgb {
  const h = c.replace('#', '');
  const full = h.length === 3 ? [...h].map((x) => x + x).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** `var(--x)` resolved against the sheet's custom properties. */
function resolve(css: string, value: string): string | null {
  const v = value.trim();
  const m = /^var\((--[\w-]+)\)$/.exec(v);
  if (!m) return /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(v) ? v : null;
  const def = new RegExp(`${m[1]}\\s*:\\s*(#[0-9a-f]{3,6})`, 'i').exec(css);
  return def ? def[1]! : null;
}

/** Every solid background colour the sheet paints (translucent and gradient ones left aside). */
function backgrounds(css: string): string[] {
  const out = new Set<string>();
  for (const m of css.matchAll(/background(?:-color)?\s*:\s*([^;}!]+)/g)) {
    const c = resolve(css, m[1]!.trim().split(/\s+/)[0]!);
    if (c) out.add(c.toLowerCase());
  }
  return [...out];
}

/** The focus rules: their outline colour and the colour of a solid box-shadow ring. */
function focusRules(css: string): Array<{ selector: string; outline: string | null; ring: string | null }> {
  const out = [];
  for (const m of css.matchAll(/([^{}]*:focus-visible[^{}]*)\{([^}]*)\}/g)) {
    const body = m[2]!;
    const outline = /outline\s*:\s*(\d+)px\s+solid\s+([^;\s]+)/.exec(body);
    const ring = /box-shadow\s*:\s*0\s+0\s+0\s+(\d+)px\s+([^;\s,]+)/.exec(body);
    out.push({
      selector: m[1]!.trim(),
      outline: outline && Number(outline[1]) >= 2 ? resolve(css, outline[2]!) : null,
      ring: ring && Number(ring[1]) >= 2 ? resolve(css, ring[2]!) : null,
    });
  }
  return out;
}

describe('WCAG contrast', () => {
  it('computes the known ratios', () => {
    expect(contrast(hex('#000'), hex('#fff'))).toBeCloseTo(21, 5);
    // The amber ring the issue measured on white.
    expect(contrast(hex('#ffb300'), hex('#ffffff'))).toBeCloseTo(1.79, 1);
  });
});

describe('focus indicator ≥ 3:1 on every background of its surface', () => {
  for (const [name, css] of Object.entries(SHEETS)) {
    it(name, () => {
      const rules = focusRules(css);
      expect(rules.length).toBeGreaterThan(0);
      const bgs = backgrounds(css);
      expect(bgs.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const r of rules) {
        const tones = [r.outline, r.ring].filter((c): c is string => !!c);
        if (!tones.length) failures.push(`${r.selector}: no solid outline or ring ≥ 2 px`);
        for (const bg of bgs) {
          const best = Math.max(0, ...tones.map((t) => contrast(hex(t), hex(bg))));
          if (best < 3) failures.push(`${r.selector} on ${bg}: ${best.toFixed(2)}:1`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
