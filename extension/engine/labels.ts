/**
 * What a field is called on the page. Attributes first (aria-label, title, placeholder, <label>,
 * aria-labelledby); then the visible text beside it: portals label fields with a leaf text just
 * before the control (MOJ e-forms, the owner step), a mat-label inside mat-form-field (Thái
 * Nguyên), or a floating label after it (SurveyJS) — docs/portal-evidence.md §2.2, §3.2, §6.3, §7.
 */

/** Fillable controls: text-like inputs, selects, text areas, comboboxes, listbox buttons. */
export const FIELD_SELECTOR = [
  'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]):not([type="file"]):not([type="button"]):not([type="submit"]):not([type="reset"]):not([type="image"])',
  'select',
  'textarea',
  '[role="combobox"]',
  '[role="textbox"]',
  '[aria-haspopup="listbox"]',
  'mat-select',
].join(', ');

const MAX_LABEL_CLIMB = 4;
const MAX_LABEL_LENGTH = 160;

/**
 * The text of the largest box around the field (up to four levels) that holds no other field:
 * its label, wherever the portal puts it in that box. Never the field's own value.
 */
export function nearbyLabel(el: Element): string {
  let best = '';
  let box: Element | null = el.parentElement;
  for (let up = 0; box && up < MAX_LABEL_CLIMB; up++, box = box.parentElement) {
    const fields = box.querySelectorAll(FIELD_SELECTOR);
    if (fields.length > 1 || (fields.length === 1 && fields[0] !== el && !el.contains(fields[0]!))) break;
    const own = el.textContent ?? '';
    const text = (box.textContent ?? '').replace(own, ' ').replace(/\s+/g, ' ').trim();
    if (text.length > MAX_LABEL_LENGTH) break;
    if (text) best = text;
  }
  return best;
}

/** Each way the field is labelled, tried one by one (an exact match must match one of them whole). */
export function labelsOf(el: Element): string[] {
  const parts = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')];
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(el.ownerDocument.getElementById(id)?.textContent ?? null);
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const l of labels) parts.push(l.textContent);
  parts.push(nearbyLabel(el));
  return parts.filter((p): p is string => !!p && !!p.trim());
}
