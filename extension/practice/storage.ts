/**
 * Practice runs live in storage.session only (memory: gone when the browser closes) and apart
 * from the tabs' guided sessions, the resumable guides, the resident's session and the outbox,
 * which never see them. Keyed by run id; the run's replica frames use it as their "tab".
 */
import { storage } from 'wxt/utils/storage';
import type { CapturedFiling, GuidedSession } from '../storage/items';
import type { Practice } from './brand';

export type PracticeSession = Practice<GuidedSession>;

export const practiceSessions = storage.defineItem<Record<string, PracticeSession>>('session:practice.sessions', {
  fallback: {},
  version: 1,
});

/** What the trainer's result is made of (summary.ts). */
export type PracticeEvent =
  /** The step became the current one (again, if it was before). */
  | { kind: 'enter'; step: string; at: string }
  /** The trainee pressed "Bỏ qua" / "Quay lại" on the step. */
  | { kind: 'skip' | 'back'; step: string; at: string }
  /** The step's element could not be found and the panel showed its fallback text. */
  | { kind: 'missing'; step: string; at: string }
  /** A scenario trap caught a mistake (step: the current one then). */
  | { kind: 'mistake'; trap: string; step: string | null; at: string };

export interface PracticeRun {
  runId: string;
  scenarioId: string;
  startedAt: string;
  /** The guide's step titles, kept for the result after the session is gone. */
  steps: Array<{ id: string; title: string }>;
  /** The portal address the run is at (the shell reopens it there). */
  at: string;
  current: string | null;
  events: PracticeEvent[];
  capture?: Practice<CapturedFiling>;
  endedAt?: string;
}

/** Events kept per run: a run that loops on one mistake still fits in memory. */
export const EVENTS_LIMIT = 400;
/** Runs kept (newest): older ones and their sessions are dropped when a new run starts. */
export const RUNS_LIMIT = 6;

export const practiceRuns = storage.defineItem<Record<string, PracticeRun>>('session:practice.runs', {
  fallback: {},
  version: 1,
});
