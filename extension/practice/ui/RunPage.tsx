/**
 * A run: the banner (with the portal address the replica stands for, the scenario's facts and
 * sample files, the latest mistake explained) above the replica frame.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStored } from '../../pages/useStored';
import { frameUrl } from '../address';
import { endRun } from '../runs';
import { scenarioById } from '../scenarios';
import { isShellMessage } from '../shell-messages';
import { practiceRuns, practiceSessions } from '../storage';
import { Banner } from './Banner';
import { Facts } from './Facts';
import { SampleFiles } from './SampleFiles';

/** "dichvucong.gov.vn/nop-ho-so": where the volunteer would be (the query is noise for a trainee). */
const shortAddress = (href: string) => {
  const u = new URL(href);
  return `${u.hostname}${u.pathname === '/' ? '' : u.pathname}${u.hash}`;
};
const resultUrl = (runId: string) => `?${new URLSearchParams({ run: runId, view: 'ket-qua' })}`;

export function RunPage({ runId }: { runId: string }) {
  const runs = useStored(practiceRuns);
  const sessions = useStored(practiceSessions);
  const run = runs?.[runId];
  const scenario = run ? scenarioById(run.scenarioId) : undefined;
  const frame = useRef<HTMLIFrameElement>(null);
  const [at, setAt] = useState('');
  const [feedback, setFeedback] = useState<{ title: string; text: string } | null>(null);
  // Set once: the frame then navigates by itself (a new src would reload it).
  const src = useMemo(() => (run ? frameUrl(location.origin, runId, 'top', run.at) : null), [!!run]);

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== location.origin || e.source !== frame.current?.contentWindow || !isShellMessage(e.data)) return;
      const m = e.data;
      if (m.type === 'practice:at') setAt(m.href);
      else if (m.type === 'practice:outside') setFeedback({ title: 'Liên kết ra ngoài bản tập luyện', text: `Địa chỉ ${m.href} không mở trong bản tập luyện.` });
      else {
        const trap = scenario?.traps.find((t) => t.id === m.trap);
        if (trap) setFeedback({ title: `Lỗi thường gặp: ${trap.mistake}.`, text: trap.explain });
      }
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, [scenario]);

  const leaving = useRef(false);
  const finish = () => {
    if (leaving.current) return;
    leaving.current = true;
    void endRun(runId).then(() => location.assign(resultUrl(runId)));
  };
  // "Đóng hướng dẫn" in the panel ends the run too: its result comes next.
  const closed = !!run && !run.endedAt && !!sessions && !(runId in sessions);
  useEffect(() => {
    if (closed) finish();
  }, [closed]);
  if (!runs) return <Banner />;
  if (!run || !scenario || run.endedAt) {
    return (
      <>
        <Banner />
        <main>
          <p role="alert">Bài tập này đã kết thúc.</p>
          <div class="actions">
            {run && <a class="button" href={resultUrl(runId)}>Xem kết quả</a>}
            <a class="button" href="?">Chọn bài tập</a>
          </div>
        </main>
      </>
    );
  }
  return (
    <div class="run-page">
      <Banner>
        <span class="address" data-testid="practice-address">
          {scenario.title} · Trên cổng thật: {shortAddress(at || run.at)}
        </span>
        <details>
          <summary>Thông tin bài</summary>
          <div>
            <p class="address-in-menu">Trên cổng thật: {shortAddress(at || run.at)}</p>
            {scenario.story.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <Facts scenario={scenario} />
          </div>
        </details>
        {scenario.files.length > 0 && (
          <details>
            <summary>Giấy tờ mẫu</summary>
            <div>
              <SampleFiles files={scenario.files} />
            </div>
          </details>
        )}
        {run.capture ? (
          <button type="button" class="primary" onClick={finish}>
            Xem kết quả tập luyện
          </button>
        ) : (
          <button type="button" onClick={finish}>
            Kết thúc tập luyện
          </button>
        )}
      </Banner>
      <div class="feedback" role="status" aria-live="polite" data-testid="practice-feedback">
        {feedback && (
          <>
            <strong>{feedback.title}</strong> {feedback.text}
          </>
        )}
      </div>
      {src && <iframe ref={frame} src={src} title={`Bản tập luyện: ${scenario.title}`} data-testid="replica" />}
    </div>
  );
}
