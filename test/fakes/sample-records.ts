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

type DiagnosticRecord = Extract<SyncRecord, { kind: 'diagnostic' }>;
type DiagnosticFields = DiagnosticRecord['diagnostic'];

/** A diagnostic record: a guide step that found no anchor (no personal data; the path is redacted). */
export function sampleDiagnostic(over: Partial<DiagnosticFields> = {}, clientId: string = crypto.randomUUID()): DiagnosticRecord {
  return {
    clientId,
    kind: 'diagnostic',
    diagnostic: {
      kind: 'anchor-missing',
      guideId: 'dvcqg:III.2',
      stepId: 'form.submit',
      surface: 'dvcqg.form',
      path: '/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pCoQuanId=',
      extensionVersion: '0.1.0',
      guideDataVersion: 'bundled-0.1.0',
      browser: 'chrome',
      installId: '3f9a2c4e-8b1d-4e6f-9a7c-2d5b8e1f4a60',
      at: '2026-11-20T09:00:00+07:00',
      ...over,
    },
  };
}

/** An account record as the extension sends it (no CCCD). */
export function sampleAccount(over: Record<string, unknown> = {}, clientId: string = crypto.randomUUID()) {
  return {
    clientId,
    kind: 'account' as const,
    account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ dân phố 7', apps: ['C-Thái Nguyên' as const], createdOn: '2026-01-05', consent: sampleConsent(), ...over },
  };
}
