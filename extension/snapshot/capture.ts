/**
 * "Trang khác hướng dẫn": a structure-only snapshot of the page. Kept: tags, roles and ARIA
 * attributes, title/placeholder/aria-label, ids and class names, and the visible text of buttons,
 * links, labels, headings and table headers (scrubbed, scrub.ts). Every other text node and every
 * field value becomes a same-shape placeholder. Password, code, passcode, file and hidden fields are
 * never read at all (engine/sensitive.ts). Runs in the content script; nothing is sent anywhere.
 */
import { isSensitiveField } from '../engine/sensitive';
import { redactPath } from '../engine/redact';
import { scrubIdentifier, scrubKept, shapeOf } from './scrub';
import { SNAPSHOT_KIND, type PageSnapshot, type SnapshotNode } from './types';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'TRO-LY-DVC']);
/** Elements kept without their content. */
const OPAQUE = new Set(['IFRAME', 'FRAME', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'PICTURE']);
const KEEP_TEXT_SELECTOR = 'button, a, label, h1, h2, h3, h4, h5, h6, th, legend, summary, caption, [role="button"], [role="link"], [role="heading"], [role="columnheader"], [role="tab"], [role="menuitem"]';
const IDENTIFIERS = ['id', 'for', 'name', 'formcontrolname', 'data-e2e', 'data-testid', 'role', 'type', 'autocomplete', 'inputmode', 'maxlength', 'tabindex', 'colspan', 'rowspan', 'scope', 'accept', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];
const TEXTS = ['title', 'placeholder', 'aria-label', 'alt', 'aria-description', 'aria-roledescription'];
/** States kept (not values): these, and every aria-* attribute that is neither text nor a value. */
const STATES = ['disabled', 'readonly', 'required', 'multiple', 'open'];
const NOT_STATE = /^aria-(?:label|description|roledescription|valuetext|valuenow|placeholder)$/;
const MAX_NODES = 30_000;
/** Input types whose value is a label (buttons), not something typed. */
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset']);

interface Counts {
  maskedTexts: number;
  maskedValues: number;
  unreadFields: number;
  keptTexts: number;
}

