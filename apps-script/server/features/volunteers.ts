// «Tình nguyện viên»: adding a volunteer (the next TNV-nnn id).
import { VolunteerSchema } from '../../../shared/schemas/registry';
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { VOLUNTEERS } from '../registry/layout';
import { appendLog, currentUser, type LogEntry } from '../registry/log';
import { requireCurrent } from '../registry/version';

export function addVolunteer(ss: Spreadsheet, input: { name: string; toDanPho: string; phone?: string }, now = new Date()) {
  requireCurrent(ss);
  const t = Table.open(ss, VOLUNTEERS);
  const ids = t.columns(['id']).map((r) => cellText(r.id));
  const max = ids.reduce((m, id) => Math.max(m, Number(/^TNV-(\d+)$/.exec(id)?.[1] ?? 0)), 0);
  const id = `TNV-${String(max + 1).padStart(3, '0')}`;
  const parsed = VolunteerSchema.safeParse({ id, name: input?.name, toDanPho: input?.toDanPho, phone: input?.phone || undefined, active: true });
  if (!parsed.success) {
    return { ok: false as const, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])) };
  }
  t.append([t.makeRow({ ...parsed.data, phone: parsed.data.phone ?? '' })]);
  const entry: LogEntry = { who: currentUser(), source: 'Tiện ích bổ sung', action: 'Thêm tình nguyện viên', table: VOLUNTEERS.name, recordId: id, after: { name: parsed.data.name, toDanPho: parsed.data.toDanPho } };
  appendLog(ss, [entry], now);
  return { ok: true as const, id };
}
