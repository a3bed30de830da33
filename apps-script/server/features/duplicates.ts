// «Tìm trùng»: the same person entered twice — same CCCD key, or the same folded
// name, birth year and tổ dân phố (findDuplicates is pure and linear, hash maps,
// benchmarked directly) — and the merge that keeps the older record.
import { foldVietnamese } from '../../../shared/text/fold';
import { Table, type Row, type Spreadsheet } from '../infra/table';
import { cellDate, cellText } from '../infra/cells';
import { timestampInVietnam } from '../infra/time';
import { ACCOUNTS, FILINGS } from '../registry/layout';
import { appendLog, currentUser, diff } from '../registry/log';
import { rowObject } from '../registry/rows';
import { requireCurrent } from '../registry/version';

export interface DuplicatePair {
  /** The older record (kept by a merge). */
  keep: { id: string; rowNumber: number };
  drop: { id: string; rowNumber: number };
  reason: 'cccd' | 'name';
}

type Index = Record<string, number>;

const fold = foldVietnamese;
const TDP_CACHE = new Map<string, string>();
/** Tổ dân phố names repeat on every row: fold each distinct one once. */
function foldTdp(text: string): string {
  let f = TDP_CACHE.get(text);
  if (f === undefined) {
    f = foldVietnamese(text);
    if (TDP_CACHE.size > 1000) TDP_CACHE.clear();
    TDP_CACHE.set(text, f);
  }
  return f;
}

/**
 * Groups rows by key with one Map per kind; rows are kept as indexes, and the
 * support date is read only for rows that turn out to be in a group of two or
 * more (few allocations: this runs over tens of thousands of rows).
 */
export function findDuplicates(rows: unknown[][], index: Index, firstRow = 2): DuplicatePair[] {
  const byCccd = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const iId = index.id!;
  const iKey = index.cccdKey!;
  const iName = index.fullName!;
  const iYear = index.birthYear!;
  const iTdp = index.toDanPho!;
  const iCreated = index.createdOn!;
  const add = (map: Map<string, number[]>, key: string, r: number) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const id = cells[iId];
    if (id === '' || id === null || id === undefined) continue;
    const key = cells[iKey];
    if (typeof key === 'string' && key !== '') add(byCccd, key, r);
    const name = cells[iName];
    const year = cells[iYear];
    if (name !== '' && name !== undefined && year !== '' && year !== undefined) {
      add(byName, `${fold(cellText(name))}|${cellText(year)}|${foldTdp(cellText(cells[iTdp]))}`, r);
    }
  }
  const created = (r: number) => cellDate(rows[r]![iCreated]) || '9999';
  const olderOf = (a: number, b: number) => {
    const ca = created(a);
    const cb = created(b);
    return ca < cb || (ca === cb && a < b) ? a : b;
  };
  // A pair can come from both maps (same CCCD and same name); numeric keys, no strings.
  const seen = new Set<number>();
  const n = rows.length;
  const pairs: DuplicatePair[] = [];
  const collect = (map: Map<string, number[]>, reason: DuplicatePair['reason']) => {
    for (const list of map.values()) {
      if (list.length < 2) continue;
      let oldest = list[0]!;
      for (const r of list) oldest = olderOf(oldest, r);
      const keepId = cellText(rows[oldest]![iId]);
      for (const r of list) {
        if (r === oldest) continue;
        const pairKey = oldest * n + r;
        if (seen.has(pairKey)) continue;
        if (reason === 'cccd') seen.add(pairKey);
        const dropId = cellText(rows[r]![iId]);
        pairs.push({ keep: { id: keepId, rowNumber: firstRow + oldest }, drop: { id: dropId, rowNumber: firstRow + r }, reason });
      }
    }
  };
  collect(byCccd, 'cccd');
  collect(byName, 'name');
  return pairs.sort((a, b) => a.keep.rowNumber - b.keep.rowNumber || a.drop.rowNumber - b.drop.rowNumber);
}

export interface DuplicateView {
  keep: { id: string; row: number; fullName: string; birthYear: string; toDanPho: string; cccdLast4: string; createdOn: string };
  drop: DuplicateView['keep'];
  reason: string;
}

