import { useRef, useState } from 'preact/hooks';
import type { SyncRecord } from '../../shared/schemas/sync';
import { sendSync } from '../messages';
import type { FieldErrors } from './fields';

export type Enqueue = (record: SyncRecord) => Promise<{ ok: true; waiting: number } | { ok: false; message: string }>;

const viaBackground: Enqueue = (record) => sendSync({ type: 'outbox/enqueue', record });

/**
 * What both record forms do on submit: show field errors (focusing the summary
 * so screen readers read it), or hand a valid record to the outbox.
 */
export function useEnqueue(enqueue: Enqueue = viaBackground) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement | null>(null);

  function showErrors(next: FieldErrors): void {
    setErrors(next);
    queueMicrotask(() => summaryRef.current?.focus());
  }

  /** Resolves to the number of records waiting, or null when the outbox refused it. */
  async function submit(record: SyncRecord): Promise<number | null> {
    setBusy(true);
    setErrors({});
    const reply = await enqueue(record);
    setBusy(false);
    if (!reply.ok) {
      showErrors({ '': reply.message });
      return null;
    }
    return reply.waiting;
  }

  return { errors, busy, summaryRef, showErrors, submit };
}
