// «Cài đặt bảo vệ dữ liệu»: saving the ward's settings and bringing every add-on
// protection's editors in line with owner + the user saving + «Người quản lý sổ».
import type { Spreadsheet } from '../infra/table';
import { syncProtectionEditors } from '../infra/protect';

import { appendLog, currentUser } from '../registry/log';
import { readSettings, writeSettings, SettingsSchema, type Settings } from '../registry/settings';

export type SaveSettingsResult = { ok: false; errors: Record<string, string> } | { ok: true; settings: Settings; protectionsUpdated: number };

/** Validates the input; a caller that leaves `managers` out keeps the current list. */
export function parseSettings(input: unknown, before: Settings): { ok: false; errors: Record<string, string> } | { ok: true; settings: Settings } {
  const raw = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const parsed = SettingsSchema.safeParse('managers' in raw ? raw : { ...raw, managers: before.managers });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? 'form');
      errors[key] ??= i.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, settings: parsed.data };
}

/** Applies validated settings (the caller holds the lock and has checked write access). */
export function applySettings(ss: Spreadsheet, before: Settings, settings: Settings): SaveSettingsResult {
  // Save first, then apply: a failure never leaves the editors changed and the settings not saved.
  writeSettings(settings);
  const protectionsUpdated = syncProtectionEditors(ss, settings.managers);
  appendLog(ss, [
    {
      who: currentUser(),
      source: 'Tiện ích bổ sung',
      action: 'Đổi cài đặt bảo vệ dữ liệu',
      table: '',
      recordId: '',
      before: { ...before },
      after: { ...settings, ...(protectionsUpdated ? { vùngBảoVệĐãCậpNhật: protectionsUpdated } : {}) },
    },
  ]);
  return { ok: true, settings, protectionsUpdated };
}

export { readSettings };