export function duplicateView(ss: Spreadsheet): DuplicateView[] {
  requireCurrent(ss);
  const t = Table.open(ss, ACCOUNTS);
  const rows = t.rows();
  const pairs = findDuplicates(rows.map((r) => r.cells), t.index);
  const view = (rowNumber: number) => {
    const o = rowObject(t, rows[rowNumber - 2]!);
    return { id: String(o.id), row: rowNumber, fullName: String(o.fullName), birthYear: String(o.birthYear), toDanPho: String(o.toDanPho), cccdLast4: String(o.cccdLast4), createdOn: String(o.createdOn) };
  };
  return pairs.map((p) => ({
    keep: view(p.keep.rowNumber),
    drop: view(p.drop.rowNumber),
    reason: p.reason === 'cccd' ? 'Cùng số CCCD' : 'Cùng họ tên, năm sinh và tổ dân phố',
  }));
}

/** Merges two accounts: keeps the older, fills its blanks from the newer, moves the filings, deletes the newer. */
export function mergeAccounts(ss: Spreadsheet, idA: string, idB: string, now = new Date()) {
  requireCurrent(ss);
  if (!idA || !idB || idA === idB) throw new Error('Hãy chọn hai tài khoản khác nhau để gộp.');
  const t = Table.open(ss, ACCOUNTS);
  const rows = t.rows();
  const a = rows.find((r) => cellText(t.get(r, 'id')) === idA);
  const b = rows.find((r) => cellText(t.get(r, 'id')) === idB);
  if (!a || !b) throw new Error('Không tìm thấy một trong hai tài khoản (có thể đã được gộp).');
  const oa = rowObject(t, a);
  const ob = rowObject(t, b);
  const aOlder = String(oa.createdOn || '9999') < String(ob.createdOn || '9999') || (oa.createdOn === ob.createdOn && a.rowNumber < b.rowNumber);
  const [keep, drop, okeep, odrop] = aOlder ? [a, b, oa, ob] : [b, a, ob, oa];
  const keepId = String(okeep.id);
  const dropId = String(odrop.id);
  const cells = [...keep.cells];
  const filled: string[] = [];
  for (const col of ACCOUNTS.columns) {
    if (['id', 'clientId', 'updatedAt', 'source'].includes(col.key)) continue;
    const i = t.index[col.key]!;
    if (cellText(cells[i]) === '' && cellText(drop.cells[i]) !== '') {
      cells[i] = drop.cells[i];
      filled.push(col.key);
    }
  }
  if (col('apps')) {
    const apps = new Set([...String(okeep.apps).split(/\s*,\s*/), ...String(odrop.apps).split(/\s*,\s*/)].filter(Boolean));
    cells[t.index.apps!] = [...apps].join(', ');
  }
  cells[t.index.updatedAt!] = timestampInVietnam(now);
  const updatedKeep: Row = { rowNumber: keep.rowNumber, cells };
  // Filings first (while row numbers are unchanged), then the account row, then the delete.
  const f = Table.open(ss, FILINGS);
  const moved = f.rows().filter((r) => cellText(f.get(r, 'accountId')) === dropId);
  f.update(moved.map((r) => {
    const c = [...r.cells];
    c[f.index.accountId!] = keepId;
    return { rowNumber: r.rowNumber, cells: c };
  }));
  t.update([updatedKeep]);
  t.deleteRow(drop.rowNumber);
  const d = diff(okeep, rowObject(t, updatedKeep));
  delete d.before.updatedAt;
  delete d.after.updatedAt;
  const who = currentUser();
  appendLog(ss, [
    { who, source: 'Tiện ích bổ sung', action: 'Gộp tài khoản trùng (giữ bản cũ)', table: ACCOUNTS.name, recordId: keepId, before: d.before, after: { ...d.after, gộpTừ: dropId, hồSơChuyểnSang: moved.length } },
    { who, source: 'Tiện ích bổ sung', action: 'Xoá tài khoản trùng sau khi gộp', table: ACCOUNTS.name, recordId: dropId, before: `Gộp vào ${keepId}`, after: '' },
  ], now);
  return { keptId: keepId, removedId: dropId, movedFilings: moved.length, filledFields: filled };
  function col(k: string) {
    return t.index[k] !== undefined;
  }
}

