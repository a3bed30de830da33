/**
 * Styles of the resident's printable pages. On screen: ≥ 16 px, fits 360 px. On paper: the slip
 * only (A4 or A5, chosen in the print bar), black on white.
 */
export const printableCss = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #111; background: #f1f4f9; overflow-wrap: anywhere; }
main { max-width: 760px; margin: 0 auto; padding: 12px; }
h1 { font-size: 22px; margin: 4px 0 12px; color: #0b3d91; }
.toolbar { background: #fff; border: 1px solid #5f6368; border-radius: 8px; padding: 12px; margin: 0 0 12px; }
.toolbar label { display: block; font-weight: 700; margin-top: 8px; }
.toolbar .choice { display: inline-flex; align-items: center; gap: 6px; margin: 0 16px 0 0; font-weight: 400; min-height: 40px; }
.toolbar .choice input { width: 22px; height: 22px; accent-color: #0b3d91; }
.paper { border: 0; padding: 0; margin: 0; }
.paper legend { font-weight: 700; padding: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button { font: inherit; font-size: 16px; font-weight: 700; min-height: 44px; padding: 8px 16px; border-radius: 8px; border: 2px solid #0b3d91; background: #fff; color: #0b3d91; cursor: pointer; }
button.primary { background: #0b3d91; color: #fff; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
textarea, .field input { display: block; width: 100%; font: inherit; font-size: 16px; padding: 8px; border: 2px solid #5f6368; border-radius: 6px; }
.field { margin: 8px 0; }
.status:empty { display: none; }
.status { background: #e6f4ea; border-left: 4px solid #1e7b34; padding: 6px 10px; }
.tldvc-rec-field { margin: 8px 0 12px; }
.tldvc-rec-label { display: block; font-weight: 700; }
.tldvc-rec-hint { display: block; color: #44474e; }
.tldvc-rec-input { display: block; width: 100%; font: inherit; font-size: 16px; padding: 8px 10px; min-height: 44px; border: 2px solid #5f6368; border-radius: 6px; }
.tldvc-rec-input[aria-invalid="true"] { border-color: #b3261e; }
.tldvc-rec-input:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
.tldvc-rec-error { color: #b3261e; font-weight: 700; margin: 4px 0 0; }
.slip { background: #fff; color: #000; border: 1px solid #000; border-radius: 4px; padding: 16px; }
.slip header { display: flex; align-items: center; gap: 10px; border-bottom: 2px solid #000; padding-bottom: 8px; margin-bottom: 8px; }
.slip header img { width: 32px; height: 32px; }
.slip header p { margin: 0; font-weight: 700; font-size: 18px; }
.slip h2 { font-size: 20px; margin: 8px 0 4px; }
.slip h3 { font-size: 17px; margin: 12px 0 4px; }
.slip ul { margin: 0; padding-left: 0; list-style: none; }
.slip li { margin: 4px 0; }
.slip ul li { padding-left: 30px; text-indent: -30px; }
.slip .box::before { content: "☐"; display: inline-block; width: 30px; text-indent: 0; font-size: 20px; line-height: 1; }
.slip .ticked::before { content: "☑"; display: inline-block; width: 30px; text-indent: 0; font-size: 20px; line-height: 1; }
.slip dl { display: grid; grid-template-columns: minmax(0, 10em) minmax(0, 1fr); gap: 4px 12px; margin: 12px 0; }
.slip dt { font-weight: 700; }
.slip dd { margin: 0; }
.slip .code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 24px; font-weight: 700; letter-spacing: 0.04em; }
.qr-block { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 12px; }
.qr-block p { margin: 0; flex: 1 1 200px; }
.url { font-family: ui-monospace, Consolas, monospace; }
.slip ol { margin: 4px 0; padding-left: 24px; }
.slip footer { margin-top: 12px; border-top: 1px solid #000; padding-top: 6px; }
.missing { background: #fdecea; border-left: 5px solid #b3261e; padding: 10px 12px; color: #3b0a0a; }
@media (max-width: 480px) { .slip dl { grid-template-columns: minmax(0, 1fr); } .slip dd { margin-bottom: 6px; } }
@media print {
  body { background: #fff; font-size: 12pt; }
  main { max-width: none; padding: 0; }
  .no-print { display: none !important; }
  .slip { border: 0; padding: 0; }
}
`;
