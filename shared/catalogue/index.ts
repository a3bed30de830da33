import * as z from 'zod';
import { CatalogueSchema, type Procedure } from '../schemas/procedure';
import rawCatalogue from './procedures.json';

export type { Procedure } from '../schemas/procedure';

function loadCatalogue(raw: unknown): readonly Procedure[] {
  const parsed = CatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    // Fail at module load: a broken catalogue must never reach a volunteer's screen.
    throw new Error(`shared/catalogue/procedures.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The 47 procedures of the 2022 ward letter (groups I–IV) followed by the liên thông packages (X). */
export const catalogue: readonly Procedure[] = loadCatalogue(rawCatalogue);

const byId = new Map(catalogue.map((p) => [p.id, p]));

/** First record (in letter order) carrying this national code; I.8 and I.9 share 3.000527. */
export function findByCode(code: string): Procedure | undefined {
  const wanted = code.trim();
  return catalogue.find((p) => p.code === wanted);
}

/** All records carrying this national code. */
export function findAllByCode(code: string): Procedure[] {
  const wanted = code.trim();
  return catalogue.filter((p) => p.code === wanted);
}

/** Record by id as written in the letter, e.g. "III.2" or "X.1". */
export function findById(id: string): Procedure | undefined {
  return byId.get(id.trim());
}

/** The 47 items of the 2022 letter, in letter order. */
export function letterItems(): Procedure[] {
  return catalogue.filter((p) => p.group !== 'X');
}

/** Distinct lĩnh vực, in the order they first appear in the letter. */
export const FIELDS: readonly string[] = Object.freeze([...new Set(catalogue.map((p) => p.field))]);

export type Replacement =
  /** The record itself already describes the replacing procedure (its `code` is the new code). */
  | { kind: 'self'; code: string; procedure: Procedure; description: string }
  /** Another record describes the replacing procedure. */
  | { kind: 'record'; code: string; procedure: Procedure; description: string }
  /** The replacing code is not in the catalogue. */
  | { kind: 'unlisted'; code: string; procedure: null; description: string };

/**
 * What replaced `procedure`, or null when it has not been replaced. `description` is the
 * Vietnamese explanation for the volunteer (the status note).
 */
export function replacementOf(procedure: Procedure): Replacement | null {
  if (procedure.status.kind !== 'replaced') return null;
  const { replacedBy: code, note: description } = procedure.status;
  if (code === procedure.code) return { kind: 'self', code, procedure, description };
  const other = findByCode(code);
  if (other) return { kind: 'record', code, procedure: other, description };
  return { kind: 'unlisted', code, procedure: null, description };
}
