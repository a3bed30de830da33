import type { SyncRecord } from '../../shared/schemas/sync';
import { findById } from '../../shared/catalogue';
import { PORTAL_SHORT_NAMES } from '../../shared/portals';
import { isoDateInVietnam } from '../../shared/time/vietnam';
import { formatViDate } from '../../shared/validate/date';

/** "Nguyễn Văn An" → "N. V. An": enough for the volunteer to recognise an item, no more. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return [...parts.slice(0, -1).map((p) => `${p[0]}.`), parts[parts.length - 1]].join(' ');
}

/** One line describing a queued record with the minimum personal data. */
export function describeRecord(record: SyncRecord): { title: string; detail: string } {
  if (record.kind === 'filing') {
    const f = record.filing;
    let procedure = f.procedureId;
    try {
      const p = findById(f.procedureId);
      if (p) procedure = `${f.procedureId} ${p.officialName}`;
    } catch {
      // The catalogue is optional for a description.
    }
    return {
      title: `Hồ sơ ${f.dossierCode}`,
      detail: `${procedure} · ${PORTAL_SHORT_NAMES[f.portal]} · ${f.toDanPho} · ${maskName(f.residentName)}`,
    };
  }
  if (record.kind === 'diagnostic') {
    const d = record.diagnostic;
    const at = Date.parse(d.at);
    return {
      title: `Chẩn đoán: bước ${d.stepId} không thấy trên trang ${d.surface}`,
      detail: `Hướng dẫn ${d.guideId} · ${d.path}${Number.isNaN(at) ? '' : ` · ${formatViDate(isoDateInVietnam(at))}`}`,
    };
  }
  const a = record.account;
  return {
    title: `Tài khoản: ${maskName(a.fullName)}`,
    detail: `${a.toDanPho} · ${a.apps.join(', ')}`,
  };
}
