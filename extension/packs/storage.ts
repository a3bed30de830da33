/** The guide pack's storage items, defined once with their versions (WXT storage). */
import { storage } from 'wxt/utils/storage';
import type { RouteTable } from '../surfaces/routes';
import type { GuideData } from './schema';

/** Where guide packs come from: none (the default), the ward's add-on endpoint, or a static https URL. */
export type PackSource = { kind: 'none' } | { kind: 'ward' } | { kind: 'url'; url: string };
export type PackOrigin = 'ward' | 'url';

export const packSourceItem = storage.defineItem<PackSource>('local:guideData.source', { fallback: { kind: 'none' }, version: 1 });

export interface InstalledPack {
  data: GuideData;
  origin: PackOrigin;
  installedAt: string;
  keyId: string;
  /** The extension version that validated it: another version validates it again before use. */
  validatedBy: string;
}
/** The verified pack in use (only the background writes it). */
export const installedPackItem = storage.defineItem<InstalledPack | null>('local:guideData.pack', { fallback: null, version: 1 });

/** The newest guide-data version ever used here: an older pack is never taken again. */
export const highestPackVersionItem = storage.defineItem<string | null>('local:guideData.highest', { fallback: null, version: 1 });

/** The active pack's route table, alone, for the content scripts (small to read on every page). */
export const activeRoutesItem = storage.defineItem<{ version: string; table: RouteTable } | null>('local:guideData.routes', { fallback: null, version: 1 });

export interface PackCheck {
  at: string;
  origin: PackOrigin;
  outcome: 'installed' | 'same' | 'refused' | 'no-pack' | 'unreachable';
  version?: string;
  message: string;
}
export const PACK_CHECKS_LIMIT = 20;
/** What the last checks found (shown on the diagnostics page), newest last. */
export const packChecksItem = storage.defineItem<PackCheck[]>('local:guideData.checks', { fallback: [], version: 1 });
