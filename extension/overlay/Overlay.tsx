/**
 * The guide overlay: spotlight ring on the anchor, a hint bubble placed by @floating-ui/dom and a
 * compact step panel (ARIA dialog, lang="vi"). Rendered in the content script's shadow root.
 */
import { autoUpdate } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ViewState } from '../engine/runner';
import type { CapturedFiling } from '../storage/items';
import { PANEL_BUTTONS } from '../pages/panelButtons';
import { ReasonButton } from '../pages/ReasonButton';
import { layOut } from './layout';
import { COMPACT } from './styles';
import { CORNERS, type Corner } from './corners';
import { CaptureForm } from './CaptureForm';
import { CloseGuide, Finished } from './StepForms';
import { SnapshotButton } from '../snapshot/SnapshotButton';
import { boxOf, coversAnchor, usePhone, useSheetRoom } from './sheet';


export interface OverlayActions {
  back(): void;
  skip(): void;
  confirm(): void;
  confirmCapture(code: string, dueOn: string | null): void;
  finish(): void;
  move(place: Corner): void;
  /** Gives focus back to the page element that had it before the panel. */
  returnFocus(): void;
  /** URL of the frame that records the filing (null: the sync form is not available). */
  filingFrameUrl(capture: CapturedFiling): string | null;
}

export interface OverlayProps {
  view: ViewState;
  placement: Corner;
  actions: OverlayActions;
}

function fallbackText(view: ViewState): string | null {
  const a = view.step?.anchor;
  if (view.status !== 'missing' || !a) return null;
  return `Không tìm thấy ${a.kind} “${a.text}” — cổng có thể đã đổi giao diện; hãy tìm ${a.kind} có chữ “${a.text}”.`;
}

