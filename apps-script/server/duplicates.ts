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

interface Entry {
  id: string;
  rowNumber: number;
  created: string;
}

function older(a: Entry, b: Entry): boolean {
  // Earlier support date first; unknown dates count as newest; then sheet order.
  const ca = a.created || '9999';
  const cb = b.created || '9999';
  return ca < cb || (ca === cb && a.rowNumber < b.rowNumber);
}

export function findDuplicates(rows: unknown[][], index: Index, firstRow = 2): DuplicatePair[] {
  const byKey = new Map<string, Entry[]>();
  const add = (key: string, e: Entry) => {
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  };
  const iId = index.id!;
  const iKey = index.cccdKey!;
  const iName = index.fullName!;
  const iYear = index.birthYear!;
  const iTdp = index.toDanPho!;
  const iCreated = index.createdOn!;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const id = cellText(cells[iId]);
    if (!id) continue;
    const e: Entry = { id, rowNumber: firstRow + r, created: cellDate(cells[iCreated]) || '' };
    const key = cellText(cells[iKey]);
    if (key) add(`k|${key}`, e);
    const name = foldVietnamese(cellText(cells[iName]));
    const year = cellText(cells[iYear]);
    if (name && year) add(`n|${name}|${year}|${foldVietnamese(cellText(cells[iTdp]))}`, e);
  }
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    let oldest = list[0]!;
    for (const e of list) if (older(e, oldest)) oldest = e;
    for (const e of list) {
      if (e === oldest) continue;
      const pairKey = `${oldest.id}|${e.id}`;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      pairs.push({
        keep: { id: oldest.id, rowNumber: oldest.rowNumber },
        drop: { id: e.id, rowNumber: e.rowNumber },
        reason: key.startsWith('k|') ? 'cccd' : 'name',
      });
    }
  }
  return pairs.sort((a, b) => a.keep.rowNumber - b.keep.rowNumber || a.drop.rowNumber - b.drop.rowNumber);
}
