/**
 * The guide data in use: the installed pack when it is newer than the bundled data and was
 * validated by this extension version, else the bundled data. Read by the popup, the background
 * and the pages; the content script reads only the route table (surfaces/active.ts).
 */
import { browser } from 'wxt/browser';
import { bundledSource, packSource, type GuideSource } from './lookup';
import { installedPackItem, type InstalledPack, type PackOrigin } from './storage';
import { BUNDLED_GUIDE_DATA_VERSION, compareVersions, guideDataLabel } from './version';

export interface ActiveGuideData {
  version: string;
  origin: 'bundled' | PackOrigin;
  /** For envelopes and diagnostics: "bundled-<version>" or the pack's version. */
  label: string;
  pack: InstalledPack | null;
}

export function activeFrom(pack: InstalledPack | null, extensionVersion: string): ActiveGuideData {
  if (pack && pack.validatedBy === extensionVersion && compareVersions(pack.data.version, BUNDLED_GUIDE_DATA_VERSION) > 0) {
    return { version: pack.data.version, origin: pack.origin, label: guideDataLabel(pack.origin, pack.data.version), pack };
  }
  return { version: BUNDLED_GUIDE_DATA_VERSION, origin: 'bundled', label: guideDataLabel('bundled', BUNDLED_GUIDE_DATA_VERSION), pack: null };
}

export async function activeGuideData(): Promise<ActiveGuideData> {
  return activeFrom(await installedPackItem.getValue(), browser.runtime.getManifest().version);
}

let cached: { key: string; source: GuideSource } | null = null;

/** Guide lookups over the data in use; falls back to the bundled data if the pack cannot be read. */
export async function activeSource(): Promise<{ active: ActiveGuideData; source: GuideSource }> {
  const active = await activeGuideData();
  if (!active.pack) return { active, source: bundledSource() };
  const key = `${active.version}|${active.pack.installedAt}`;
  try {
    if (cached?.key !== key) cached = { key, source: packSource(active.pack.data) };
    return { active, source: cached.source };
  } catch {
    const bundled = activeFrom(null, '');
    return { active: bundled, source: bundledSource() };
  }
}

export const ORIGIN_LABEL: Record<ActiveGuideData['origin'], string> = {
  bundled: 'có sẵn trong tiện ích',
  ward: 'gói từ sổ của phường',
  url: 'gói từ địa chỉ web',
};
