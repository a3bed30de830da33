/**
 * The engine's decisions as pure functions: when a step is complete, skipped or jumped to, and
 * which step belongs to the page the volunteer is on. The DOM side only gathers a Probe.
 */
import type { AnchorAlt, Rule, Step } from '../guides/schema';
import type { SurfaceId } from '../surfaces';
import { textMatches } from './text';

export interface Probe {
  surfaces: readonly SurfaceId[];
  /** `key` names the rule, for what the step remembers (fresh occurrences, click-time signatures). */
  appears(anchor: readonly AnchorAlt[], fresh: boolean, key: string): boolean;
  missing(anchor: readonly AnchorAlt[]): boolean;
  /** The field `anchor` names, or the step's anchor, has a value; false when unknown or sensitive. */
  filled(anchor?: readonly AnchorAlt[]): boolean;
  changed(rule: Extract<Rule, { kind: 'changed' }>, key: string): boolean;
  /** The address differs from the one the step began on. */
  navigated: boolean;
  /** Texts of toasts/alerts that appeared since the step began. */
  toasts(): readonly string[];
  /** This evaluation follows a click on the step's anchor. */
  clicked: boolean;
  /** The volunteer pressed "Xong" / confirmed the captured code. */
  confirmed: boolean;
}

export function ruleMet(rule: Rule, step: Step, probe: Probe, key = 'r'): boolean {
  switch (rule.kind) {
    case 'page':
      return rule.surfaces.some((s) => probe.surfaces.includes(s));
    case 'click':
      return probe.clicked;
    case 'appears':
      return probe.appears(rule.anchor, !!rule.fresh, key);
    case 'missing':
      return probe.missing(rule.anchor);
    case 'filled':
      return !step.sensitive && probe.filled(rule.anchor);
    case 'changed':
      return probe.changed(rule, key);
    case 'navigated':
      return probe.navigated;
    case 'toast':
      return probe.toasts().some((t) => textMatches(t, rule.text));
    case 'confirm':
      return probe.confirmed;
    case 'all':
      return rule.rules.every((r, i) => ruleMet(r, step, probe, `${key}.${i}`));
  }
}

/** Rule keys as the probe sees them: `c<i>` for completion rules, `s<i>` for skip rules. */
export function isStepComplete(step: Step, probe: Probe): boolean {
  return step.complete.some((rule, i) => ruleMet(rule, step, probe, `c${i}`));
}

export function shouldSkip(step: Step, probe: Probe): boolean {
  return !!step.skipWhen?.some((rule, i) => ruleMet(rule, step, probe, `s${i}`));
}

/** Every rule of a step with its key, nested ones included (for the step's memory). */
export function keyedRules(step: Step): Array<{ key: string; rule: Rule }> {
  const out: Array<{ key: string; rule: Rule }> = [];
  const walk = (rules: readonly Rule[], prefix: string, nested: boolean) =>
    rules.forEach((rule, i) => {
      const key = nested ? `${prefix}.${i}` : `${prefix}${i}`;
      out.push({ key, rule });
      if (rule.kind === 'all') walk(rule.rules, key, true);
    });
  walk(step.complete, 'c', false);
  walk(step.skipWhen ?? [], 's', false);
  return out;
}

export function stepOnPage(step: Step | undefined, surfaces: readonly SurfaceId[]): boolean {
  return !!step && step.surfaces.some((s) => surfaces.includes(s));
}

/**
 * The step to show after a page change: the current one if it belongs to this page; else the first
 * later step that does (steps the portal let us skip, e.g. already logged in); else the start of
 * the nearest earlier block of steps on this page (the volunteer went back). Null: no step here.
 * Catch-all surfaces ("some other page of the portal") hold a step only while it is current.
 */
export function alignToPage(steps: readonly Step[], index: number, surfaces: readonly SurfaceId[], catchAll: ReadonlySet<SurfaceId> = new Set()): number | null {
  if (stepOnPage(steps[index], surfaces)) return index;
  const specific = surfaces.filter((s) => !catchAll.has(s));
  for (let i = index + 1; i < steps.length; i++) if (stepOnPage(steps[i], specific)) return i;
  for (let i = Math.min(index, steps.length) - 1; i >= 0; i--) {
    if (!stepOnPage(steps[i], specific)) continue;
    while (i > 0 && stepOnPage(steps[i - 1], specific)) i--;
    return i;
  }
  return null;
}

