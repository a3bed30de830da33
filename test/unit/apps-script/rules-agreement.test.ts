// Defect 12 ("one set of rules"): the zod schemas the endpoint and the forms use
// and the fast paths of «Kiểm tra dữ liệu» read the same limits and messages
// (shared/schemas/rules.ts). The same rows go through both and must agree.
import { describe, expect, it } from 'vitest';
import { FilingInputSchema, ResidentAccountInputSchema } from '../../../shared/schemas/registry';
import { todayInVietnam, addDays } from '../../../shared/time/vietnam';
import { checkAccounts, checkFilings } from '../../../apps-script/server/registry/row-rules';
import { ACCOUNTS, FILINGS } from '../../../apps-script/server/registry/layout';
import { CONSENT_TEXT_VERSION } from '../../../shared/schemas/registry';
import { readyRegistry } from '../../fakes/addon-runtime';
import { sampleFiling } from '../../fakes/sample-records';

const today = todayInVietnam();
const consent = { given: true as const, textVersion: CONSENT_TEXT_VERSION, at: '2026-01-20T09:00:00+07:00' };
const idx = (spec: typeof ACCOUNTS) => Object.fromEntries(spec.columns.map((c, i) => [c.key, i]));
const ctx = { today, toDanPho: new Set(['Tổ dân phố 3']), volunteers: new Set(['TNV-001']) };
const vnDate = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

function accountRow(a: { fullName: string; birthYear: number; createdOn: string }) {
  const i = idx(ACCOUNTS);
  const row = new Array(ACCOUNTS.columns.length).fill('');
  Object.assign(row, { [i.id!]: 'id-1', [i.fullName!]: a.fullName, [i.birthYear!]: a.birthYear, [i.toDanPho!]: 'Tổ dân phố 3', [i.apps!]: 'C-Thái Nguyên', [i.createdOn!]: vnDate(a.createdOn), [i.volunteerId!]: 'TNV-001', [i.consentGiven!]: true, [i.consentVersion!]: consent.textVersion, [i.consentAt!]: consent.at });
  return row;
}
function filingRow(f: { residentName: string; dossierCode: string; filedOn: string; dueOn?: string }) {
  const i = idx(FILINGS);
  const row = new Array(FILINGS.columns.length).fill('');
  Object.assign(row, { [i.id!]: 'id-2', [i.residentName!]: f.residentName, [i.toDanPho!]: 'Tổ dân phố 3', [i.procedureId!]: 'III.2 — Thủ tục đăng ký khai sinh', [i.procedureCode!]: '1.001193', [i.dossierCode!]: f.dossierCode, [i.filedOn!]: vnDate(f.filedOn), [i.dueOn!]: f.dueOn ? vnDate(f.dueOn) : '', [i.portal!]: 'dvcqg', [i.status!]: 'Đã nộp', [i.volunteerId!]: 'TNV-001', [i.consentGiven!]: true, [i.consentVersion!]: consent.textVersion, [i.consentAt!]: consent.at });
  return row;
}

const ACCOUNTS_CASES = [
  { fullName: 'Nguyễn Văn An', birthYear: 1980, createdOn: '2026-01-05' },
  { fullName: 'A', birthYear: 1980, createdOn: '2026-01-05' },
  { fullName: 'x'.repeat(81), birthYear: 1980, createdOn: '2026-01-05' },
  { fullName: 'Nguyễn 3', birthYear: 1980, createdOn: '2026-01-05' },
  { fullName: 'Trần Thị Bình', birthYear: 2100, createdOn: '2026-01-05' },
  { fullName: 'Trần Thị Bình', birthYear: Number(today.slice(0, 4)) + 1, createdOn: '2026-01-05' },
  { fullName: 'Trần Thị Bình', birthYear: Number(today.slice(0, 4)), createdOn: '2026-01-05' },
  { fullName: 'Trần Thị Bình', birthYear: 1899, createdOn: '2026-01-05' },
  { fullName: 'Trần Thị Bình', birthYear: 1950, createdOn: addDays(today, 1) },
  { fullName: 'Trần Thị Bình', birthYear: 1950, createdOn: today },
];
const FILING_CASES = [
  { residentName: 'Nguyễn Văn An', dossierCode: 'G22.99-2611-000123', filedOn: '2026-01-05' },
  { residentName: 'Nguyễn Văn An', dossierCode: 'x', filedOn: '2026-01-05' },
  { residentName: 'Nguyễn Văn An', dossierCode: '#abc-123', filedOn: '2026-01-05' },
  { residentName: 'Nguyễn Văn An', dossierCode: 'G22.99-2611-000123', filedOn: addDays(today, 1) },
  { residentName: 'Nguyễn Văn An', dossierCode: 'G22.99-2611-000123', filedOn: '2026-01-05', dueOn: '2026-01-04' },
  { residentName: 'Nguyễn Văn An', dossierCode: 'G22.99-2611-000123', filedOn: '2026-01-05', dueOn: '2026-01-05' },
];

describe('one set of rules: the schemas and «Kiểm tra dữ liệu» agree', () => {
  it('accounts: accepted by the schema ⇔ no issue from the check, with the same message', () => {
    for (const c of ACCOUNTS_CASES) {
      const schema = ResidentAccountInputSchema.safeParse({ ...c, toDanPho: 'Tổ dân phố 3', apps: ['C-Thái Nguyên'], volunteerId: 'TNV-001', consent });
      const issues = checkAccounts([accountRow(c)], idx(ACCOUNTS), ctx);
      expect(issues.length === 0, JSON.stringify(c)).toBe(schema.success);
      if (!schema.success) expect(issues.map((i) => i.message), JSON.stringify(c)).toContain(schema.error.issues[0]!.message);
    }
  });

  it('filings: accepted by the schema ⇔ no issue from the check, with the same message', () => {
    for (const c of FILING_CASES) {
      const schema = FilingInputSchema.safeParse({ ...c, toDanPho: 'Tổ dân phố 3', procedureId: 'III.2', procedureCode: '1.001193', portal: 'dvcqg', status: 'Đã nộp', volunteerId: 'TNV-001', consent });
      const issues = checkFilings([filingRow(c)], idx(FILINGS), ctx);
      expect(issues.length === 0, JSON.stringify(c)).toBe(schema.success);
      if (!schema.success) expect(issues.map((i) => i.message), JSON.stringify(c)).toContain(schema.error.issues[0]!.message);
    }
  });

  it('the built endpoint refuses what the check would flag: birth year 2100, due before filed, tomorrow', () => {
    const r = readyRegistry();
    const env = (records: unknown[]) => ({ v: 1, action: 'record', accessCode: r.code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records });
    const account = (over: Record<string, unknown>) => ({ clientId: crypto.randomUUID(), kind: 'account', account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ dân phố 5', apps: ['C-Thái Nguyên'], createdOn: '2026-01-05', consent, ...over } });
    const { body } = r.post(env([account({ birthYear: 2100 }), sampleFiling({ filedOn: '2026-01-05', dueOn: '2026-01-04', consent }), sampleFiling({ filedOn: addDays(today, 1), consent })]));
    expect(body.results.map((x: { status: string }) => x.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(body.results[0].message).toContain(`Năm sinh phải từ 1900 đến ${today.slice(0, 4)}`);
    expect(body.results[1].message).toContain('Ngày hẹn trả trước ngày nộp.');
    expect(body.results[2].message).toContain('Ngày nộp không được sau hôm nay.');
  });
});
