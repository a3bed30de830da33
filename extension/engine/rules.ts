/**
 * The engine's decisions as pure functions: when a step is complete, and which step belongs to the
 * page the volunteer is on. The DOM side (runner.ts) only gathers a Probe.
 */
import type { AnchorAlt, Rule, Step } from '../guides/schema';
import type { SurfaceId } from '../surfaces';
import { textMatches } from './text';

export interface Probe {
  surfaces: readonly SurfaceId[];
  appears(anchor: readonly AnchorAlt[]): boolean;
  /** The step's anchor field (or its required fields) has a value; false when unknown or sensitive. */
  filled(): boolean;
  /** Texts of visible toasts/alerts. */
  toasts(): readonly string[];
  /** This evaluation follows a click on the step's anchor. */
  clicked: boolean;
  /** The volunteer pressed "Xong" / confirmed the captured code. */
  confirmed: boolean;
}

export function ruleMet(rule: Rule, step: Step, probe: Probe): boolean {
  switch (rule.kind) {
    case 'page':
      return rule.surfaces.some((s) => probe.surfaces.includes(s));
    case 'click':
      return probe.clicked;
    case 'appears':
      return probe.appears(rule.anchor);
    case 'filled':
      return !step.sensitive && probe.filled();
    case 'toast':
      return probe.toasts().some((t) => textMatches(t, rule.text));
    case 'confirm':
      return probe.confirmed;
  }
}

export function isStepComplete(step: Step, probe: Probe): boolean {
  return step.complete.some((rule) => ruleMet(rule, step, probe));
}

export function stepOnPage(step: Step | undefined, surfaces: readonly SurfaceId[]): boolean {
  return !!step && step.surfaces.some((s) => surfaces.includes(s));
}

/**
 * The step to show after a page change: the current one if it belongs to this page; else the first
 * later step that does (steps the portal let us skip, e.g. already logged in); else the start of
 * the nearest earlier block of steps on this page (the volunteer went back). Null: no step here.
 */
export function alignToPage(steps: readonly Step[], index: number, surfaces: readonly SurfaceId[]): number | null {
  if (stepOnPage(steps[index], surfaces)) return index;
  for (let i = index + 1; i < steps.length; i++) if (stepOnPage(steps[i], surfaces)) return i;
  for (let i = Math.min(index, steps.length) - 1; i >= 0; i--) {
    if (!stepOnPage(steps[i], surfaces)) continue;
    while (i > 0 && stepOnPage(steps[i - 1], surfaces)) i--;
    return i;
  }
  return null;
}

/** Toast explanations that apply to the visible toasts. */
export function explainToasts(step: Step, toasts: readonly string[]): Array<{ toast: string; explain: string }> {
  const out: Array<{ toast: string; explain: string }> = [];
  for (const toast of toasts) {
    const hit = step.explainToasts?.find((e) => textMatches(toast, e.text));
    if (hit) out.push({ toast, explain: hit.explain });
  }
  return out;
}

/**
 * Moves through the steps the page lets us pass: completes the current step while its rules hold,
 * and realigns to the page's own steps when the current one belongs elsewhere. `hold` (after the
 * volunteer pressed back/skip) stops automatic completion until a real action or a page change.
 */
export function advance(
  steps: readonly Step[],
  start: number,
  surfaces: readonly SurfaceId[],
  probeFor: (step: Step, first: boolean) => Probe,
  opts: { hold: boolean; pageChanged: boolean },
): { index: number; completed: string[] } {
  let index = start;
  let first = true;
  const completed: string[] = [];
  for (let guard = 0; guard <= steps.length * 2; guard++) {
    const step = steps[index];
    if (!step) break;
    if (!opts.hold && isStepComplete(step, probeFor(step, first))) {
      completed.push(step.id);
      index++;
      first = false; // a click or confirmation counts for one step only
      continue;
    }
    if (!stepOnPage(step, surfaces) && (opts.pageChanged || !opts.hold)) {
      const aligned = alignToPage(steps, index, surfaces);
      if (aligned !== null && aligned !== index) {
        index = aligned;
        continue;
      }
    }
    break;
  }
  return { index, completed };
}
