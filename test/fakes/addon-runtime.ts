// Loads the BUILT add-on bundle (dist/apps-script/Code.js) into a Node vm context
// whose globals are the in-memory Apps Script fakes, and drives it through its
// global functions, as Apps Script would. Needs `npm run build:addon` first.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createGas, type GasOptions } from './gas';

export const ADDON_DIR = path.resolve(import.meta.dirname, '../../dist/apps-script');

export type AddonGlobals = Record<string, (...args: unknown[]) => unknown>;

export function loadAddon(opts: GasOptions = {}) {
  const file = path.join(ADDON_DIR, 'Code.js');
  if (!existsSync(file)) throw new Error('dist/apps-script/Code.js not found: run "npm run build:addon" first.');
  const gas = createGas({ htmlDir: ADDON_DIR, ...opts });
  const logs: string[] = [];
  const sandbox: Record<string, unknown> = {
    ...gas.globals,
    console: { log: (...a: unknown[]) => logs.push(a.join(' ')), error: (...a: unknown[]) => logs.push(a.join(' ')), warn: (...a: unknown[]) => logs.push(a.join(' ')) },
  };
  const context = vm.createContext(sandbox);
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: 'Code.js' });
  const g = context as unknown as AddonGlobals;
  /**
   * Calls a global function as google.script.run would: arguments and results
   * cross as JSON, and a Date or function in the result is an error (it fails in
   * Apps Script too), as is calling a private function (name ending in _).
   */
  const run = <T = unknown>(name: string, ...args: unknown[]): T => {
    const fn = g[name];
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`No global function ${name} in Code.js`);
    const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
    assertPlain(result, name);
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };
  /**
   * POSTs a text/plain body to doPost and parses the JSON answer. The web app
   * executes as the account that deployed it (the owner), so its writes are
   * checked against the owner, whoever the active user is.
   */
  const post = (body: string | object) => {
    const contents = typeof body === 'string' ? body : JSON.stringify(body);
    const previous = gas.state.runAs;
    gas.state.runAs = gas.ss.owner;
    let out: { getContent(): string; getMimeType(): string };
    try {
      out = g.doPost!({ postData: { contents, length: Buffer.byteLength(contents), type: 'text/plain', name: 'postData' }, parameter: {}, parameters: {}, contextPath: '', contentLength: Buffer.byteLength(contents), queryString: '' }) as typeof out;
    } finally {
      gas.state.runAs = previous;
    }
    return { mime: out.getMimeType(), body: JSON.parse(out.getContent()) as Record<string, any> };
  };
  /** Acts as another signed-in user (a second group leader, the owner…) for the following calls. */
  const actAs = (email: string) => {
    gas.state.activeUser = email;
  };
  return { gas, g, run, post, actAs, logs, context };
}

export type Addon = ReturnType<typeof loadAddon>;

function assertPlain(v: unknown, where: string, path = 'result'): void {
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]' || typeof v === 'function') throw new Error(`${where}: ${path} is a ${tag}; google.script.run cannot return it`);
  if (Array.isArray(v)) v.forEach((x, i) => assertPlain(x, where, `${path}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) assertPlain(x, where, `${path}.${k}`);
}

/**
 * A registry ready to receive posts: set up, one volunteer, one access code.
 * Returns the code in clear (as the group leader would have seen it once).
 */
export function readyRegistry(opts: GasOptions & { volunteerName?: string; toDanPho?: string } = {}) {
  const addon = loadAddon(opts);
  addon.run('menuSetUp');
  const v = addon.run<{ ok: boolean; id: string }>('addVolunteer', { name: opts.volunteerName ?? 'Lê Thị Hoa', toDanPho: opts.toDanPho ?? 'Tổ dân phố 5' });
  if (!v.ok) throw new Error('addVolunteer failed');
  const code = addon.run<{ code: string; codeId: string }>('issueAccessCode', v.id, 90);
  addon.gas.counter.reset();
  return { ...addon, volunteerId: v.id, code: code.code, codeId: code.codeId };
}
