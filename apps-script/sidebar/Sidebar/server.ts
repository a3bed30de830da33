// Promise wrapper over google.script.run. Errors arrive as Error objects whose
// message is the server's Vietnamese text.
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

export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('Trang này chỉ chạy trong Google Trang tính (thiếu google.script.run).'));
      return;
    }
    const runner = run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    const fn = runner[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`Máy chủ không có chức năng ${name}.`));
      return;
    }
    fn.apply(runner, args);
  });
}

export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^(Exception|Error): /, '') || 'Đã có lỗi; hãy thử lại.';
}
