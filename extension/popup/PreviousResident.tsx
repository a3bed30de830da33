/**
 * "Người dân trước có thể vẫn đang đăng nhập": asked right under "Bắt đầu hướng dẫn", where the
 * volunteer is looking, with focus moved into it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../messages';
import { residentSession, type ResidentSession } from '../storage/items';

const time = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });

/** The open resident session, if any: the question must be answered before a new guide starts. */
export const openResidentSession = (): Promise<ResidentSession | null> => residentSession.getValue();

export function PreviousResident({ previous, procedureName, onAnswered }: { previous: ResidentSession; procedureName: string; onAnswered(go: boolean): void }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.querySelector('button')?.focus();
  }, []);
  return (
    <div class="warn question" role="alertdialog" aria-modal="false" aria-labelledby="previous-title" aria-describedby="previous-text" ref={box} data-testid="previous-resident">
      <p id="previous-title">
        <strong>Người dân trước có thể vẫn đang đăng nhập</strong>
      </p>
      <p id="previous-text">
        Phiên “{previous.procedureName}” bắt đầu lúc {time(previous.startedAt)}. Kết thúc phiên đó trước khi hướng dẫn người tiếp theo?
      </p>
      <div class="row">
        <button
          type="button"
          class="danger"
          aria-busy={busy ? 'true' : 'false'}
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            const report = await send({ type: 'session:end' }).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
            setBusy(false);
            if ('error' in report) {
              setError(`Chưa kết thúc được phiên cũ: ${report.error}`);
              return;
            }
            onAnswered(true);
          }}
        >
          Kết thúc phiên cũ rồi bắt đầu
        </button>
        <button
          type="button"
          onClick={async () => {
            await residentSession.setValue({ startedAt: new Date().toISOString(), procedureName });
            onAnswered(true);
          }}
        >
          Vẫn là người dân này
        </button>
        <button type="button" onClick={() => onAnswered(false)}>
          Huỷ
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
