// Row builders shared by the sidebar entry form, the web endpoint and the file import.
import { findProcedure } from './catalogue';
import type { Consent } from '../../../shared/schemas/registry';
import { validateCccd, validatePhone } from '../../../shared/validate';
import type { Row, Table } from '../infra/table';
import { cellBool, cellDate, cellText } from '../infra/cells';
import { dateCell } from '../infra/time';
import { procedureOption } from './lists';
import { cccdKey, type Settings } from './settings';

export type FieldErrors = Record<string, string>;

export interface AccountFields {
  fullName: string;
  birthYear: number;
  gender?: string | undefined;
  toDanPho: string;
  apps: readonly string[];
  createdOn: string;
  volunteerId: string;
  consent: Consent;
  notes?: string | undefined;
}

export interface FilingFields {
  accountId?: string | undefined;
  residentName: string;
  toDanPho: string;
  procedureId: string;
  dossierCode: string;
  filedOn: string;
  dueOn?: string | undefined;
  portal: string;
  status: string;
  volunteerId: string;
  consent: Consent;
  notes?: string | undefined;
}

/** The stored CCCD columns: last 4 + keyed hash, and the full number only if the ward turned that on. */
export function cccdColumns(cccd: string, settings: Settings): { cccdLast4: string; cccdKey: string; cccdFull: string } {
  return { cccdLast4: cccd.slice(-4), cccdKey: cccdKey(cccd), cccdFull: settings.fullCccd ? cccd : '' };
}

export function accountRecord(a: AccountFields, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    fullName: a.fullName,
    birthYear: a.birthYear,
    gender: a.gender ?? '',
    toDanPho: a.toDanPho,
    apps: a.apps.join(', '),
    createdOn: dateCell(a.createdOn),
    volunteerId: a.volunteerId,
    consentGiven: a.consent.given,
    consentVersion: a.consent.textVersion,
    consentAt: a.consent.at,
    notes: a.notes ?? '',
    ...extra,
  };
}

export function filingRecord(f: FilingFields, extra: Record<string, unknown>): Record<string, unknown> {
  const proc = findProcedure(f.procedureId);
  return {
    accountId: f.accountId ?? '',
    residentName: f.residentName,
    toDanPho: f.toDanPho,
    procedureId: proc ? procedureOption(proc) : f.procedureId,
    procedureCode: proc?.code ?? '',
    dossierCode: f.dossierCode,
    filedOn: dateCell(f.filedOn),
    dueOn: f.dueOn ? dateCell(f.dueOn) : '',
    portal: f.portal,
    status: f.status,
    volunteerId: f.volunteerId,
    consentGiven: f.consent.given,
    consentVersion: f.consent.textVersion,
    consentAt: f.consent.at,
    notes: f.notes ?? '',
    ...extra,
  };
}

/** A row as a plain object of display values (dates as ISO), for diffs and the sidebar. */
export function rowObject(table: Table, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of table.spec.columns) {
    const v = table.get(row, col.key);
    out[col.key] = col.checkbox ? cellBool(v) : col.format === 'dd/mm/yyyy' ? (cellDate(v) ?? cellText(v)) : typeof v === 'number' ? v : cellText(v);
  }
  return out;
}

/** Checks the procedure against the catalogue; the code stored is always the catalogue's. */
export function procedureError(procedureId: string, procedureCode: string | null | undefined): string | null {
  const p = findProcedure(procedureId);
  if (!p) return `Thủ tục «${procedureId}» không có trong danh mục.`;
  if (procedureCode !== undefined && procedureCode !== null && p.code !== procedureCode) {
    return `Mã TTHC ${procedureCode} không khớp với thủ tục ${p.id} (mã đúng: ${p.code ?? 'chưa có mã'}).`;
  }
  return null;
}

export function phoneColumn(phone: string | undefined, errors: FieldErrors, path: string): string {
  if (!phone || !phone.trim()) return '';
  const r = validatePhone(phone);
  if (!r.ok) {
    errors[path] = r.error;
    return '';
  }
  return r.value;
}

export function checkCccd(cccd: string, birthYear: number, gender: string | undefined, errors: FieldErrors, path: string): string | null {
  const g = gender === 'Nam' ? 'nam' : gender === 'Nữ' ? 'nữ' : undefined;
  const r = validateCccd(cccd, { ...(birthYear ? { birthYear } : {}), ...(g ? { gender: g } : {}) });
  if (!r.ok) {
    errors[path] = r.error;
    return null;
  }
  return r.value;
}

export interface DiagnosticFields {
  kind: string;
  guideId: string;
  stepId: string;
  surface: string;
  path: string;
  extensionVersion: string;
  guideDataVersion: string;
  browser: string;
  installId: string;
  at: string;
}

/** The «Chẩn đoán» row of a reported miss (the kind in plain Vietnamese). */
export function diagnosticRecord(d: DiagnosticFields, volunteerId: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    at: d.at,
    volunteerId,
    guideId: d.guideId,
    stepId: d.stepId,
    surface: d.surface,
    path: d.path,
    kind: d.kind === 'anchor-missing' ? 'Không thấy chỗ gắn hướng dẫn' : d.kind,
    guideDataVersion: d.guideDataVersion,
    extensionVersion: d.extensionVersion,
    browser: d.browser,
    installId: d.installId.toLowerCase(),
    ...extra,
  };
}
