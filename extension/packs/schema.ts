/**
 * What a guide pack carries (the signed payload): the guides' steps, the surface route table they rely
 * on, and corrections to the procedure catalogue. Validated with the same schemas as the bundled
 * guides; any failure refuses the whole pack.
 */
import * as z from 'zod';
import { PORTAL_HOSTS } from '../../shared/hosts';
import { OnlineLevelSchema, PortalSurface, ProcedureStatusSchema, TthcCodeSchema } from '../../shared/schemas/procedure';
import { GUIDE_FIELDS, GuideSchema, StepSchema, type Guide } from '../guides/schema';
import { SURFACE_IDS } from '../surfaces';
import { VERSION_PATTERN } from './version';

export const GUIDE_DATA_FORMAT = 'tro-ly-dvc-guide-data';

const KNOWN_HOSTS = new Set<string>(Object.values(PORTAL_HOSTS));
const pattern = z.string().min(1).max(400).refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const RouteSchema = z
  .object({
    hosts: z.array(z.string().refine((h) => KNOWN_HOSTS.has(h), 'a route may only name a portal host the extension runs on')).min(1),
    path: pattern.optional(),
    query: z.array(z.string().min(1)).optional(),
    noQuery: z.array(z.string().min(1)).optional(),
    hash: pattern.optional(),
  })
  .strict();
const SurfaceRoutesSchema = z
  .object({ routes: z.array(RouteSchema).min(1), unless: z.array(z.enum(SURFACE_IDS as [string, ...string[]])).optional() })
  .strict();
/** Every surface the extension knows, none other: a new kind of page is a code change, a moved page is data. */
export const RouteTableSchema = z.object(Object.fromEntries(SURFACE_IDS.map((id) => [id, SurfaceRoutesSchema]))).strict();

const StepRef = z.string().regex(/^[A-Za-z0-9.\-#]+$/).max(100);
const StepRefs = z.array(StepRef).min(1);

export const GuideEntrySchema = z
  .object({ ...GUIDE_FIELDS, steps: StepRefs })
  .strict();
export type GuideEntry = z.infer<typeof GuideEntrySchema>;

const ProcedureIdSchema = z.string().regex(/^(I|II|III|IV|X)\.[1-9]\d*$/);

/** A fix to one catalogue record until the next release folds it into procedures.json. */
export const CatalogueCorrectionSchema = z
  .object({
    id: ProcedureIdSchema,
    /** Why, with a date and its evidence, e.g. "2026-12: portal shows code 1.0xxxxx". */
    note: z.string().min(1),
    set: z
      .object({
        code: TthcCodeSchema.nullable(),
        officialName: z.string().trim().min(1),
        status: ProcedureStatusSchema,
        onlineLevel: OnlineLevelSchema,
        processingTime: z.string().trim().min(1).nullable(),
        feeNote: z.string().trim().min(1).nullable(),
        documents: z.array(z.string().trim().min(1)),
        filedOn: z.array(PortalSurface),
        directUrl: z.url({ protocol: /^https$/ }),
        statusNote: z.string().trim().min(1),
      })
      .partial()
      .strict()
      .refine((s) => Object.keys(s).length > 0, 'a correction must change something'),
  })
  .strict();
export type CatalogueCorrection = z.infer<typeof CatalogueCorrectionSchema>;

export const FLOW_IDS = ['thainguyen', 'moj', 'lienthong.khai-sinh', 'lienthong.khai-sinh-can-cuoc', 'lienthong.khai-tu'] as const;
export type FlowId = (typeof FLOW_IDS)[number];

const PackageCodes = z.array(z.string().regex(/^\d\.\d{6}$/)).min(1);

export const GuideDataSchema = z
  .object({
    format: z.literal(GUIDE_DATA_FORMAT),
    version: z.string().regex(VERSION_PATTERN, 'version must look like 2026.12.01-1'),
    /** The oldest extension release that understands this data. */
    minExtensionVersion: z.string().regex(/^\d+(\.\d+){0,3}$/),
    routes: RouteTableSchema,
    /** Every step once; guides and flows name them. */
    steps: z.record(StepRef, StepSchema),
    /** The guide of each catalogue procedure, by procedure id. */
    procedures: z.record(ProcedureIdSchema, GuideEntrySchema),
    /** Steps of the guides recognised from a hand-off URL (any procedure code). */
    flows: z.object(Object.fromEntries(FLOW_IDS.map((f) => [f, StepRefs])) as Record<FlowId, typeof StepRefs>).strict(),
    lienthongPackageCodes: z.object({ 'khai-sinh': PackageCodes, 'khai-tu': PackageCodes }).strict(),
    catalogue: z.array(CatalogueCorrectionSchema).max(300),
  })
  .strict()
  .superRefine((d, ctx) => {
    const missing = (refs: string[], where: string) => {
      for (const r of refs) if (!(r in d.steps)) ctx.addIssue({ code: 'custom', path: [where], message: `unknown step ${r}` });
    };
    for (const [id, g] of Object.entries(d.procedures)) {
      missing(g.steps, `procedures.${id}`);
      if (g.steps.every((r) => r in d.steps)) {
        const parsed = GuideSchema.safeParse(assemble(d.steps, g));
        if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['procedures', id], message: parsed.error.issues[0]?.message ?? 'invalid guide' });
      }
    }
    for (const f of FLOW_IDS) missing(d.flows[f], `flows.${f}`);
  });
export type GuideData = z.infer<typeof GuideDataSchema>;

/** A guide from its entry and the step library (the library is validated; unknown refs were refused). */
export function assemble(steps: GuideData['steps'], entry: GuideEntry): Guide {
  const { steps: refs, ...meta } = entry;
  return { ...meta, steps: refs.map((r) => steps[r]!) };
}
