// Typed calls from the sidebar to the server, derived from the server's own
// exports (the gas-client pattern): `server.saveAccount(req)` has the parameter
// and result types of index.ts's saveAccount, so renaming or changing a server
// function is a type error here, not a runtime "Máy chủ không có chức năng …".
// Values cross google.script.run as JSON; errors arrive with the server's
// Vietnamese message.
import type * as Server from '../../server/index';

/** What a value looks like after crossing google.script.run (JSON-like). */
type Plain<T> = T extends (...args: never[]) => unknown
  ? never
  : T extends Array<infer U>
    ? Array<Plain<U>>
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

type Callable = {
  [K in keyof typeof Server as (typeof Server)[K] extends (...args: never[]) => unknown ? K : never]: (typeof Server)[K];
};
type Fn<K extends keyof Callable> = Callable[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Plain<R>> : never;
export type ServerFunctions = { [K in keyof Callable]: Fn<K> };
/** The result type of a server function, as the sidebar receives it. */
export type ServerResult<K extends keyof Callable> = Awaited<ReturnType<Fn<K>>>;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error | string) => void): Runner;
  [name: string]: unknown;
}
declare global {
  interface Window {
    google?: { script: { run: Runner } };
  }
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('Trang này chỉ chạy trong Google Trang tính (thiếu google.script.run).'));
      return;
    }
    const runner = run.withSuccessHandler(resolve).withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    const fn = runner[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`Máy chủ không có chức năng ${name}.`));
      return;
    }
    fn.apply(runner, args);
  });
}

export const server = new Proxy({} as ServerFunctions, {
  get: (_target, name) => (...args: unknown[]) => call(String(name), args),
});

export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^(Exception|Error): /, '') || 'Đã có lỗi; hãy thử lại.';
}
