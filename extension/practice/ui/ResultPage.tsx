/** The trainer's result of a run, printable (summary.ts). */
import { useStored } from '../../pages/useStored';
import { startRun } from '../runs';
import { scenarioById } from '../scenarios';
import { practiceRuns } from '../storage';
import { durationText, summarise, type StepLine } from '../summary';
import { Banner } from './Banner';

const clock = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
const times = (n: number) => (n > 1 ? ` (${n} lần)` : '');

function Steps({ id, title, lines, none }: { id: string; title: string; lines: StepLine[]; none: string }) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {lines.length ? (
        <ul>
          {lines.map((l) => (
            <li key={l.id}>
              {l.title}
              {times(l.times)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="none">{none}</p>
      )}
    </section>
  );
}

export function ResultPage({ runId }: { runId: string }) {
  const runs = useStored(practiceRuns);
  if (!runs) return <Banner />;
  const run = runs[runId];
  const scenario = run && scenarioById(run.scenarioId);
  if (!run || !scenario) {
    return (
      <>
        <Banner />
        <main>
          <p role="alert">Không còn kết quả của bài tập này (kết quả chỉ giữ đến khi đóng trình duyệt).</p>
          <a class="button" href="?">Chọn bài tập</a>
        </main>
      </>
    );
  }
  const s = summarise(run, scenario);
  const again = async () => location.assign(`?${new URLSearchParams({ run: await startRun(scenario) })}`);
  return (
    <>
      <Banner />
      <main class="result">
        <h1>Kết quả tập luyện</h1>
        <p>
          <strong>{scenario.title}</strong>
        </p>
        <p data-testid="result-time">
          Thời gian: {durationText(s.durationMs)} (từ {clock(s.startedAt)}
          {s.endedAt ? ` đến ${clock(s.endedAt)}` : ''}).
        </p>
        <p data-testid="result-filed">
          {s.filed ? `Đã nộp đến cuối và xác nhận mã hồ sơ tập: ${s.dossierCode}.` : 'Chưa nộp đến cuối: chưa xác nhận mã hồ sơ.'}
        </p>
        <section aria-labelledby="mistakes" data-testid="mistakes">
          <h2 id="mistakes">Lỗi đã mắc</h2>
          {s.mistakes.length ? (
            <ul>
              {s.mistakes.map((m) => (
                <li key={m.trap} data-trap={m.trap}>
                  <strong>{m.mistake}</strong>
                  {times(m.times)}
                  {m.steps.length ? ` — ở bước: ${m.steps.join(', ')}` : ''}. {m.explain}
                </li>
              ))}
            </ul>
          ) : (
            <p class="none">Không mắc lỗi nào trong các lỗi bài này theo dõi.</p>
          )}
        </section>
        <Steps id="skipped" title="Bước đã bỏ qua" lines={s.skipped} none="Không bỏ qua bước nào." />
        <Steps id="reshown" title="Bước phải xem lại gợi ý" lines={s.reshown} none="Không phải xem lại gợi ý ở bước nào." />
        <div class="actions">
          <button type="button" class="primary" onClick={() => window.print()}>
            In kết quả
          </button>
          <button type="button" onClick={() => void again()}>
            Tập lại bài này
          </button>
          <a class="button" href="?">
            Chọn bài khác
          </a>
        </div>
      </main>
    </>
  );
}
