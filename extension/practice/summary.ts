/** The trainer's result, from a run's events alone (pure; test/unit/practice/summary.test.ts). */
import type { Scenario } from './scenario-schema';
import type { PracticeRun } from './storage';

export interface StepLine {
  id: string;
  title: string;
  times: number;
}

export interface MistakeLine {
  trap: string;
  mistake: string;
  explain: string;
  /** Titles of the steps it happened on. */
  steps: string[];
  times: number;
}

export interface PracticeSummary {
  startedAt: string;
  endedAt: string | null;
  durationMs: number;
  /** The dossier code was captured and confirmed: the filing was done to its end. */
  filed: boolean;
  dossierCode: string | null;
  /** Steps the trainee skipped with "Bỏ qua". */
  skipped: StepLine[];
  /** Steps whose hint had to be shown again: back to a step already left, or the hint not found. */
  reshown: StepLine[];
  mistakes: MistakeLine[];
}

export function summarise(run: PracticeRun, scenario: Scenario | undefined, now = Date.now()): PracticeSummary {
  const title = (id: string) => run.steps.find((s) => s.id === id)?.title ?? id;
  const count = (ids: string[]): StepLine[] => {
    const times = new Map<string, number>();
    for (const id of ids) times.set(id, (times.get(id) ?? 0) + 1);
    return [...times].map(([id, n]) => ({ id, title: title(id), times: n }));
  };
  const entered = new Map<string, number>();
  const again: string[] = [];
  for (const e of run.events) {
    if (e.kind === 'enter') {
      const n = (entered.get(e.step) ?? 0) + 1;
      entered.set(e.step, n);
      if (n > 1) again.push(e.step);
    } else if (e.kind === 'missing') again.push(e.step);
  }
  const mistakes = new Map<string, MistakeLine>();
  for (const e of run.events) {
    if (e.kind !== 'mistake') continue;
    const trap = scenario?.traps.find((t) => t.id === e.trap);
    const line = mistakes.get(e.trap) ?? { trap: e.trap, mistake: trap?.mistake ?? e.trap, explain: trap?.explain ?? '', steps: [], times: 0 };
    line.times++;
    if (e.step && !line.steps.includes(title(e.step))) line.steps.push(title(e.step));
    mistakes.set(e.trap, line);
  }
  const end = run.capture?.confirmedAt ?? run.endedAt ?? null;
  return {
    startedAt: run.startedAt,
    endedAt: end,
    durationMs: Math.max(0, (end ? Date.parse(end) : now) - Date.parse(run.startedAt)),
    filed: !!run.capture,
    dossierCode: run.capture?.dossierCode ?? null,
    skipped: count(run.events.flatMap((e) => (e.kind === 'skip' ? [e.step] : []))),
    reshown: count(again),
    mistakes: [...mistakes.values()],
  };
}

/** "12 phút 5 giây", "45 giây", "1 giờ 2 phút". */
export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `${h} giờ ${m} phút`;
  if (m) return sec ? `${m} phút ${sec} giây` : `${m} phút`;
  return `${sec} giây`;
}
