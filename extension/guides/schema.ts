/**
 * Guide data, validated with zod in unit tests (test/unit/extension/guides.test.ts) and when the
 * popup/background build a guide. The content script imports only the *types* from here, so zod
 * never ships in the per-page bundle.
 */
import { z } from 'zod';
import { SURFACE_IDS, type SurfaceId } from '../surfaces';

export const SurfaceIdSchema = z.enum(SURFACE_IDS as [SurfaceId, ...SurfaceId[]]);

export const ROLES = [
  'button', 'link', 'combobox', 'textbox', 'field', 'option', 'row', 'heading', 'dialog', 'alert', 'checkbox', 'radio',
  'file', 'text', 'any',
] as const;

/**
 * Utility class names from Tailwind builds change between portal releases; anchors must never
 * depend on them (docs/portal-evidence.md §0). Documented component classes (SurveyJS `sd-*`,
 * `cc-select-*`, react-toastify, Ant Design, Angular Material) are allowed.
 */
const TAILWIND_LIKE =
  /\.(?:-?(?:bg|text|p[xytblr]?|m[xytblr]?|w|h|min-w|max-w|min-h|max-h|gap|space-[xy]|grid-cols|col-span|rounded|border|shadow|flex|grid|items|justify|font|leading|tracking|z|top|left|right|bottom|inset|overflow|opacity|cursor|truncate|hidden|block|inline|absolute|relative|fixed|sticky)(?:-[\w./[\]]+)?)(?![\w-])/;

export const AnchorAltSchema: z.ZodType<AnchorAlt> = z.lazy(() =>
  z
    .object({
      role: z.enum(ROLES).optional(),
      /** Visible text, compared after folding Vietnamese (no tones, đ → d, lower case). */
      text: z.array(z.string().min(1)).min(1).optional(),
      match: z.enum(['exact', 'contains', 'start']).optional(),
      /** Text pattern (source of a RegExp, case-insensitive, on the unfolded text). */
      textRegex: z.string().min(1).optional(),
      /** Words that must not appear in the element's text (folded, whole words). */
      without: z.array(z.string().min(1)).min(1).optional(),
      /** Text nodes matching this pattern do not count towards `text` (e.g. uploaded file names in a row). */
      ignoreText: z.string().min(1).optional(),
      /** Of several matches, prefer the one with the shortest text (the row named most exactly). */
      prefer: z.literal('shortest').optional(),
      /** Accessible label: aria-label, title, placeholder, <label>, aria-labelledby, or the text beside the field. */
      label: z.array(z.string().min(1)).min(1).optional(),
      /** Structural selector: ids, attributes, documented component classes. Never Tailwind. */
      css: z.string().min(1).optional(),
      /**
       * Search only inside the container this describes. A container found by its text (role
       * "text" or "heading") stands for the smallest box around it that holds a match.
       */
      within: z.array(AnchorAltSchema).min(1).optional(),
      /** When growing that box, never let it hold two of these (one card, not the whole list). */
      boundary: z.array(AnchorAltSchema).min(1).optional(),
      nth: z.int().min(0).optional(),
      /** Dated provenance, e.g. "2026-11: AFH agency-select.js". */
      note: z.string().optional(),
    })
    .strict()
    .refine((a) => a.role !== undefined || a.css !== undefined, 'an alternative needs a role or a css selector')
    .refine((a) => !a.css || !TAILWIND_LIKE.test(a.css), 'css must not use Tailwind utility classes'),
);

export interface AnchorAlt {
  role?: (typeof ROLES)[number];
  text?: string[];
  match?: 'exact' | 'contains' | 'start';
  textRegex?: string;
  without?: string[];
  ignoreText?: string;
  prefer?: 'shortest';
  label?: string[];
  css?: string;
  within?: AnchorAlt[];
  boundary?: AnchorAlt[];
  nth?: number;
  note?: string;
}

