import { CLIENT_APP, MAX_RECORDS_PER_FILE, OUTBOX_FILE_KIND, SYNC_VERSION, type OutboxFile } from '../../shared/schemas/sync';
import { timestampInVietnam } from '../../shared/time/vietnam';
import type { OutboxItem } from './types';

/**
 * The outbox as the add-on's "Nhập từ tệp" imports it (OutboxFileSchema):
 * the same records with the same clientIds the endpoint would get, so
 * importing after (or before) a send never writes a record twice. The file
 * carries no access code: the group leader importing it picks the volunteer.
 */
export function buildExport(items: OutboxItem[], clientVersion: string, now: number): OutboxFile {
  return {
    v: SYNC_VERSION,
    kind: OUTBOX_FILE_KIND,
    exportedAt: new Date(now).toISOString(),
    client: { app: CLIENT_APP, version: clientVersion.slice(0, 20) },
    records: items.map((i) => i.record),
  };
}

/** More than this many records do not fit one file; the page exports the oldest first. */
export const EXPORT_LIMIT = MAX_RECORDS_PER_FILE;

export function exportFileName(now: number): string {
  const d = timestampInVietnam(now);
  return `so-cho-gui-tro-ly-dvc-${d.slice(0, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}.json`;
}
