/**
 * Phone-sized use: below 600 px the step panel is a bottom sheet (full width, collapsible to one line:
 * progress and step title), the anchor is scrolled into the room above it, and a bubble that could only
 * cover its anchor is not shown (the sheet carries the hint). Touch screens get 44 px targets.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { overlapArea, type Box } from './placement';

export const PHONE_QUERY = '(max-width: 600px)';
/** Room kept clear at the top of the page for a fixed portal header. */
const HEADER_ROOM = 72;

/** Whether the viewport is phone-sized, following resizes and rotation. */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const m = matchMedia(PHONE_QUERY);
    const on = () => setPhone(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return phone;
}

/**
 * On a phone, once per step and anchor element (a page that re-renders its cards gives the step a new
 * element, maybe elsewhere): scroll the anchor into the room above the sheet; when it still lies under
 * the sheet (a fixed dialog cannot scroll), fold the sheet to its one line until the next step.
 */
export function useSheetRoom(phone: boolean, anchor: Element | null, stepId: string | undefined, sheet: RefObject<HTMLElement>, collapsed: boolean, setCollapsed: (c: boolean) => void): void {
  const placedFor = useRef<{ stepId: string; anchor: Element } | null>(null);
  const tucked = useRef(false);
  useEffect(() => {
    const el = sheet.current;
    const placed = placedFor.current;
    if (!phone || !anchor || !stepId || !el || (placed?.stepId === stepId && placed.anchor === anchor)) return;
    const newStep = placed?.stepId !== stepId;
    if (newStep && tucked.current && collapsed) {
      tucked.current = false;
      return setCollapsed(false); // this effect runs again with the sheet open
    }
    placedFor.current = { stepId, anchor };
    scrollAboveSheet(anchor, el);
    const a = anchor.getBoundingClientRect();
    const top = el.getBoundingClientRect().top;
    if (!collapsed && a.bottom > top && a.height <= top - HEADER_ROOM) {
      tucked.current = true;
      return setCollapsed(true);
    }
    return settleAbove(anchor, el);
  }, [phone, anchor, stepId, collapsed]);
}

const TOUCHES = ['pointerdown', 'touchstart', 'wheel', 'keydown'] as const;

/**
 * A page still settling (a block collapsing above the anchor) can move the anchor under the sheet
 * again: look twice more, unless the volunteer has touched the page since (their scroll wins).
 */
function settleAbove(anchor: Element, sheet: Element): () => void {
  let touched = false;
  const onTouch = () => void (touched = true);
  const opts = { capture: true, passive: true };
  for (const t of TOUCHES) addEventListener(t, onTouch, opts);
  const timers = [300, 1000].map((ms) => setTimeout(() => !touched && anchor.isConnected && scrollAboveSheet(anchor, sheet), ms));
  return () => {
    timers.forEach(clearTimeout);
    for (const t of TOUCHES) removeEventListener(t, onTouch, opts);
  };
}

/** Scrolls the page so the anchor sits in the room between the header and the sheet (its top first when taller). */
export function scrollAboveSheet(anchor: Element, sheet: Element): void {
  const top = HEADER_ROOM;
  const bottom = sheet.getBoundingClientRect().top - 8;
  let r = anchor.getBoundingClientRect();
  if (r.top >= top && r.bottom <= bottom) return;
  // Out of any inner scroll container first, then the window by what is left.
  anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
  r = anchor.getBoundingClientRect();
  const want = r.height > bottom - top ? top : top + (bottom - top - r.height) / 2;
  window.scrollBy(0, r.top - want);
}

export function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** On a phone a bubble over its own anchor helps nobody: it is hidden and the sheet's hint stands. */
export function coversAnchor(phone: boolean, bubble: Box, anchor: Box): boolean {
  return phone && overlapArea(bubble, anchor) > 0;
}

export const sheetCss = `
.sheet-title { display: none; }
@media ${PHONE_QUERY} {
  /* Room under the page, so the last controls can scroll above the sheet. */
  :host { display: block !important; height: 45vh !important; }
  .panel, .panel[data-place] { left: 0; right: 0; top: auto; bottom: 0; width: 100%; max-width: none; max-height: 42vh;
    border-width: 2px 0 0; border-radius: 14px 14px 0 0; padding: 6px 12px 10px; }
  .panel.collapsed { width: 100%; padding: 4px 12px; }
  .head { gap: 6px; }
  .progress { flex: none; white-space: nowrap; }
  .panel.collapsed .sheet-title { display: block; flex: 1; min-width: 0; font-weight: 700; color: #0b3d91; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .head .move, .panel.collapsed .brand { display: none; }
  .bubble { max-width: calc(100vw - 16px); }
}
@media ${PHONE_QUERY}, (pointer: coarse) {
  button, button.icon { min-height: 44px; min-width: 44px; }
  input[type="text"], .input { min-height: 44px; }
}
`;
