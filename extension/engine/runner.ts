/**
 * Runs a tab's guided session on the current page: finds the current step's anchor, advances on
 * the volunteer's real actions, follows SPA navigation and records anchors that cannot be found.
 * The parts live beside it: the session in storage (session-store), URL recognition (recognise),
 * page watching (page-watch), the rules' DOM probe (probe, step-memory), sub-frame reports
 * (frame-signals) and the one view builder (view). Nothing runs without a session.
 */
import type { Guide, Step } from '../guides/schema';
import { recordDiagnostic } from '../storage/diagnostics';
import type { GuidedSession } from '../storage/items';
import { CATCH_ALL_SURFACES, surfacesOf, type SurfaceId } from '../surfaces';
import { loadActiveRoutes } from '../surfaces/active';
import { SeenCodes } from './capture';
import { recordClick } from './click-record';
import { findAnchor, findNear } from './find';
import { buildFrameReport, FRAME_REPORT_REFRESH_MS, FrameSignals, isEmptyReport, sameReport, type FrameReport } from './frame-signals';
import { PageWatch } from './page-watch';
import { probeFor, type ProbeContext, type Trigger } from './probe';
import { legacyNotice, recogniseHandOff, type GuideForCode, type Notice } from './recognise';
import { redactPath } from './redact';
import { advance, stepOnPage } from './rules';
import { StepNotes } from './notes';
import { SessionStore, type SessionsItem } from './session-store';
import { StepMemory } from './step-memory';
import { buildView, viewKey, type StepStatus, type ViewState } from './view';

export type { ViewState };

/** How long an anchor may be missing before the fallback text and a diagnostics entry. */
export const MISSING_AFTER_MS = 3000;

export interface RunnerOptions {
  tabKey: string;
  /** Asks the background for the guide of a procedure code found in a hand-off URL. */
  guideForCode?: GuideForCode;
  /** True in a sub-frame: shows frame hints only and reports to the top frame, never moves the steps. */
  inFrame?: boolean;
  /** Sub-frames: sends a report to the top frame (null when the frame goes away). */
  reportFrame?(report: FrameReport | null): void;
  render(view: ViewState | null): void;
  /** The overlay's host element: its events and mutations are ignored. */
  isOwnNode(node: Node | null): boolean;
  win?: Window;
  /** The portal address this page stands for when it is not its own (the practice pages). */
  location?(): string;
  /** Where the sessions live (default: the tabs' guided sessions). */
  sessions?: SessionsItem;
  /** False: missing anchors are not written to the diagnostics log (practice pages). */
  diagnostics?: boolean;
}

export class GuideRunner {
  private readonly win: Window;
  private readonly store: SessionStore;
  private readonly memory = new StepMemory();
  private readonly frames = new FrameSignals();
  private readonly watch: PageWatch;
  private readonly life = new AbortController();
  private attached: AbortController | undefined;
  private href = '';
  private surfaces: SurfaceId[] = [];
  private stepSince = 0;
  private hold = false;
  private anchor: Element | null = null;
  private readonly notes = new StepNotes();
  private readonly seenCodes = new SeenCodes();
  private pageNotices: Notice[] = [];
  private loggedMissing = new Set<string>();
  private recognisedFor = '';
  private lastViewKey = '';
  /** The anchor and referred elements last drawn. */
  private lastShown: Array<Element | null> = [];
  private frameClicks = { stepId: '', count: 0 };
  private lastReport: FrameReport | null = null;
  private lastReportAt = 0;

  constructor(private readonly opts: RunnerOptions) {
    this.win = opts.win ?? window;
    this.store = new SessionStore(opts.tabKey, !!opts.inFrame, (s, changedStep) => this.adopt(s, changedStep), opts.sessions);
    this.watch = new PageWatch(this.win, {
      isOwnNode: opts.isOwnNode,
      onClick: (e) => this.onClick(e),
      onInteract: () => {
        this.hold = false;
        this.watch.schedule();
      },
      onSettle: () => this.evaluate(),
    });
  }

  private get session(): GuidedSession | null {
    return this.store.session;
  }

  private here = (): string => this.opts.location?.() ?? this.win.location.href;

  async start(): Promise<void> {
    await loadActiveRoutes();
    await this.store.start();
    if (this.opts.inFrame) {
      this.win.addEventListener('pagehide', () => this.opts.reportFrame?.(null), { signal: this.life.signal });
      return;
    }
    // Hand-off pages name their procedure in the URL: recognise it even before a session exists.
    const onNavigation = () => {
      if (!this.session) void this.recognise();
    };
    this.win.addEventListener('hashchange', onNavigation, { signal: this.life.signal });
    this.win.addEventListener('popstate', onNavigation, { signal: this.life.signal });
    void this.recognise();
  }

  stop(): void {
    this.store.stop();
    this.life.abort();
    this.detach();
    if (this.opts.inFrame) this.opts.reportFrame?.(null);
    this.opts.render(null);
  }

  /** A sub-frame's report (top frame only). */
  frameReport(frameId: number, report: FrameReport | null): void {
    this.frames.receive(frameId, report);
    this.watch.schedule();
  }

