/**
 * The tab's guided session in storage: adopted when it starts or changes (popup, another frame),
 * written back in order when the engine moves, replaced when a hand-off URL names another
 * procedure. Our own writes echo back through the watcher and are never taken for news.
 */
import type { Guide } from '../guides/schema';
import { guidedSessions, residentSession, type GuidedSession } from '../storage/items';

/** Where a page's guided sessions live: the tabs' sessions by default, the practice runs' on practice pages. */
export type SessionsItem = Pick<typeof guidedSessions, 'getValue' | 'setValue' | 'watch'>;

export class SessionStore {
  session: GuidedSession | null = null;
  private saving = Promise.resolve();
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly tabKey: string,
    /** Sub-frames read the session but never write it: the top frame owns the steps. */
    private readonly readOnly: boolean,
    /** Called with the session when it started, ended or changed step from outside. */
    private readonly onAdopt: (session: GuidedSession | null, changedStep: boolean) => void,
    private readonly sessions: SessionsItem = guidedSessions,
  ) {}

  async start(): Promise<void> {
    this.unwatch = this.sessions.watch((all) => this.adopt(all?.[this.tabKey] ?? null));
    this.adopt((await this.sessions.getValue())[this.tabKey] ?? null);
  }

  stop(): void {
    this.unwatch?.();
  }

  private adopt(next: GuidedSession | null): void {
    const current = this.session;
    if (!next || next.finished) {
      this.session = null;
      this.onAdopt(null, true);
      return;
    }
    if (current && next.startedAt === current.startedAt && next.updatedAt <= current.updatedAt) return;
    const changedStep = !current || current.index !== next.index || current.guide.id !== next.guide.id;
    this.session = next;
    this.onAdopt(next, changedStep);
  }

  /** Moves the session (index, done, capture) and writes it, in order with earlier writes. */
  update(patch: Partial<Pick<GuidedSession, 'index' | 'done' | 'capture'>>): void {
    const s = this.session;
    if (!s) return;
    this.session = { ...s, ...patch, updatedAt: new Date().toISOString() };
    if (this.readOnly) return;
    const snapshot = this.session;
    this.saving = this.saving.then(async () => {
      const all = await this.sessions.getValue();
      const stored = all[this.tabKey];
      if (!stored || stored.startedAt !== snapshot.startedAt) return; // replaced or ended meanwhile
      all[this.tabKey] = snapshot;
      await this.sessions.setValue(all);
    });
  }

  /** A new session for `guide` (recognised from the page's URL), marking a resident session too. */
  async replace(guide: Guide): Promise<void> {
    const now = new Date().toISOString();
    const session: GuidedSession = { guide, index: 0, done: [], startedAt: now, updatedAt: now };
    const all = await this.sessions.getValue();
    all[this.tabKey] = session;
    await this.sessions.setValue(all);
    // A guide started from a hand-off page also means a resident may be logged in on this computer.
    if (this.sessions === guidedSessions && !(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: guide.procedureName });
    this.adopt(session);
  }

  async finish(): Promise<void> {
    const all = await this.sessions.getValue();
    delete all[this.tabKey];
    await this.sessions.setValue(all);
  }
}
