/** The popup: choose the resident's procedure, see what to prepare, start the guide. */
import { useMemo, useState } from 'preact/hooks';
import { catalogue, replacementOf, type Procedure } from '../../shared/catalogue';
import { searchCatalogue } from '../../shared/text/search';
import { guideFor } from '../guides/build';
import { startGuidedSession } from './start';

const LEVEL: Record<Procedure['onlineLevel'], string> = {
  'toàn trình': 'Trực tuyến toàn trình',
  'một phần': 'Trực tuyến một phần',
  unknown: 'Chưa rõ mức trực tuyến',
};
const PORTAL_NAME: Record<Procedure['filedOn'][number], string> = {
  dvcqg: 'Cổng Dịch vụ công quốc gia',
  lienthong: 'Cổng liên thông khai sinh, khai tử',
  moj: 'Hệ thống của Bộ Tư pháp',
  thainguyen: 'Cổng dịch vụ công Thái Nguyên',
  paper: 'Nộp giấy tại UBND phường',
};

export interface PopupProps {
  /** Extra actions rendered at the bottom (session end, record page, diagnostics). */
  footer?: preact.ComponentChildren;
  /** Runs before a guided session starts; return false to stop (e.g. the previous session is still open). */
  beforeStart?: (p: Procedure) => Promise<boolean>;
}

export function Popup({ footer, beforeStart }: PopupProps) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Procedure | null>(null);
  const results = useMemo(
    () => (query.trim() ? searchCatalogue(query, catalogue, { limit: 60 }).map((r) => r.procedure) : [...catalogue]),
    [query],
  );
  const groups = useMemo(() => {
    const map = new Map<string, Procedure[]>();
    for (const p of results) map.set(p.field, [...(map.get(p.field) ?? []), p]);
    return [...map];
  }, [results]);

  if (chosen) return <Details p={chosen} onBack={() => setChosen(null)} onChoose={setChosen} footer={footer} beforeStart={beforeStart} />;
  return (
    <main>
      <h1>Trợ lý DVC</h1>
      <label for="q">Tìm thủ tục của người dân (tên hoặc mã)</label>
      <input id="q" type="search" value={query} autoFocus placeholder="ví dụ: khai sinh, 1.001193" onInput={(e) => setQuery(e.currentTarget.value)} />
      {!results.length && <p>Không tìm thấy thủ tục nào. Thử gõ ít chữ hơn hoặc gõ mã thủ tục.</p>}
      {groups.map(([field, items]) => (
        <section key={field} aria-label={field}>
          <h2>{field}</h2>
          <ul aria-label="Danh mục thủ tục">
            {items.map((p) => (
              <li key={p.id} data-procedure-id={p.id}>
                <button type="button" class="item" onClick={() => setChosen(p)}>
                  <span>{p.officialName}</span>
                  <small>
                    {p.code ?? 'chưa có mã'} · mục {p.id}
                    {p.status.kind !== 'current' ? ` · ${STATUS_LABEL[p.status.kind]}` : ''}
                  </small>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {footer}
    </main>
  );
}

const STATUS_LABEL = { current: '', replaced: 'đã thay thế', repealed: 'đã bãi bỏ', unverified: 'cần kiểm tra' } as const;

function Details({ p, onBack, onChoose, footer, beforeStart }: { p: Procedure; onBack(): void; onChoose(p: Procedure): void } & PopupProps) {
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const replacement = replacementOf(p);
  const guide = guideFor(p);
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      if (beforeStart && !(await beforeStart(p))) return;
      await startGuidedSession(p);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
            <input
              type="checkbox"
              checked={ticked.has(i)}
              onChange={() => {
                const next = new Set(ticked);
                if (next.has(i)) next.delete(i);
                else next.add(i);
                setTicked(next);
              }}
            />{' '}
            {d}
          </label>
        ))}
        {p.documents.length > 0 && (
          <p aria-live="polite">
            Đã có {ticked.size}/{p.documents.length} giấy tờ.
          </p>
        )}
      </fieldset>
      {guide ? (
        <button type="button" class="primary" disabled={busy} onClick={start}>
          Bắt đầu hướng dẫn
        </button>
      ) : (
        <p class="warn">Chưa có hướng dẫn trên cổng cho thủ tục này{p.filedOn.includes('paper') ? ': nộp hồ sơ giấy tại UBND phường.' : '.'}</p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {footer}
    </main>
  );
}

