// Add-on benchmarks: check data + duplicates over 50,000 rows (pure server logic
// in Node), linearity 100k/50k, the endpoint's spreadsheet calls per post for
// each kind of record and for mixed batches, and what every execution pays to
// start (built bundle over the in-memory fakes: needs `npm run build:addon`).
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Bench, BenchResult } from './types';
import { ACCOUNTS, FILINGS } from '../../apps-script/server/registry/layout';
import { checkAccounts, checkFilings } from '../../apps-script/server/registry/row-rules';
import { findDuplicates } from '../../apps-script/server/features/duplicates';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADDON_DIR, readyRegistry } from '../fakes/addon-runtime';
import { CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import { sampleAccount, sampleDiagnostic, sampleFiling } from '../fakes/sample-records';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Hữu', 'Thanh', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Em', 'Phương', 'Giang', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Xuân'];
/** Valid names, 40,000 combinations (with birth year and tổ: almost unique). */
const nameOf = (i: number) => `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 10]} ${GIVEN[Math.floor(i / 100) % 20]} ${GIVEN[Math.floor(i / 2000) % 20]}`;
/** Every 50th row repeats the person of the row before (2 % duplicates at any size). */
const person = (i: number) => (i % 50 === 49 ? i - 1 : i);
const TZ = 7 * 3600 * 1000;

function index(spec: typeof ACCOUNTS) {
  return Object.fromEntries(spec.columns.map((c, i) => [c.key, i]));
}

/** n account rows and n filing rows, as a sheet would return them (Dates, numbers, text). */
export function rows(n: number) {
  const ai = index(ACCOUNTS);
  const fi = index(FILINGS);
  const accounts: unknown[][] = [];
  const filings: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const a = new Array(ACCOUNTS.columns.length).fill('');
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const date = new Date(Date.UTC(2026, i % 11, 1 + (i % 27)) - TZ);
    a[ai.id!] = id;
    const p = person(i);
    a[ai.fullName!] = i % 997 === 0 ? `${nameOf(p)} 2` : nameOf(p);
    a[ai.birthYear!] = 1950 + (p % 47);
    a[ai.toDanPho!] = `Tổ dân phố ${1 + (p % 12)}`;
    a[ai.cccdLast4!] = String(p % 10000).padStart(4, '0');
    a[ai.cccdKey!] = i % 100 === 49 ? '' : `h1:${p.toString(16).padStart(32, '0')}`;
    a[ai.phone!] = i % 50 === 0 ? '+84212345678' : `+8491${String(i % 10_000_000).padStart(7, '0')}`;
    a[ai.apps!] = 'Cổng DVC quốc gia/VNeID, C-Thái Nguyên';
    a[ai.createdOn!] = date;
    a[ai.volunteerId!] = `TNV-00${1 + (i % 9)}`;
    a[ai.consentGiven!] = i % 40 !== 0;
    a[ai.consentVersion!] = CONSENT_TEXT_VERSION;
    a[ai.consentAt!] = '2026-11-20T09:00:00+07:00';
    accounts.push(a);
    const f = new Array(FILINGS.columns.length).fill('');
    f[fi.id!] = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    f[fi.accountId!] = id;
    f[fi.residentName!] = a[ai.fullName!];
    f[fi.toDanPho!] = a[ai.toDanPho!];
    f[fi.procedureId!] = i % 3 === 0 ? 'III.2 — Thủ tục đăng ký khai sinh' : 'II.1 — x';
    f[fi.procedureCode!] = i % 3 === 0 ? '1.001193' : '';
    f[fi.dossierCode!] = `G22.99-${String(i).padStart(8, '0')}`;
    f[fi.filedOn!] = date;
    f[fi.portal!] = 'dvcqg';
    f[fi.status!] = 'Đã nộp';
    f[fi.volunteerId!] = a[ai.volunteerId!];
    f[fi.consentGiven!] = true;
    f[fi.consentVersion!] = CONSENT_TEXT_VERSION;
    f[fi.consentAt!] = '2026-11-20T09:00:00+07:00';
    filings.push(f);
  }
  return { accounts, filings, ai, fi };
}

