// Loads the BUILT add-on bundle (dist/apps-script/Code.js) and drives it through
// its global functions as Apps Script would: every call is one execution, in a
// FRESH global context (module-level state never survives from one execution to
// the next, as in Apps Script), over the same in-memory services; the writes it
// buffered are applied when it ends. The unit tests' global set-up builds the
// bundle when it is missing or stale.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createGas, type GasOptions } from './gas';

/** The built add-on; ADDON_DIR=… runs the tests against another build (e.g. an older one, to see a test fail before its fix). */
export const ADDON_DIR = process.env.ADDON_DIR ?? path.resolve(import.meta.dirname, '../../dist/apps-script');

export type AddonGlobals = Record<string, (...args: unknown[]) => unknown>;

const scripts = new Map<string, { mtime: number; script: vm.Script }>();
function compiled(file: string): vm.Script {
  const { mtimeMs } = statSync(file);
  const hit = scripts.get(file);
  if (hit && hit.mtime === mtimeMs) return hit.script;
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: 'Code.js' });
  scripts.set(file, { mtime: mtimeMs, script });
  return script;
}

export function loadAddon(opts: GasOptions & { code?: string } = {}) {
  const file = path.join(ADDON_DIR, 'Code.js');
  if (!opts.code && !existsSync(file)) throw new Error('dist/apps-script/Code.js not found: run "npm run build:addon" first.');
  const script = opts.code ? new vm.Script(opts.code, { filename: 'Code.js' }) : compiled(file);
  const gas = createGas({ htmlDir: ADDON_DIR, ...opts });
  const logs: string[] = [];
  let executions = 0;
  /** A new global context holding the Apps Script services, with the bundle loaded into it. */
  const freshContext = () => {
    const sandbox: Record<string, unknown> = {
      ...gas.globals,
      console: { log: (...a: unknown[]) => logs.push(a.join(' ')), error: (...a: unknown[]) => logs.push(a.join(' ')), warn: (...a: unknown[]) => logs.push(a.join(' ')) },
    };
    const context = vm.createContext(sandbox);
    script.runInContext(context);
    return context as unknown as AddonGlobals;
  };
  /** One execution of a global function (arguments passed as they are). */
  const execute = (name: string, args: unknown[]): unknown => {
    const context = freshContext();
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`No global function ${name} in Code.js`);
    executions++;
    gas.ss.beginExecution();
    try {
      return fn(...args);
    } finally {
      gas.ss.endExecution();
    }
  };
  /** The bundle's globals; calling one runs an execution. */
  let names: Set<string> | undefined;
  const g = new Proxy({} as AddonGlobals, {
    get: (_t, name: string) => {
      if (!names) {
        const probe = freshContext();
        names = new Set(Object.getOwnPropertyNames(probe).filter((k) => typeof probe[k] === 'function'));
      }
      return names.has(name) ? (...args: unknown[]) => execute(name, args) : undefined;
    },
  });
  /**
   * Calls a global function as google.script.run would: arguments and results
   * cross as JSON, and a Date or function in the result is an error (it fails in
   * Apps Script too), as is calling a private function (name ending in _).
   */
  const run = <T = unknown>(name: string, ...args: unknown[]): T => {
    if (name.endsWith('_')) throw new Error(`No global function ${name} in Code.js`);
    const result = execute(name, JSON.parse(JSON.stringify(args)) as unknown[]);
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
      out = execute('doPost', [{ postData: { contents, length: Buffer.byteLength(contents), type: 'text/plain', name: 'postData' }, parameter: {}, parameters: {}, contextPath: '', contentLength: Buffer.byteLength(contents), queryString: '' }]) as typeof out;
    } finally {
      gas.state.runAs = previous;
    }
    return { mime: out.getMimeType(), body: JSON.parse(out.getContent()) as Record<string, any> };
  };
  /** GETs the web app (doGet) with the given query parameters; the answer's MIME type and text. */
  const get = (parameter: Record<string, string> = {}) => {
    const previous = gas.state.runAs;
    gas.state.runAs = gas.ss.owner;
    try {
      const queryString = new URLSearchParams(parameter).toString();
      const parameters = Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]]));
      const out = execute('doGet', [{ parameter, parameters, queryString, contextPath: '', contentLength: -1 }]) as { getContent(): string; getMimeType(): string };
      return { mime: out.getMimeType(), text: out.getContent() };
    } finally {
      gas.state.runAs = previous;
    }
  };
  /** Acts as another signed-in user (a second group leader, the owner…) for the following calls. */
  const actAs = (email: string) => {
    gas.state.activeUser = email;
  };
  return { gas, g, run, post, get, actAs, logs, execute, executions: () => executions };
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
