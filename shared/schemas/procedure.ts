import * as z from 'zod';

/** National TTHC code, e.g. "1.001193" (docs/portal-evidence.md §8). */
export const TTHC_CODE_PATTERN = /^\d\.\d{6}$/;
export const TthcCodeSchema = z.string().regex(TTHC_CODE_PATTERN, 'Mã thủ tục phải có dạng 1.001193');

/** Groups of the 2022 ward letter; "X" holds the liên thông packages added later. */
export const ProcedureGroupSchema = z.enum(['I', 'II', 'III', 'IV', 'X']);

/**
 * Where a dossier for the procedure is filed:
 * - dvcqg: dichvucong.gov.vn (one-page form / hand-off from the procedure page)
 * - lienthong: lienthong.dichvucong.gov.vn wizard
 * - moj: dichvucongnganhtuphap.moj.gov.vn wizard
 * - thainguyen: dichvucong.thainguyen.gov.vn
 * - paper: no known online filing; in person at the ward
 */
export const PortalSurface = z.enum(['dvcqg', 'lienthong', 'moj', 'thainguyen', 'paper']);
export type PortalSurface = z.infer<typeof PortalSurface>;

export const OnlineLevelSchema = z.enum(['toàn trình', 'một phần', 'unknown']);

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);

const volunteerNote = z.string().trim().min(1);

/**
 * - current: the code is confirmed and the procedure exists as listed.
 * - replaced: the letter's procedure no longer exists in that form; `replacedBy`
 *   is the code the volunteer should use now (equal to the record's `code`).
 * - repealed: gone with no known successor code.
 * - unverified: no code found, or the code is in doubt.
 */
export const ProcedureStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current') }).strict(),
  z.object({ kind: z.literal('replaced'), replacedBy: TthcCodeSchema, note: volunteerNote }).strict(),
  z.object({ kind: z.literal('repealed'), note: volunteerNote }).strict(),
  z.object({ kind: z.literal('unverified'), note: volunteerNote }).strict(),
]);
export type ProcedureStatus = z.infer<typeof ProcedureStatusSchema>;
export type ProcedureStatusKind = ProcedureStatus['kind'];

const ONLINE_SURFACES: readonly PortalSurface[] = ['dvcqg', 'lienthong', 'moj', 'thainguyen'];

export const ProcedureSchema = z
  .object({
    id: z.string().regex(/^(I|II|III|IV|X)\.[1-9]\d*$/),
    code: TthcCodeSchema.nullable(),
    nameInLetter: z.string().trim().min(1),
    officialName: z.string().trim().min(1),
    field: z.string().trim().min(1),
    group: ProcedureGroupSchema,
    no: z.int().positive(),
    owner2025: z.string().trim().min(1),
    status: ProcedureStatusSchema,
    onlineLevel: OnlineLevelSchema,
    processingTime: z.string().trim().min(1).nullable(),
    feeNote: z.string().trim().min(1).nullable(),
    documents: z.array(z.string().trim().min(1)),
    legalBasis: z.array(z.string().trim().min(1)),
    filedOn: z.array(PortalSurface),
    directUrl: z.url({ protocol: /^https$/ }).optional(),
    statusNote: z.string().trim().min(1),
    sources: z.array(z.string().trim().min(1)).min(1),
    confidence: ConfidenceSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.id !== `${p.group}.${p.no}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id must be "${p.group}.${p.no}"` });
    }
    if (new Set(p.filedOn).size !== p.filedOn.length) {
      ctx.addIssue({ code: 'custom', path: ['filedOn'], message: 'duplicate portal surface' });
    }
    const s = p.status;
    if (s.kind === 'current' && p.code === null) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a current procedure needs a code' });
    }
    // The record always carries the code to use now, so a replacement points at the record's own code.
    if (s.kind === 'replaced' && s.replacedBy !== p.code) {
      ctx.addIssue({ code: 'custom', path: ['status', 'replacedBy'], message: 'replacedBy must equal code' });
    }
    if (s.kind === 'repealed' && p.filedOn.some((f) => ONLINE_SURFACES.includes(f))) {
      ctx.addIssue({ code: 'custom', path: ['filedOn'], message: 'a repealed procedure cannot be filed online' });
    }
  });
export type Procedure = z.infer<typeof ProcedureSchema>;

export const CatalogueSchema = z.array(ProcedureSchema).superRefine((items, ctx) => {
  const ids = new Set<string>();
  const codeOwners = new Map<string, Procedure>();
  items.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${p.id}` });
    ids.add(p.id);
    if (p.code === null) return;
    const earlier = codeOwners.get(p.code);
    // Two letter items may share one replacing code (I.8 and I.9 → 3.000527); nothing else may.
    const sharedReplacement = earlier?.status.kind === 'replaced' && p.status.kind === 'replaced';
    if (earlier && !sharedReplacement) {
      ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `code ${p.code} also used by ${earlier.id}` });
    }
    codeOwners.set(p.code, p);
  });
});
export type Catalogue = z.infer<typeof CatalogueSchema>;
