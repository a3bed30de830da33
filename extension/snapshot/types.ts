/** A structure-only snapshot of a portal page ("Trang khác hướng dẫn"): no field value, no page text but UI labels. */
export const SNAPSHOT_KIND = 'tro-ly-dvc-page-structure';
/** storage.session key prefix: under the printable pages' "slip." prefix, so «Kết thúc phiên» forgets snapshots too. */
export const SNAPSHOT_KEY_PREFIX = 'slip.snapshot-';

/** An element: tag, kept attributes, children; or a text node (kept UI text or a same-shape placeholder). */
export type SnapshotNode = { t: string; a?: Record<string, string>; c?: SnapshotNode[] } | { x: string };

export interface PageSnapshot {
  kind: typeof SNAPSHOT_KIND;
  v: 1;
  takenAt: string;
  host: string;
  /** The address's shape only (extension/engine/redact.ts). */
  path: string;
  surfaces: string[];
  guideId: string | null;
  stepId: string | null;
  /** What was hidden, for the volunteer's review. */
  counts: { maskedTexts: number; maskedValues: number; unreadFields: number; keptTexts: number };
  body: SnapshotNode;
}
