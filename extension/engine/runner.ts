/**
 * Runs a tab's guided session on the current page: finds the current step's anchor, advances on
 * the volunteer's real actions, follows SPA navigation, persists progress per tab and records
 * anchors that cannot be found. One debounced MutationObserver; nothing runs without a session.
 */
import type { Step } from '../guides/schema';
import { recordDiagnostic } from '../storage/diagnostics';
import { redactPath } from './redact';
import { guidedSessions, residentSession, type GuidedSession } from '../storage/items';
import { LEGACY_SURFACES, surfacesOf, type SurfaceId } from '../surfaces';
import { procedureCodeFromUrl } from '../surfaces/codes';
import type { Guide, Portal } from '../guides/schema';
import { extractDossierCode, extractDueDate } from './capture';
import { findAnchor, isFilled, isVisible } from './find';
import { advance, explainToasts, stepOnPage, type Probe } from './rules';

/** How long an anchor may be missing before the fallback text and a diagnostics entry. */
export const MISSING_AFTER_MS = 3000;
const SAFETY_POLL_MS = 1000;
const TOAST_SELECTOR = '.Toastify__toast, [role="alert"]';

export type StepStatus = 'searching' | 'shown' | 'missing' | 'elsewhere' | 'panel';

export interface ViewState {
  session: GuidedSession;
  step: Step | null;
  index: number;
  total: number;
  surfaces: SurfaceId[];
  anchor: Element | null;
  status: StepStatus;
  /** Explanations for visible (or just seen) toasts. */
  toastNotes: Array<{ toast: string; explain: string }>;
  /** Suggested by the page on a capture step; editable by the volunteer before confirming. */
  suggestion: { dossierCode: string | null; dueOn: string | null } | null;
  /** True when the guide has no step left. */
  finished: boolean;
  /** Messages about the page itself: a legacy page, a procedure recognised from the URL, … */
  notices: Notice[];
  /** In a frame: only the frame hint of the current step (no panel). */
  frame: { hint: string } | null;
}

export interface Notice {
  id: string;
  text: string;
  action?: { label: string; run(): void };
}

export interface RunnerOptions {
  tabKey: string;
  /** Asks the background for the guide of a procedure code found in a hand-off URL. */
  guideForCode?(code: string, portal: Portal, url: string): Promise<{ guide: Guide | null; procedureName: string } | null>;
  /** True in a sub-frame (e.g. the MOJ declaration): shows frame hints only, never moves the steps. */
  inFrame?: boolean;
  render(view: ViewState | null): void;
  /** The overlay's host element: its events and mutations are ignored. */
  isOwnNode(node: Node | null): boolean;
  win?: Window;
}

interface Trigger {
  clicked?: boolean;
  confirmed?: boolean;
  interacted?: boolean;
}

export class GuideRunner {
  private session: GuidedSession | null = null;
  private href = '';
  private surfaces: SurfaceId[] = [];
  private stepSince = 0;
  private loggedMissing = new Set<string>();
  private hold = false;
  private anchor: Element | null = null;
  private toastNotes: ViewState['toastNotes'] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private missingTimer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private pageNotices: Notice[] = [];
  private lastCost = 0;
  private burst = 0;
  private lastViewKey = '';
  private lastAnchor: Element | null = null;
  private observer: MutationObserver | undefined;
  /** Set while attached; aborting it removes every listener. */
  private listening: AbortController | undefined;
  private unwatch: (() => void) | undefined;
  private readonly win: Window;
  private readonly doc: Document;
  private saving = Promise.resolve();

  constructor(private readonly opts: RunnerOptions) {
    this.win = opts.win ?? window;
    this.doc = this.win.document;
  }

  async start(): Promise<void> {
    this.unwatch = guidedSessions.watch((all) => this.adopt(all?.[this.opts.tabKey] ?? null));
    this.adopt((await guidedSessions.getValue())[this.opts.tabKey] ?? null);
    if (!this.opts.inFrame) {
      // Hand-off pages name their procedure in the URL: recognise it even before a session exists.
      this.win.addEventListener('hashchange', this.onAnyNavigation);
      this.win.addEventListener('popstate', this.onAnyNavigation);
      void this.recognise();
    }
  }

  private onAnyNavigation = (): void => {
    if (!this.session) void this.recognise();
  };

  private recognisedFor = '';

