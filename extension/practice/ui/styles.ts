/** The practice shell's styles: the banner can never be mistaken for a portal's own header. */
export const practiceCss = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
.practice-banner { position: sticky; top: 0; z-index: 10; background: #5c2300; color: #fff; border-bottom: 6px solid #ffb300; padding: 8px 16px; }
.practice-banner .fixed-text { display: block; font-weight: 800; font-size: 18px; letter-spacing: .02em; }
.practice-banner .bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 6px; }
.practice-banner .bar > * { margin: 0; }
.practice-banner .address { font-size: 16px; color: #ffe8cc; flex: 1 1 240px; min-width: 0; }
.practice-banner details { position: relative; }
.practice-banner summary { cursor: pointer; font-weight: 700; padding: 8px 12px; border: 2px solid #fff; border-radius: 8px; min-height: 44px; list-style: none; }
.practice-banner details[open] > div { position: absolute; z-index: 20; top: calc(100% + 4px); left: 0; width: min(440px, 92vw); background: #fff; color: #1a1a1a; border: 2px solid #5c2300; border-radius: 8px; padding: 8px 12px; box-shadow: 0 4px 12px #0005; max-height: 70vh; overflow: auto; }
button, .button { font: inherit; font-size: 16px; min-height: 44px; padding: 8px 14px; border-radius: 8px; border: 2px solid #0b3d91; background: #fff; color: #0b3d91; cursor: pointer; text-decoration: none; display: inline-block; }
.practice-banner button { border-color: #fff; background: #5c2300; color: #fff; }
.practice-banner button.primary { background: #ffb300; color: #1a1a1a; border-color: #ffb300; font-weight: 800; }
button.primary { background: #0b3d91; color: #fff; font-weight: 700; }
button:focus-visible, a:focus-visible, summary:focus-visible, iframe:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
.feedback { margin: 6px 0 0; padding: 8px 12px; border-radius: 6px; background: #fff4e5; color: #3d1d00; border-left: 6px solid #b3261e; }
.feedback strong { color: #8c1d18; }
.feedback:empty { display: none; }
main { max-width: 820px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 26px; margin: 8px 0 12px; }
h2 { font-size: 20px; margin: 20px 0 8px; }
.scenario { border: 2px solid #5f6368; border-radius: 10px; padding: 12px 16px; margin: 0 0 16px; }
.scenario h2 { margin-top: 4px; }
dl.facts { display: grid; grid-template-columns: minmax(0, 14em) minmax(0, 1fr); gap: 4px 12px; margin: 8px 0; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
ul.files { padding-left: 20px; }
.run-page { display: flex; flex-direction: column; height: 100vh; }
.run-page iframe { flex: 1 1 auto; width: 100%; border: 0; min-height: 0; }
.result section { margin: 0 0 16px; }
.result .none { color: #1e5c2a; }
.result li { margin: 4px 0; }
.meta { color: #44474e; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0; }
.address-in-menu { display: none; font-weight: 700; }
/* A phone: the fixed sentence and the buttons stay, the address moves into "Thông tin bài". */
@media (max-width: 480px) {
  .practice-banner { padding: 6px 10px; } .practice-banner .fixed-text { font-size: 16px; }
  .practice-banner .address { display: none; } .address-in-menu { display: block; }
  .practice-banner .bar { gap: 6px; margin-top: 4px; } .practice-banner summary, .practice-banner button { padding: 6px 10px; }
  main { padding: 12px; } dl.facts { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  .no-print, .actions { display: none !important; }
  .practice-banner { position: static; background: #fff; color: #000; border: 3px solid #000; }
  .practice-banner .address { color: #000; }
  body { font-size: 12pt; }
}
`;
