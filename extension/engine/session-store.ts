/**
 * The tab's guided session in storage: adopted when it starts or changes (popup, another frame),
 * written back in order when the engine moves, replaced when a hand-off URL names another
 * procedure. Our own writes echo back through the watcher and are never taken for news.
 */
import type { Guide } from '../guides/schema';
import { guidedSessions, residentSession, type GuidedSession } from '../storage/items';

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
  ) {}

  async start(): Promise<void> {
    this.unwatch = guidedSessions.watch((all) => this.adopt(all?.[this.tabKey] ?? null));
    this.adopt((await guidedSessions.getValue())[this.tabKey] ?? null);
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
      const all = await guidedSessions.getValue();
      const stored = all[this.tabKey];
      if (!stored || stored.startedAt !== snapshot.startedAt) return; // replaced or ended meanwhile
      all[this.tabKey] = snapshot;
      await guidedSessions.setValue(all);
    });
  }

  /** A new session for `guide` (recognised from the page's URL), marking a resident session too. */
  async replace(guide: Guide): Promise<void> {
    const now = new Date().toISOString();
    const session: GuidedSession = { guide, index: 0, done: [], startedAt: now, updatedAt: now };
    const all = await guidedSessions.getValue();
    all[this.tabKey] = session;
    await guidedSessions.setValue(all);
    // A guide started from a hand-off page also means a resident may be logged in on this computer.
    if (!(await residentSession.getValue())) await residentSession.setValue({ startedAt: now, procedureName: guide.procedureName });
    this.adopt(session);
  }

  async finish(): Promise<void> {
    const all = await guidedSessions.getValue();
    delete all[this.tabKey];
    await guidedSessions.setValue(all);
  }
}