  /** Procedure from hand-off URL codes: starts a guide, or says the page differs from the chosen one. */
  private async recognise(): Promise<void> {
    const href = this.win.location.href;
    if (this.recognisedFor === href || !this.opts.guideForCode) return;
    this.recognisedFor = href;
    const url = new URL(href);
    const found = procedureCodeFromUrl(url);
    const surface = surfacesOf(url)[0];
    const portal = surface ? (surface.split('.')[0] as Portal) : undefined;
    if (!found || !portal || portal === ('vneid' as Portal) || portal === 'dvcqg') return;
    const current = this.session;
    // The portal's own code for the guide's procedure (liên thông packages) is the same procedure.
    if (current && (current.guide.procedureCode === found.code || current.guide.portalCodes?.includes(found.code))) return;
    const answer = await this.opts.guideForCode(found.code, portal, href);
    if (!answer?.guide || this.win.location.href !== href) return;
    const guide = answer.guide;
    if (!this.session) {
      await this.replaceSession(guide);
      this.pageNotices = [{ id: 'recognised', text: `Đã nhận ra thủ tục từ địa chỉ trang: “${guide.procedureName}” (mã ${found.code}).` }];
    } else {
      this.pageNotices = [
        ...this.pageNotices.filter((n) => n.id !== 'differs'),
        {
          id: 'differs',
          text: `Trang này là thủ tục “${answer.procedureName}” (mã ${found.code}), khác với thủ tục đã chọn “${this.session.guide.procedureName}”. Kiểm tra lại với người dân.`,
          action: { label: 'Hướng dẫn theo thủ tục của trang này', run: () => void this.replaceSession(guide) },
        },
      ];
    }
    this.lastViewKey = '';
    this.evaluate();
  }

  private async replaceSession(guide: Guide): Promise<void> {
    const now = new Date().toISOString();
    const session: GuidedSession = { guide, index: 0, done: [], startedAt: now, updatedAt: now };
    const all = await guidedSessions.getValue();
    all[this.opts.tabKey] = session;
    await guidedSessions.setValue(all);
    // A guide started from a hand-off page also means a resident may be logged in on this computer.
    if (!(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: guide.procedureName });
    this.pageNotices = this.pageNotices.filter((n) => n.id !== 'differs');
    this.adopt(session);
  }

  stop(): void {
    this.unwatch?.();
    this.win.removeEventListener('hashchange', this.onAnyNavigation);
    this.win.removeEventListener('popstate', this.onAnyNavigation);
    this.detach();
    this.opts.render(null);
  }

  /** Takes a session from storage (start, or a change made by the popup / another frame). */
  private adopt(next: GuidedSession | null): void {
    const current = this.session;
    if (!next || next.finished) {
      this.session = null;
      this.lastViewKey = '';
      this.detach();
      this.opts.render(null);
      return;
    }
    // Our own earlier writes echo back through the watcher: never step back to an older snapshot.
    if (current && next.startedAt === current.startedAt && next.updatedAt <= current.updatedAt) return;
    const changedStep = !current || current.index !== next.index || current.guide.id !== next.guide.id;
    this.session = next;
    if (changedStep) this.stepSince = Date.now();
    this.attach();
    this.evaluate();
  }

  // ——— listeners ———

