/**
 * The practice frame: one replica of a portal page at a time, inside the practice shell (whose
 * banner says it is a rehearsal). It renders the page for its virtual address, keeps every link,
 * frame and navigation in practice, and mounts the real guide overlay and runner on it through the
 * overlay's GuideHost seam (extension/overlay/mount.tsx), with the run's session. Only the top
 * replica records the trainer's result and watches the scenario's traps.
 */
import replicas from 'virtual:practice-replicas';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PORTAL_HOSTS } from '../../shared/hosts';
import type { ViewState } from '../engine/runner';
import { mountGuide } from '../overlay/mount';
import { frameUrl, isPracticeAddress, readAddress, sameDocument, type FrameRole } from './address';
import { FRAME_PAGE, SHELL_PAGE } from './brand';
import { renderFakeVneid } from './fake-vneid';
import { RunRecorder } from './recorder';
import { keepFramesInPractice, keepLinksInPractice, pageKeyFor, renderMissing, renderPage } from './replica';
import { makeSandbox, type Navigate } from './sandbox';
import { scenarioById } from './scenarios';
import type { ShellMessage } from './shell-messages';
import { practiceRuns, practiceSessions } from './storage';
import { watchTraps } from './traps';

/** The frame is where it belongs: the top replica directly in the shell, a sub-frame in a top replica. */
function inShell(win: Window, role: FrameRole): boolean {
  try {
    const top = win.top;
    if (!top || top === win || top.location.origin !== win.location.origin || top.location.pathname !== SHELL_PAGE) return false;
    return role === 'top' ? win.parent === top : win.parent.location.pathname === FRAME_PAGE;
  } catch {
    return false;
  }
}

function problem(doc: Document, text: string): void {
  const p = doc.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'font: 18px/1.5 system-ui, sans-serif; padding: 24px';
  p.textContent = text;
  doc.body.replaceChildren(p);
}

export async function startPracticeFrame(win: Window = window): Promise<void> {
  const doc = win.document;
  const address = readAddress(win.location.href);
  if (!address) return problem(doc, 'Địa chỉ trang tập luyện không đúng. Mở lại Chế độ tập luyện từ cửa sổ Trợ lý DVC.');
  // Opened by itself (no banner around it): show it inside the shell instead.
  if (!inShell(win, address.role)) return win.location.replace(`${SHELL_PAGE}?${new URLSearchParams({ run: address.run })}`);
  const run = (await practiceRuns.getValue())[address.run];
  const scenario = run && scenarioById(run.scenarioId);
  if (!run || !scenario || run.endedAt) return problem(doc, 'Bài tập này đã kết thúc. Mở lại Chế độ tập luyện từ cửa sổ Trợ lý DVC để tập bài mới.');

  const top = address.role === 'top';
  const recorder = top ? new RunRecorder(run) : null;
  const tell = (message: ShellMessage) => {
    if (top) win.parent.postMessage(message, win.location.origin);
  };
  const current = () => readAddress(win.location.href)?.virtual ?? address.virtual;
  const toReal = (v: URL) => frameUrl(win.location.origin, address.run, address.role, v);
  const leave = (move: () => void) => void Promise.resolve(recorder?.flush()).then(move);
  const go: Navigate = (target, opts = {}) => {
    const next = new URL(target, current());
    if (!isPracticeAddress(next)) return tell({ type: 'practice:outside', href: next.href });
    const real = toReal(next);
    const move = () => (opts.replace ? win.location.replace(real) : win.location.assign(real));
    // A hash change stays in the document (and fires hashchange), as on the portal.
    if (sameDocument(next, current()) && next.hash) move();
    else leave(move);
  };
  const host = address.virtual.hostname;
  const sandbox = makeSandbox({ win, run: address.run, host, variants: scenario.variants[host] ?? {}, current, go, toReal, reload: () => leave(() => win.location.reload()) });
  keepFramesInPractice(win, address.run);
  keepLinksInPractice(win, go);

  const key = pageKeyFor(replicas, address.virtual);
  if (host === PORTAL_HOSTS.vneid) renderFakeVneid(doc, sandbox);
  else if (key) renderPage(doc, replicas, replicas.pages[key]!, address.virtual, sandbox);
  else renderMissing(doc, address.virtual, () => win.history.back());

  let lastHref = '';
  const report = () => {
    const href = current().href;
    if (href === lastHref) return;
    lastHref = href;
    recorder?.address(href);
    tell({ type: 'practice:at', href });
  };
  report();
  // pushState fires no event: a light poll catches it (the shell's address line only).
  win.setInterval(report, 300);
  win.addEventListener('hashchange', report);
  win.addEventListener('popstate', report);

  let view: ViewState | null = null;
  // Before the guide: the trap sees a click with the step it was made on, before the engine moves on.
  if (recorder) {
    watchTraps({
      doc,
      traps: scenario.traps,
      currentStep: () => view?.step?.id ?? null,
      onMistake: (trap) => {
        recorder.mistake(trap.id, view?.step?.id ?? null);
        tell({ type: 'practice:mistake', trap: trap.id });
      },
    });
  }
  await mountGuide(new ContentScriptContext('practice'), {
    tabKey: address.run,
    inFrame: !top,
    location: () => current().href,
    sessions: practiceSessions,
    onView: (v) => {
      view = v;
      recorder?.view(v);
    },
    onAction: (action, v) => recorder?.action(action, v),
  });
}