/** The last later step of the current page's run of steps whose landmark is on the page. */
export function landmarkAhead(steps: readonly Step[], index: number, surfaces: readonly SurfaceId[], probe: Probe): number | null {
  if (!stepOnPage(steps[index], surfaces)) return null;
  let found: number | null = null;
  for (let i = index + 1; i < steps.length && stepOnPage(steps[i], surfaces); i++) {
    const landmark = steps[i]!.landmark;
    if (landmark && probe.appears(landmark, false, `landmark:${steps[i]!.id}`)) found = i;
  }
  return found;
}

/** The nearest earlier interrupt step of the current page's run whose landmark is on the page (a late dialog). */
export function interruptBehind(steps: readonly Step[], index: number, surfaces: readonly SurfaceId[], probe: Probe): number | null {
  if (!stepOnPage(steps[index], surfaces)) return null;
  for (let i = index - 1; i >= 0 && stepOnPage(steps[i], surfaces); i--) {
    const s = steps[i]!;
    if (s.interrupt && s.landmark && probe.appears(s.landmark, false, `landmark:${s.id}`)) return i;
  }
  return null;
}

/** Explanations that apply to the given texts (toasts, or texts of the page). */
export function explain(explanations: Step['explainToasts'], texts: readonly string[]): Array<{ toast: string; explain: string }> {
  const out: Array<{ toast: string; explain: string }> = [];
  for (const text of texts) {
    const hit = explanations?.find((e) => textMatches(text, e.text));
    if (hit && !out.some((o) => o.toast === text)) out.push({ toast: text, explain: hit.explain });
  }
  return out;
}

/** Toast explanations that apply to the visible toasts. */
export function explainToasts(step: Step, toasts: readonly string[]): Array<{ toast: string; explain: string }> {
  return explain(step.explainToasts, toasts);
}

/**
 * Moves through the steps the page lets us pass: completes the current step while its rules hold,
 * passes over steps whose part of the page is absent, jumps to a later step whose landmark shows,
 * and realigns to the page's own steps when the current one belongs elsewhere. `hold` (after the
 * volunteer pressed back/skip) stops all of that until a real action or a page change.
 */
export function advance(
  steps: readonly Step[],
  start: number,
  surfaces: readonly SurfaceId[],
  probeFor: (step: Step, first: boolean) => Probe,
  opts: { hold: boolean; pageChanged: boolean; catchAll?: ReadonlySet<SurfaceId> },
): { index: number; completed: string[] } {
  let index = start;
  let first = true;
  const completed: string[] = [];
  const visited = new Set<number>();
  for (let guard = 0; guard <= steps.length * 3; guard++) {
    const step = steps[index];
    if (!step) break;
    visited.add(index);
    if (!opts.hold) {
      const probe = probeFor(step, first);
      const behind = interruptBehind(steps, index, surfaces, probe);
      if (behind !== null && !visited.has(behind)) {
        index = behind;
        first = false;
        continue;
      }
      const ahead = landmarkAhead(steps, index, surfaces, probe);
      if (ahead !== null && !visited.has(ahead)) {
        index = ahead;
        first = false;
        continue;
      }
      if (isStepComplete(step, probe)) {
        completed.push(step.id);
        index++;
        first = false; // a click or confirmation counts for one step only
        continue;
      }
      if (stepOnPage(step, surfaces) && shouldSkip(step, probe)) {
        index++;
        first = false;
        continue;
      }
    }
    if (!stepOnPage(step, surfaces) && (opts.pageChanged || !opts.hold)) {
      const aligned = alignToPage(steps, index, surfaces, opts.catchAll);
      // Never back over steps this same evaluation just passed on the same page (the next page is
      // still loading), and never to a step it already visited.
      const back = aligned !== null && aligned < index;
      if (aligned !== null && aligned !== index && !visited.has(aligned) && (!back || index === start || opts.pageChanged)) {
        index = aligned;
        continue;
      }
    }
    break;
  }
  return { index, completed };
}
