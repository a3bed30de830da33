/**
 * Finds a step's anchor from its data: role + visible text / label, optional container,
 * alternatives tried in order. Nodes are never cached by callers across re-renders: React swaps
 * buttons for inputs and renders listboxes at the end of <body>, so every lookup starts afresh.
 * Only what the portals show is relied on: visible text whatever the element, labels beside
 * fields, document order (docs/portal-evidence.md §1–§7).
 */
import type { AnchorAlt } from '../guides/schema';
import { FIELD_SELECTOR, labelsOf } from './labels';
import { foldVietnamese } from '../../shared/text/fold';
import { textMatches } from './text';

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  link: 'a[href], [role="link"]',
  combobox: '[aria-haspopup="listbox"], [role="combobox"], select, input[aria-autocomplete], mat-select',
  textbox:
    'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="tel"], textarea, [role="textbox"], [role="searchbox"]',
  field: FIELD_SELECTOR,
  option: '[role="option"], [role="listbox"] > li, [role="listbox"] > div',
  row: 'tr, [role="row"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"], legend',
  dialog: '[role="dialog"], dialog, [role="alertdialog"]',
  alert: '[role="alert"], [role="status"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"], mat-checkbox',
  radio: 'input[type="radio"], [role="radio"]',
  file: 'input[type="file"]',
  any: '*',
};

/** How far a text that labels a box may be from the box's edge (title div → card, 4–5 levels in AFH). */
const MAX_CLIMB = 6;
const SKIPPED = 'script, style, noscript, template';

export function isVisible(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (check) return check.call(el, { visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);
  return el.getClientRects().length > 0;
}

/** The element's text, without the text nodes `ignoreText` names. */
function textOf(el: Element, alt: AnchorAlt): string {
  if (!alt.ignoreText) return el.textContent ?? '';
  const skip = new RegExp(alt.ignoreText, 'iu');
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    if (!skip.test(value.trim())) out += ` ${value}`;
  }
  return out;
}

function textFilter(alt: AnchorAlt): ((s: string) => boolean) | null {
  const checks: Array<(s: string) => boolean> = [];
  if (alt.text) checks.push((s) => textMatches(s, alt.text!, alt.match ?? 'contains'));
  if (alt.textRegex) {
    const re = new RegExp(alt.textRegex.normalize('NFC'), 'iu');
    // Some portal labels are not NFC (docs/portal-evidence.md §5.3): compare composed text.
    checks.push((s) => re.test(s.normalize('NFC')));
  }
  if (alt.without) checks.push((s) => !textMatches(s, alt.without!, 'contains'));
  return checks.length ? (s) => checks.every((c) => c(s)) : null;
}

/** Elements directly matching `alt` (ignoring `within`/`nth`) inside `root`, in document order. */
function candidates(alt: AnchorAlt, root: ParentNode): Element[] {
  const byText = textFilter(alt);
  // Folding never makes text longer, so shorter text cannot match.
  const minLength = alt.text ? Math.min(...alt.text.map((t) => foldVietnamese(t).length)) : 0;
  if (alt.role === 'text') {
    const out: Element[] = [];
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(SKIPPED)) continue;
      const value = n.nodeValue ?? '';
      if (value.length < minLength || !value.trim() || (byText && !byText(value))) continue;
      if (out.at(-1) !== parent && isVisible(parent)) out.push(parent);
    }
    return out;
  }
  const selector = alt.css ?? ROLE_SELECTORS[alt.role ?? 'any'] ?? '*';
  const roleFilter = alt.css && alt.role && alt.role !== 'any' ? ROLE_SELECTORS[alt.role] : undefined;
  const out: Element[] = [];
  // Folding text is cheaper than layout: visibility is checked last, on text matches only.
  for (const el of root.querySelectorAll(selector)) {
    if (roleFilter && !el.matches(roleFilter)) continue;
    if (alt.label && !labelsOf(el).some((l) => textMatches(l, alt.label!, alt.match ?? 'contains'))) continue;
    if (byText) {
      const text = textOf(el, alt);
      if (text.length < minLength || !byText(text)) continue;
    }
    if (!isVisible(el)) continue;
    out.push(el);
  }
  // Nested matches (a card and its inner button both "contain" the text): keep the innermost.
  const inner = byText ? out.filter((el, i) => !out.slice(i + 1).some((o) => el.contains(o))) : out;
  if (alt.prefer === 'shortest') {
    const len = (el: Element) => textOf(el, alt).replace(/\s+/g, ' ').trim().length;
    return inner.map((el, i) => ({ el, i, n: len(el) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.el);
  }
  return inner;
}

/**
 * The boxes a container stands for. A text (or heading) labels the smallest box around it that
 * holds a match of `inner`, found by climbing; that box never grows to hold two boundaries (by
 * default: two such containers), so a list of cards yields one card, never the list.
 */
function boxesOf(containerAlt: AnchorAlt, inner: AnchorAlt, root: ParentNode, boundary: AnchorAlt[] | undefined): Element[][] {
  const containers = candidates(containerAlt, root);
  const climbs = containerAlt.role === 'text' || containerAlt.role === 'heading';
  const stops = boundary ? boundary.flatMap((b) => candidates(b, root)) : containers;
  const out: Element[][] = [];
  for (const container of containers) {
    if (!climbs) {
      out.push(candidates(inner, container));
      continue;
    }
    let scope: Element | null = container;
    for (let up = 0; scope && up <= MAX_CLIMB; up++, scope = scope.parentElement) {
      const s: Element = scope;
      if (stops.filter((o) => s.contains(o)).length > 1) break;
      const hits = candidates(inner, s);
      if (hits.length) {
        out.push(hits);
        break;
      }
      if (s === root) break;
    }
  }
  return out;
}

function findAlt(alt: AnchorAlt, root: ParentNode): Element | null {
  const nth = alt.nth ?? 0;
  if (!alt.within) return candidates(alt, root)[nth] ?? null;
  const { within, boundary, ...inner } = alt;
  for (const containerAlt of within) {
    for (const hits of boxesOf(containerAlt, inner, root, boundary)) if (hits.length > nth) return hits[nth]!;
  }
  return null;
}

export function findAnchor(alts: readonly AnchorAlt[], root: ParentNode = document.body ?? document): Element | null {
  for (const alt of alts) {
    const el = findAlt(alt, root);
    if (el) return el;
  }
  return null;
}

/**
 * A step's `refers`: for each alternative, its match nearest the anchor — inside the anchor, or in
 * the closest of its ancestors (up to `levels` up) that holds one.
 */
export function findNear(alts: readonly AnchorAlt[], anchor: Element, levels = 8): Element[] {
  const out = new Set<Element>();
  for (const alt of alts) {
    let scope: Element | null = anchor;
    for (let up = 0; scope && up <= levels; up++, scope = scope.parentElement) {
      const el = findAlt(alt, scope);
      if (el) {
        out.add(el);
        break;
      }
    }
  }
  return [...out];
}

/** Every element any alternative finds (for counting what is new on the page), in no set order. */
export function findAllAnchors(alts: readonly AnchorAlt[], root: ParentNode = document.body ?? document): Element[] {
  const seen = new Set<Element>();
  for (const alt of alts) {
    if (!alt.within) {
      for (const el of candidates(alt, root)) seen.add(el);
      continue;
    }
    const { within, boundary, ...inner } = alt;
    for (const containerAlt of within) for (const hits of boxesOf(containerAlt, inner, root, boundary)) for (const el of hits) seen.add(el);
  }
  return [...seen];
}
