import type { ServerResult } from './server';

/** What getSidebarData answers, derived from the server function itself. */
export type SidebarData = ServerResult<'getSidebarData'>;
