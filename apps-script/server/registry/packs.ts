// Where the ward's guide pack is kept: the file's text, base64-encoded (ASCII:
// no cell can change a character of it, so the signature still holds when it is
// served), in parts of 45,000 characters down column B of the hidden, protected
// «Gói hướng dẫn» sheet (Sheets holds 50,000 characters a cell); its description
// (version, date, size, SHA-256, number of parts) in one script property (a
// property holds 9 KB only). A part starts with "~" so that no cell ever begins
// with "+", "/" or "=" (which Sheets could read as a formula or a number).
import { RegistryError, type Spreadsheet } from '../infra/table';
import { sha256Hex, utf8Length } from '../infra/digest';
import { colA1 } from '../infra/a1';
import { PACKS } from './layout';

const META_KEY = 'TRO_LY_DVC_PACK';
export const PART_CHARS = 45_000;
const MARK = '~';

export interface StoredPack {
  version: string;
  createdAt: string;
  keyId: string;
  /** UTF-8 bytes of the file as uploaded. */
  bytes: number;
  sha256: string;
  parts: number;
  uploadedAt: string;
  uploadedBy: string;
}

export function storedPack(): StoredPack | null {
  const raw = PropertiesService.getScriptProperties().getProperty(META_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StoredPack;
  } catch {
    return null;
  }
}

function packSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(PACKS.name);
  if (!sheet) throw new RegistryError(`Chưa có trang tính «${PACKS.name}». Hãy chạy «Thiết lập sổ» trước.`);
  return sheet;
}

/** Stores the file's text as parts (replacing any earlier pack), then its description. */
export function storePack(ss: Spreadsheet, text: string, about: Pick<StoredPack, 'version' | 'createdAt' | 'keyId' | 'uploadedAt' | 'uploadedBy'>): StoredPack {
  const encoded = Utilities.base64Encode(text, Utilities.Charset.UTF_8);
  const parts: string[] = [];
  for (let i = 0; i < encoded.length; i += PART_CHARS) parts.push(MARK + encoded.slice(i, i + PART_CHARS));
  const sheet = packSheet(ss);
  const before = Math.max(0, sheet.getLastRow() - 1);
  const maxRows = sheet.getMaxRows();
  if (parts.length + 1 > maxRows) sheet.insertRowsAfter(maxRows, parts.length + 1 - maxRows);
  const range = sheet.getRange(2, 1, parts.length, 2);
  range.setNumberFormats(parts.map(() => ['@', '@']));
  range.setValues(parts.map((p, i) => [String(i + 1), p]));
  if (before > parts.length) sheet.getRange(parts.length + 2, 1, before - parts.length, 2).clearContent();
  const meta: StoredPack = { ...about, bytes: utf8Length(text), sha256: sha256Hex(text), parts: parts.length };
  PropertiesService.getScriptProperties().setProperty(META_KEY, JSON.stringify(meta));
  return meta;
}

/** Removes the pack: its parts and its description. */
export function removePack(ss: Spreadsheet): void {
  const sheet = packSheet(ss);
  const rows = Math.max(0, sheet.getLastRow() - 1);
  if (rows) sheet.getRange(2, 1, rows, 2).clearContent();
  PropertiesService.getScriptProperties().deleteProperty(META_KEY);
}

export type PackText = { ok: true; text: string; meta: StoredPack } | { ok: false; code: 'NO_PACK' | 'PACK_DAMAGED'; message: string };

/** The pack's text exactly as uploaded, checked against its SHA-256. */
export function readPackText(ss: Spreadsheet): PackText {
  const meta = storedPack();
  if (!meta) return { ok: false, code: 'NO_PACK', message: 'Sổ của phường chưa có gói hướng dẫn nào (tổ trưởng đặt gói trong Cài đặt → «Gói hướng dẫn»). Tiện ích tiếp tục dùng hướng dẫn có sẵn.' };
  const damaged = { ok: false as const, code: 'PACK_DAMAGED' as const, message: `Gói hướng dẫn ${meta.version} trong sổ bị hỏng (trang «${PACKS.name}» đã bị sửa hoặc xoá). Nhờ tổ trưởng tải lại gói trong Cài đặt. Tiện ích tiếp tục dùng hướng dẫn có sẵn.` };
  let values: unknown[][];
  try {
    values = ss.getRange(`'${PACKS.name}'!${colA1(1)}2:${colA1(1)}${meta.parts + 1}`).getValues();
  } catch {
    return damaged;
  }
  const encoded = values.map((r) => String(r[0] ?? '')).map((p) => (p.startsWith(MARK) ? p.slice(MARK.length) : p)).join('');
  let text: string;
  try {
    text = Utilities.newBlob(Utilities.base64Decode(encoded, Utilities.Charset.UTF_8)).getDataAsString('UTF-8');
  } catch {
    return damaged;
  }
  return sha256Hex(text) === meta.sha256 ? { ok: true, text, meta } : damaged;
}
