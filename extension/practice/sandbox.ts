/**
 * The browser globals a replica script sees (its `window`, `document`, `location`, …): the portal
 * address the practice page stands for instead of its own, storages and cookies kept per practice
 * run and portal host in this tab's sessionStorage (a new run starts logged out, closing the tab
 * forgets it all), and the fixture variants the scenario chose, as the `fx_*` cookies the replica
 * scripts read (test/fixtures/README.md). Nothing reaches the real cookies or databases.
 */
import type { SandboxRun } from './replica-types';

export type Navigate = (target: string, opts?: { replace?: boolean }) => void;

/** A Storage whose keys live under a prefix of another storage. */
export class VirtualStorage {
  constructor(
    private readonly backing: Storage,
    private readonly prefix: string,
  ) {}

  private names(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.backing.length; i++) {
      const k = this.backing.key(i);
      if (k?.startsWith(this.prefix)) out.push(k.slice(this.prefix.length));
    }
    return out;
  }

  get length(): number {
    return this.names().length;
  }

  key(i: number): string | null {
    return this.names()[i] ?? null;
  }

  getItem(k: string): string | null {
    return this.backing.getItem(this.prefix + k);
  }

  setItem(k: string, v: string): void {
    this.backing.setItem(this.prefix + k, String(v));
  }

  removeItem(k: string): void {
    this.backing.removeItem(this.prefix + k);
  }

  clear(): void {
    for (const k of this.names()) this.removeItem(k);
  }
}

/** `document.cookie` of one portal host: the scenario's variants first, then what the page set. */
export class CookieJar {
  constructor(
    private readonly store: VirtualStorage,
    private readonly variants: Readonly<Record<string, string>>,
  ) {}

  private jar(): Record<string, string> {
    try {
      return JSON.parse(this.store.getItem('cookies') ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  }

  read(): string {
    const fx = Object.entries(this.variants).map(([k, v]) => `fx_${k}=${encodeURIComponent(v)}`);
    return [...fx, ...Object.entries(this.jar()).map(([k, v]) => `${k}=${v}`)].join('; ');
  }

  write(line: string): void {
    const [pair = '', ...attrs] = String(line).split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const jar = this.jar();
    const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || (/^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
    if (expired) delete jar[name];
    else jar[name] = pair.slice(eq + 1).trim();
    this.store.setItem('cookies', JSON.stringify(jar));
  }
}

/** `location` for a replica: reads the virtual address, navigates through `go`. */
export class VirtualLocation {
  constructor(
    private readonly current: () => URL,
    private readonly go: Navigate,
    private readonly reloadPage: () => void,
  ) {}

  private with(change: (u: URL) => void): void {
    const u = this.current();
    change(u);
    this.go(u.href);
  }

  get href(): string { return this.current().href; }
  set href(v: string) { this.go(String(v)); }
  get origin(): string { return this.current().origin; }
  get protocol(): string { return this.current().protocol; }
  get host(): string { return this.current().host; }
  get hostname(): string { return this.current().hostname; }
  get port(): string { return this.current().port; }
  get pathname(): string { return this.current().pathname; }
  set pathname(v: string) { this.with((u) => (u.pathname = v)); }
  get search(): string { return this.current().search; }
  set search(v: string) { this.with((u) => (u.search = v)); }
  get hash(): string { return this.current().hash; }
  set hash(v: string) { this.with((u) => (u.hash = v)); }
  assign(url: string | URL): void { this.go(String(url)); }
  replace(url: string | URL): void { this.go(String(url), { replace: true }); }
  reload(): void { this.reloadPage(); }
  toString(): string { return this.href; }
}

/** `history` for a replica: the real history, with virtual addresses turned into real ones. */
export class VirtualHistory {
  constructor(
    private readonly real: History,
    private readonly current: () => URL,
    private readonly toReal: (virtual: URL) => string,
  ) {}

  private resolve(url: string | URL | null | undefined): string | undefined {
    if (url === null || url === undefined) return undefined;
    const next = new URL(String(url), this.current());
    if (next.origin !== this.current().origin) throw new DOMException('Không đổi được địa chỉ sang trang khác.', 'SecurityError');
    return this.toReal(next);
  }

  get length(): number { return this.real.length; }
  get state(): unknown { return this.real.state; }
  get scrollRestoration(): ScrollRestoration { return this.real.scrollRestoration; }
  set scrollRestoration(v: ScrollRestoration) { this.real.scrollRestoration = v; }
  pushState(state: unknown, title: string, url?: string | URL | null): void { this.real.pushState(state, title, this.resolve(url)); }
  replaceState(state: unknown, title: string, url?: string | URL | null): void { this.real.replaceState(state, title, this.resolve(url)); }
  back(): void { this.real.back(); }
  forward(): void { this.real.forward(); }
  go(delta?: number): void { this.real.go(delta); }
}

/** The replicas' own profile caches: nothing of a rehearsal is written to the browser's databases. */
const NO_INDEXED_DB = { open: () => ({}), deleteDatabase: () => ({}), databases: async () => [], cmp: () => 0 } as unknown as IDBFactory;

/**
 * `target` with some properties replaced: `reads` answer instead of the target, `writes` take the
 * assignments; everything else is the target's own (methods bound to it).
 */
function overlay<T extends object>(target: T, reads: Record<string, () => unknown>, writes: Record<string, (v: unknown) => void> = {}): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && Object.hasOwn(reads, key)) return reads[key]!();
      const v: unknown = Reflect.get(t, key, t);
      // DOM methods have no `prototype`; constructors (HTMLElement, …) must stay themselves.
      return typeof v === 'function' && !('prototype' in v) ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
    set(t, key, v) {
      const write = typeof key === 'string' ? writes[key] : undefined;
      if (write) write(v);
      else Reflect.set(t, key, v, t);
      return true;
    },
    has: (t, key) => (typeof key === 'string' && Object.hasOwn(reads, key)) || Reflect.has(t, key),
  });
}