/** A link's address as a shape only: its path segments may be slugs of names or file names. */
function pathShape(u: URL): string {
  const redacted = redactPath(u);
  const [path = '', rest = ''] = redacted.split(/(?=[?#])/, 2);
  return `${path.split('/').map((seg) => (seg.startsWith(':') ? seg : shapeOf(seg))).join('/')}${rest.startsWith('?') ? rest.split('#')[0] : ''}`;
}

function hrefShape(el: Element): string | null {
  const raw = el.getAttribute('href');
  if (raw === null) return null;
  if (raw.startsWith('#')) return '#';
  try {
    const u = new URL(raw, el.ownerDocument.baseURI);
    if (!/^https?:$/.test(u.protocol)) return '#';
    return u.origin === el.ownerDocument.location?.origin ? pathShape(u) : `${u.origin}${pathShape(u)}`;
  } catch {
    return '#';
  }
}

function attributes(el: Element, counts: Counts): Record<string, string> {
  const a: Record<string, string> = {};
  for (const name of IDENTIFIERS) {
    const v = el.getAttribute(name);
    if (v !== null) a[name] = scrubIdentifier(v);
  }
  for (const { name, value } of el.attributes) {
    if ((STATES.includes(name) || (name.startsWith('aria-') && !NOT_STATE.test(name) && !(name in a))) && /^[\w\- ]{0,40}$/.test(value)) a[name] = value;
  }
  const cls = el.getAttribute('class');
  if (cls) a.class = cls.split(/\s+/).filter(Boolean).map(scrubIdentifier).join(' ');
  for (const name of TEXTS) {
    const v = el.getAttribute(name);
    if (v === null) continue;
    const keepsText = el.closest(KEEP_TEXT_SELECTOR) !== null;
    const ownText = keepsText ? '' : (el.textContent ?? '').trim();
    // A truncated cell often repeats its (hidden) text in its title: hidden too.
    const repeatsHidden = !keepsText && ownText !== '' && v.trim() === ownText;
    a[name] = repeatsHidden ? shapeOf(v) : scrubKept(v);
    if (repeatsHidden) counts.maskedTexts++;
  }
  if (el.tagName === 'A') {
    const href = hrefShape(el);
    if (href !== null) a.href = href;
  }
  if (el.tagName === 'IFRAME' && el.getAttribute('src')) {
    try {
      const u = new URL(el.getAttribute('src')!, el.ownerDocument.baseURI);
      a.src = `${u.origin}${pathShape(u)}`;
    } catch {
      // no source kept
    }
  }
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && !check.call(el) && el.parentElement && (el.parentElement as HTMLElement).checkVisibility?.() !== false) a.hidden = '';
  return a;
}

/** The value of a form field, as a placeholder; null when the field must never be read. */
function fieldValue(el: Element, counts: Counts): { value?: string; text?: string } | null {
  const tag = el.tagName;
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return {};
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (tag === 'INPUT' && (isSensitiveField(el) || type === 'file' || type === 'hidden')) {
    counts.unreadFields++;
    return null;
  }
  if (tag === 'INPUT' && BUTTON_INPUTS.has(type)) {
    const label = el.getAttribute('value');
    if (label) counts.keptTexts++;
    return label ? { value: scrubKept(label) } : {};
  }
  if (tag === 'SELECT' || (tag === 'INPUT' && (type === 'checkbox' || type === 'radio'))) return {}; // the choice is not kept
  const value = (el as HTMLInputElement | HTMLTextAreaElement).value;
  if (!value) return {};
  counts.maskedValues++;
  return tag === 'TEXTAREA' ? { text: shapeOf(value) } : { value: shapeOf(value) };
}

export function capturePage(doc: Document, context: { surfaces: string[]; guideId: string | null; stepId: string | null }): PageSnapshot {
  const counts: Counts = { maskedTexts: 0, maskedValues: 0, unreadFields: 0, keptTexts: 0 };
  let budget = MAX_NODES;

  const walk = (el: Element): SnapshotNode | null => {
    if (SKIPPED.has(el.tagName.toUpperCase()) || budget-- <= 0) return null;
    const node: { t: string; a?: Record<string, string>; c?: SnapshotNode[] } = { t: el.tagName.toLowerCase() };
    const a = attributes(el, counts);
    const field = fieldValue(el, counts);
    if (field === null) a['data-tldvc-unread'] = '';
    else if (field.value !== undefined) a.value = field.value;
    if (Object.keys(a).length) node.a = a;
    if (field?.text !== undefined) node.c = [{ x: field.text }];
    if (field === null || field.text !== undefined || OPAQUE.has(el.tagName.toUpperCase()) || el.tagName === 'TEXTAREA') return node;
    const children: SnapshotNode[] = [];
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.nodeValue ?? '';
        if (!text.trim()) {
          if (text) children.push({ x: ' ' });
          continue;
        }
        const kept = el.closest(KEEP_TEXT_SELECTOR) !== null;
        if (kept) counts.keptTexts++;
        else counts.maskedTexts++;
        children.push({ x: kept ? scrubKept(text) : shapeOf(text) });
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = walk(child as Element);
        if (c) children.push(c);
      }
    }
    if (children.length) node.c = children;
    return node;
  };

  const url = new URL(doc.location?.href ?? 'https://invalid/');
  return {
    kind: SNAPSHOT_KIND,
    v: 1,
    takenAt: new Date().toISOString(),
    host: url.hostname,
    path: redactPath(url),
    surfaces: context.surfaces,
    guideId: context.guideId,
    stepId: context.stepId,
    counts,
    body: walk(doc.body ?? doc.documentElement) ?? { t: 'body' },
  };
}