  private attach(): void {
    if (this.listening) return;
    this.listening = new AbortController();
    const { signal } = this.listening;
    const opts = { capture: true, signal };
    this.doc.addEventListener('click', this.onClick, opts);
    // Only "something changed" signals: values are read later, and never from sensitive fields.
    this.doc.addEventListener('change', this.onInteract, opts);
    this.doc.addEventListener('input', this.onInteract, opts);
    this.win.addEventListener('popstate', this.onNavigate, { signal });
    this.win.addEventListener('hashchange', this.onNavigate, { signal });
    (this.win as Window & { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', this.onNavigate, { signal });
    this.observer = new MutationObserver(this.onMutation);
    this.observe();
    this.poll = setInterval(() => this.schedule(), SAFETY_POLL_MS);
  }

  private detach(): void {
    if (!this.listening) return;
    // One abort removes every listener attach() added.
    this.listening.abort();
    this.listening = undefined;
    this.observer?.disconnect();
    clearInterval(this.poll);
    clearTimeout(this.timer);
    clearTimeout(this.missingTimer);
    this.timer = undefined;
  }

  /**
   * The observer disconnects at the first change and reconnects after the evaluation it scheduled:
   * on a page that mutates thousands of times a second the browser records nothing in between.
   */
  private onMutation = (records: MutationRecord[]): void => {
    if (records.length < 3 && records.every((r) => this.opts.isOwnNode(r.target) || [...r.addedNodes].every((n) => this.opts.isOwnNode(n)))) return;
    this.observer?.disconnect();
    this.burst = records.length;
    this.schedule();
  };

  private observe(): void {
    if (this.listening) this.observer?.observe(this.doc.documentElement, { childList: true, subtree: true });
  }

  private onNavigate = (): void => this.schedule();

  private onInteract = (e: Event): void => {
    if (this.opts.isOwnNode(e.composedPath()[0] as Node)) return;
    this.hold = false;
    this.schedule();
  };

  private onClick = (e: MouseEvent): void => {
    const path = e.composedPath();
    if (this.opts.isOwnNode(path[0] as Node)) return;
    this.hold = false;
    const step = this.currentStep();
    let onAnchor = !!this.anchor && path.includes(this.anchor);
    if (!onAnchor && step?.anchor) {
      const fresh = findAnchor(step.anchor.alts);
      onAnchor = !!fresh && path.includes(fresh);
    }
    if (onAnchor) this.evaluate({ clicked: true, interacted: true });
    else this.schedule();
  };

  /**
   * Debounced evaluation. The delay grows with the cost of the last run (≤ ~5% of the main thread)
   * and with the size of the last burst of DOM changes: a page rewriting hundreds of nodes per
   * frame is re-checked a few times a second instead of sixty.
   */
  private schedule(): void {
    if (this.timer !== undefined || !this.session) return;
    const delay = Math.min(1000, Math.max(16, this.lastCost * 20, this.burst));
    this.burst = 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.evaluate();
      } finally {
        this.observe();
      }
    }, delay);
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
    this.session = { ...s, capture };
    this.setIndex(s.guide.steps.length, [...s.done, s.guide.steps[s.index]?.id ?? '']);
    this.lastViewKey = '';
    this.show();
  }

  async finish(): Promise<void> {
    const all = await guidedSessions.getValue();
    delete all[this.opts.tabKey];
    await guidedSessions.setValue(all);
  }

  private move(delta: number): void {
    const s = this.session;
    if (!s) return;
    const index = Math.max(0, Math.min(s.guide.steps.length, s.index + delta));
    this.hold = true;
    this.toastNotes = [];
    this.setIndex(index, s.done);
    this.evaluate();
  }

  private currentStep(): Step | null {
    return this.session?.guide.steps[this.session.index] ?? null;
  }

  private setIndex(index: number, done: string[]): void {
    const s = this.session;
    if (!s) return;
    if (index !== s.index) {
      this.stepSince = Date.now();
      this.toastNotes = [];
    }
    this.session = { ...s, index, done, updatedAt: new Date().toISOString() };
    this.persist();
  }

  private persist(): void {
    if (this.opts.inFrame) return;
    const snapshot = this.session;
    const key = this.opts.tabKey;
    this.saving = this.saving.then(async () => {
      if (!snapshot) return;
      const all = await guidedSessions.getValue();
      const stored = all[key];
      if (!stored || stored.startedAt !== snapshot.startedAt) return; // replaced or ended meanwhile
      all[key] = snapshot;
      await guidedSessions.setValue(all);
    });
  }

  // ——— evaluation ———

  private probe(step: Step, trigger: Trigger): Probe {
    return {
      surfaces: this.surfaces,
      appears: (alts) => !!findAnchor(alts),
      filled: () => {
        if (step.sensitive || !step.anchor) return false;
        const el = findAnchor(step.anchor.alts);
        return !!el && isFilled(el);
      },
      toasts: () => this.visibleToasts(),
      clicked: !!trigger.clicked,
      confirmed: !!trigger.confirmed,
    };
  }

  private visibleToasts(): string[] {
    return [...this.doc.querySelectorAll(TOAST_SELECTOR)]
      .filter((t) => !this.opts.isOwnNode(t) && isVisible(t))
      .map((t) => (t.textContent ?? '').trim())
      .filter(Boolean);
  }

  evaluate(trigger: Trigger = {}): void {
    const s = this.session;
    if (!s) return;
    const started = performance.now();
    const href = this.win.location.href;
    let pageChanged = false;
    if (href !== this.href) {
      this.href = href;
      this.surfaces = surfacesOf(new URL(href));
      pageChanged = true;
      this.hold = false;
      this.stepSince = Date.now();
      this.pageNotices = this.pageNotices.filter((n) => n.id === 'recognised');
      const legacy = this.surfaces.find((x) => LEGACY_SURFACES.has(x));
      if (legacy) this.pageNotices.push({ id: 'legacy', text: LEGACY_POINTERS[legacy] ?? 'Đây là trang cũ của cổng.' });
      if (!this.opts.inFrame) void this.recognise();
    }
    if (this.opts.inFrame) {
      this.showFrame();
      this.lastCost = performance.now() - started;
      return;
    }
    const result = advance(s.guide.steps, s.index, this.surfaces, (step, first) => this.probe(step, first ? trigger : {}), {
      hold: this.hold,
      pageChanged,
    });
    const index = result.index;
    const done = new Set([...s.done, ...result.completed]);
    if (index !== s.index || done.size !== s.done.length || trigger.confirmed) this.setIndex(index, [...done]);
    this.show();
    this.lastCost = performance.now() - started;
  }

  private show(): void {
    const s = this.session!;
    const step = this.currentStep();
    const onPage = stepOnPage(step ?? undefined, this.surfaces);
    let status: StepStatus = 'panel';
    let anchor: Element | null = null;
    clearTimeout(this.missingTimer);
    if (step && !onPage) status = 'elsewhere';
    else if (step?.anchor) {
      anchor = findAnchor(step.anchor.alts);
      if (anchor) status = 'shown';
      else {
        const waited = Date.now() - this.stepSince;
        if (waited >= MISSING_AFTER_MS) {
          status = 'missing';
          this.logMissing(step);
        } else {
          status = 'searching';
          this.missingTimer = setTimeout(() => this.evaluate(), MISSING_AFTER_MS - waited + 10);
        }
      }
    }
    this.anchor = anchor;
    if (step?.explainToasts) {
      const notes = explainToasts(step, this.visibleToasts());
      if (notes.length) this.toastNotes = notes; // kept after the toast fades, until the step changes
    }
    let suggestion: ViewState['suggestion'] = null;
    if (step?.capture && anchor) {
      const block = anchor.closest('p, li, div, section, td, tr') ?? anchor.parentElement ?? anchor;
      const text = block.textContent ?? '';
      suggestion = {
        dossierCode: extractDossierCode(text, step.capture.labels),
        dueOn: step.capture.dueLabels ? extractDueDate(this.doc.body.textContent ?? '', step.capture.dueLabels) : null,
      };
    }
    const key = [s.startedAt, s.index, s.capture?.dossierCode, status, this.surfaces.join(), this.toastNotes.length, suggestion?.dossierCode, suggestion?.dueOn].join('|');
    if (key === this.lastViewKey && anchor === this.lastAnchor) return;
    this.lastViewKey = key;
    this.lastAnchor = anchor;
    this.opts.render({
      session: s,
      step,
      index: s.index,
      total: s.guide.steps.length,
      surfaces: this.surfaces,
      anchor,
      status,
      toastNotes: this.toastNotes,
      suggestion,
      finished: !step,
      notices: this.pageNotices,
      frame: null,
    });
  }

  /** Sub-frames only spotlight the current step's frame hint; the top frame owns the steps. */
  private showFrame(): void {
    const s = this.session!;
    const step = this.currentStep();
    const hint = step?.frameHints?.find((h) => h.surfaces.some((x) => this.surfaces.includes(x)));
    const anchor = hint ? findAnchor(hint.anchor.alts) : null;
    const key = `frame|${s.startedAt}|${s.index}|${!!anchor}`;
    if (key === this.lastViewKey && anchor === this.lastAnchor) return;
    this.lastViewKey = key;
    this.lastAnchor = anchor;
    this.anchor = anchor;
    if (!hint || !step) {
      this.opts.render(null);
      return;
    }
    this.opts.render({
      session: s,
      step,
      index: s.index,
      total: s.guide.steps.length,
      surfaces: this.surfaces,
      anchor,
      status: anchor ? 'shown' : 'searching',
      toastNotes: [],
      suggestion: null,
      finished: false,
      notices: [],
      frame: { hint: hint.hint },
    });
  }

  private logMissing(step: Step): void {
    const key = `${step.id}|${this.href}`;
    if (this.loggedMissing.has(key)) return;
    this.loggedMissing.add(key);
    void recordDiagnostic({
      kind: 'anchor-missing',
      surface: this.surfaces[0] ?? 'unknown',
      guideId: this.session!.guide.id,
      stepId: step.id,
      path: redactPath(new URL(this.href)),
    });
  }
}

/** Where to go instead of a legacy page (portals.md §2.1, §2.5, §4). */
const LEGACY_POINTERS: Partial<Record<SurfaceId, string>> = {
  'dvcqg.legacy': 'Đây là trang cũ của Cổng Dịch vụ công (dạng /p/home/…). Cổng hiện hành là dichvucong.gov.vn: mở trang chủ và tìm thủ tục bằng ô tìm kiếm.',
  'vneid.oldIdp': 'Đây là trang đăng nhập cũ (xacthuc.dichvucong.gov.vn). Từ 1/7/2024 chỉ đăng nhập bằng VNeID: quay lại dichvucong.gov.vn và bấm “Đăng nhập”.',
  'thainguyen.legacy': 'Đây là trang cũ của cổng Thái Nguyên. Hồ sơ nộp ở trang dichvucong.thainguyen.gov.vn/nop-ho-so (mở từ nút “Nộp trực tuyến” trên Cổng quốc gia).',
};
