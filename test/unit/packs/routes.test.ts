// The route table is data: a pack's table replaces the bundled one for the detectors; a table that
// does not compile or lacks a surface is ignored (the bundled routes stay).
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_ROUTES, surfacesOf } from '../../../extension/surfaces';
import { activeRouteVersion, useRouteTable, type RouteTable } from '../../../extension/surfaces/routes';
import { RouteTableSchema } from '../../../extension/packs/schema';

const moved = 'https://dichvucong.gov.vn/tra-cuu-ho-so-moi';

describe('route table as data', () => {
  afterEach(() => useRouteTable(null));

  it('the bundled table passes the pack schema', () => {
    expect(RouteTableSchema.safeParse(BUNDLED_ROUTES).success).toBe(true);
  });

  it("a pack's table moves a page: the detectors follow it, and back to the bundled one", () => {
    expect(surfacesOf(new URL(moved))).toEqual(['dvcqg.other']);
    const table: RouteTable = structuredClone(BUNDLED_ROUTES);
    table['dvcqg.lookup']!.routes.push({ hosts: ['dichvucong.gov.vn'], path: '/tra-cuu-ho-so-moi' });
    expect(useRouteTable(table, '2026.12.02-1')).toBe(true);
    expect(activeRouteVersion()).toBe('2026.12.02-1');
    expect(surfacesOf(new URL(moved))).toEqual(['dvcqg.lookup']);
    useRouteTable(null);
    expect(surfacesOf(new URL(moved))).toEqual(['dvcqg.other']);
  });

  it('ignores a table with a broken pattern or a missing surface', () => {
    const broken: RouteTable = structuredClone(BUNDLED_ROUTES);
    broken['dvcqg.home']!.routes[0]!.path = '(';
    expect(useRouteTable(broken)).toBe(false);
    const partial: RouteTable = structuredClone(BUNDLED_ROUTES);
    delete partial['moj.wizard'];
    expect(useRouteTable(partial)).toBe(false);
    expect(surfacesOf(new URL('https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865'))).toEqual(['moj.wizard']);
  });
});
