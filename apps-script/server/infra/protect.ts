// Who may write what the add-on protects (id columns, «Nhật ký», «Mã truy cập»).
// Sidebar actions and triggers write as the signed-in user, and Sheets enforces
// protections on script writes too, so every group leader or staff member who
// uses the add-on must be an editor of those protections: the owner, whoever ran
// set-up, and the «Người quản lý sổ» of the settings.
import { RegistryError, type Spreadsheet } from './table';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECT_PREFIX = 'Trợ lý DVC: ';

/** What a user reads when they may not write the protected ranges. */
export function notAllowedMessage(email: string, where: string[]): string {
  const who = email ? `Tài khoản ${email}` : 'Tài khoản của bạn';
  const places = where.length ? ` (${where.join(', ')})` : '';
  return (
    `${who} chưa có quyền ghi vào các vùng được Trợ lý DVC bảo vệ${places}, nên thao tác này chưa được thực hiện và sổ không bị thay đổi. ` +
    'Nhờ chủ sổ thêm email của bạn vào «Người quản lý sổ» trong Cài đặt rồi chạy lại «Thiết lập sổ».'
  );
}

/** The Sheets error text for a write into a protected range (English; other locales vary). */
export function isProtectedEditError(err: unknown): boolean {
  return /protected cell or object/i.test(String((err as Error)?.message ?? err));
}

function norm(email: string | null | undefined): string {
  return String(email ?? '').trim().toLowerCase();
}

/** The account the script's writes are made as (the signed-in user for sidebar and menu calls). */
export function effectiveUser(): string {
  try {
    return norm(Session.getEffectiveUser().getEmail());
  } catch {
    return '';
  }
}

export function ownerOf(ss: Spreadsheet): string {
  try {
    return norm(ss.getOwner()?.getEmail());
  } catch {
    return '';
  }
}

/** The protections «Thiết lập sổ» made (found by their description). */
function addonProtections(ss: Spreadsheet): Protection[] {
  const all = [...ss.getProtections(SpreadsheetApp.ProtectionType.RANGE), ...ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)];
  return all.filter((p) => p.getDescription().startsWith(PROTECT_PREFIX));
}

/** Owner + the user running the script + managers, lower-cased, no repeats. */
export function desiredEditors(ss: Spreadsheet, managers: string[]): string[] {
  return [...new Set([ownerOf(ss), effectiveUser(), ...managers.map(norm)].filter(Boolean))];
}

/**
 * Sets the editors of every add-on protection to exactly the desired list, and
 * turns off domain-wide editing. Per protection: one read, and at most one add
 * and one remove, whatever the number of rows. Returns how many protections changed.
 */
export function syncProtectionEditors(ss: Spreadsheet, managers: string[]): number {
  const desired = desiredEditors(ss, managers);
  const want = new Set(desired);
  let changed = 0;
  for (const p of addonProtections(ss)) {
    const current = new Set(p.getEditors().map((u) => norm(u.getEmail())));
    const add = desired.filter((e) => !current.has(e));
    const remove = [...current].filter((e) => !want.has(e));
    if (add.length) p.addEditors(add);
    if (remove.length) p.removeEditors(remove);
    let domain = false;
    if (p.canDomainEdit()) {
      p.setDomainEdit(false);
      domain = true;
    }
    if (add.length || remove.length || domain) changed++;
  }
  return changed;
}

/**
 * Checks, before anything is written, that the user the script runs as may edit
 * every protection on the sheets an action writes to. Throws a Vietnamese message
 * naming who to ask and what to do; the registry is left untouched.
 */
export function assertCanWrite(ss: Spreadsheet, sheetNames: string[]): void {
  const blocked: string[] = [];
  for (const name of new Set(sheetNames)) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const ps = [...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)];
    for (const p of ps) {
      if (p.isWarningOnly() || p.canEdit()) continue;
      const d = p.getDescription();
      blocked.push(d.startsWith(PROTECT_PREFIX) ? d.slice(PROTECT_PREFIX.length) : `«${d || 'vùng được bảo vệ'}» trên trang «${name}»`);
    }
  }
  if (blocked.length) throw new RegistryError(notAllowedMessage(effectiveUser(), blocked.slice(0, 3)));
}

/**
 * A write action: after checking that the user the script runs as may edit
 * every protection on the sheets it writes to (so a leader not yet in «Người
 * quản lý sổ» gets a clear message and nothing is written). Should Sheets still
 * refuse a write, its English error is replaced by the same message.
 */
export function guardedWrite<T>(ss: Spreadsheet, sheets: string[], fn: () => T): T {
  assertCanWrite(ss, sheets);
  try {
    return fn();
  } catch (err) {
    if (isProtectedEditError(err)) throw new RegistryError(notAllowedMessage(effectiveUser(), []));
    throw err;
  }
}