  private async recognise(): Promise<void> {
    const href = this.here();
    if (this.recognisedFor === href || !this.opts.guideForCode) return;
    this.recognisedFor = href;
    const found = await recogniseHandOff(href, this.session, this.opts.guideForCode);
    if (!found || this.here() !== href) return;
    if (found.kind === 'start' && !this.session) {
      this.pageNotices = [found.notice];
      await this.store.replace(found.guide);
    } else if (found.kind === 'differs' && this.session) {
      const guide: Guide = found.guide;
      this.pageNotices = [
        ...this.pageNotices.filter((n) => n.id !== 'differs'),
        {
          id: 'differs',
          text: found.text,
          action: {
            label: 'Hướng dẫn theo thủ tục của trang này',
            run: () => {
              this.pageNotices = this.pageNotices.filter((n) => n.id !== 'differs');
              void this.store.replace(guide);
            },
          },
        },
      ];
    }
    this.lastViewKey = '';
    this.evaluate();
  }

  private adopt(session: GuidedSession | null, changedStep: boolean): void {
    if (!session) {
      this.lastViewKey = '';
      this.detach();
      this.opts.render(null);
      return;
    }
    if (changedStep) this.stepSince = Date.now();
    this.attach();
    this.evaluate();
  }

  private attach(): void {
    if (this.attached) return;
    this.attached = new AbortController();
    this.watch.start(this.attached.signal);
  }

  private detach(): void {
    this.attached?.abort();
    this.attached = undefined;
  }

  private currentStep(): Step | null {
    const s = this.session;
    return s?.guide.steps[s.index] ?? null;
  }

  private onClick(e: MouseEvent): void {
    this.hold = false;
    const step = this.currentStep();
    const path = e.composedPath();
    const root = this.win.document.body ?? this.win.document;
    const hits = (alts: Parameters<typeof findAnchor>[0]) => {
      const el = findAnchor(alts, root);
      return !!el && path.includes(el);
    };
    const onAnchor = !!step?.anchor && ((!!this.anchor && path.includes(this.anchor)) || hits(step.anchor.alts));
    if (!step) return this.watch.schedule();
    if (this.opts.inFrame) {
      if (onAnchor && step.inFrames) this.frameClicks = { stepId: step.id, count: (this.frameClicks.stepId === step.id ? this.frameClicks.count : 0) + 1 };
      return this.watch.schedule();
    }
    const s = this.session!;
    recordClick({ steps: s.guide.steps, index: s.index, surfaces: this.surfaces, onAnchor, hits, memory: this.memory, href: this.here(), doc: this.win.document, root, isOwnNode: this.opts.isOwnNode });
    if (onAnchor) this.evaluate({ clicked: true });
    else this.watch.schedule();
  }

  // ——— the volunteer's panel actions ———

  back(): void {
    this.move(-1);
  }

  skip(): void {
    this.move(1);
  }

  /** "Xong" on a step that completes on confirmation. */
  confirm(): void {
    this.hold = false;
    this.evaluate({ confirmed: true });
  }

  async confirmCapture(dossierCode: string, dueOn: string | null): Promise<void> {
    const s = this.session;
    if (!s) return;
    const capture = { dossierCode: dossierCode.trim(), ...(dueOn ? { dueOn } : {}), confirmedAt: new Date().toISOString() };
    // The confirmed code ends the guide, whichever branch (national form, MOJ, liên thông) led here.
    this.store.update({ capture, index: s.guide.steps.length, done: [...s.done, s.guide.steps[s.index]?.id ?? ''] });
    this.lastViewKey = '';
    this.show();
  }

  finish(): Promise<void> {
    return this.store.finish();
  }

  private move(delta: number): void {
    const s = this.session;
    if (!s) return;
    this.hold = true;
    this.memory.keepOnly(new Set()); // moving by hand: every step starts afresh
    this.setIndex(Math.max(0, Math.min(s.guide.steps.length, s.index + delta)), s.done);
    this.evaluate();
  }

  private setIndex(index: number, done: string[]): void {
    const s = this.session;
    if (!s) return;
    if (index !== s.index) this.stepSince = Date.now();
    this.store.update({ index, done });
    this.memory.keepOnly(new Set(s.guide.steps.slice(index).map((x) => x.id)));
  }

  // ——— evaluation ———

  private context(s: GuidedSession): ProbeContext {
    return {
      doc: this.win.document,
      href: this.href,
      surfaces: this.surfaces,
      memory: this.memory,
      session: s.startedAt,
      frames: this.opts.inFrame ? null : this.frames,
      isOwnNode: this.opts.isOwnNode,
    };
  }

  evaluate(trigger: Trigger = {}): void {
    const s = this.session;
    if (!s) return;
    const started = performance.now();
    this.memory.forSession(s.startedAt);
    const href = this.here();
    let pageChanged = false;
    if (href !== this.href) {
      this.href = href;
      this.surfaces = surfacesOf(new URL(href));
      pageChanged = true;
      this.hold = false;
      this.stepSince = Date.now();
      this.pageNotices = this.pageNotices.filter((n) => n.id === 'recognised');
      const legacy = legacyNotice(this.surfaces);
      if (legacy) this.pageNotices.push(legacy);
      if (!this.opts.inFrame) void this.recognise();
    }
    if (this.opts.inFrame) this.evaluateFrame(s);
    else this.evaluateTop(s, trigger, pageChanged);
    this.watch.lastCost = performance.now() - started;
  }

