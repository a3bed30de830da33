// «Kiểm tra dữ liệu»: every row of «Tài khoản», «Hồ sơ» and «Chỉ tiêu» through
// the rules, the bad cells marked with a note and a colour, listed with addresses.
import { Table } from '../infra/table';
import type { Spreadsheet } from '../infra/table';
import { cellText } from '../infra/cells';
import { todayInVietnam } from '../infra/time';
import { colA1 } from '../infra/a1';
import { ACCOUNTS, FILINGS, TARGETS } from '../registry/layout';
import { listValues, volunteerMap } from '../registry/lists';
import { requireCurrent } from '../registry/version';
import { checkAccounts, checkFilings, checkTargets, type CellIssue } from '../registry/row-rules';

const MARK_PREFIX = 'Trợ lý DVC – cần sửa: ';
const MARK_BG = '#f4cccc';
const PLAIN_BG = '#ffffff';
const MAX_LISTED = 300;

export interface CheckResult {
  checkedRows: number;
  issueCount: number;
  issues: Array<{ sheet: string; a1: string; row: number; column: string; message: string }>;
  truncated: boolean;
}

function markSheet(table: Table, issues: CellIssue[]): void {
  const n = table.dataRowCount;
  if (n === 0) return;
  const range = table.sheet.getRange(2, 1, n, table.width);
  const notes = range.getNotes();
  const bgs = range.getBackgrounds();
  // Clear our own earlier marks only; a leader's own notes and colours stay.
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < table.width; c++) {
      if (notes[r]![c]!.startsWith(MARK_PREFIX)) {
        notes[r]![c] = '';
        if (bgs[r]![c] === MARK_BG) bgs[r]![c] = PLAIN_BG;
      }
    }
  }
  const byCell = new Map<string, string[]>();
  for (const i of issues) {
    const k = `${i.rowNumber}:${i.col}`;
    const list = byCell.get(k);
    if (list) list.push(i.message);
    else byCell.set(k, [i.message]);
  }
  for (const [k, messages] of byCell) {
    const [row, col] = k.split(':').map(Number);
    notes[row! - 2]![col!] = MARK_PREFIX + messages.join(' ');
    bgs[row! - 2]![col!] = MARK_BG;
  }
  range.setNotes(notes);
  range.setBackgrounds(bgs);
}

export function checkData(ss: Spreadsheet, now = new Date()): CheckResult {
  requireCurrent(ss);
  const accounts = Table.open(ss, ACCOUNTS);
  const filings = Table.open(ss, FILINGS);
  const tdp = new Set(listValues(ss, 'toDanPho'));
  const vols = new Set(volunteerMap(ss).keys());
  const aRows = accounts.rows();
  const fRows = filings.rows();
  const accountIds = new Set(aRows.map((r) => cellText(accounts.get(r, 'id'))).filter(Boolean));
  const ctx = { today: todayInVietnam(now), toDanPho: tdp, volunteers: vols, accountIds };
  const aIssues = checkAccounts(aRows.map((r) => r.cells), accounts.index, ctx);
  const fIssues = checkFilings(fRows.map((r) => r.cells), filings.index, ctx);
  const targets = Table.open(ss, TARGETS);
  const tRows = targets.rows();
  const tIssues = checkTargets(tRows.map((r) => r.cells), targets.index, ctx);
  markSheet(accounts, aIssues);
  markSheet(filings, fIssues);
  markSheet(targets, tIssues);
  const all = [...aIssues, ...fIssues, ...tIssues];
  const SPECS = { accounts: ACCOUNTS, filings: FILINGS, targets: TARGETS };
  const headerOf = (t: CellIssue['table'], key: string) => SPECS[t].columns.find((c) => c.key === key)?.header ?? key;
  return {
    checkedRows: aRows.length + fRows.length + tRows.length,
    issueCount: all.length,
    truncated: all.length > MAX_LISTED,
    issues: all.slice(0, MAX_LISTED).map((i) => ({
      sheet: SPECS[i.table].name,
      a1: `${colA1(i.col)}${i.rowNumber}`,
      row: i.rowNumber,
      column: headerOf(i.table, i.key),
      message: i.message,
    })),
  };
}

