/**
 * The resident's cookies on the session hosts, partitioned ones included, found and removed one by
 * one so "Kết thúc phiên" can say how many it removed.
 *
 * - Without `partitionKey`, cookies.getAll lists only unpartitioned cookies (both browsers); an empty
 *   `partitionKey: {}` lists every partition (a portal framed by another site, or Firefox's Total
 *   Cookie Protection, keeps its cookies under the top-level site).
 * - Firefox with first-party isolation (privacy.firstparty.isolate) throws unless `firstPartyDomain`
 *   is given; `null` there means "any first party". Chromium rejects that unknown property, so it is
 *   sent to Firefox only.
 */
type Browser = typeof browser;
type Cookie = Browser.cookies.Cookie & { partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean }; firstPartyDomain?: string };

const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';

export interface CookieRemoval {
  /** Removed cookies per host they belong to (the cookie's domain without a leading dot). */
  byHost: Record<string, number>;
  removed: number;
  partitioned: number;
  /** Cookies the browser refused to remove (should stay empty; reported, never hidden). */
  failed: number;
}

const key = (c: Cookie) => [c.storeId, c.domain, c.path, c.name, c.partitionKey?.topLevelSite ?? '', c.firstPartyDomain ?? ''].join('|');

async function listFor(api: Browser, host: string): Promise<Cookie[]> {
  const base = { domain: host, partitionKey: {}, ...(IS_FIREFOX ? { firstPartyDomain: null } : {}) };
  const stores = await api.cookies.getAllCookieStores().catch(() => [{ id: undefined as string | undefined }]);
  const lists = await Promise.all(
    stores.map((s) => (api.cookies.getAll({ ...base, ...(s.id ? { storeId: s.id } : {}) } as never) as Promise<Cookie[]>)),
  );
  return lists.flat();
}

/** Cookies whose domain is one of `hosts` or below it (a `.dichvucong.gov.vn` cookie belongs to dichvucong.gov.vn). */
export async function listSessionCookies(api: Browser, hosts: readonly string[]): Promise<Cookie[]> {
  const seen = new Map<string, Cookie>();
  for (const list of await Promise.all(hosts.map((h) => listFor(api, h)))) for (const c of list) seen.set(key(c), c);
  return [...seen.values()];
}

export async function removeSessionCookies(api: Browser, hosts: readonly string[]): Promise<CookieRemoval> {
  const result: CookieRemoval = { byHost: {}, removed: 0, partitioned: 0, failed: 0 };
  for (const c of await listSessionCookies(api, hosts)) {
    const host = c.domain.replace(/^\./, '');
    const details = {
      url: `https://${host}${c.path}`,
      name: c.name,
      storeId: c.storeId,
      ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
      ...(IS_FIREFOX ? { firstPartyDomain: c.firstPartyDomain ?? '' } : {}),
    };
    const done = await api.cookies.remove(details as never).catch(() => null);
    if (!done) {
      result.failed++;
      continue;
    }
    result.removed++;
    if (c.partitionKey) result.partitioned++;
    result.byHost[host] = (result.byHost[host] ?? 0) + 1;
  }
  return result;
}

/** Firefox's first-party isolation: cookies.getAll without firstPartyDomain throws there. */
export async function firstPartyIsolated(api: Browser): Promise<boolean> {
  if (!IS_FIREFOX) return false;
  return api.cookies.getAll({ domain: 'tro-ly-dvc.invalid' }).then(
    () => false,
    () => true,
  );
}
