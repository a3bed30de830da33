/**
 * The DOM side of the rules: builds a Probe for one step from the page, the step's memory and —
 * in the top frame — what sub-frames reported. Sensitive steps never read a field.
 */
import type { AnchorAlt, Rule, Step } from '../guides/schema';
import type { SurfaceId } from '../surfaces';
import { isFilled } from './filled';
import { findAllAnchors, findAnchor, isVisible } from './find';
import type { FrameSignals } from './frame-signals';
import type { Probe } from './rules';
import { keyOf, type StepMemory } from './step-memory';

const TOAST_SELECTOR = '.Toastify__toast, [role="alert"], [role="status"], .ant-message-notice, .toast';

export interface ProbeContext {
  doc: Document;
  href: string;
  surfaces: readonly SurfaceId[];
  memory: StepMemory;
  session: string;
  /** Top frame only. */
  frames: FrameSignals | null;
  isOwnNode(node: Node | null): boolean;
}

export interface Trigger {
  clicked?: boolean;
  confirmed?: boolean;
}

export function visibleToasts(doc: Document, isOwnNode: (n: Node | null) => boolean): string[] {
  return [...doc.querySelectorAll(TOAST_SELECTOR)]
    .filter((t) => !isOwnNode(t) && isVisible(t))
    .map((t) => (t.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function signatureOf(rule: Extract<Rule, { kind: 'changed' }>, root: ParentNode): string {
  return findAllAnchors(rule.signature, root)
    .map((el) => (rule.attr ? el.getAttribute(rule.attr) ?? '' : keyOf(el)))
    .sort()
    .join('|');
}

const root = (doc: Document): ParentNode => doc.body ?? doc;

export function probeFor(ctx: ProbeContext, step: Step, trigger: Trigger): Probe {
  const { doc, memory, frames, session } = ctx;
  const toasts = visibleToasts(doc, ctx.isOwnNode);
  memory.enter(step, ctx.href, toasts);
  if (memory.waitsForBaseline(step)) {
    const anchorShown = !!step.anchor && (!!findAnchor(step.anchor.alts, root(doc)) || !!frames?.anchor(session, step.id));
    memory.ready(step, anchorShown, (rule) => findAllAnchors(rule.anchor, root(doc)).map(keyOf));
  }
  const inFrames = (key: string) => !!frames && frames.met(session, step.id, key);
  return {
    surfaces: ctx.surfaces,
    appears: (alts: readonly AnchorAlt[], fresh: boolean, key: string) => {
      if (inFrames(key)) return true;
      if (!fresh) return !!findAnchor(alts, root(doc));
      return memory.fresh(step.id, key, findAllAnchors(alts, root(doc)).map(keyOf));
    },
    missing: (alts) => !findAnchor(alts, root(doc)),
    filled: (alts) => {
      if (step.sensitive) return false;
      const target = alts ?? step.anchor?.alts;
      if (!target) return false;
      const el = findAnchor(target, root(doc));
      return (!!el && isFilled(el)) || (!alts && !!frames?.filled(session, step.id));
    },
    changed: (rule, key) => memory.changed(step.id, key, signatureOf(rule, root(doc))),
    navigated: (memory.startHref(step.id) ?? ctx.href) !== ctx.href,
    toasts: () => memory.freshToasts(step.id, toasts),
    clicked: !!trigger.clicked,
    confirmed: !!trigger.confirmed,
  };
}
