import type { Procedure } from '../../shared/schemas/procedure';

/** What a guide needs of a catalogue record. */
export type ProcedureLike = Pick<Procedure, 'id' | 'code' | 'officialName' | 'nameInLetter' | 'documents' | 'filedOn'>;
