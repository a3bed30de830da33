/** Styles for the extension's own pages (options, record); the form styles come from recordFormCss. */
export const pageCss = `
html { font-size: 16px; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; overflow-wrap: anywhere; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
main { max-width: 760px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 24px; margin: 8px 0 16px; }
h2 { font-size: 20px; }
a { color: #0b57d0; }
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
.tldvc-page-tabs { display: flex; gap: 4px; border-bottom: 2px solid #5f6368; margin-bottom: 16px; flex-wrap: wrap; }
.tldvc-page-tabs [role="tab"] { font: inherit; font-size: 16px; font-weight: 700; padding: 10px 16px; min-height: 44px; border: 2px solid transparent; border-bottom: none; background: #f1f4f9; color: #1a1a1a; border-radius: 6px 6px 0 0; cursor: pointer; }
.tldvc-page-tabs [role="tab"][aria-selected="true"] { background: #0b57d0; color: #ffffff; }
.tldvc-page-status { padding: 10px 12px; border-radius: 6px; margin: 0 0 16px; border: 2px solid #5f6368; background: #f1f4f9; }
.tldvc-page-status.tldvc-page-bad { border-color: #b3261e; background: #fdecea; color: #8c1d18; }
.tldvc-page-status.tldvc-page-warn { border-color: #b54708; background: #fff4e5; color: #3d1d00; }
.tldvc-page-status.tldvc-page-good { border-color: #1e7b34; background: #e6f4ea; color: #0d4f1c; }
.tldvc-page-list { list-style: none; margin: 0; padding: 0; }
.tldvc-page-item { border: 1px solid #5f6368; border-radius: 6px; padding: 10px 12px; margin: 0 0 10px; }
.tldvc-page-item h3 { font-size: 18px; margin: 0 0 4px; }
.tldvc-page-item p { margin: 2px 0; }
.tldvc-page-meta { color: #44474e; }
.tldvc-page-state-rejected { color: #8c1d18; font-weight: 700; }
.tldvc-page-toolbar { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 16px; }
.tldvc-page-note { color: #44474e; }
.tldvc-page-note a { font-weight: 700; }
.tldvc-doc h1 { color: #0b3d91; }
.tldvc-doc h2 { margin-top: 24px; border-bottom: 1px solid #5f6368; }
.tldvc-doc li { margin: 4px 0; }
.tldvc-help { margin: 0; }
.tldvc-help dt { font-weight: 700; margin-top: 12px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.tldvc-help dd { margin: 2px 0 0; }
.tldvc-help-table { border-collapse: collapse; width: 100%; }
.tldvc-help-table th, .tldvc-help-table td { border: 1px solid #5f6368; padding: 8px; text-align: left; vertical-align: top; }
.tldvc-help-table tbody th { width: 38%; font-weight: 400; }
.tldvc-face { display: inline-block; min-width: 40px; min-height: 40px; padding: 6px 10px; border: 2px solid #0b3d91; border-radius: 8px; color: #0b3d91; background: #fff; font-weight: 700; text-align: center; margin-right: 8px; }
.tldvc-face-name { display: inline-block; }
.tldvc-sample-ring { display: inline-block; width: 44px; height: 28px; border: 3px solid #ffb300; border-radius: 8px; box-shadow: 0 0 0 3px #1a1a1a; }
.tldvc-sample-bubble { display: inline-block; padding: 4px 10px; background: #0b3d91; color: #fff; border-radius: 8px; }
kbd { font: inherit; font-weight: 700; border: 2px solid #5f6368; border-bottom-width: 3px; border-radius: 6px; padding: 0 6px; background: #f1f4f9; }
@media (max-width: 480px) { main { padding: 12px; } .tldvc-help-table tbody th { width: auto; } }
`;
