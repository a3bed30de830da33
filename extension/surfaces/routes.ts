/**
 * Page recognition as data: each surface is a list of routes (host, path pattern, query names, hash
 * route pattern) that the detectors read. A guide pack may carry a newer table (a portal moved a
 * page): only patterns travel, never code. Pure and zod-free: the content script ships this.
 */
import { cleanPath, hashPath } from './url';

export interface Route {
  /** Exact host names (https only). */
  hosts: string[];
  /** Pattern the whole path must match (trailing slashes removed, "/" for the root). */
  path?: string;
  /** Query parameter names that must be present. */
  query?: string[];
  /** Query parameter names that must be absent. */
  noQuery?: string[];
  /** Pattern the whole hash route must match ("#/ke-khai/2.000986?x" → "/ke-khai/2.000986"). */
  hash?: string;
}

export interface SurfaceRoutes {
  routes: Route[];
  /** "Any other page": matches only where none of these surfaces does. */
  unless?: string[];
}

export type RouteTable = Record<string, SurfaceRoutes>;

interface Compiled {
  routes: Array<{ hosts: Set<string>; path?: RegExp; query: string[]; noQuery: string[]; hash?: RegExp }>;
  unless: string[];
}

const whole = (source: string) => new RegExp(`^(?:${source})$`);

/** Compiles a table; throws on a pattern that is not a valid regular expression. */
export function compileTable(table: RouteTable): Map<string, Compiled> {
  const out = new Map<string, Compiled>();
  for (const [id, s] of Object.entries(table)) {
    out.set(id, {
      routes: s.routes.map((r) => ({
        hosts: new Set(r.hosts),
        path: r.path === undefined ? undefined : whole(r.path),
        query: r.query ?? [],
        noQuery: r.noQuery ?? [],
        hash: r.hash === undefined ? undefined : whole(r.hash),
      })),
      unless: s.unless ?? [],
    });
  }
  return out;
}

function routeMatches(r: Compiled['routes'][number], url: URL): boolean {
  if (url.protocol !== 'https:' || !r.hosts.has(url.hostname)) return false;
  if (r.path && !r.path.test(cleanPath(url))) return false;
  if (r.query.some((q) => !url.searchParams.has(q)) || r.noQuery.some((q) => url.searchParams.has(q))) return false;
  return !r.hash || r.hash.test(hashPath(url));
}

export function matchesIn(table: Map<string, Compiled>, id: string, url: URL, depth = 0): boolean {
  const s = table.get(id);
  if (!s || depth > 2) return false;
  if (!s.routes.some((r) => routeMatches(r, url))) return false;
  return !s.unless.some((other) => matchesIn(table, other, url, depth + 1));
}

let bundled: Map<string, Compiled> | null = null;
let bundledTable: RouteTable | null = null;
let active: Map<string, Compiled> | null = null;
let activeVersion: string | null = null;

/** Adds a portal module's own routes to the repository's table (each module at load). */
export function addBundledRoutes(part: RouteTable): void {
  bundledTable = { ...bundledTable, ...part };
  bundled = compileTable(bundledTable);
}

/**
 * Uses a pack's table from now on (null: the bundled one). A table that does not compile, or lacks a
 * surface the bundled table has, is ignored: recognition falls back to the bundled routes.
 */
export function useRouteTable(table: RouteTable | null, version: string | null = null): boolean {
  if (!table) {
    active = null;
    activeVersion = null;
    return true;
  }
  try {
    const compiled = compileTable(table);
    if (bundled && [...bundled.keys()].some((id) => !compiled.has(id))) throw new Error('missing surface');
    active = compiled;
    activeVersion = version;
    return true;
  } catch {
    active = null;
    activeVersion = null;
    return false;
  }
}

export function activeRouteVersion(): string | null {
  return activeVersion;
}

/** Whether `url` is the surface `id`, by the active table. */
export function detect(id: string, url: URL): boolean {
  const table = active ?? bundled;
  return table ? matchesIn(table, id, url) : false;
}
