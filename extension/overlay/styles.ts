/**
 * Overlay styles (panel and bubble on their own compositing layers: a page that rewrites its DOM
 * all the time must not repaint them), injected into the shadow root only. Pixel units (never rem: the portal's <html>
 * font size must not scale us), text ≥ 16 px, contrast ≥ 7:1 for body text.
 */
import { sheetCss } from './sheet';

/** Small windows on a computer (1024×600, 200 % zoom), not phones (the sheet): the panel is compact there. */
export const COMPACT = '(min-width: 601px) and (max-height: 700px), (min-width: 601px) and (max-width: 1100px)';

export const overlayCss = `
:host { all: initial !important; }
.root { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.45; color: #111; }
.root * { box-sizing: border-box; font-size: inherit; }
.ring { position: fixed; z-index: 2147483646; pointer-events: none; border: 3px solid #ffb300; border-radius: 8px;
  box-shadow: 0 0 0 3px #1a1a1a, 0 0 0 9px rgba(255, 179, 0, 0.35); transition: none; }
@media (prefers-reduced-motion: no-preference) { .ring { animation: pulse 1.6s ease-in-out 2; } }
@keyframes pulse { 50% { box-shadow: 0 0 0 3px #1a1a1a, 0 0 0 14px rgba(255, 179, 0, 0.2); } }
.bubble { position: fixed; top: 0; left: 0; z-index: 2147483647; will-change: transform; max-width: 340px; padding: 12px 14px; background: #0b3d91; color: #fff;
  border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.35); pointer-events: none; font-size: 17px; }
.bubble[data-hidden="true"] { visibility: hidden; }
.bubble .arrow { position: absolute; width: 12px; height: 12px; background: #0b3d91; transform: rotate(45deg); }
.panel { position: fixed; z-index: 2147483647; will-change: transform; contain: layout paint style; width: 380px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto;
  background: #fff; color: #111; border: 2px solid #0b3d91; border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.35); padding: 14px 16px; }
.panel[data-place="bottom-right"] { right: 12px; bottom: 12px; }
.panel[data-place="bottom-left"] { left: 12px; bottom: 12px; }
.panel[data-place="top-right"] { right: 12px; top: 12px; }
.panel[data-place="top-left"] { left: 12px; top: 12px; }
.panel.collapsed { width: auto; padding: 8px 12px; }
.head { display: flex; align-items: center; gap: 8px; justify-content: space-between; }
.progress { color: #333; font-weight: 600; }
.title { margin: 6px 0 4px; font-size: 19px; font-weight: 700; color: #0b3d91; }
.hint { margin: 0 0 8px; }
.details { margin: 0 0 8px; padding-left: 20px; }
.details li { margin: 2px 0; }
.warn { margin: 8px 0; padding: 8px 10px; background: #fff4e5; border-left: 5px solid #b54708; color: #3d1d00; }
.error { margin: 8px 0; padding: 8px 10px; background: #fdecec; border-left: 5px solid #b42318; color: #3b0a0a; }
.ok { margin: 8px 0; padding: 8px 10px; background: #e8f5e9; border-left: 5px solid #1b5e20; color: #0b2e0d; }
.row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
button { font: inherit; font-size: 16px; min-height: 40px; padding: 6px 12px; border-radius: 8px; border: 2px solid #0b3d91; background: #fff; color: #0b3d91; cursor: pointer; }
button.primary { background: #0b3d91; color: #fff; }
button:focus-visible, input:focus-visible, summary:focus-visible, .warn:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 2px #ffb300; }
/* Unavailable, not disabled: still focusable, and pressing it says why (.reason). */
button[aria-disabled="true"] { background: #e8eaed; color: #44474e; border-color: #80868b; border-style: dashed; cursor: not-allowed; }
button.primary[aria-disabled="true"] { background: #e8eaed; color: #44474e; }
.reason { flex-basis: 100%; margin: 0; padding: 6px 10px; background: #fff4e5; border-left: 5px solid #b54708; color: #3d1d00; }
.confirm { flex-basis: 100%; margin: 0; }
.confirm p { margin: 0 0 6px; }
.hint-line { display: block; color: #333; }
.field-error { color: #b42318; font-weight: 700; margin: 4px 0 0; }
button.icon { min-width: 40px; padding: 6px 8px; }
label { display: block; font-weight: 600; margin-top: 8px; }
input[type="text"], .input { font: inherit; font-size: 18px; width: 100%; padding: 8px; border: 2px solid #444; border-radius: 6px; color: #111; background: #fff; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* The record form's frame: sized to its content, or to the room left (then only the frame scrolls). */
.frame { display: block; width: 100%; height: 420px; border: 0; margin-top: 8px; }
.panel.framing { overflow: hidden; }
.more > summary { display: none; cursor: pointer; }
/* Small windows: a shorter panel, details folded (the hint is then only in the bubble). */
@media ${COMPACT} {
  .panel { width: 340px; padding: 8px 12px; }
  .panel:not(.framing) { max-height: 50vh; }
  .title { margin: 2px 0; }
  .more > summary { display: list-item; }
}
${sheetCss}
`;