  private evaluateTop(s: GuidedSession, trigger: Trigger, pageChanged: boolean): void {
    const current = s.guide.steps[s.index];
    if (current && this.frames.takeClick(s.startedAt, current.id)) trigger = { ...trigger, clicked: true };
    const ctx = this.context(s);
    const result = advance(s.guide.steps, s.index, this.surfaces, (step, first) => probeFor(ctx, step, first ? trigger : {}), {
      hold: this.hold,
      pageChanged,
      catchAll: CATCH_ALL_SURFACES,
    });
    const done = new Set([...s.done, ...result.completed]);
    if (result.index !== s.index || done.size !== s.done.length || trigger.confirmed) this.setIndex(result.index, [...done]);
    this.show();
  }

  private show(): void {
    const s = this.session!;
    const step = this.currentStep();
    const root = this.win.document.body ?? this.win.document;
    let status: StepStatus = 'panel';
    let anchor: Element | null = null;
    this.watch.cancelLater();
    if (step && !stepOnPage(step, this.surfaces)) status = 'elsewhere';
    else if (step?.anchor) {
      anchor = findAnchor(step.anchor.alts, root);
      if (anchor) status = 'shown';
      else if (this.frames.anchor(s.startedAt, step.id)) status = 'frame';
      else {
        const waited = Date.now() - this.stepSince;
        if (waited >= MISSING_AFTER_MS) {
          status = 'missing';
          this.logMissing(step);
        } else {
          status = 'searching';
          this.watch.later(MISSING_AFTER_MS - waited + 10, () => this.evaluate());
        }
      }
    }
    this.anchor = anchor;
    const toastNotes = this.notes.update(`${s.startedAt}|${s.index}`, step, this.win.document, this.memory, this.opts.isOwnNode);
    const suggestion = step?.capture ? this.seenCodes.suggest(`${s.startedAt}|${s.index}`, step.capture, anchor, this.win.document) : null;
    // What the step asks the volunteer to read, near its anchor.
    const refers = anchor && step?.refers ? findNear(step.refers, anchor) : [];
    this.render(buildView({ session: s, step, surfaces: this.surfaces, anchor, refers, status, toastNotes, suggestion, notices: this.pageNotices }));
  }

  private render(view: ViewState | null): void {
    const key = view ? viewKey(view) : 'none';
    const shown = view ? [view.anchor, ...view.refers] : [];
    if (key === this.lastViewKey && shown.length === this.lastShown.length && shown.every((el, i) => el === this.lastShown[i])) return;
    this.lastViewKey = key;
    this.lastShown = shown;
    this.opts.render(view);
  }

  /** Sub-frames spotlight the current step's frame hint, or its anchor when the step may live in a frame, and report what they see. */
  private evaluateFrame(s: GuidedSession): void {
    const step = this.currentStep();
    const root = this.win.document.body ?? this.win.document;
    const frameHint = step?.frameHints?.find((h) => h.surfaces.some((x) => this.surfaces.includes(x)));
    let anchor: Element | null = null;
    let hint: string | null = null;
    if (frameHint) {
      anchor = findAnchor(frameHint.anchor.alts, root);
      hint = frameHint.hint;
    } else if (step?.inFrames && step.anchor) {
      anchor = findAnchor(step.anchor.alts, root);
      hint = anchor ? step.hint : null;
    }
    this.anchor = anchor;
    if (step?.inFrames) this.report(s, step, !!anchor && !frameHint);
    if (!step || !hint) return this.render(null);
    const refers = anchor && step.refers ? findNear(step.refers, anchor) : [];
    this.render(buildView({ session: s, step, surfaces: this.surfaces, anchor, refers, status: anchor ? 'shown' : 'searching', frameHint: hint }));
  }

  private report(s: GuidedSession, step: Step, anchorHere: boolean): void {
    const clicks = this.frameClicks.stepId === step.id ? this.frameClicks.count : 0;
    const report = buildFrameReport(s.startedAt, step, probeFor(this.context(s), step, {}), anchorHere, clicks);
    const due = Date.now() - this.lastReportAt >= FRAME_REPORT_REFRESH_MS && !isEmptyReport(report);
    if (sameReport(report, this.lastReport) && !due) return;
    this.lastReport = report;
    this.lastReportAt = Date.now();
    this.opts.reportFrame?.(report);
  }

  private logMissing(step: Step): void {
    const key = `${step.id}|${this.href}`;
    if (this.loggedMissing.has(key) || this.opts.diagnostics === false) return;
    this.loggedMissing.add(key);
    void recordDiagnostic({
      kind: 'anchor-missing',
      surface: this.surfaces[0] ?? 'unknown',
      guideId: this.session!.guide.id,
      stepId: step.id,
      path: redactPath(new URL(this.href)),
      session: this.session!.startedAt,
    });
  }
}

