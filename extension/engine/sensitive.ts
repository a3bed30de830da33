/**
 * Fields whose values the extension must never read, store, fill or listen to: passwords, OTP
 * codes, VNeID passcodes. Decided from attributes only, never from the value.
 */
const SENSITIVE_AUTOCOMPLETE = /one-time-code|current-password|new-password/i;

export function isSensitiveField(el: Element | null | undefined): boolean {
  if (!el || el.tagName !== 'INPUT') return false;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'password' || type === 'number') return true;
  if ((el.getAttribute('inputmode') ?? '').toLowerCase() === 'numeric') return true;
  if (SENSITIVE_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '')) return true;
  // Code boxes (one digit per box) and anything inside a login dialog.
  if (el.getAttribute('maxlength') === '1') return true;
  return !!el.closest('[role="dialog"], dialog, .ant-modal-content');
}
