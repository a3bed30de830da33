/**
 * Finds a step's anchor from its data: role + visible text / accessible label, optional container,
 * alternatives tried in order. Nodes are never cached by callers across re-renders: React swaps
 * buttons for inputs and renders listboxes at the end of <body>, so every lookup starts afresh.
 */
import type { AnchorAlt } from '../guides/schema';
import { isSensitiveField } from './sensitive';
import { textMatches } from './text';

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  link: 'a[href], [role="link"]',
  // An empty React picker is a button[aria-haspopup=listbox]; a chosen one is a read-only input.
  combobox: '[aria-haspopup="listbox"], [role="combobox"], select, input[readonly]:not([type="hidden"]), input[aria-autocomplete]',
  textbox:
    'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="tel"], textarea, [role="textbox"], [role="searchbox"]',
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

const MAX_CLIMB = 6;

export function isVisible(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (check) return check.call(el, { visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);
  return el.getClientRects().length > 0;
}

function labelOf(el: Element): string {
  const parts = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')];
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(el.ownerDocument.getElementById(id)?.textContent ?? null);
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const l of labels) parts.push(l.textContent);
  return parts.filter(Boolean).join(' \n ');
}

function textFilter(alt: AnchorAlt): ((s: string) => boolean) | null {
  const checks: Array<(s: string) => boolean> = [];
  if (alt.text) checks.push((s) => textMatches(s, alt.text!, alt.match ?? 'contains'));
  if (alt.textRegex) {
    const re = new RegExp(alt.textRegex, 'iu');
    checks.push((s) => re.test(s));
  }
  return checks.length ? (s) => checks.every((c) => c(s)) : null;
}

/** Elements directly matching `alt` (ignoring `within`/`nth`) inside `root`, in document order. */
function candidates(alt: AnchorAlt, root: ParentNode): Element[] {
  const byText = textFilter(alt);
  if (alt.role === 'text') {
    const out: Element[] = [];
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, noscript, template')) continue;
      const value = n.nodeValue ?? '';
      if (!value.trim() || (byText && !byText(value))) continue;
      if (out.at(-1) !== parent && isVisible(parent)) out.push(parent);
    }
    return out;
  }
  const selector = alt.css ?? ROLE_SELECTORS[alt.role ?? 'any'] ?? '*';
  const roleFilter = alt.css && alt.role && alt.role !== 'any' ? ROLE_SELECTORS[alt.role] : undefined;
  const out: Element[] = [];
  // Folding text is cheaper than layout: visibility is checked last, on text matches only.
  const minLength = alt.text ? Math.min(...alt.text.map((t) => t.trim().length)) : 0;
  for (const el of root.querySelectorAll(selector)) {
    if (roleFilter && !el.matches(roleFilter)) continue;
    if (alt.label && !textMatches(labelOf(el), alt.label, alt.match ?? 'contains')) continue;
    if (byText) {
      const text = el.textContent ?? '';
      // Folding never makes text longer, so shorter text cannot match.
      if (text.length < minLength || !byText(text)) continue;
    }
    if (!isVisible(el)) continue;
    out.push(el);
  }
  // Nested matches (a card and its inner button both "contain" the text): keep the innermost.
  return byText ? out.filter((el, i) => !out.slice(i + 1).some((o) => el.contains(o))) : out;
}

function findAlt(alt: AnchorAlt, root: ParentNode): Element | null {
  const nth = alt.nth ?? 0;
  if (!alt.within) return candidates(alt, root)[nth] ?? null;
  const { within, ...inner } = alt;
  for (const containerAlt of within) {
    // A heading or a piece of text labels a box around it: climb to the box that holds the target.
    // Any other container (a row, a dialog) is the box itself.
    const climb = containerAlt.role === 'text' || containerAlt.role === 'heading' ? MAX_CLIMB : 0;
    for (const container of candidates(containerAlt, root)) {
      let scope: Element | null = container;
      for (let up = 0; scope && up <= climb; up++, scope = scope.parentElement) {
        const hits = candidates(inner, scope);
        if (hits.length > nth) return hits[nth]!;
        if (scope === root) break;
      }
    }
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
 * Whether a field (or every required field inside a container) has a value. Sensitive fields are
 * never read: a container holding one counts as "not filled by us" and the step waits for "Xong".
 */
export function isFilled(el: Element): boolean {
  const fields = isField(el) ? [el] : [...el.querySelectorAll('[aria-required="true"], [required]')].filter(isVisible);
  if (!fields.length) return false;
  return fields.every((f) => {
    if (isSensitiveField(f)) return false;
    if (f instanceof HTMLInputElement || f instanceof HTMLTextAreaElement || f instanceof HTMLSelectElement) {
      if (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio')) return f.checked;
      return f.value.trim() !== '';
    }
    // An empty React picker is a button; choosing a value swaps it for an input (portals.md §3.1).
    if (f.matches('button[aria-haspopup="listbox"]')) return false;
    // Custom pickers (SurveyJS dropdown, cc-select): the shown value, without placeholder parts.
    const clone = f.cloneNode(true) as Element;
    clone.querySelectorAll('[class*="placeholder"], input').forEach((n) => n.remove());
    return (clone.textContent ?? '').trim() !== '';
  });
}

function isField(el: Element): boolean {
  return el.matches('input, textarea, select, [role="combobox"], [role="textbox"], [aria-haspopup="listbox"]');
}