export function Overlay({ view, placement, actions }: OverlayProps) {
  // Folded by the volunteer (the bubble hides too), or by the layout when nothing else fits (the bubble stays).
  const [collapsed, setCollapsed] = useState(false);
  const [autoFold, setAutoFold] = useState(false);
  const [opened, setOpened] = useState(false);
  const [room, setRoom] = useState<number | null>(null);
  const [place, setPlace] = useState<Corner>(placement);
  const panel = useRef<HTMLDivElement>(null);
  const bubble = useRef<HTMLDivElement>(null);
  const arrowEl = useRef<HTMLDivElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const fullSize = useRef<{ width: number; height: number } | null>(null);
  const step = view.step;
  const anchor = view.status === 'shown' ? view.anchor : null;
  const folded = collapsed || (autoFold && !opened);
  const phone = usePhone();

  useEffect(() => setPlace(placement), [placement]);
  useEffect(() => {
    setAutoFold(false);
    setOpened(false);
    setRoom(null);
  }, [step?.id]);

  // The step's anchor lives in a sub-frame (a VNeID dialog drawn in a frame over the page): the top
  // document cannot see where that frame's text is, and the frame's own bubble carries the hint, so
  // the panel folds to its header until the volunteer opens it.
  useEffect(() => {
    if (view.status === 'frame' && !phone && !opened) setAutoFold(true);
  }, [view.status, step?.id, phone]);

  // Bring the anchor into view once per step (centred: clear of fixed headers and footers), and what
  // it refers to when both fit.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!anchor || !step || scrolledFor.current === step.id) return;
    scrolledFor.current = step.id;
    if (phone) return; // useSheetRoom
    const out = (el: Element, top = 0) => {
      const r = el.getBoundingClientRect();
      return r.top < top || r.bottom > innerHeight - top / 4 || r.left < 0 || r.right > innerWidth;
    };
    if (out(anchor, 80)) {
      anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
      // In a sticky box taller than the window, only the end of its container brings the anchor up.
      let sticky = out(anchor) ? anchor.parentElement : null;
      while (sticky && getComputedStyle(sticky).position !== 'sticky') sticky = sticky.parentElement;
      if (sticky?.parentElement) scrollBy(0, sticky.parentElement.getBoundingClientRect().bottom - innerHeight);
    }
    for (const el of view.refers) {
      if (!out(el)) continue;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      anchor.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }, [anchor, step?.id]);
  useSheetRoom(phone, anchor, step?.id, panel, collapsed, setCollapsed);

  // Spotlight, panel and bubble follow the anchor through scrolling, scroll containers and resizes.
  useLayoutEffect(() => {
    const b = bubble.current;
    const r = ring.current;
    if (!anchor || !b || !r) return;
    let latest = 0;
    return autoUpdate(anchor, b, () => {
      const run = ++latest;
      const rect = anchor.getBoundingClientRect();
      Object.assign(r.style, {
        left: `${rect.left - 6}px`,
        top: `${rect.top - 6}px`,
        width: `${rect.width + 12}px`,
        height: `${rect.height + 12}px`,
        display: rect.width || rect.height ? 'block' : 'none',
      });
      // The panel's sizes to try: full, then folded to its header (unless the volunteer opened it).
      const p = panel.current;
      let sizes = null;
      if (p && rect.width && rect.height && !phone) {
        // Its natural height, without the cap this layout may have set.
        p.style.maxHeight = '';
        const now = { width: p.offsetWidth, height: p.offsetHeight };
        if (room && !folded) p.style.maxHeight = `${room}px`;
        if (!folded) fullSize.current = now;
        const full = fullSize.current ?? now;
        sizes = opened ? [full] : [full, folded ? now : { width: Math.min(now.width, 330), height: (p.firstElementChild as HTMLElement).offsetHeight + 20 }];
      }
      void layOut(anchor, b, arrowEl.current!, view.refers, sizes && { corner: place, sizes }, phone && p ? boxOf(p) : null, () => run !== latest).then((done) => {
        if (!done) return; // a newer update is placing the bubble
        if (done.corner && done.corner !== place) setPlace(done.corner);
        if (!collapsed && !opened && done.folded !== autoFold) setAutoFold(done.folded);
        if (done.room !== room) setRoom(done.room);
        const { x, y, placement: side, middlewareData } = done.bubble;
        Object.assign(b.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
        b.dataset.hidden = String(!!middlewareData.hide?.referenceHidden || coversAnchor(phone, { x, y, width: b.offsetWidth, height: b.offsetHeight }, anchor.getBoundingClientRect()));
        b.dataset.ready = 'true';
        const ar = arrowEl.current;
        if (ar && middlewareData.arrow) {
          Object.assign(ar.style, { top: '', right: '', bottom: '', left: '' });
          const edge = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side.split('-')[0]!]!;
          Object.assign(ar.style, { left: middlewareData.arrow.x != null ? `${middlewareData.arrow.x}px` : '', top: middlewareData.arrow.y != null ? `${middlewareData.arrow.y}px` : '', [edge]: '-6px' });
        }
      });
    });
  }, [anchor, view.refers, step?.id, place, collapsed, folded, opened, room, phone]);

  const onKeyDown = (e: KeyboardEvent) => {
    const typing = (e.composedPath()[0] as Element | undefined)?.tagName === 'INPUT';
    if (e.key === 'Escape') {
      e.preventDefault();
      setCollapsed(true);
      actions.returnFocus();
    } else if (!typing && e.key === 'ArrowLeft') {
      e.preventDefault();
      actions.back();
    } else if (!typing && e.key === 'ArrowRight') {
      e.preventDefault();
      actions.skip();
    }
  };

  const fallback = fallbackText(view);
  const progress = step ? `Bước ${view.index + 1}/${view.total}` : 'Đã xong';
  const titleId = 'tro-ly-title';
  const hintId = 'tro-ly-hint';
  const canConfirm = !!step?.complete.some((r) => r.kind === 'confirm') && !step.capture;

  return (
    <div class="root" lang="vi">
      <div class="sr" aria-live="polite">{step ? `${progress}: ${step.title}` : ''}</div>
      {anchor && <div class="ring" ref={ring} data-testid="spotlight" />}
      {anchor && step && (!collapsed || phone) && (
        <div class="bubble" ref={bubble} role="tooltip" data-testid="hint" data-step={step.id} data-hidden="true">
          {view.frame?.hint ?? step.hint}
          <div class="arrow" ref={arrowEl} />
        </div>
      )}
      {!view.frame && <div
        class={`panel${folded ? ' collapsed' : ''}`}
        ref={panel}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        aria-keyshortcuts="Escape ArrowLeft ArrowRight"
        data-place={place}
        style={room && !folded ? { maxHeight: `${room}px` } : undefined}
        data-step={step?.id ?? 'done'}
        data-status={view.status}
        onKeyDown={onKeyDown}
      >
        <div class="head">
          <span class="progress" id={folded ? titleId : undefined}>
            <span class="brand">Trợ lý DVC · </span>
            {progress}
          </span>
          {collapsed && step && <span class="sheet-title">{step.title}</span>}
          <span>
            <button
              type="button"
              class="icon move"
              aria-label={PANEL_BUTTONS.move.name}
              title={PANEL_BUTTONS.move.name}
              onClick={() => {
                const next = CORNERS[(CORNERS.indexOf(place) + 1) % CORNERS.length]!;
                setPlace(next);
                actions.move(next);
              }}
            >
              {PANEL_BUTTONS.move.face}
            </button>{' '}
            <button
              type="button"
              class="icon"
              aria-expanded={!folded}
              aria-label={(folded ? PANEL_BUTTONS.expand : PANEL_BUTTONS.collapse).name}
              title={(folded ? PANEL_BUTTONS.expand : PANEL_BUTTONS.collapse).name}
              onClick={() => {
                setCollapsed(!folded);
                setOpened(folded);
              }}
            >
              {(folded ? PANEL_BUTTONS.expand : PANEL_BUTTONS.collapse).face}
            </button>
          </span>
        </div>
        {!folded && (
          <div>
            <p class="sr">{view.session.guide.procedureName}</p>
            {view.notices.map((n) => (
              <div class="warn" key={n.id} data-notice={n.id}>
                {n.text}
                {n.action && (
                  <div class="row">
                    <button type="button" onClick={n.action.run}>
                      {n.action.label}
                    </button>
                  </div>
                )}
              </div>
            ))}
            {step ? (
              <StepBody view={view} fallback={fallback} titleId={titleId} hintId={hintId} actions={actions} />
            ) : (
              <Finished view={view} titleId={titleId} hintId={hintId} actions={actions} />
            )}
            <div class="row">
              <ReasonButton onClick={actions.back} unavailable={view.index === 0 ? 'Đây là bước đầu tiên.' : null} aria-label={PANEL_BUTTONS.back.name}>
                {PANEL_BUTTONS.back.face}
              </ReasonButton>
              {canConfirm && (
                <button type="button" class="primary" onClick={actions.confirm}>
                  {PANEL_BUTTONS.done.face}
                </button>
              )}
              {step && (
                <button type="button" onClick={actions.skip} aria-label={PANEL_BUTTONS.skip.name}>
                  {PANEL_BUTTONS.skip.face}
                </button>
              )}
              <CloseGuide key={view.session.startedAt} finished={!step} onClose={actions.finish} />
              {step && <SnapshotButton view={view} />}
            </div>
          </div>
        )}
      </div>}
    </div>
  );
}

