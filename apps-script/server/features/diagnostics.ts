// «Chẩn đoán»: which guide steps found no anchor on a portal page lately (the
// portal changed), since when, on how many volunteers' machines and for how
// many volunteers, with the last redacted path; the guide-data version each
// volunteer's extension last reported.
import type { Spreadsheet } from '../infra/table';
import { timestampInVietnam } from '../infra/time';
import { readMisses, stepKey, type Miss } from '../registry/misses';
import { volunteerMap } from '../registry/lists';
import { reportedClients } from '../registry/clients';
import { requireCurrent } from '../registry/version';

const DAY_MS = 86_400_000;
/** The windows the panel shows; "since" is the first miss in the longest one. */
export const WINDOWS = [7, 30] as const;

export interface FailingStep {
  guideId: string;
  stepId: string;
  surface: string;
  misses: number;
  machines: number;
  volunteers: number;
  /** Vietnam time of the first miss in the last 30 days, and of the last one. */
  since: string;
  last: string;
  lastPath: string;
  /** The guide data the machines ran when it missed (newest first). */
  guideData: string[];
}

/** The failing steps of the last `days` days, most machines first (pure). */
export function failingSteps(misses: Miss[], days: number, now: number): FailingStep[] {
  const from = now - days * DAY_MS;
  const since = new Map<string, number>();
  const horizon = now - Math.max(...WINDOWS) * DAY_MS;
  for (const m of misses) if (m.t >= horizon && m.t <= now + DAY_MS) since.set(stepKey(m), Math.min(since.get(stepKey(m)) ?? Infinity, m.t));
  const groups = new Map<string, Miss[]>();
  for (const m of misses) {
    if (m.t < from || m.t > now + DAY_MS) continue;
    const list = groups.get(stepKey(m)) ?? [];
    list.push(m);
    groups.set(stepKey(m), list);
  }
  const steps: FailingStep[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => b.t - a.t);
    const newest = list[0]!;
    steps.push({
      guideId: newest.guideId,
      stepId: newest.stepId,
      surface: newest.surface,
      misses: list.length,
      machines: new Set(list.map((m) => m.installId)).size,
      volunteers: new Set(list.map((m) => m.volunteerId)).size,
      since: timestampInVietnam(since.get(key) ?? list[list.length - 1]!.t),
      last: timestampInVietnam(newest.t),
      lastPath: newest.path,
      guideData: [...new Set(list.map((m) => m.guideData).filter(Boolean))],
    });
  }
  return steps.sort((a, b) => b.machines - a.machines || b.misses - a.misses || (a.last < b.last ? 1 : -1));
}

/** The panel: the failing steps of each window, and each volunteer's reported versions. */
export function diagnosticsView(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const misses = readMisses(ss);
  const names = volunteerMap(ss);
  const versions = reportedClients(PropertiesService.getScriptProperties().getProperties())
    .map((c) => ({ ...c, name: names.get(c.volunteerId)?.name ?? c.volunteerId }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    windows: WINDOWS.map((days) => ({ days, steps: failingSteps(misses, days, now.getTime()) })),
    versions,
    recorded: misses.length,
  };
}
