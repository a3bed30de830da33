// Sample sync records shared by tests and benches (fictional residents only).
import { CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import type { SyncRecord } from '../../shared/schemas/sync';

type FilingRecord = Extract<SyncRecord, { kind: 'filing' }>;
type FilingFields = FilingRecord['filing'];

export function sampleConsent(at = '2026-11-20T09:00:00+07:00') {
  return { given: true as const, textVersion: CONSENT_TEXT_VERSION, at };
}

/** A filing record for "Đăng ký khai sinh"; `over` replaces filing fields. */
export function sampleFiling(over: Partial<FilingFields> | Record<string, unknown> = {}, clientId: string = crypto.randomUUID()): FilingRecord {
  return {
    clientId,
    kind: 'filing',
    filing: {
      residentName: 'Nguyễn Văn An',
      toDanPho: 'Tổ dân phố 5',
      procedureId: 'III.2',
      procedureCode: '1.001193',
      dossierCode: 'G22.99-2611-000123',
      filedOn: '2026-11-20',
      portal: 'dvcqg',
      status: 'Đã nộp',
      consent: sampleConsent(),
      ...over,
    } as FilingFields,
  };
}
