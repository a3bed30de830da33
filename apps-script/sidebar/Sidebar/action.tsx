// One action at a time per panel: busy state, and its outcome (an error or a
// status) shown right under the control that started it, with the focus moved
// to an error so a keyboard or screen-reader user meets it where they are.
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './server';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [alert, setAlertText] = useState('');
  const [status, setStatusText] = useState('');
  /** Which control's outcome is showing. */
  const [at, setAt] = useState('panel');
  const setAlert = (text: string, where = at) => {
    setAt(where);
    setAlertText(text);
  };
  const setStatus = (text: string, where = at) => {
    setAt(where);
    setStatusText(text);
  };
  async function run<T>(fn: () => Promise<T>, done?: (v: T) => string | void, where = 'panel'): Promise<T | undefined> {
    setBusy(true);
    setAt(where);
    setAlertText('');
    setStatusText('');
    try {
      const v = await fn();
      const msg = done?.(v);
      if (msg) setStatusText(msg);
      return v;
    } catch (e) {
      setAlertText(messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, alert, status, at, setAlert, setStatus, run };
}

export type Action = ReturnType<typeof useAction>;

/** The outcome of the panel's last action, when it was started at `at`. */
export function Feedback({ a, at = 'panel' }: { a: Action; at?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const mine = a.at === at;
  useEffect(() => {
    if (mine && a.alert) ref.current?.focus();
  }, [mine, a.alert]);
  return (
    <>
      {mine && a.alert && (
        <div class="alert" role="alert" tabIndex={-1} ref={ref}>
          {a.alert}
        </div>
      )}
      {mine && (
        <div class={a.status ? 'status' : 'sr-only'} role="status" aria-live="polite">
          {a.status}
        </div>
      )}
    </>
  );
}
