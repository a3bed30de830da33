/**
 * Content-script side of the guide: one shadow-root host element (<tro-ly-dvc>), the runner, and
 * the overlay wired together. Changes nothing in the portal's DOM except adding that host.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { GuideRunner, type ViewState } from '../engine/runner';
import { onTabMessage, send } from '../messages';
import { panelPlacement, type CapturedFiling } from '../storage/items';
import { Overlay, type OverlayActions, type Placement } from './Overlay';
import { overlayCss } from './styles';

export const HOST_TAG = 'tro-ly-dvc';

export async function mountGuide(ctx: ContentScriptContext): Promise<void> {
  const tabId = await send({ type: 'guide:tab-id' }).catch(() => null);
  if (typeof tabId !== 'number') return;

  let lastPageFocus: Element | null = null;
  let placement: Placement = await panelPlacement.getValue();
  let view: ViewState | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: HOST_TAG,
    position: 'inline',
    anchor: document.documentElement,
    append: 'last',
    css: overlayCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'change', 'focusin', 'focusout'],
    onMount: (container) => container,
  });
  ui.mount();
  const host = ui.shadowHost;
  const isOwnNode = (node: Node | null) => !!node && (node === host || host.contains(node) || node.getRootNode() === ui.shadow);

  // Remember where the volunteer was on the page, to give focus back on Esc.
  ctx.addEventListener(document, 'focusin', (e) => {
    const target = e.composedPath()[0] as Element | undefined;
    if (target && !isOwnNode(target)) lastPageFocus = target;
  }, { capture: true });

  const draw = () => {
    if (!view) {
      render(null, ui.uiContainer);
      return;
    }
    render(<Overlay view={view} placement={placement} actions={actions} />, ui.uiContainer);
  };

  const inFrame = window !== window.top;
  const runner = new GuideRunner({
    tabKey: String(tabId),
    isOwnNode,
    inFrame,
    reportFrame: (report) => void send({ type: 'guide:frame-report', report }).catch(() => null),
    guideForCode: (code, portal, url) => send({ type: 'guide:for-code', code, portal, url }).catch(() => null),
    render(next) {
      view = next;
      draw();
    },
  });

  const actions: OverlayActions = {
    back: () => runner.back(),
    skip: () => runner.skip(),
    confirm: () => runner.confirm(),
    confirmCapture: (code, dueOn) => void runner.confirmCapture(code, dueOn),
    finish: () => void runner.finish(),
    move: (p) => {
      placement = p;
      void panelPlacement.setValue(p);
    },
    returnFocus: () => {
      const target = lastPageFocus as HTMLElement | null;
      if (target?.isConnected && typeof target.focus === 'function') target.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
    },
    filingFrameUrl: (capture: CapturedFiling) => filingFrameUrl(view, capture),
  };

  onTabMessage({
    'guide:focus-panel': () => ui.shadow.querySelector<HTMLElement>('.panel button')?.focus(),
    'guide:frame-signal': (m) => {
      if (!inFrame) runner.frameReport(m.frameId, m.report);
    },
    'session:ended': () => {
      if (inFrame) return;
      // The portals keep tokens in sessionStorage too, which browsingData cannot reach.
      try {
        sessionStorage.clear();
      } catch {
        // Storage blocked: nothing to clear.
      }
      location.reload();
    },
  });

  ctx.onInvalidated(() => runner.stop());
  await runner.start();
}

function filingFrameUrl(view: ViewState | null, capture: CapturedFiling): string | null {
  const guide = view?.session.guide;
  if (!guide?.procedureId) return null;
  const params = new URLSearchParams({
    dossierCode: capture.dossierCode,
    procedureId: guide.procedureId,
    procedureCode: guide.procedureCode ?? '',
    portal: guide.portal,
    ...(capture.dueOn ? { dueOn: capture.dueOn } : {}),
  });
  return browser.runtime.getURL(`/filing-frame.html?${params}` as '/filing-frame.html');
}
