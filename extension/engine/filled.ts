/**
 * Whether a field (or every required field inside a container) has a value. Sensitive fields are
 * never read: a container holding one counts as "not filled by us" and the step waits for "Xong".
 */
import { foldVietnamese } from '../../shared/text/fold';
import { isVisible } from './find';
import { FIELD_SELECTOR } from './labels';
import { isSensitiveField } from './sensitive';

/** Required marks the portals use: attributes, ng-select.required, or a title ending in "*". */
const REQUIRED = '[aria-required="true"], [required], ng-select.required';
const TITLED_QUESTION = '.sd-question, mat-form-field, app-input';

export function isFilled(el: Element): boolean {
  const fields = el.matches(FIELD_SELECTOR) || el.matches('input, select, textarea') ? [el] : requiredFields(el);
  if (!fields.length) return false;
  return fields.every(hasValue);
}

function requiredFields(box: Element): Element[] {
  const out = new Set<Element>([...box.querySelectorAll(REQUIRED)].filter((f) => f.matches(FIELD_SELECTOR) || f.matches('ng-select')));
  // Some questions are required only by the "*" of their title (SurveyJS, Material).
  for (const q of box.querySelectorAll(TITLED_QUESTION)) {
    const title = q.querySelector('.sd-title, .sd-question__title, label, mat-label, .floating-label');
    if (!title || !/\*\s*$/.test(title.textContent ?? '')) continue;
    const field = q.querySelector(FIELD_SELECTOR);
    if (field) out.add(field);
  }
  return [...out].filter(isVisible);
}

/** A picker showing its placeholder ("-- Chọn Tỉnh/ Thành phố --", "Chọn…") is empty. */
function isPlaceholderText(text: string): boolean {
  const folded = foldVietnamese(text);
  return folded === '' || folded.startsWith('chon');
}

function hasValue(f: Element): boolean {
  if (isSensitiveField(f)) return false;
  if (f instanceof HTMLInputElement || f instanceof HTMLTextAreaElement || f instanceof HTMLSelectElement) {
    if (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio')) return f.checked;
    return f.value.trim() !== '';
  }
  // Custom pickers (listbox buttons, SurveyJS dropdown, cc-select, mat-select, ng-select): the
  // shown value, without placeholder parts.
  const clone = f.cloneNode(true) as Element;
  clone.querySelectorAll('[class*="placeholder"], input').forEach((n) => n.remove());
  return !isPlaceholderText(clone.textContent ?? '');
}