export const AnchorSchema = z
  .object({
    /** What kind of control, in the fallback sentence: "nút", "ô", "mục", "liên kết", "dòng". */
    kind: z.string().min(1),
    /** The words the volunteer should look for on the page. */
    text: z.string().min(1),
    alts: z.array(AnchorAltSchema).min(1),
  })
  .strict();
export type Anchor = z.infer<typeof AnchorSchema>;

const anchorList = z.array(AnchorAltSchema).min(1);

export type Rule =
  /** The page becomes one of these surfaces (full load or SPA navigation). */
  | { kind: 'page'; surfaces: SurfaceId[] }
  /** A click (mouse or keyboard) on the step's anchor. */
  | { kind: 'click' }
  /**
   * An element appears (or is already there). `fresh`: only an occurrence that was not on the page
   * when the step's anchor was first seen counts (a step title in a stepper bar, a template file link).
   */
  | { kind: 'appears'; anchor: AnchorAlt[]; fresh?: boolean }
  /** The element is not on the page. */
  | { kind: 'missing'; anchor: AnchorAlt[] }
  /** The step's anchor field (or every required field inside it), or the field `anchor` names, has a value. */
  | { kind: 'filled'; anchor?: AnchorAlt[] }
  /**
   * After a click on the step's anchor (or on `after`), the set of elements matching `signature`
   * (keyed by the attribute `attr`, or by their text) differs from what it was at the click: a
   * shared "next" button moved the wizard on, whatever its titles look like.
   */
  | { kind: 'changed'; signature: AnchorAlt[]; attr?: string; after?: AnchorAlt[] }
  /** The address (path, query or hash) differs from the one the step began on. */
  | { kind: 'navigated' }
  /** A toast/alert with one of these texts appears (toasts already there when the step began do not count). */
  | { kind: 'toast'; text: string[] }
  /** The volunteer says the step is done ("Xong") or confirms the captured code. */
  | { kind: 'confirm' }
  /** Every one of these rules holds. */
  | { kind: 'all'; rules: Rule[] };

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('page'), surfaces: z.array(SurfaceIdSchema).min(1) }).strict(),
    z.object({ kind: z.literal('click') }).strict(),
    z.object({ kind: z.literal('appears'), anchor: anchorList, fresh: z.boolean().optional() }).strict(),
    z.object({ kind: z.literal('missing'), anchor: anchorList }).strict(),
    z.object({ kind: z.literal('filled'), anchor: anchorList.optional() }).strict(),
    z.object({ kind: z.literal('changed'), signature: anchorList, attr: z.string().min(1).optional(), after: anchorList.optional() }).strict(),
    z.object({ kind: z.literal('navigated') }).strict(),
    z.object({ kind: z.literal('toast'), text: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ kind: z.literal('confirm') }).strict(),
    z.object({ kind: z.literal('all'), rules: z.array(RuleSchema).min(2) }).strict(),
  ]),
) as z.ZodType<Rule>;

export const ExplanationSchema = z
  .object({ text: z.array(z.string().min(1)).min(1), explain: z.string().min(1) })
  .strict();

export const CaptureSchema = z
  .object({
    /** Labels printed before the code, e.g. "Mã hồ sơ", "Số hồ sơ". */
    labels: z.array(z.string().min(1)).min(1),
    /** Label of the expected return date ("Ngày hẹn trả dự kiến"), if the page shows one. */
    dueLabels: z.array(z.string().min(1)).optional(),
  })
  .strict();

const FrameHintSchema = z.object({ surfaces: z.array(SurfaceIdSchema).min(1), anchor: AnchorSchema, hint: z.string().min(1) }).strict();

function rulesOf(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((r) => (r.kind === 'all' ? [r, ...rulesOf(r.rules)] : [r]));
}

