/**
 * Catalogue corrections: fixes to procedure records that travel in a guide pack (a code the portal
 * changed, a procedure moved to another portal) until a release folds them into procedures.json.
 */
import * as z from 'zod';
import { catalogue as bundledCatalogue } from '../../shared/catalogue';
import { CatalogueSchema, type Procedure } from '../../shared/schemas/procedure';
import type { CatalogueCorrection } from './schema';

/** The catalogue with corrections applied, validated as a whole; throws (in Vietnamese) when invalid. */
export function correctedCatalogue(corrections: readonly CatalogueCorrection[], base: readonly Procedure[] = bundledCatalogue): Procedure[] {
  if (!corrections.length) return [...base];
  const byId = new Map(corrections.map((c) => [c.id, c.set]));
  const unknown = corrections.find((c) => !base.some((p) => p.id === c.id));
  if (unknown) throw new Error(`sửa danh mục cho mục ${unknown.id} không có trong danh mục`);
  const next = base.map((p) => (byId.has(p.id) ? { ...p, ...byId.get(p.id) } : p));
  const parsed = CatalogueSchema.safeParse(next);
  if (!parsed.success) throw new Error(`danh mục sau khi sửa không hợp lệ: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  return parsed.data;
}