export interface Sandbox {
  window: Window;
  document: Document;
  location: VirtualLocation;
  history: VirtualHistory;
  localStorage: VirtualStorage;
  sessionStorage: VirtualStorage;
  cookies: CookieJar;
}

export interface SandboxOptions {
  win: Window;
  run: string;
  /** The portal host the page stands for (storages and cookies are per host, as on the web). */
  host: string;
  variants: Readonly<Record<string, string>>;
  current(): URL;
  go: Navigate;
  reload(): void;
  toReal(virtual: URL): string;
}

export function makeSandbox(o: SandboxOptions): Sandbox {
  const base = `tldvc.practice.${o.run}.${o.host}.`;
  const backing = o.win.sessionStorage;
  const localStorage = new VirtualStorage(backing, `${base}local.`);
  const sessionStorage = new VirtualStorage(backing, `${base}session.`);
  const cookies = new CookieJar(new VirtualStorage(backing, `${base}`), o.variants);
  const location = new VirtualLocation(o.current, o.go, o.reload);
  const history = new VirtualHistory(o.win.history, o.current, o.toReal);
  const document = overlay(o.win.document, { cookie: () => cookies.read() }, { cookie: (v) => cookies.write(String(v)) });
  let win: Window;
  const reads: Record<string, () => unknown> = {
    location: () => location,
    history: () => history,
    localStorage: () => localStorage,
    sessionStorage: () => sessionStorage,
    indexedDB: () => NO_INDEXED_DB,
    document: () => document,
    window: () => win,
    self: () => win,
    globalThis: () => win,
    top: () => win,
    parent: () => win,
  };
  win = overlay(o.win, reads, { location: (v) => o.go(String(v)) });
  return { window: win, document, location, history, localStorage, sessionStorage, cookies };
}

/** Runs a replica script with the sandbox's globals. */
export function runInSandbox(run: SandboxRun, sb: Sandbox): void {
  const w = sb.window;
  run(w, w, sb.document, sb.location as unknown as Location, sb.history as unknown as History, sb.localStorage as unknown as Storage, sb.sessionStorage as unknown as Storage, NO_INDEXED_DB, w, w, w);
}
