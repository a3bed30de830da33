import * as z from 'zod';
import { FilingFieldsSchema, ResidentAccountInputSchema, dueNotBeforeFiled } from './registry';

/**
 * The contract between the extension's outbox and the add-on's web endpoint.
 * Sent as JSON in a text/plain POST body (no custom headers: Apps Script web
 * apps do not answer CORS preflights). Apps Script cannot set status codes, so
 * every outcome is described in the JSON answer.
 */
export const SYNC_VERSION = 1;
/** The extension's name in every envelope and outbox file. */
export const CLIENT_APP = 'tro-ly-dvc-extension';
export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_RECORDS_PER_ENVELOPE = 100;

/** Made by the extension once per record and reused on every retry. */
export const ClientId = z.uuid({ message: 'Mã bản ghi (clientId) không hợp lệ.' });

export const FilingSyncRecord = z
  .object({ clientId: ClientId, kind: z.literal('filing'), filing: FilingFieldsSchema.omit({ volunteerId: true, id: true }).superRefine(dueNotBeforeFiled) })
  .strict();

/** "Helped a resident start using the portals and apps": the letter's list of accounts. */
export const AccountSyncRecord = z
  .object({
    clientId: ClientId,
    kind: z.literal('account'),
    account: ResidentAccountInputSchema.omit({ volunteerId: true, id: true, cccd: true }),
  })
  .strict();

/**
 * A guide step that found no anchor on a portal page (the page changed): the ward's «Chẩn đoán»
 * sheet shows which steps fail, since when and on how many machines. Never page text, never query
 * values, never anything typed: the path keeps the URL's shape only (":n", ":uuid", "key=").
 */
export const REDACTED_PATH = /^\/[A-Za-z0-9\-._~/:]*(\?([A-Za-z0-9_\-.]+=)(&[A-Za-z0-9_\-.]+=)*)?(#[A-Za-z0-9\-._~/:!]*)?$/;
export const DiagnosticSyncRecord = z
  .object({
    clientId: ClientId,
    kind: z.literal('diagnostic'),
    diagnostic: z
      .object({
        kind: z.enum(['anchor-missing']),
        guideId: z.string().min(1).max(80),
        stepId: z.string().min(1).max(80),
        surface: z.string().min(1).max(40),
        path: z.string().max(300).regex(REDACTED_PATH, { message: 'Đường dẫn chẩn đoán phải được che (không có giá trị).' }),
        extensionVersion: z.string().min(1).max(20),
        guideDataVersion: z.string().min(1).max(40),
        browser: z.enum(['chrome', 'firefox', 'other']),
        /** A random id made once per installation (not personal): "on how many machines". */
        installId: z.uuid(),
        at: z.iso.datetime({ offset: true }),
      })
      .strict(),
  })
  .strict();

export const SyncRecordSchema = z.discriminatedUnion('kind', [FilingSyncRecord, AccountSyncRecord, DiagnosticSyncRecord]);
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

export const SyncEnvelopeSchema = z
  .object({
    v: z.literal(SYNC_VERSION, { message: 'Phiên bản dữ liệu không khớp: hãy cập nhật tiện ích Trợ lý DVC.' }),
    action: z.enum(['hello', 'record']),
    accessCode: z.string().min(8, { message: 'Thiếu mã truy cập.' }).max(128),
    client: z
      .object({
        app: z.literal(CLIENT_APP),
        version: z.string().max(20),
        sentAt: z.iso.datetime(),
        /** The guide data in use: "bundled-<version>" or the signed pack's version (shown per volunteer in the sidebar). */
        guideData: z.string().max(40).optional(),
      })
      .strict(),
    records: z.array(SyncRecordSchema).max(MAX_RECORDS_PER_ENVELOPE, { message: `Tối đa ${MAX_RECORDS_PER_ENVELOPE} bản ghi mỗi lần gửi.` }),
  })
  .strict();
export type SyncEnvelope = z.infer<typeof SyncEnvelopeSchema>;

export const SyncErrorCode = z.enum([
  'BAD_JSON',
  'TOO_LARGE',
  'BAD_VERSION',
  'INVALID',
  'AUTH_MISSING',
  'AUTH_WRONG',
  'AUTH_EXPIRED',
  'AUTH_REVOKED',
  'RATE_LIMITED',
  'BUSY',
  'NOT_SET_UP',
  'SERVER',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const RecordResultSchema = z
  .object({
    clientId: z.string(),
    status: z.enum(['created', 'duplicate', 'rejected']),
    /** Vietnamese explanation when rejected. */
    message: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type RecordResult = z.infer<typeof RecordResultSchema>;

/** No answer ever carries a resident's personal data back. */
export const SyncResponseSchema = z
  .object({
    ok: z.boolean(),
    v: z.literal(SYNC_VERSION),
    error: z.object({ code: SyncErrorCode, message: z.string(), retryable: z.boolean() }).strict().optional(),
    linked: z
      .object({
        volunteerId: z.string(),
        volunteerName: z.string(),
        ward: z.string(),
        /** The ward's «Tổ dân phố» names from «Danh mục» (not personal data): the record form offers only these. */
        groups: z.array(z.string().max(100)).max(300).optional(),
      })
      .strict()
      .optional(),
    results: z.array(RecordResultSchema),
    serverVersion: z.string(),
  })
  .strict();
export type SyncResponse = z.infer<typeof SyncResponseSchema>;

export const HealthResponseSchema = z
  .object({ ok: z.literal(true), app: z.literal('tro-ly-dvc-registry'), v: z.literal(SYNC_VERSION), serverVersion: z.string() })
  .strict();

/**
 * "Nhập từ tệp": when no endpoint can be deployed, the extension exports its
 * outbox to a JSON file in this shape and the add-on imports it with the same
 * validation and clientId idempotency as doPost. The file carries no access
 * code: the group leader importing it chooses the volunteer in the add-on.
 */
export const OUTBOX_FILE_KIND = 'tro-ly-dvc-outbox';
export const MAX_RECORDS_PER_FILE = 2000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const OutboxFileSchema = z
  .object({
    v: z.literal(SYNC_VERSION, { message: 'Phiên bản dữ liệu không khớp: hãy cập nhật tiện ích Trợ lý DVC.' }),
    kind: z.literal(OUTBOX_FILE_KIND),
    exportedAt: z.iso.datetime({ offset: true }),
    client: z.object({ app: z.literal(CLIENT_APP), version: z.string().max(20) }).strict(),
    records: z.array(SyncRecordSchema).max(MAX_RECORDS_PER_FILE, { message: `Tối đa ${MAX_RECORDS_PER_FILE} bản ghi mỗi tệp.` }),
  })
  .strict();
export type OutboxFile = z.infer<typeof OutboxFileSchema>;
