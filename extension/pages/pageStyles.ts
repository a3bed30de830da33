/** Styles for the extension's own pages (options, record); the form styles come from recordFormCss. */
export const pageCss = `
html { font-size: 16px; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
main { max-width: 760px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 24px; margin: 8px 0 16px; }
h2 { font-size: 20px; }
a { color: #0b57d0; }
a:focus-visible, button:focus-visible, [role="tab"]:focus-visible, input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.tldvc-page-tabs { display: flex; gap: 4px; border-bottom: 2px solid #5f6368; margin-bottom: 16px; flex-wrap: wrap; }
.tldvc-page-tabs [role="tab"] { font: inherit; font-size: 16px; font-weight: 700; padding: 10px 16px; min-height: 44px; border: 2px solid transparent; border-bottom: none; background: #f1f4f9; color: #1a1a1a; border-radius: 6px 6px 0 0; cursor: pointer; }
.tldvc-page-tabs [role="tab"][aria-selected="true"] { background: #0b57d0; color: #ffffff; }
.tldvc-page-status { padding: 10px 12px; border-radius: 6px; margin: 0 0 16px; border: 2px solid #5f6368; background: #f1f4f9; }
.tldvc-page-status.tldvc-page-bad { border-color: #b3261e; background: #fdecea; color: #8c1d18; }
.tldvc-page-status.tldvc-page-good { border-color: #1e7b34; background: #e6f4ea; color: #0d4f1c; }
.tldvc-page-list { list-style: none; margin: 0; padding: 0; }
.tldvc-page-item { border: 1px solid #5f6368; border-radius: 6px; padding: 10px 12px; margin: 0 0 10px; }
.tldvc-page-item h3 { font-size: 18px; margin: 0 0 4px; }
.tldvc-page-item p { margin: 2px 0; }
.tldvc-page-meta { color: #44474e; }
.tldvc-page-state-rejected { color: #8c1d18; font-weight: 700; }
.tldvc-page-toolbar { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 16px; }
.tldvc-page-note { color: #44474e; }
`;
