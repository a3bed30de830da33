/**
 * What a click on the page means for the steps' "changed" rules: signatures are taken before the
 * page reacts to the click (the runner's listener runs first), for the current step and the
 * following ones on this page up to the first whose own anchor was hit. A "next" pressed on a step
 * that merely watches it also moves the step that owns the button.
 */
import type { Rule, Step } from '../guides/schema';
import type { SurfaceId } from '../surfaces';
import { signatureOf, visibleToasts } from './probe';
import { keyedRules, stepOnPage } from './rules';
import type { StepMemory } from './step-memory';

export interface ClickContext {
  steps: readonly Step[];
  index: number;
  surfaces: readonly SurfaceId[];
  /** Whether the click hit the current step's anchor. */
  onAnchor: boolean;
  /** Whether the click hit the element these anchor alternatives find. */
  hits(alts: NonNullable<Step['anchor']>['alts']): boolean;
  memory: StepMemory;
  href: string;
  doc: Document;
  root: ParentNode;
  isOwnNode(node: Node | null): boolean;
}

export function recordClick(c: ClickContext): void {
  for (let i = c.index; i < c.steps.length && stepOnPage(c.steps[i], c.surfaces); i++) {
    const later = c.steps[i]!;
    const onOwn = i === c.index ? c.onAnchor : !!later.anchor && c.hits(later.anchor.alts);
    const hit = (rule: Extract<Rule, { kind: 'changed' }>) => (rule.after ? c.hits(rule.after) : onOwn);
    const any = keyedRules(later).some(({ rule }) => rule.kind === 'changed' && hit(rule));
    // A click that moves nothing (e.g. the page's own click on its hidden file input) records nothing.
    if (any) {
      c.memory.enter(later, c.href, visibleToasts(c.doc, c.isOwnNode));
      c.memory.recordClick(later, hit, (rule) => signatureOf(rule, c.root));
    }
    if (onOwn || !any) break;
  }
}
