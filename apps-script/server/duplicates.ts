// "Tìm trùng": the same person entered twice — same CCCD key, or the same folded
// name, birth year and tổ dân phố. Pure and linear (hash maps), benchmarked directly.
import { foldVietnamese } from '../../shared/text/fold';
import { cellDate, cellText } from './util';

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
