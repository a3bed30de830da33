/**
 * What the engine remembers about the steps it is evaluating on this page: the address the step
 * began on, the toasts already showing then, what "fresh" rules saw when the step's anchor first
 * showed (so a stepper title or a template file link already on the page never counts as new),
 * and the signatures taken when the volunteer pressed the step's anchor.
 */
import type { Rule, Step } from '../guides/schema';
import { keyedRules } from './rules';

type Counts = Map<string, number>;

interface StepState {
  startHref: string;
  toasts: Counts;
  ready: boolean;
  baselines: Map<string, Counts>;
  signatures: Map<string, string>;
}

export const keyOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function count(keys: readonly string[]): Counts {
  const out: Counts = new Map();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** True when some key occurs more often now than in the baseline. */
function exceeds(now: Counts, base: Counts): boolean {
  for (const [k, n] of now) if (n > (base.get(k) ?? 0)) return true;
  return false;
}

export class StepMemory {
  private states = new Map<string, StepState>();
  private session = '';

  /** Forgets everything when another guided session starts. */
  forSession(startedAt: string): void {
    if (startedAt === this.session) return;
    this.session = startedAt;
    this.states.clear();
  }

  /** The step's state, created on first use with the current address and toasts. */
  enter(step: Step, href: string, toasts: readonly string[]): StepState {
    let state = this.states.get(step.id);
    if (!state) {
      state = { startHref: href, toasts: count(toasts), ready: false, baselines: new Map(), signatures: new Map() };
      this.states.set(step.id, state);
    }
    return state;
  }

  /** Keeps only these steps' state (the current one and those after it): a step entered again starts afresh. */
  keepOnly(stepIds: ReadonlySet<string>): void {
    for (const id of [...this.states.keys()]) if (!stepIds.has(id)) this.states.delete(id);
  }

  /**
   * Takes the baselines of the step's "fresh" rules, once: when its anchor first shows (the page
   * has rendered the step), or at once for a step without an anchor.
   */
  ready(step: Step, anchorShown: boolean, matchKeys: (rule: Extract<Rule, { kind: 'appears' }>) => string[]): void {
    const state = this.states.get(step.id);
    if (!state || state.ready || (step.anchor && !anchorShown)) return;
    state.ready = true;
    for (const { key, rule } of keyedRules(step)) {
      if (rule.kind === 'appears' && rule.fresh) state.baselines.set(key, count(matchKeys(rule)));
    }
  }

  /** Whether the step still waits for its baselines (it has "fresh" rules and none were taken). */
  waitsForBaseline(step: Step): boolean {
    const state = this.states.get(step.id);
    return !!state && !state.ready && keyedRules(step).some(({ rule }) => rule.kind === 'appears' && !!rule.fresh);
  }

  fresh(stepId: string, key: string, keys: readonly string[]): boolean {
    const base = this.states.get(stepId)?.baselines.get(key);
    return !!base && exceeds(count(keys), base);
  }

  freshToasts(stepId: string, toasts: readonly string[]): string[] {
    const base = this.states.get(stepId)?.toasts;
    if (!base) return [...toasts];
    const seen: Counts = new Map();
    return toasts.filter((t) => {
      const n = (seen.get(t) ?? 0) + 1;
      seen.set(t, n);
      return n > (base.get(t) ?? 0);
    });
  }

  startHref(stepId: string): string | undefined {
    return this.states.get(stepId)?.startHref;
  }

  /**
   * At a click: the signatures the step's "changed" rules compare against, for each rule whose
   * trigger (`after`, else the step's anchor) the click hit.
   */
  recordClick(step: Step, hit: (rule: Extract<Rule, { kind: 'changed' }>) => boolean, signature: (rule: Extract<Rule, { kind: 'changed' }>) => string): void {
    const state = this.states.get(step.id);
    if (!state) return;
    for (const { key, rule } of keyedRules(step)) if (rule.kind === 'changed' && hit(rule)) state.signatures.set(key, signature(rule));
  }

  changed(stepId: string, key: string, now: string): boolean {
    const before = this.states.get(stepId)?.signatures.get(key);
    return before !== undefined && before !== now;
  }
}
