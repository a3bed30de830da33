/**
 * Watches a replica page for a scenario's traps: clicks on a wrong element (found with the
 * engine's own anchor finder), and texts the portal shows when something went wrong (counted
 * each time they come back). Reads no field value.
 */
import { findAllAnchors, findAnchor } from '../engine/find';
import type { Trap } from './scenario-schema';

export interface TrapWatch {
  doc: Document;
  traps: readonly Trap[];
  currentStep(): string | null;
  onMistake(trap: Trap): void;
}

const SETTLE_MS = 120;
const POLL_MS = 1000;

export function watchTraps({ doc, traps, currentStep, onMistake }: TrapWatch): () => void {
  const root = () => doc.body ?? doc;
  const active = (t: Trap) => {
    const step = currentStep();
    return !t.steps || (!!step && t.steps.includes(step));
  };
  const onClick = (e: MouseEvent) => {
    const path = e.composedPath();
    for (const t of traps) {
      if (t.when.kind !== 'click' || !active(t)) continue;
      if (!findAllAnchors(t.when.on, root()).some((el) => path.includes(el))) continue;
      if (t.when.unless && findAnchor(t.when.unless, root())) continue;
      onMistake(t);
    }
  };
  // Capture: the trap sees the click before the page reacts to it (and maybe leaves).
  doc.addEventListener('click', onClick, { capture: true });

  const shown = new Map<string, boolean>();
  const look = (count: boolean) => {
    for (const t of traps) {
      if (t.when.kind !== 'appears') continue;
      const now = !!findAnchor(t.when.anchor, root());
      if (count && now && !shown.get(t.id) && active(t)) onMistake(t);
      shown.set(t.id, now);
    }
  };
  look(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        look(true);
      }, SETTLE_MS);
    }
  };
  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const poll = setInterval(schedule, POLL_MS);
  return () => {
    doc.removeEventListener('click', onClick, { capture: true });
    observer.disconnect();
    clearInterval(poll);
    clearTimeout(timer);
  };
}
