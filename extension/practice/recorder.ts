/**
 * The trainer's record of a run, written by the run's replica page: steps entered (again),
 * skipped or gone back from, hints not found, mistakes the traps caught, the confirmed practice
 * code. Writes go one after another; the page waits for them before it navigates.
 */
import type { ViewState } from '../engine/runner';
import type { PracticeMark } from './brand';
import { EVENTS_LIMIT, practiceRuns, type PracticeEvent, type PracticeRun } from './storage';

export class RunRecorder {
  private chain: Promise<unknown> = Promise.resolve();
  private current: string | null;
  private captured: boolean;
  private at: string;
  private missingShown = new Set<string>();

  constructor(
    private readonly run: Pick<PracticeRun, 'runId' | 'scenarioId' | 'current' | 'capture' | 'at'>,
  ) {
    this.current = run.current;
    this.captured = !!run.capture;
    this.at = run.at;
  }

  private get mark(): PracticeMark {
    return { runId: this.run.runId, scenarioId: this.run.scenarioId };
  }

  private update(change: (run: PracticeRun) => PracticeRun): void {
    this.chain = this.chain
      .then(async () => {
        const all = await practiceRuns.getValue();
        const run = all[this.run.runId];
        if (!run || run.endedAt) return;
        all[this.run.runId] = change(run);
        await practiceRuns.setValue(all);
      })
      .catch(() => undefined);
  }

  private push(event: PracticeEvent, patch: Partial<PracticeRun> = {}): void {
    this.update((run) => ({ ...run, ...patch, events: [...run.events, event].slice(-EVENTS_LIMIT) }));
  }

  /** Resolves once every write so far is stored. */
  flush(): Promise<unknown> {
    return this.chain;
  }

  address(href: string): void {
    if (href === this.at) return;
    this.at = href;
    this.update((run) => ({ ...run, at: href }));
  }

  view(view: ViewState | null): void {
    if (!view) return;
    const at = new Date().toISOString();
    const step = view.step?.id ?? null;
    if (step && step !== this.current) {
      this.current = step;
      this.missingShown.delete(step);
      this.push({ kind: 'enter', step, at }, { current: step });
    }
    if (step && view.status === 'missing' && !this.missingShown.has(step)) {
      this.missingShown.add(step);
      this.push({ kind: 'missing', step, at });
    }
    const capture = view.session.capture;
    if (capture && !this.captured) {
      this.captured = true;
      this.update((run) => ({ ...run, capture: { ...capture, practice: this.mark } }));
    }
  }

  action(action: 'back' | 'skip' | 'confirm' | 'finish', view: ViewState | null): void {
    const step = view?.step?.id;
    if ((action === 'skip' || action === 'back') && step) this.push({ kind: action, step, at: new Date().toISOString() });
  }

  mistake(trap: string, step: string | null): void {
    this.push({ kind: 'mistake', trap, step, at: new Date().toISOString() });
  }
}
