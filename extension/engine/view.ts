/**
 * What the overlay draws, built in one place for the top frame (panel + hint) and for sub-frames
 * (hint only). A view key lets the runner skip renders that would change nothing.
 */
import type { Step } from '../guides/schema';
import type { GuidedSession } from '../storage/items';
import type { SurfaceId } from '../surfaces';
import type { CaptureSuggestion } from './capture';
import type { Notice } from './recognise';


/** `frame`: the anchor is in a sub-frame, whose own overlay highlights it. */
export type StepStatus = 'searching' | 'shown' | 'missing' | 'elsewhere' | 'panel' | 'frame';

export interface ViewState {
  session: GuidedSession;
  step: Step | null;
  index: number;
  total: number;
  surfaces: SurfaceId[];
  anchor: Element | null;
  /** What the step asks the volunteer to read, found on this page (step.refers). */
  refers: Element[];
  status: StepStatus;
  /** Explanations for toasts (or page texts) seen during this step. */
  toastNotes: Array<{ toast: string; explain: string }>;
  /** Suggested by the page on a capture step; editable by the volunteer before confirming. */
  suggestion: CaptureSuggestion | null;
  /** True when the guide has no step left. */
  finished: boolean;
  /** Messages about the page itself: a legacy page, a procedure recognised from the URL, … */
  notices: Notice[];
  /** In a frame: only the hint on the frame's anchor (no panel). */
  frame: { hint: string } | null;
}

export interface ViewInput {
  session: GuidedSession;
  step: Step | null;
  surfaces: SurfaceId[];
  anchor: Element | null;
  refers?: Element[];
  status: StepStatus;
  toastNotes?: ViewState['toastNotes'];
  suggestion?: ViewState['suggestion'];
  notices?: Notice[];
  frameHint?: string | null;
}

export function buildView(input: ViewInput): ViewState {
  const { session, step } = input;
  return {
    session,
    step,
    index: session.index,
    total: session.guide.steps.length,
    surfaces: input.surfaces,
    anchor: input.anchor,
    refers: input.refers ?? [],
    status: input.status,
    toastNotes: input.toastNotes ?? [],
    suggestion: input.suggestion ?? null,
    finished: !step,
    notices: input.notices ?? [],
    frame: input.frameHint ? { hint: input.frameHint } : null,
  };
}

/** Everything that changes what the overlay shows, except the anchor and referred elements themselves. */
export function viewKey(v: ViewState): string {
  return JSON.stringify([
    v.session.startedAt,
    v.index,
    v.session.capture?.dossierCode ?? null,
    v.status,
    v.surfaces,
    v.toastNotes.map((n) => n.toast),
    v.suggestion,
    v.notices.map((n) => n.id + n.text),
    v.frame?.hint ?? null,
  ]);
}
