/**
 * Starting and ending practice runs (the shell's actions). A run holds the real guide of its
 * scenario's procedure, built as the popup builds it, in a practice session of its own.
 */
import { findById } from '../../shared/catalogue';
import { guideFor } from '../guides/build';
import { GuideSchema } from '../guides/schema';
import type { Scenario } from './scenario-schema';
import { practiceRuns, practiceSessions, RUNS_LIMIT, type PracticeRun, type PracticeSession } from './storage';

export async function startRun(scenario: Scenario): Promise<string> {
  const procedure = findById(scenario.procedureId);
  const built = procedure && guideFor(procedure);
  if (!built) throw new Error(`Bài tập ${scenario.id}: thủ tục ${scenario.procedureId} chưa có hướng dẫn.`);
  const guide = GuideSchema.parse(built);
  const runId = crypto.randomUUID();
  const now = new Date().toISOString();
  const run: PracticeRun = {
    runId,
    scenarioId: scenario.id,
    startedAt: now,
    steps: guide.steps.map((s) => ({ id: s.id, title: s.title })),
    at: guide.startUrl,
    current: null,
    events: [],
  };
  const session: PracticeSession = { guide, index: 0, done: [], startedAt: now, updatedAt: now, practice: { runId, scenarioId: scenario.id } };
  const kept = Object.values(await practiceRuns.getValue())
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, RUNS_LIMIT - 1);
  const ids = new Set(kept.map((r) => r.runId));
  const sessions = Object.fromEntries(Object.entries(await practiceSessions.getValue()).filter(([id]) => ids.has(id)));
  await practiceSessions.setValue({ ...sessions, [runId]: session });
  await practiceRuns.setValue({ ...Object.fromEntries(kept.map((r) => [r.runId, r])), [runId]: run });
  return runId;
}

/** Ends a run: its result is kept (for printing), its guide session goes. */
export async function endRun(runId: string): Promise<void> {
  const runs = await practiceRuns.getValue();
  const run = runs[runId];
  if (run && !run.endedAt) await practiceRuns.setValue({ ...runs, [runId]: { ...run, endedAt: new Date().toISOString() } });
  const sessions = await practiceSessions.getValue();
  if (runId in sessions) {
    delete sessions[runId];
    await practiceSessions.setValue(sessions);
  }
}
