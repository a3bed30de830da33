// Batch reads and writes: every action makes the same number of spreadsheet
// service calls at 100 rows and at 10,000 rows.
import { describe, expect, it } from 'vitest';
import { setUpRegistry, account, filing } from './helpers';
import { seedRegistry } from './seed';

type Action = { name: string; run: (a: ReturnType<typeof setUpRegistry>) => void };

const ACTIONS: Action[] = [
  { name: 'Thiết lập sổ (again)', run: (a) => a.run('menuSetUp') },
  { name: 'checkData', run: (a) => a.run('checkData') },
  { name: 'findDuplicates', run: (a) => a.run('findDuplicates') },
  { name: 'mergeDuplicates', run: (a) => a.run('mergeDuplicates', '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000050') },
  { name: 'refreshSummary', run: (a) => a.run('refreshSummary', '2026') },
  { name: 'buildZaloReport', run: (a) => a.run('buildZaloReport', '2026-11') },
  { name: 'saveAccount (new, with filing)', run: (a) => a.run('saveAccount', { account: account(), filings: [filing()] }) },
  { name: 'saveAccount (edit)', run: (a) => a.run('saveAccount', { account: account({ id: '00000000-0000-4000-8000-000000000001', cccd: undefined }) }) },
  { name: 'findAccounts', run: (a) => a.run('findAccounts', 'nguyen') },
  { name: 'getAccount', run: (a) => a.run('getAccount', '00000000-0000-4000-8000-000000000005') },
  { name: 'getAuditView', run: (a) => a.run('getAuditView') },
  { name: 'getChangeLog', run: (a) => a.run('getChangeLog', 20) },
  {
    name: 'purgeExpiredData (retention 3 months: most rows purged)',
    run: (a) => {
      a.run('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 3, staleDays: 180 });
      a.run('purgeExpiredData');
    },
  },
  { name: 'getSidebarData', run: (a) => a.run('getSidebarData') },
  {
    name: 'saveSettings (managers: protections synced)',
    run: (a) => {
      a.actAs('owner@example.com');
      a.run('saveSettings', { ward: 'Phường Đồng Tiến', fullCccd: false, retentionMonths: 24, staleDays: 180, managers: ['totruong2@example.com'] });
    },
  },
  {
    name: 'saveAccount by a leader not in «Người quản lý sổ» (refused up front)',
    run: (a) => {
      a.actAs('totruong2@example.com');
      expect(() => a.run('saveAccount', { account: account(), filings: [filing()] })).toThrow(/Người quản lý sổ/);
    },
  },
];

function callsAt(rows: number, action: Action): number {
  const addon = setUpRegistry();
  seedRegistry(addon.gas.ss, rows);
  addon.gas.counter.reset();
  action.run(addon);
  return addon.gas.counter.total;
}

describe('same number of spreadsheet calls at 100 and 10,000 rows', () => {
  for (const action of ACTIONS) {
    it(action.name, () => {
      const small = callsAt(100, action);
      const large = callsAt(10_000, action);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    }, 60_000);
  }
});
