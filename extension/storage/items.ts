/**
 * Every storage item of the guide, defined once with its version (WXT storage). Content script,
 * popup, background and extension pages all import these definitions.
 */
import { storage } from 'wxt/utils/storage';
import type { Guide } from '../guides/schema';
import type { Corner } from '../overlay/corners';

export interface CapturedFiling {
  dossierCode: string;
  /** yyyy-mm-dd, when the portal shows an expected return date. */
  dueOn?: string;
  confirmedAt: string;
}

export interface GuidedSession {
  guide: Guide;
  /** Index of the current step in guide.steps. */
  index: number;
  /** Ids of steps completed by the volunteer's actions (skipped ones are not listed). */
  done: string[];
  startedAt: string;
  updatedAt: string;
  capture?: CapturedFiling;
  /** Set when the volunteer closes the guide; the tab entry is then removed. */
  finished?: boolean;
}

/** Guided sessions by tab id: progress survives reloads and page changes within the tab. */
export const guidedSessions = storage.defineItem<Record<string, GuidedSession>>('local:guide.sessions', {
  fallback: {},
  version: 1,
});

export interface DiagnosticEntry {
  /** Why it was recorded; only "anchor-missing" so far. */
  kind: 'anchor-missing';
  surface: string;
  guideId: string;
  stepId: string;
  /** URL path with query *names* only ("/nop-ho-so?formalityId="), numbers replaced by ":n". */
  path: string;
  /** First seen. */
  at: string;
  /** The record's clientId: one per guided session, step and page shape (extension/diagnostics/report.ts). */
  id?: string;
  /** Seen again (page reloads) in the same guided session. */
  count?: number;
  lastAt?: string;
  /** Queued for the ward's registry (linked when it was recorded). */
  queued?: boolean;
}

export const DIAGNOSTICS_LIMIT = 200;

/** Local log of guide steps whose anchor was not found: no personal data. Linked volunteers also send it to the ward. */
export const diagnosticsLog = storage.defineItem<DiagnosticEntry[]>('local:guide.diagnostics', {
  fallback: [],
  version: 1,
});

/** A random id made once per installation: lets the ward count "on how many machines", nothing else. */
export const installIdItem = storage.defineItem<string | null>('local:install.id', { fallback: null, version: 1 });

/**
 * When the last resident's session began touching the portals; cleared by "Kết thúc phiên".
 * Lets the popup offer to end it before the next guided session.
 */
export interface ResidentSession {
  startedAt: string;
  procedureName: string;
}
export const residentSession = storage.defineItem<ResidentSession | null>('local:resident.session', {
  fallback: null,
  version: 1,
});

/** Where the volunteer last put the step panel. */
export const panelPlacement = storage.defineItem<Corner>('local:guide.panel', {
  fallback: 'bottom-right',
  version: 1,
});

/** Procedures the volunteer opened lately (item ids, newest first): shown at the top of the popup. */
export const RECENT_LIMIT = 5;
export const recentProcedures = storage.defineItem<string[]>('local:popup.recent', {
  fallback: [],
  version: 1,
});

/**
 * A guide that stopped before its end: closed with "Đóng hướng dẫn", or its tab (or the browser)
 * was closed. The popup offers "Tiếp tục hướng dẫn"; "Kết thúc phiên" forgets them all.
 */
export interface ResumableGuide {
  guide: Guide;
  index: number;
  done: string[];
  startedAt: string;
  stoppedAt: string;
  why: 'closed' | 'tab-closed';
}
export const RESUMABLE_LIMIT = 3;
export const resumableGuides = storage.defineItem<ResumableGuide[]>('local:guide.resumable', {
  fallback: [],
  version: 1,
});

/** When the volunteer went through the popup's first-run screen (null: not yet). */
export const firstRunDone = storage.defineItem<string | null>('local:popup.firstRunDone', {
  fallback: null,
  version: 1,
});
