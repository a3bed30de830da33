// «Mã truy cập»: issue, list and revoke the volunteers' access codes.
import { Table, type Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { CODES } from '../registry/layout';
import { appendLog, currentUser } from '../registry/log';
import { volunteerMap } from '../registry/lists';
import { requireCurrent } from '../registry/version';
import { codeHash, indexCode, lastUses, newCode } from '../registry/codes';

export interface IssuedCode {
  codeId: string;
  volunteerId: string;
  code: string;
  expiresAt: string;
}

export function issueCode(ss: Spreadsheet, volunteerId: string, days: number, now = new Date()): IssuedCode {
  requireCurrent(ss);
  const vols = volunteerMap(ss);
  if (!vols.has(volunteerId)) throw new Error(`Tình nguyện viên «${volunteerId}» chưa có trong danh sách.`);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error('Thời hạn phải từ 1 đến 365 ngày.');
  const t = Table.open(ss, CODES);
  const code = newCode();
  const codeId = `MA-${codeHash(code + now.getTime()).slice(0, 8).toUpperCase()}`;
  const expiresAt = timestampInVietnam(new Date(now.getTime() + days * 86_400_000));
  const who = currentUser();
  const hash = codeHash(code);
  t.append([t.makeRow({ codeId, volunteerId, hash, issuedAt: timestampInVietnam(now), expiresAt, revokedAt: '', lastUsedAt: '', issuedBy: who })]);
  indexCode(hash, { codeId, volunteerId, expiresAt, revokedAt: '' });
  appendLog(ss, [{ who, source: 'Tiện ích bổ sung', action: 'Cấp mã truy cập', table: CODES.name, recordId: codeId, after: { volunteerId, expiresAt } }], now);
  return { codeId, volunteerId, code, expiresAt };
}

export function listCodes(ss: Spreadsheet, now = new Date()) {
  requireCurrent(ss);
  const vols = volunteerMap(ss);
  const t = Table.open(ss, CODES);
  const nowIso = timestampInVietnam(now);
  const used = lastUses();
  return t.rows().map((r) => {
    const revokedAt = cellText(t.get(r, 'revokedAt'));
    const expiresAt = cellText(t.get(r, 'expiresAt'));
    const volunteerId = cellText(t.get(r, 'volunteerId'));
    return {
      codeId: cellText(t.get(r, 'codeId')),
      volunteerId,
      volunteerName: vols.get(volunteerId)?.name ?? '',
      issuedAt: cellText(t.get(r, 'issuedAt')),
      expiresAt,
      revokedAt,
      lastUsedAt: used[cellText(t.get(r, 'codeId'))] ?? cellText(t.get(r, 'lastUsedAt')),
      state: revokedAt ? 'Đã thu hồi' : expiresAt <= nowIso ? 'Hết hạn' : 'Đang dùng',
    };
  });
}

export function revokeCode(ss: Spreadsheet, codeId: string, now = new Date()) {
  requireCurrent(ss);
  const t = Table.open(ss, CODES);
  const row = t.rows().find((r) => cellText(t.get(r, 'codeId')) === codeId);
  if (!row) throw new Error('Không tìm thấy mã truy cập này.');
  if (cellText(t.get(row, 'revokedAt'))) return { codeId, alreadyRevoked: true };
  const cells = [...row.cells];
  const revokedAt = timestampInVietnam(now);
  cells[t.index.revokedAt!] = revokedAt;
  t.update([{ rowNumber: row.rowNumber, cells }]);
  indexCode(cellText(t.get(row, 'hash')), { codeId, volunteerId: cellText(t.get(row, 'volunteerId')), expiresAt: cellText(t.get(row, 'expiresAt')), revokedAt });
  appendLog(ss, [{ who: currentUser(), source: 'Tiện ích bổ sung', action: 'Thu hồi mã truy cập', table: CODES.name, recordId: codeId, after: { volunteerId: cellText(t.get(row, 'volunteerId')) } }], now);
  return { codeId, alreadyRevoked: false };
}

