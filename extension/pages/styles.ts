/**
 * Self-contained styles for the record forms. Class names are prefixed
 * `tldvc-rec-` and sizes are in px (the forms are mounted inside a portal page's
 * shadow root, where the page's root font size must not change them).
 */
export const recordFormCss = `
.tldvc-rec-form { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; max-width: 560px; box-sizing: border-box; }
.tldvc-rec-form *, .tldvc-rec-form *::before, .tldvc-rec-form *::after { box-sizing: border-box; }
.tldvc-rec-title { font-size: 20px; font-weight: 700; margin: 0 0 8px; }
.tldvc-rec-capture { margin: 0 0 16px; padding: 8px 12px; background: #f1f4f9; border-left: 4px solid #0b57d0; font-size: 16px; }
.tldvc-rec-capture dt { font-weight: 700; display: inline; }
.tldvc-rec-capture dd { display: inline; margin: 0 0 0 4px; }
.tldvc-rec-capture div { margin: 2px 0; }
.tldvc-rec-field { margin: 0 0 16px; border: 0; padding: 0; }
.tldvc-rec-label { display: block; font-weight: 700; margin: 0 0 4px; font-size: 16px; }
.tldvc-rec-hint { display: block; color: #44474e; font-size: 16px; margin: 0 0 4px; }
.tldvc-rec-input { display: block; width: 100%; font: inherit; font-size: 16px; padding: 8px 10px; min-height: 44px; border: 2px solid #5f6368; border-radius: 6px; background: #ffffff; color: #1a1a1a; }
.tldvc-rec-input[aria-invalid="true"] { border-color: #b3261e; }
.tldvc-rec-input:focus-visible, .tldvc-rec-button:focus-visible, .tldvc-rec-check input:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
.tldvc-rec-check { display: flex; gap: 10px; align-items: flex-start; font-size: 16px; margin: 6px 0; }
.tldvc-rec-check input { width: 22px; height: 22px; margin: 2px 0 0; flex: none; accent-color: #0b57d0; }
.tldvc-rec-consent { margin: 0 0 8px; padding: 10px 12px; border: 1px solid #5f6368; border-radius: 6px; background: #fafafa; font-size: 16px; }
.tldvc-rec-version { color: #44474e; font-size: 16px; }
.tldvc-rec-error { color: #b3261e; font-weight: 700; font-size: 16px; margin: 4px 0 0; }
.tldvc-rec-alert { color: #8c1d18; background: #fdecea; border: 2px solid #b3261e; border-radius: 6px; padding: 10px 12px; margin: 0 0 16px; font-size: 16px; }
.tldvc-rec-alert ul { margin: 4px 0 0; padding-left: 20px; }
.tldvc-rec-success { color: #0d4f1c; background: #e6f4ea; border: 2px solid #1e7b34; border-radius: 6px; padding: 10px 12px; margin: 0 0 16px; font-size: 16px; }
.tldvc-rec-actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 8px; }
.tldvc-rec-button { font: inherit; font-size: 16px; font-weight: 700; min-height: 44px; padding: 8px 18px; border-radius: 6px; border: 2px solid #0b57d0; cursor: pointer; }
.tldvc-rec-primary { background: #0b57d0; color: #ffffff; }
.tldvc-rec-secondary { background: #ffffff; color: #0b57d0; }
.tldvc-rec-button[aria-disabled="true"], .tldvc-rec-button[disabled] { background: #e8eaed; color: #44474e; border-color: #80868b; border-style: dashed; cursor: not-allowed; }
.tldvc-rec-reason { flex-basis: 100%; display: block; color: #1a1a1a; background: #fff4e5; border-left: 4px solid #b54708; padding: 6px 10px; font-size: 16px; }
.tldvc-rec-apps { display: grid; gap: 4px; }
/* Phones and touch screens: the whole check row is a 44 px target. */
@media (max-width: 600px), (pointer: coarse) { .tldvc-rec-check { min-height: 44px; padding: 10px 0; margin: 0; } }
`;
