/**
 * Content-script side of the guide: one shadow-root host element (<tro-ly-dvc>), the runner, and
 * the overlay wired together. Changes nothing in the portal's DOM except adding that host.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { GuideRunner, type RunnerOptions, type ViewState } from '../engine/runner';
import type { SessionsItem } from '../engine/session-store';
import { onTabMessage, send } from '../messages';
import { panelPlacement, type CapturedFiling } from '../storage/items';
import { Overlay, type OverlayActions } from './Overlay';
import { createShadowHost } from './shadow-host';
import { overlayCss } from './styles';

export const HOST_TAG = 'tro-ly-dvc';

/**
 * An extension page that stands for a portal page (the practice pages): it says which session is
 * its own, whether it is a sub-frame and which portal address it imitates. Such a page never
 * records a filing, and the trainer's record sees what the overlay shows and the panel's actions.
 */
export interface GuideHost {
  tabKey: string;
  inFrame: boolean;
  location(): string;
  sessions: SessionsItem;
  onView?(view: ViewState | null): void;
  onAction?(action: 'back' | 'skip' | 'confirm' | 'finish', view: ViewState | null): void;
}

export async function mountGuide(ctx: ContentScriptContext, guideHost?: GuideHost): Promise<void> {
  const tabId = guideHost ? guideHost.tabKey : await send({ type: 'guide:tab-id' }).catch(() => null);
  if (tabId === null || tabId === undefined) return;

  let lastPageFocus: Element | null = null;
  let placement = await panelPlacement.getValue();
  let view: ViewState | null = null;

  const ui = createShadowHost(HOST_TAG, overlayCss, ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'change', 'focusin', 'focusout']);
  ctx.onInvalidated(ui.remove);
  const host = ui.host;
  const isOwnNode = (node: Node | null) => !!node && (node === host || host.contains(node) || node.getRootNode() === ui.shadow);

  // Remember where the volunteer was on the page, to give focus back on Esc.
  ctx.addEventListener(document, 'focusin', (e) => {
    const target = e.composedPath()[0] as Element | undefined;
    if (target && !isOwnNode(target)) lastPageFocus = target;
  }, { capture: true });

  const draw = () => {
    guideHost?.onView?.(view);
    if (!view) {
      render(null, ui.container);
      return;
    }
    render(<Overlay view={view} placement={placement} actions={actions} />, ui.container);
  };

  const inFrame = guideHost ? guideHost.inFrame : window !== window.top;
  const where: Pick<RunnerOptions, 'reportFrame' | 'guideForCode' | 'location' | 'sessions' | 'diagnostics'> = guideHost
    ? { location: guideHost.location, sessions: guideHost.sessions, diagnostics: false }
    : {
        reportFrame: (report) => void send({ type: 'guide:frame-report', report }).catch(() => null),
        guideForCode: (code, portal, url) => send({ type: 'guide:for-code', code, portal, url }).catch(() => null),
      };
  const runner = new GuideRunner({
    tabKey: String(tabId),
    isOwnNode,
    inFrame,
    ...where,
    render(next) {
      view = next;
      draw();
    },
  });

  const told = (action: Parameters<NonNullable<GuideHost['onAction']>>[0], run: () => unknown) => () => {
    guideHost?.onAction?.(action, view);
    void run();
  };
  const actions: OverlayActions = {
    back: told('back', () => runner.back()),
    skip: told('skip', () => runner.skip()),
    confirm: told('confirm', () => runner.confirm()),
    confirmCapture: (code, dueOn) => void runner.confirmCapture(code, dueOn),
    finish: told('finish', () => runner.finish()),
    move: (p) => {
      placement = p;
      void panelPlacement.setValue(p);
    },
    returnFocus: () => {
      const target = lastPageFocus as HTMLElement | null;
      if (target?.isConnected && typeof target.focus === 'function') target.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
    },
    // A practice filing is never recorded: no record form on such a page.
    filingFrameUrl: (capture: CapturedFiling) => (guideHost ? null : filingFrameUrl(view, capture)),
  };

  if (!guideHost) onTabMessage({
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
