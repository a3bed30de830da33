/** "Kết thúc phiên" in the popup, and the offer to end the previous resident's session first. */
import { useState } from 'preact/hooks';
import { PORTAL_HOSTS } from '../../shared/hosts';
import { send, type EndSessionReport } from '../messages';

const DATA_LABEL: Record<EndSessionReport['cleared'][number], string> = {
  cookies: 'cookie',
  localStorage: 'bộ nhớ cục bộ (localStorage)',
  indexedDB: 'IndexedDB',
  cacheStorage: 'bộ nhớ đệm của trang (Cache Storage)',
  serviceWorkers: 'service worker',
  cache: 'bộ nhớ đệm trình duyệt',
};

export async function endSession(): Promise<EndSessionReport> {
  const report = await send({ type: 'session:end' });
  if ('error' in report) throw new Error(report.error);
  return report;
}

export function describeReport(r: EndSessionReport): string {
  const hosts = r.origins.map((o) => new URL(o).hostname).join(', ');
  return `Đã xoá ${r.cleared.map((c) => (c === 'cookies' ? `${r.cookiesRemoved} cookie` : DATA_LABEL[c])).join(', ')} của: ${hosts}. Đã đóng ${r.guidedTabsClosed} phiên hướng dẫn.`;
}

export function SessionEndButton({ onEnded }: { onEnded?: (r: EndSessionReport) => void }) {
  const [report, setReport] = useState<EndSessionReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div class="session-end">
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError('');
          try {
            const r = await endSession();
            setReport(r);
            onEnded?.(r);
          } catch (e) {
            setError(`Chưa xoá được: ${e instanceof Error ? e.message : String(e)}`);
          } finally {
            setBusy(false);
          }
        }}
      >
        Kết thúc phiên
      </button>
      <p class="small">Đăng xuất người dân khỏi mọi cổng ({PORTAL_HOSTS.dvcqg}, VNeID, Bộ Tư pháp, Thái Nguyên) trên máy này.</p>
      {report && (
        <p class="ok" role="status" data-testid="session-report">
          {describeReport(report)}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
