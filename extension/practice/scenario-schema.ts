/**
 * A practice scenario as data (validated in test/unit/practice/scenarios.test.ts): the procedure
 * whose real guide runs, the situation told to the trainee, the fixture variants its portal pages
 * take, the sample documents to upload, and its traps. A trap is a mistake seen in real filings,
 * detected from the page alone (a click on a wrong element, a text the portal shows), so spotting
 * mistakes is scenario data and never a special case in the engine.
 */
import { z } from 'zod';
import { AnchorAltSchema } from '../guides/schema';

const anchors = z.array(AnchorAltSchema).min(1);

export const TrapWhenSchema = z.discriminatedUnion('kind', [
  /** The trainee clicked an element `on` finds, while nothing `unless` finds is on the page. */
  z.object({ kind: z.literal('click'), on: anchors, unless: anchors.optional() }).strict(),
  /** Something `anchor` finds appears (a toast, an error line): counted each time it comes back. */
  z.object({ kind: z.literal('appears'), anchor: anchors }).strict(),
]);

export const TrapSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** What the trainee did, as the trainer's result lists it. */
    mistake: z.string().min(1),
    /** Why it matters and what to do instead, shown to the trainee at once. */
    explain: z.string().min(1),
    /** Where the case comes from (a section of docs/portal-evidence.md, a guide's explanation). */
    source: z.string().min(1),
    /** Only while one of these guide steps is current (default: any step). */
    steps: z.array(z.string().min(1)).min(1).optional(),
    when: TrapWhenSchema,
  })
  .strict();
export type Trap = z.infer<typeof TrapSchema>;

export const SampleFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+\.(pdf|jpg)$/),
    label: z.string().min(1),
    /** Size in bytes: one file is deliberately over the portal's 2 MB limit. */
    bytes: z.int().min(64).max(5 * 1024 * 1024),
  })
  .strict();
export type SampleFile = z.infer<typeof SampleFileSchema>;

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    /** Catalogue id of the procedure: its real guide runs (extension/guides/build.ts). */
    procedureId: z.string().regex(/^(I|II|III|IV|X)\.\d{1,2}$/),
    /** The situation, told to the trainee before starting. */
    story: z.array(z.string().min(1)).min(1),
    /** What to type where (all made up). */
    facts: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) }).strict()),
    /** Fixture variants per portal host (test/fixtures/README.md), read by the replica pages as `fx_*` cookies. */
    variants: z.record(z.string(), z.record(z.string(), z.string())),
    files: z.array(SampleFileSchema),
    traps: z.array(TrapSchema).min(1),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;
