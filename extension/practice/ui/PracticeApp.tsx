/** The practice shell: the start page, a run, or a run's result, from the address. */
import { ResultPage } from './ResultPage';
import { RunPage } from './RunPage';
import { StartPage } from './StartPage';

export function PracticeApp() {
  const q = new URLSearchParams(location.search);
  const run = q.get('run');
  if (!run) return <StartPage />;
  return q.get('view') === 'ket-qua' ? <ResultPage runId={run} /> : <RunPage runId={run} />;
}
