// Typed sidebar → server calls (apps-script/sidebar/Sidebar/server.ts) follow
// the server's exports: a misspelt or removed function, or a wrong argument, is
// a type error (npm test runs the type check), and SidebarData is what
// getSidebarData returns.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { server, type ServerResult } from '../../../apps-script/sidebar/Sidebar/server';
import type { SidebarData } from '../../../apps-script/sidebar/Sidebar/types';
import type * as Server from '../../../apps-script/server/index';

describe('typed sidebar calls', () => {
  it('are derived from the server exports', () => {
    expectTypeOf(server.checkData).returns.resolves.toEqualTypeOf<ServerResult<'checkData'>>();
    expectTypeOf<SidebarData>().toEqualTypeOf<ServerResult<'getSidebarData'>>();
    expectTypeOf<SidebarData['toDanPho']>().toEqualTypeOf<string[]>();
    expectTypeOf(server.issueAccessCode).parameters.toEqualTypeOf<Parameters<typeof Server.issueAccessCode>>();
    // @ts-expect-error a function the server does not export
    const misspelt = () => server.saveAcount({ account: {} });
    // @ts-expect-error wrong argument type
    const wrongArgs = () => server.issueAccessCode('TNV-001', 'ninety');
    expect(typeof misspelt).toBe('function');
    expect(typeof wrongArgs).toBe('function');
  });

  it('reach google.script.run by the function name and resolve with its value', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const runner = (ok: (v: unknown) => void): Record<string, unknown> => new Proxy({}, {
      get: (_t, name: string) => (name === 'withSuccessHandler' ? (f: (v: unknown) => void) => runner(f) : name === 'withFailureHandler' ? () => runner(ok) : (...args: unknown[]) => { calls.push([name, args]); ok({ made: [], message: 'x' }); }),
    });
    (globalThis as { window?: unknown }).window = { google: { script: { run: runner(() => undefined) } } };
    await expect(server.installTriggers()).resolves.toEqual({ made: [], message: 'x' });
    expect(calls).toEqual([['installTriggers', []]]);
    delete (globalThis as { window?: unknown }).window;
  });
});