function StepBody({ view, fallback, titleId, hintId, actions }: { view: ViewState; fallback: string | null; titleId: string; hintId: string; actions: OverlayActions }) {
  const step = view.step!;
  const compact = matchMedia(COMPACT).matches;
  return (
    <div>
      <h2 class="title" id={titleId}>
        {step.title}
      </h2>
      <p class={compact && view.status === 'shown' ? 'hint sr' : 'hint'} id={hintId}>
        {step.hint}
      </p>
      {step.details && (
        <details class="more" open={!compact}>
          <summary>Chi tiết</summary>
          <ul class="details">
            {step.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </details>
      )}
      {view.status === 'searching' && <p>Đang tìm trên trang…</p>}
      {view.status === 'elsewhere' && <p class="warn">Bước này làm ở trang khác của cổng. Làm theo hướng dẫn để chuyển trang, hoặc bấm “Quay lại”.</p>}
      {fallback && (
        <p class="error" role="alert" data-testid="fallback">
          {fallback}
        </p>
      )}
      {view.toastNotes.map((n) => (
        <div class="error" role="alert" key={n.toast}>
          <strong>Cổng báo: “{n.toast}”.</strong> {n.explain}
        </div>
      ))}
      {step.capture && <CaptureForm view={view} actions={actions} />}
    </div>
  );
}
