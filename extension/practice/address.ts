/**
 * A practice frame's real address carries the portal address it imitates (its virtual location):
 * `/practice-frame.html?run=…&role=top&at=<portal address without its hash>#<the portal hash>`.
 * The virtual location is a pure function of the real one, so reloads, the browser's back button
 * and hash routing all keep working: a portal hash change is a real hash change.
 */
import { PORTAL_HOSTS } from '../../shared/hosts';
import { FRAME_PAGE } from './brand';

/** `top`: the page the volunteer sees; `sub`: a frame inside it (the Ministry's declaration). */
export type FrameRole = 'top' | 'sub';

export interface PracticeAddress {
  run: string;
  role: FrameRole;
  virtual: URL;
}

const HOSTS: ReadonlySet<string> = new Set(Object.values(PORTAL_HOSTS));

/** Only portal addresses exist in practice; any other address stays outside it. */
export function isPracticeAddress(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

export function frameUrl(origin: string, run: string, role: FrameRole, virtual: URL | string): string {
  const v = new URL(virtual);
  const hash = v.hash;
  v.hash = '';
  const query = new URLSearchParams({ run, role, at: v.href });
  return `${origin}${FRAME_PAGE}?${query}${hash}`;
}

export function readAddress(real: URL | string): PracticeAddress | null {
  const u = new URL(real);
  const run = u.searchParams.get('run');
  const role = u.searchParams.get('role');
  const at = u.searchParams.get('at');
  if (u.pathname !== FRAME_PAGE || !run || (role !== 'top' && role !== 'sub') || !at) return null;
  let virtual: URL;
  try {
    virtual = new URL(at);
  } catch {
    return null;
  }
  if (!isPracticeAddress(virtual)) return null;
  virtual.hash = u.hash;
  return { run, role, virtual };
}

/** The same document: the addresses differ at most in their hash. */
export function sameDocument(a: URL, b: URL): boolean {
  const strip = (u: URL) => u.href.replace(/#.*$/, '');
  return strip(a) === strip(b);
}
