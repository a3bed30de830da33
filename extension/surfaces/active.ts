/**
 * The content script's route table: a verified guide pack's, when the background installed one,
 * else the bundled routes. Read once per page and followed when it changes.
 */
import { activeRoutesItem } from '../packs/storage';
import { useRouteTable } from './routes';

let watching = false;

export async function loadActiveRoutes(): Promise<void> {
  const stored = await activeRoutesItem.getValue().catch(() => null);
  useRouteTable(stored?.table ?? null, stored?.version ?? null);
  if (watching) return;
  watching = true;
  activeRoutesItem.watch((next) => useRouteTable(next?.table ?? null, next?.version ?? null));
}
