/** A chosen procedure: what to prepare (ticked with the resident), print it, start the guide. */
import { useRef, useState } from 'preact/hooks';
import { replacementOf, type Procedure } from '../../shared/catalogue';
import { guideFor } from '../guides/build';
import { PORTAL_NAME } from '../pages/printable/links';
import { ReasonButton } from '../pages/ReasonButton';
import type { ResidentSession } from '../storage/items';
import { openResidentSession, PreviousResident } from './PreviousResident';
import { openExtensionPage, startGuidedSession } from './start';

const LEVEL: Record<Procedure['onlineLevel'], string> = {
  'toàn trình': 'Trực tuyến toàn trình',
  'một phần': 'Trực tuyến một phần',
  unknown: 'Chưa rõ mức trực tuyến',
};
export function Details({ p, onBack, onChoose }: { p: Procedure; onBack(): void; onChoose(p: Procedure): void }) {
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<ResidentSession | null>(null);
  const startRef = useRef<HTMLDivElement>(null);
  const replacement = replacementOf(p);
  const guide = guideFor(p);

  const go = async () => {
    setBusy(true);
    try {
      await startGuidedSession(p);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setError('');
    const previous = await openResidentSession();
    if (previous) setAsking(previous);
    else await go();
  };
  const toggle = (i: number) => {
    const next = new Set(ticked);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setTicked(next);
  };

  return (
    <main data-chosen={p.id}>
      <button type="button" onClick={onBack}>
        ‹ Danh sách thủ tục
      </button>
      <h1>{p.officialName}</h1>
      <p>
        Mã {p.code ?? '(chưa có)'} · mục {p.id} trong công văn · {p.field}
      </p>
      {p.status.kind === 'replaced' && replacement && (
        <div class="warn" role="note">
          <strong>Thủ tục trong công văn đã được thay thế.</strong> {replacement.description}
          {replacement.kind === 'record' && (
            <button type="button" onClick={() => onChoose(replacement.procedure)}>
              Xem thủ tục thay thế ({replacement.code})
            </button>
          )}
          {replacement.kind !== 'record' && <span> Dùng mã mới: {replacement.code}.</span>}
        </div>
      )}
      {p.status.kind === 'repealed' && (
        <div class="error" role="note">
          <strong>Thủ tục này đã bị bãi bỏ.</strong> {p.status.note}
        </div>
      )}
      {p.status.kind === 'unverified' && (
        <div class="warn" role="note">
          <strong>Cần kiểm tra lại.</strong> {p.status.note}
        </div>
      )}
      <dl>
        <dt>Mức trực tuyến</dt>
        <dd>{LEVEL[p.onlineLevel]}</dd>
        <dt>Thời hạn giải quyết</dt>
        <dd>{p.processingTime ?? 'Chưa rõ'}</dd>
        <dt>Lệ phí</dt>
        <dd>{p.feeNote ?? 'Chưa rõ'}</dd>
        <dt>Nộp ở đâu</dt>
        <dd>{p.filedOn.length ? p.filedOn.map((f) => PORTAL_NAME[f]).join('; ') : 'Không còn nộp được'}</dd>
      </dl>
      <fieldset>
        <legend>Giấy tờ cần chuẩn bị (đánh dấu khi người dân đã có)</legend>
        {p.documents.length === 0 && <p>Danh mục chưa ghi giấy tờ; hỏi cán bộ phường.</p>}
        {p.documents.map((d, i) => (
          <label key={d} class="check">
            <input type="checkbox" checked={ticked.has(i)} onChange={() => toggle(i)} /> {d}
          </label>
        ))}
        {p.documents.length > 0 && (
          <p aria-live="polite">
            Đã có {ticked.size}/{p.documents.length} giấy tờ.
          </p>
        )}
      </fieldset>
      <button type="button" onClick={() => openExtensionPage('/checklist.html', `?${new URLSearchParams({ id: p.id, ticked: [...ticked].sort((a, b) => a - b).join(',') })}`)}>
        In / gửi danh sách giấy tờ
      </button>
      <div ref={startRef}>
        {guide ? (
          <ReasonButton class="primary" unavailable={busy ? 'Đang mở cổng dịch vụ công, chờ một chút.' : asking ? 'Hãy trả lời câu hỏi bên dưới trước.' : null} onClick={() => void start()}>
            Bắt đầu hướng dẫn
          </ReasonButton>
        ) : (
          <p class="warn">Chưa có hướng dẫn trên cổng cho thủ tục này{p.filedOn.includes('paper') ? ': nộp hồ sơ giấy tại UBND phường.' : '.'}</p>
        )}
        {asking && (
          <PreviousResident
            previous={asking}
            procedureName={guide?.procedureName ?? p.officialName}
            onAnswered={(proceed) => {
              setAsking(null);
              if (proceed) void go();
            }}
          />
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
