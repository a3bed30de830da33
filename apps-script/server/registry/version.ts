// The registry layout's version, kept as developer metadata on the spreadsheet.
// «Thiết lập sổ» writes it; every action checks it before touching the sheets.
import { REGISTRY_SCHEMA_VERSION } from '../../../shared/schemas/registry';
import { RegistryError, type Spreadsheet } from '../infra/table';
import { VERSION_KEY } from './layout';

export function readVersion(ss: Spreadsheet): { version: number | null; meta: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null } {
  const found = ss.createDeveloperMetadataFinder().withKey(VERSION_KEY).find();
  const meta = found[0] ?? null;
  return { version: meta ? Number(meta.getValue()) : null, meta };
}

/** Throws a clear message unless the registry is set up and current. */
export function requireCurrent(ss: Spreadsheet): void {
  const { version } = readVersion(ss);
  if (version === null) throw new RegistryError('Sổ chưa được thiết lập. Hãy chọn «Thiết lập sổ» trong menu Trợ lý DVC.');
  if (version < REGISTRY_SCHEMA_VERSION) throw new RegistryError('Sổ đang theo bố cục cũ. Hãy chọn «Thiết lập sổ» để chuyển sang bố cục mới (không mất dữ liệu).');
  if (version > REGISTRY_SCHEMA_VERSION) throw new RegistryError('Sổ được tạo bởi phiên bản mới hơn của Trợ lý DVC. Hãy cập nhật tiện ích bổ sung.');
}
