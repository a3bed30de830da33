/** The popup's procedure picker: search (typos forgiven), guides to resume, recent procedures, the list. */
import { useMemo, useState } from 'preact/hooks';
import type { Procedure } from '../../shared/catalogue';
import { useActiveCatalogue } from '../packs/useActiveCatalogue';
import { searchCatalogue, suggestProcedures } from '../../shared/text/search';
import { useStored } from '../pages/useStored';
import { recentProcedures, resumableGuides } from '../storage/items';
import { Details } from './Details';
import { ResumeGuides } from './ResumeGuides';
import { rememberRecent } from './start';

const STATUS_LABEL = { current: '', replaced: 'đã thay thế', repealed: 'đã bãi bỏ', unverified: 'cần kiểm tra' } as const;

/** One procedure as a list button; `mark` names the list it is in (for tests and styles). */
function Item({ p, onChoose, mark }: { p: Procedure; onChoose(p: Procedure): void; mark: 'data-procedure-id' | 'data-recent-id' | 'data-suggested-id' }) {
  return (
    <li key={p.id} {...{ [mark]: p.id }}>
      <button type="button" class="item" onClick={() => onChoose(p)}>
        <span>{p.officialName}</span>
        <small>
          {p.code ?? 'chưa có mã'} · mục {p.id}
          {p.status.kind !== 'current' ? ` · ${STATUS_LABEL[p.status.kind]}` : ''}
        </small>
      </button>
    </li>
  );
}

export function Popup({ children }: { children?: preact.ComponentChildren }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Procedure | null>(null);
  const recentIds = useStored(recentProcedures) ?? [];
  const resumable = useStored(resumableGuides) ?? [];
  const searching = query.trim() !== '';
  const catalogue = useActiveCatalogue();
  const results = useMemo(() => (searching ? searchCatalogue(query, catalogue, { limit: 60 }).map((r) => r.procedure) : [...catalogue]), [query, catalogue]);
  const suggestions = useMemo(() => (searching && !results.length ? suggestProcedures(query, catalogue) : []), [query, results, catalogue]);
  const groups = useMemo(() => {
    const map = new Map<string, Procedure[]>();
    for (const p of results) map.set(p.field, [...(map.get(p.field) ?? []), p]);
    return [...map];
  }, [results]);
  const recent = recentIds.map((id) => catalogue.find((p) => p.id === id)).filter((p): p is Procedure => !!p);

  const choose = (p: Procedure) => {
    void rememberRecent(p.id);
    setChosen(p);
  };
  if (chosen) return <Details p={chosen} onBack={() => setChosen(null)} onChoose={choose} />;
  return (
    <main>
      <h1>Trợ lý DVC</h1>
      {children}
      <label for="q">Tìm thủ tục của người dân (tên hoặc mã)</label>
      <input id="q" type="search" value={query} autoFocus placeholder="ví dụ: khai sinh, 1.001193" onInput={(e) => setQuery(e.currentTarget.value)} />
      {!searching && <ResumeGuides list={resumable} />}
      {!searching && recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">Dùng gần đây</h2>
          <ul aria-label="Thủ tục dùng gần đây">
            {recent.map((p) => (
              <Item key={p.id} p={p} onChoose={choose} mark="data-recent-id" />
            ))}
          </ul>
        </section>
      )}
      {searching && !results.length && (
        <div role="status" data-testid="no-results">
          <p>Không tìm thấy thủ tục nào có đủ các chữ “{query.trim()}”.</p>
          {suggestions.length > 0 ? (
            <section aria-labelledby="suggest-title">
              <h2 id="suggest-title">Có phải thủ tục này?</h2>
              <ul aria-label="Thủ tục có tên gần giống">
                {suggestions.map((p) => (
                  <Item key={p.id} p={p} onChoose={choose} mark="data-suggested-id" />
                ))}
              </ul>
            </section>
          ) : (
            <p>Thử gõ ít chữ hơn hoặc gõ mã thủ tục.</p>
          )}
        </div>
      )}
      {groups.map(([field, items]) => (
        <section key={field} aria-label={field}>
          <h2>{field}</h2>
          <ul aria-label="Danh mục thủ tục">
            {items.map((p) => (
              <Item key={p.id} p={p} onChoose={choose} mark="data-procedure-id" />
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
