/**
 * How a sub-frame tells the top frame's runner what it sees for the current step, when the step
 * may live in a frame (`inFrames`: the VNeID code, consent and passcode dialogs). A report holds
 * only the step, booleans and rule keys — never a value, a text or an address — and travels through
 * the background (runtime messages pages cannot forge). Reports expire unless refreshed, so a frame
 * that went away stops counting.
 */

export interface FrameReport {
  /** startedAt of the guided session the frame evaluated. */
  session: string;
  stepId: string;
  /** The step's anchor is in this frame. */
  anchor: boolean;
  /** Keys of the step's "appears" rules (and landmarks) met in this frame. */
  met: string[];
  /** The step's anchor field has a value (never for sensitive steps). */
  filled: boolean;
  /** Clicks on the step's anchor in this frame so far. */
  clicks: number;
}

import type { Step } from '../guides/schema';
import { keyedRules, type Probe } from './rules';

/** A frame refreshes a report with anything in it at least this often. */
export const FRAME_REPORT_REFRESH_MS = 1000;
const EXPIRES_MS = 3500;

export function sameReport(a: FrameReport | null, b: FrameReport | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isEmptyReport(r: FrameReport): boolean {
  return !r.anchor && !r.met.length && !r.filled && !r.clicks;
}

/** What a sub-frame reports for the current step, from its own probe (rule keys, booleans). */
export function buildFrameReport(session: string, step: Step, probe: Probe, anchorHere: boolean, clicks: number): FrameReport {
  const met = keyedRules(step)
    .filter(({ key, rule }) => rule.kind === 'appears' && probe.appears(rule.anchor, !!rule.fresh, key))
    .map(({ key }) => key);
  const landmark = `landmark:${step.id}`;
  if (step.landmark && probe.appears(step.landmark, false, landmark)) met.push(landmark);
  return { session, stepId: step.id, anchor: anchorHere, met, filled: !step.sensitive && probe.filled(), clicks };
}

/** The top frame's view of its sub-frames' reports. */
export class FrameSignals {
  private reports = new Map<number, { report: FrameReport; at: number }>();
  private seenClicks = new Map<number, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** A frame's latest report (null: the frame unloaded). */
  receive(frameId: number, report: FrameReport | null): void {
    if (!report) {
      this.reports.delete(frameId);
      return;
    }
    this.reports.set(frameId, { report, at: this.now() });
  }

  private live(session: string, stepId: string): Array<[number, FrameReport]> {
    const out: Array<[number, FrameReport]> = [];
    for (const [id, { report, at }] of this.reports) {
      if (this.now() - at > EXPIRES_MS) this.reports.delete(id);
      else if (report.session === session && report.stepId === stepId) out.push([id, report]);
    }
    return out;
  }

  met(session: string, stepId: string, key: string): boolean {
    return this.live(session, stepId).some(([, r]) => r.met.includes(key));
  }

  anchor(session: string, stepId: string): boolean {
    return this.live(session, stepId).some(([, r]) => r.anchor);
  }

  filled(session: string, stepId: string): boolean {
    return this.live(session, stepId).some(([, r]) => r.filled);
  }

  /** True once per new click a frame reported on the step's anchor. */
  takeClick(session: string, stepId: string): boolean {
    let clicked = false;
    for (const [id, r] of this.live(session, stepId)) {
      const key = id;
      if (r.clicks > (this.seenClicks.get(key) ?? 0)) clicked = true;
      this.seenClicks.set(key, r.clicks);
    }
    return clicked;
  }

  /** Whether any live report is not empty (the top keeps polling while one is). */
  get active(): boolean {
    return [...this.reports.values()].some(({ report, at }) => this.now() - at <= EXPIRES_MS && !isEmptyReport(report));
  }
}