type Data = ReturnType<typeof rows>;

// Start every timed run from a collected heap, so one size does not pay for the
// garbage of the other (a fair comparison of 50k and 100k rows).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function runOnce(d: Data, n: number): number {
  const accounts = d.accounts.slice(0, n);
  const filings = d.filings.slice(0, n);
  const ctx = {
    today: '2026-11-28',
    toDanPho: new Set(Array.from({ length: 12 }, (_, i) => `Tổ dân phố ${i + 1}`)),
    volunteers: new Set(Array.from({ length: 9 }, (_, i) => `TNV-00${i + 1}`)),
    accountIds: new Set(accounts.map((r) => r[d.ai.id!] as string)),
  };
  gc();
  const t0 = performance.now();
  const issues = checkAccounts(accounts, d.ai, ctx).length + checkFilings(filings, d.fi, ctx).length;
  const pairs = findDuplicates(accounts, d.ai).length;
  const t = performance.now() - t0;
  if (issues === 0 || pairs < n / 60) throw new Error('bench data should contain issues and duplicates');
  return t;
}

/**
 * Best of 7 for 50,000 and 100,000 rows, interleaved so that both sizes see the
 * same machine load (CI machines are shared); the first rounds also warm the JIT.
 */
function timeCheckAndDuplicates(): { t50: number; t100: number } {
  const data = rows(100_000);
  let t50 = Infinity;
  let t100 = Infinity;
  for (let k = 0; k < 7; k++) {
    t50 = Math.min(t50, runOnce(data, 50_000));
    t100 = Math.min(t100, runOnce(data, 100_000));
  }
  return { t50, t100 };
}

type Kind = 'filing' | 'account' | 'diagnostic';
const make: Record<Kind, () => unknown> = { filing: () => sampleFiling(), account: () => sampleAccount(), diagnostic: () => sampleDiagnostic({ installId: crypto.randomUUID() }) };

interface Delivery {
  /** Posts needed until every record is stored (one kind of record per post; the others come back "deferred"). */
  posts: number;
  /** The most spreadsheet calls one of those posts made, and how many of them under the script lock. */
  maxCalls: number;
  maxLocked: number;
  totalCalls: number;
}

/**
 * Spreadsheet calls of the doPosts that deliver `records` (after a first post,
 * as in use): the records are posted, and whatever comes back "deferred" is
 * posted again at once, as the outbox does.
 */
function deliver(records: unknown[], action: 'record' | 'hello' = 'record'): Delivery {
  const r = readyRegistry();
  const env = (recs: unknown[], act: string) => ({ v: 1, action: act, accessCode: r.code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString(), guideData: 'bundled-0.1.0' }, records: recs });
  r.post(env([sampleFiling()], 'record'));
  const d: Delivery = { posts: 0, maxCalls: 0, maxLocked: 0, totalCalls: 0 };
  let left = records;
  do {
    r.gas.counter.reset();
    r.gas.state.callsUnderLock = 0;
    const { body } = r.post(env(left, action));
    d.posts++;
    d.maxCalls = Math.max(d.maxCalls, r.gas.counter.total);
    d.maxLocked = Math.max(d.maxLocked, r.gas.state.callsUnderLock);
    d.totalCalls += r.gas.counter.total;
    if (!body.ok || body.results.some((x: { status: string }) => x.status !== 'created' && x.status !== 'deferred')) throw new Error(`endpoint bench: ${JSON.stringify(body).slice(0, 300)}`);
    const deferred = new Set(body.results.filter((x: { status: string }) => x.status === 'deferred').map((x: { clientId: string }) => x.clientId));
    left = left.filter((x) => deferred.has((x as { clientId: string }).clientId));
    if (d.posts > 3) throw new Error('endpoint bench: still deferred after 3 posts');
  } while (left.length);
  return d;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * What every execution pays before its work: the bundle's top level in a fresh
 * global context, and the modules a post loads on first use (zod, the sync
 * schemas, the catalogue for filings, the phone rules for accounts): the same
 * kind of post made twice in one context, the first time minus the second.
 */
