// Migration of older registry layouts, run by «Thiết lập sổ» before anything
// else. Version 1 (the first pilot sheet) had one «Sổ tài khoản» sheet with the
// full CCCD, no ids and no consent version, and «Hồ sơ» without ids. Every row is
// kept: ids are added, the CCCD hashed, columns renamed and reordered.
import { REGISTRY_SCHEMA_VERSION } from '../../../shared/schemas/registry';
import { catalogue } from '../../../shared/catalogue';
import { validateCccd, validatePhone } from '../../../shared/validate';
import { safeCell, type Spreadsheet } from '../infra/table';
import { cellBool, cellDate, cellText } from '../infra/cells';
import { dateCell, timestampInVietnam } from '../infra/time';
import { uuid } from '../infra/digest';
import { ACCOUNTS, FILINGS, V1_ACCOUNTS_NAME, V1_ACCOUNT_HEADERS, V1_FILING_HEADERS } from '../registry/layout';
import { procedureOption } from '../registry/lists';
import { headersOf, styleHeader } from '../registry/header';
import { cccdKey, readSettings } from '../registry/settings';
import { readVersion } from '../registry/version';

/** Version 1 → 2: ids, CCCD last 4 + keyed hash, consent columns, new headers. Every row is kept. */
function migrateV1(ss: Spreadsheet): { accounts: number; filings: number } {
  const settings = readSettings();
  const now = timestampInVietnam();
  let accounts = 0;
  let filings = 0;
  const old = ss.getSheetByName(V1_ACCOUNTS_NAME);
  if (old) {
    const last = old.getLastRow();
    const w = V1_ACCOUNT_HEADERS.length;
    const rows = last > 1 ? old.getRange(2, 1, last - 1, w).getValues() : [];
    const h = (name: string) => V1_ACCOUNT_HEADERS.indexOf(name);
    const out = rows
      .filter((r) => r.some((c) => cellText(c) !== ''))
      .map((r) => {
        const cccd = cellText(r[h('Số CCCD')]).replace(/\D/g, '');
        const cccdOk = validateCccd(cccd).ok;
        const phoneRaw = cellText(r[h('Số điện thoại')]);
        const phone = phoneRaw ? validatePhone(phoneRaw.length === 9 ? `0${phoneRaw}` : phoneRaw) : null;
        const created = cellDate(r[h('Ngày hỗ trợ')]);
        const consent = cellBool(r[h('Đồng ý')]);
        const apps = cellText(r[h('Ứng dụng')]);
        const fields: Record<string, unknown> = {
          id: uuid(),
          clientId: '',
          fullName: cellText(r[h('Họ và tên')]),
          birthYear: r[h('Năm sinh')] === '' ? '' : Number(r[h('Năm sinh')]) || cellText(r[h('Năm sinh')]),
          gender: '',
          toDanPho: cellText(r[h('Tổ dân phố')]),
          cccdLast4: cccd.length >= 4 ? cccd.slice(-4) : '',
          cccdKey: cccdOk ? cccdKey(cccd) : '',
          cccdFull: settings.fullCccd && cccdOk ? cccd : '',
          phone: phone?.ok ? phone.value : phoneRaw,
          apps,
          createdOn: created ? dateCell(created) : cellText(r[h('Ngày hỗ trợ')]),
          volunteerId: cellText(r[h('Tình nguyện viên')]),
          consentGiven: consent,
          consentVersion: consent ? 'sổ cũ (v1, không rõ nội dung)' : '',
          consentAt: consent && created ? `${created}T00:00:00+07:00` : '',
          notes: cellText(r[h('Ghi chú')]),
          updatedAt: now,
          source: 'Chuyển từ sổ cũ',
        };
        return ACCOUNTS.columns.map((c) => fields[c.key] ?? '');
      });
    // In place: the same sheet, renamed, keeps its sharing, history and links.
    old.clear();
    old.setName(ACCOUNTS.name);
    styleHeader(old, ACCOUNTS);
    if (out.length) old.getRange(2, 1, out.length, ACCOUNTS.columns.length).setValues(out.map((r) => r.map((v) => safeCell(v, 'text'))));
    accounts = out.length;
  }
  const oldFilings = ss.getSheetByName(FILINGS.name);
  if (oldFilings) {
    const heads = headersOf(oldFilings);
    if (V1_FILING_HEADERS.every((x) => heads.includes(x)) && !heads.includes(FILINGS.columns[0]!.header)) {
      const last = oldFilings.getLastRow();
      const rows = last > 1 ? oldFilings.getRange(2, 1, last - 1, heads.length).getValues() : [];
      const h = (name: string) => heads.indexOf(name);
      const out = rows
        .filter((r) => r.some((c) => cellText(c) !== ''))
        .map((r) => {
          const procText = cellText(r[h('Thủ tục')]);
          const proc = catalogue.find((p) => p.id === procText.split(' ')[0] || (p.code !== null && p.code === procText));
          const filed = cellDate(r[h('Ngày nộp')]);
          const fields: Record<string, unknown> = {
            id: uuid(),
            residentName: cellText(r[h('Họ và tên người dân')]),
            toDanPho: cellText(r[h('Tổ dân phố')]),
            procedureId: proc ? procedureOption(proc) : procText,
            procedureCode: proc?.code ?? '',
            dossierCode: cellText(r[h('Mã hồ sơ')]),
            filedOn: filed ? dateCell(filed) : cellText(r[h('Ngày nộp')]),
            status: cellText(r[h('Trạng thái')]),
            volunteerId: cellText(r[h('Tình nguyện viên')]),
            consentGiven: false,
            updatedAt: now,
            source: 'Chuyển từ sổ cũ',
          };
          return FILINGS.columns.map((c) => fields[c.key] ?? '');
        });
      oldFilings.clear();
      styleHeader(oldFilings, FILINGS);
      if (out.length) oldFilings.getRange(2, 1, out.length, FILINGS.columns.length).setValues(out.map((r) => r.map((v) => safeCell(v, 'text'))));
      filings = out.length;
    }
  }
  return { accounts, filings };
}


/**
 * Brings an older registry to the current layout; null when there is nothing to
 * migrate. Refuses a registry made by a newer version of the add-on.
 */
export function migrateOldLayout(ss: Spreadsheet): { accounts: number; filings: number } | null {
  const { version } = readVersion(ss);
  if (version !== null && version > REGISTRY_SCHEMA_VERSION) {
    throw new Error(`Sổ này được tạo bởi phiên bản mới hơn của Trợ lý DVC (lược đồ ${version}). Hãy cập nhật tiện ích bổ sung.`);
  }
  const isV1 = Boolean(ss.getSheetByName(V1_ACCOUNTS_NAME)) && (version === null || version === 1);
  return isV1 ? migrateV1(ss) : null;
}
