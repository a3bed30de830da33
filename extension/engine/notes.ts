/**
 * Explanations shown in the panel for what the portal says: toasts that appeared during the
 * current step (a toast still showing from the step before is not this step's news) and page
 * texts the step knows. Kept after a toast fades; dropped when the step changes.
 */
import type { Step } from '../guides/schema';
import { findAnchor, isVisible } from './find';
import { visibleToasts } from './probe';
import { explain } from './rules';
import type { StepMemory } from './step-memory';

type Note = { toast: string; explain: string };

export class StepNotes {
  private notes: Note[] = [];
  private forKey = '';

  update(stepKey: string, step: Step | null, doc: Document, memory: StepMemory, isOwnNode: (n: Node | null) => boolean): Note[] {
    if (stepKey !== this.forKey) {
      this.forKey = stepKey;
      this.notes = [];
    }
    if (!step) return this.notes;
    const toasts = visibleToasts(doc, isOwnNode);
    memory.enter(step, doc.location.href, toasts); // toasts showing when the step began are not its news
    const fresh = memory.freshToasts(step.id, toasts);
    const found = [...explain(step.explainToasts, fresh), ...explain(step.explainTexts, step.explainTexts ? pageTexts(step, doc) : [])];
    for (const n of found) if (!this.notes.some((t) => t.toast === n.toast)) this.notes = [...this.notes, n];
    return this.notes;
  }
}

function pageTexts(step: Step, doc: Document): string[] {
  const wanted = step.explainTexts!.map((e) => ({ role: 'text' as const, text: e.text }));
  const el = findAnchor(wanted, doc.body ?? doc);
  return el && isVisible(el) ? [(el.textContent ?? '').replace(/\s+/g, ' ').trim()] : [];
}