function startUp(): { topLevel: number; modules: Record<'hello' | 'account' | 'filing', number> } {
  const code = new vm.Script(readFileSync(path.join(ADDON_DIR, 'Code.js'), 'utf8'));
  const r = readyRegistry();
  const post = (ctx: Record<string, (...a: unknown[]) => unknown>, action: string, records: unknown[]) => {
    const body = JSON.stringify({ v: 1, action, accessCode: r.code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records });
    r.gas.ss.beginExecution();
    const t0 = performance.now();
    try {
      ctx.doPost!({ postData: { contents: body, length: body.length, type: 'text/plain', name: 'postData' }, parameter: {} });
    } finally {
      r.gas.ss.endExecution();
    }
    return performance.now() - t0;
  };
  const kinds = { hello: () => [], account: () => [sampleAccount()], filing: () => [sampleFiling()] };
  const top: number[] = [];
  const modules = { hello: [] as number[], account: [] as number[], filing: [] as number[] };
  for (let i = 0; i < 15; i++) {
    for (const [kind, recs] of Object.entries(kinds) as Array<[keyof typeof kinds, () => unknown[]]>) {
      const t0 = performance.now();
      const ctx = vm.createContext({ ...r.gas.globals, console: { log() {}, error() {}, warn() {} } }) as never;
      code.runInContext(ctx);
      top.push(performance.now() - t0);
      const action = kind === 'hello' ? 'hello' : 'record';
      const first = post(ctx, action, recs());
      modules[kind].push(first - post(ctx, action, recs()));
    }
  }
  const ms = (xs: number[]) => Math.round(median(xs) * 10) / 10;
  return { topLevel: ms(top), modules: { hello: ms(modules.hello), account: ms(modules.account), filing: ms(modules.filing) } };
}

export const addon: Bench = async () => {
  const { t50, t100 } = timeCheckAndDuplicates();
  const results: BenchResult[] = [
    { name: 'add-on: check data + find duplicates, 50,000 rows (Node)', value: Math.round(t50), unit: 'ms', budget: 1000 },
    { name: 'add-on: time ratio 100,000 / 50,000 rows', value: Math.round((t100 / t50) * 100) / 100, unit: '×', budget: 2.3 },
  ];
  const kinds: Array<[string, Kind[]]> = [
    ['filing(s)', ['filing']],
    ['account(s)', ['account']],
    ['diagnostic(s)', ['diagnostic']],
    ['records, filings, accounts and diagnostics mixed', ['filing', 'account', 'diagnostic']],
  ];
  for (const [label, mix] of kinds) {
    for (const n of [1, 10, 100]) {
      const d = deliver(Array.from({ length: n }, (_, i) => make[mix[i % mix.length]!]()));
      const posts = d.posts > 1 ? `; ${d.posts} posts to store them all, ${d.totalCalls} calls in all` : '';
      results.push({ name: `endpoint: spreadsheet calls per post of ${n} ${label} (${d.maxLocked} under the lock${posts})`, value: d.maxCalls, unit: 'calls', budget: 12 });
    }
  }
  const hello = deliver([], 'hello');
  results.push({ name: `endpoint: spreadsheet calls per hello (${hello.maxLocked} under the lock)`, value: hello.maxCalls, unit: 'calls', budget: 6 });
  const s = startUp();
  results.push({ name: 'add-on start-up per execution: Code.js top level in a fresh context (Node vm)', value: s.topLevel, unit: 'ms', budget: 5 });
  for (const [kind, label] of [['hello', 'a hello'], ['account', 'a post of accounts'], ['filing', 'a post of filings']] as const) {
    results.push({ name: `add-on start-up: modules ${label} loads on first use (Node vm)`, value: s.modules[kind], unit: 'ms', budget: null });
  }
  return results;
};
