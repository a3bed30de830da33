/**
 * Watches the page for the runner: the volunteer's clicks and edits (never their values), SPA
 * navigation, DOM changes through one MutationObserver, and a safety poll. Everything it starts —
 * listeners, the observer, timers — stops through the one AbortSignal it was started with.
 */
const SAFETY_POLL_MS = 1000;

export interface WatchCallbacks {
  /** The overlay's own nodes: their events and mutations are ignored. */
  isOwnNode(node: Node | null): boolean;
  onClick(e: MouseEvent): void;
  /** A change/input event on the page (only "something changed": values are read later). */
  onInteract(): void;
  /** Debounced: the page changed, look again. */
  onSettle(): void;
}

export class PageWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private laterTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;
  private signal: AbortSignal | undefined;
  private burst = 0;
  /** Cost of the last evaluation, in ms: the debounce grows with it. */
  lastCost = 0;

  constructor(
    private readonly win: Window,
    private readonly cb: WatchCallbacks,
  ) {}

  start(signal: AbortSignal): void {
    this.signal = signal;
    const doc = this.win.document;
    const opts = { capture: true, signal };
    doc.addEventListener('click', (e) => {
      if (!this.cb.isOwnNode(e.composedPath()[0] as Node)) this.cb.onClick(e);
    }, opts);
    const interact = (e: Event) => {
      if (!this.cb.isOwnNode(e.composedPath()[0] as Node)) this.cb.onInteract();
    };
    doc.addEventListener('change', interact, opts);
    doc.addEventListener('input', interact, opts);
    const nav = () => this.schedule();
    this.win.addEventListener('popstate', nav, { signal });
    this.win.addEventListener('hashchange', nav, { signal });
    (this.win as Window & { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', nav, { signal });
    this.observer = new MutationObserver(this.onMutation);
    this.observe();
    const poll = setInterval(() => this.schedule(), SAFETY_POLL_MS);
    signal.addEventListener('abort', () => {
      this.observer?.disconnect();
      clearInterval(poll);
      clearTimeout(this.timer);
      clearTimeout(this.laterTimer);
      this.timer = undefined;
    }, { once: true });
  }

  private get active(): boolean {
    return !!this.signal && !this.signal.aborted;
  }

  /**
   * The observer disconnects at the first change and reconnects after the evaluation it scheduled:
   * on a page that mutates thousands of times a second the browser records nothing in between.
   */
  private onMutation = (records: MutationRecord[]): void => {
    if (records.length < 3 && records.every((r) => this.cb.isOwnNode(r.target) || [...r.addedNodes].every((n) => this.cb.isOwnNode(n)))) return;
    this.observer?.disconnect();
    this.burst = records.length;
    this.schedule();
  };

  private observe(): void {
    if (this.active) this.observer?.observe(this.win.document.documentElement, { childList: true, subtree: true });
  }

  /**
   * Debounced evaluation. The delay grows with the cost of the last run (≤ ~5% of the main thread)
   * and with the size of the last burst of DOM changes: a page rewriting hundreds of nodes per
   * frame is re-checked a few times a second instead of sixty.
   */
  schedule(): void {
    if (this.timer !== undefined || !this.active) return;
    const delay = Math.min(1000, Math.max(16, this.lastCost * 20, this.burst));
    this.burst = 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.cb.onSettle();
      } finally {
        this.observe();
      }
    }, delay);
  }

  /** One pending re-check after `ms` (the missing-anchor deadline); replaces an earlier one, cancelled with the rest. */
  later(ms: number, run: () => void): void {
    clearTimeout(this.laterTimer);
    if (this.active) this.laterTimer = setTimeout(run, ms);
  }

  cancelLater(): void {
    clearTimeout(this.laterTimer);
  }
}
