/** "Tiếp tục hướng dẫn" for guides closed early or whose tab was closed (undoes "Đóng hướng dẫn"). */
import { useState } from 'preact/hooks';
import { resumableGuides, type ResumableGuide } from '../storage/items';
import { resumeGuide } from './start';

const time = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
const WHY: Record<ResumableGuide['why'], string> = { closed: 'đã đóng hướng dẫn', 'tab-closed': 'thẻ trình duyệt đã bị đóng' };

export function ResumeGuides({ list }: { list: ResumableGuide[] }) {
  const [error, setError] = useState('');
  if (!list.length) return null;
  return (
    <section class="resume" aria-labelledby="resume-title" data-testid="resume">
      <h2 id="resume-title">Hướng dẫn đang dở</h2>
      <ul>
        {list.map((r) => {
          const step = r.guide.steps[r.index];
          return (
            <li key={r.guide.id + r.startedAt}>
              <button
                type="button"
                class="item"
                onClick={() => {
                  setError('');
                  resumeGuide(r).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
                }}
              >
                <span>Tiếp tục hướng dẫn: {r.guide.procedureName}</span>
                <small>
                  Bước {r.index + 1}/{r.guide.steps.length}
                  {step ? `: ${step.title}` : ''} · {WHY[r.why]} lúc {time(r.stoppedAt)}
                </small>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => void resumableGuides.setValue([])}>
        Bỏ các hướng dẫn dở
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
