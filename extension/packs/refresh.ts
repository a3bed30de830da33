/**
 * A guide in use rebuilt from new guide data keeps its place: the same current step (by id) and
 * the steps already done that still exist. A guide the new data lacks stays as it is.
 */
import type { Guide } from '../guides/schema';

interface Placed {
  guide: Guide;
  index: number;
  done: string[];
  updatedAt?: string;
}

export function refreshSession<T extends Placed>(s: T, next: Guide | null, now: string): T {
  if (!next || JSON.stringify(next) === JSON.stringify(s.guide)) return s;
  const ids = new Set(next.steps.map((x) => x.id));
  const current = s.guide.steps[s.index]?.id;
  let index = current ? next.steps.findIndex((x) => x.id === current) : -1;
  if (index < 0) index = s.index >= s.guide.steps.length ? next.steps.length : Math.min(s.index, next.steps.length - 1);
  const moved = { ...s, guide: next, index, done: s.done.filter((d) => ids.has(d)) };
  return 'updatedAt' in s ? { ...moved, updatedAt: now } : moved;
}
