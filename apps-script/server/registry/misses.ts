// The misses of «Chẩn đoán» as the «Chẩn đoán» panel and the Zalo report read
// them: a guide step that found no anchor on a portal page, when, where
// (redacted path), on which machine (a random id) and for which volunteer.
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { isoDateInVietnam } from '../../../shared/time/vietnam';
import { DIAGNOSTICS } from './layout';

export interface Miss {
  /** ms since the epoch. */
  t: number;
  guideId: string;
  stepId: string;
  surface: string;
  path: string;
  volunteerId: string;
  installId: string;
  guideData: string;
}

/** The misses recorded in «Chẩn đoán» (a time the sheet cannot read falls back to when it was received). */
export function readMisses(ss: Spreadsheet): Miss[] {
  const t = Table.open(ss, DIAGNOSTICS);
  const out: Miss[] = [];
  for (const r of t.rows()) {
    const at = Date.parse(cellText(t.get(r, 'at')));
    const time = Number.isNaN(at) ? Date.parse(cellText(t.get(r, 'receivedAt'))) : at;
    const guideId = cellText(t.get(r, 'guideId'));
    if (Number.isNaN(time) || !guideId) continue;
    out.push({
      t: time,
      guideId,
      stepId: cellText(t.get(r, 'stepId')),
      surface: cellText(t.get(r, 'surface')),
      path: cellText(t.get(r, 'path')),
      volunteerId: cellText(t.get(r, 'volunteerId')),
      installId: cellText(t.get(r, 'installId')).toLowerCase(),
      guideData: cellText(t.get(r, 'guideDataVersion')),
    });
  }
  return out;
}

export const stepKey = (m: Miss) => `${m.guideId}\u0000${m.stepId}\u0000${m.surface}`;

/** The Zalo report's line about guide steps that failed in its period, or null when none did. */
export function diagnosticsLine(misses: Miss[], inPeriod: (isoDate: string) => boolean): string | null {
  const found = misses.filter((m) => inPeriod(isoDateInVietnam(m.t)));
  if (!found.length) return null;
  const steps = new Set(found.map(stepKey)).size;
  const machines = new Set(found.map((m) => m.installId)).size;
  return `Hướng dẫn cần cập nhật: ${steps} bước không tìm thấy chỗ trên trang cổng (${found.length} lần, trên ${machines} máy) — xem «Chẩn đoán» trong sổ.`;
}