export const StepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-zA-Z0-9-]+)+$/),
    surfaces: z.array(SurfaceIdSchema).min(1),
    title: z.string().min(1),
    hint: z.string().min(1),
    details: z.array(z.string().min(1)).optional(),
    anchor: AnchorSchema.optional(),
    /**
     * What the hint asks the volunteer to read on the page (the dossier code, the consent sentence, the
     * card's name): each alternative's match nearest the anchor; the bubble and panel never cover it.
     */
    refers: z.array(AnchorAltSchema).min(1).optional(),
    complete: z.array(RuleSchema).min(1),
    /** Passed over (not counted as done) while one of these holds: the portal shows no such part. */
    skipWhen: z.array(RuleSchema).min(1).optional(),
    /**
     * When this is on the page, the volunteer is at this step: the engine jumps here from an earlier
     * step of the same page (the portal skipped ahead, e.g. back from login straight to the dossier).
     */
    landmark: z.array(AnchorAltSchema).min(1).optional(),
    /**
     * A dialog the portal may open at any moment on this page (late, after a later step began): while
     * its landmark shows, the engine goes back to this step from a later step of the same page.
     */
    interrupt: z.boolean().optional(),
    optional: z.boolean().optional(),
    /** Never read, fill or listen to field values on this step (passwords, OTP, passcode). */
    sensitive: z.boolean().optional(),
    /** The step's anchor and "appears" rules may be found in a sub-frame (VNeID dialogs in a frame). */
    inFrames: z.boolean().optional(),
    explainToasts: z.array(ExplanationSchema).optional(),
    /** Texts of the page itself worth explaining while this step shows (not toasts). */
    explainTexts: z.array(ExplanationSchema).optional(),
    capture: CaptureSchema.optional(),
    /** Hints shown inside a frame while this step is current (the MOJ declaration frame). */
    frameHints: z.array(FrameHintSchema).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const all = [...rulesOf(s.complete), ...rulesOf(s.skipWhen ?? [])];
    const needsAnchor = all.some((r) => r.kind === 'click' || (r.kind === 'changed' && !r.after) || (r.kind === 'filled' && !r.anchor));
    if (needsAnchor && !s.anchor) ctx.addIssue({ code: 'custom', message: `${s.id}: click/changed/filled rules need an anchor` });
    if (s.sensitive && all.some((r) => r.kind === 'filled')) {
      ctx.addIssue({ code: 'custom', message: `${s.id}: a sensitive step must not complete on field values` });
    }
    if (s.interrupt && !s.landmark) ctx.addIssue({ code: 'custom', message: `${s.id}: an interrupt step needs a landmark` });
    if (s.capture && !s.complete.some((r) => r.kind === 'confirm')) {
      ctx.addIssue({ code: 'custom', message: `${s.id}: a capture step completes only when the volunteer confirms` });
    }
  });
export type Step = z.infer<typeof StepSchema>;

export const PortalSchema = z.enum(['dvcqg', 'lienthong', 'moj', 'thainguyen']);
export type Portal = z.infer<typeof PortalSchema>;

/** A guide's fields but its steps (a guide pack lists the same fields with step references). */
export const GUIDE_FIELDS = {
  id: z.string().min(1),
  portal: PortalSchema,
  /** Catalogue id ("III.2") or null when recognised from a code the catalogue lacks. */
  procedureId: z.string().nullable(),
  procedureCode: z.string().nullable(),
  /**
   * Codes the portal itself puts in its URLs for this same procedure when they differ from the
   * catalogue code (the liên thông khai tử package is 1.006714 on the portal, 1.011537 in the
   * catalogue; docs/portal-evidence.md §5). A hand-off URL with one of these is not "another procedure".
   */
  portalCodes: z.array(z.string().regex(/^\d\.\d{6}$/)).optional(),
  procedureName: z.string().min(1),
  /** Where "Bắt đầu hướng dẫn" opens the tab. */
  startUrl: z.url({ protocol: /^https$/ }),
};

export const GuideSchema = z
  .object({ ...GUIDE_FIELDS, steps: z.array(StepSchema).min(1) })
  .strict()
  .superRefine((g, ctx) => {
    const ids = new Set<string>();
    for (const s of g.steps) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate step id ${s.id}` });
      ids.add(s.id);
    }
  });
export type Guide = z.infer<typeof GuideSchema>;
