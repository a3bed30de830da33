// The procedure catalogue for the registry's row builders and lists, loaded on
// first use: validating it at load costs an execution several milliseconds, and
// a post of accounts or diagnostics, a hello or most menu clicks never need it.
// (The bundle turns this require() into a lazy initialiser.)
import type * as Catalogue from '../../../shared/catalogue';

const load = () => require('../../../shared/catalogue') as typeof Catalogue;

export function findProcedure(id: string): Catalogue.Procedure | undefined {
  return load().findById(id);
}

export function allProcedures(): readonly Catalogue.Procedure[] {
  return load().catalogue;
}
