/** "Kết thúc phiên" in the popup: a plain result for the volunteer, the technical list behind "Chi tiết". */
import { useState } from 'preact/hooks';
import { PORTAL_HOSTS } from '../../shared/hosts';
import { send, type ClearedKind, type EndSessionReport } from '../messages';

const DATA_LABEL: Record<ClearedKind, string> = {
  cookies: 'cookie',
  localStorage: 'bộ nhớ cục bộ (localStorage)',
  indexedDB: 'cơ sở dữ liệu của trang (IndexedDB)',
  cacheStorage: 'bộ nhớ đệm của trang (Cache Storage)',
  serviceWorkers: 'service worker',
  cache: 'bộ nhớ đệm trình duyệt',
};

export async function endSession(): Promise<EndSessionReport> {
  const report = await send({ type: 'session:end' });
  if ('error' in report) throw new Error(report.error);
  return report;
}

const hostList = (hosts: string[]) => hosts.join(', ');

/** The one sentence the volunteer needs: is the resident logged out, may the next one come? */
export function describeReport(r: EndSessionReport): string {
  const cookiesLeft = r.notCleared.find((n) => n.kind === 'cookies');
  if (cookiesLeft) {
    return `Chưa đăng xuất được hết: còn cookie đăng nhập trên ${hostList(cookiesLeft.hosts)}. Hãy đóng hẳn trình duyệt rồi mở lại, hoặc xoá dữ liệu duyệt web trong cài đặt của trình duyệt, trước khi tiếp người tiếp theo.`;
  }
  const others = r.notCleared.filter((n) => n.kind !== 'cookies');
  const rest = others.map((n) => `Riêng ${DATA_LABEL[n.kind]} trên ${hostList(n.hosts)} chưa xoá được (không mở được trang đó, có thể do mất mạng); khi có mạng, bấm «Kết thúc phiên» lần nữa.`);
  return ['Đã đăng xuất người dân khỏi các cổng dịch vụ công trên máy này. Có thể tiếp người tiếp theo.', ...rest].join(' ');
}

/** The technical list: what was removed, where. */
export function reportDetails(r: EndSessionReport): string[] {
  const hosts = Object.entries(r.cookiesByHost).map(([h, n]) => `${h}: ${n}`);
  const caches = r.cachesDeleted ? Object.values(r.cachesDeleted).reduce((a, b) => a + b, 0) : null;
  const kinds = r.cleared
    .filter((c) => c !== 'cookies')
    .map((c) => (c === 'cacheStorage' && caches !== null ? `${DATA_LABEL[c]}: ${caches} mục` : DATA_LABEL[c]));
  return [
    `Cookie đã xoá: ${r.cookiesRemoved}${r.partitionedCookiesRemoved ? ` (trong đó ${r.partitionedCookiesRemoved} cookie phân vùng)` : ''}${hosts.length ? ` — ${hosts.join('; ')}` : ''}.`,
    `Dữ liệu đã xoá: ${kinds.join(', ')}.`,
    ...r.notCleared.map((n) => `Chưa xoá được ${DATA_LABEL[n.kind]}: ${hostList(n.hosts)}.`),
    `Các trang đã xoá: ${hostList(r.origins.map((o) => new URL(o).hostname))}.`,
    `Đã đóng ${r.guidedTabsClosed} phiên hướng dẫn.`,
  ];
}

export function SessionEndButton({ onEnded }: { onEnded?: (r: EndSessionReport) => void }) {
  const [report, setReport] = useState<EndSessionReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const allClear = report ? !report.notCleared.length : false;
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
            setError(`Chưa kết thúc được phiên: ${e instanceof Error ? e.message : String(e)}. Hãy bấm lại.`);
          } finally {
            setBusy(false);
          }
        }}
      >
        Kết thúc phiên
      </button>
      <p class="small">Đăng xuất người dân khỏi mọi cổng ({PORTAL_HOSTS.dvcqg}, VNeID, Bộ Tư pháp, Thái Nguyên) trên máy này.</p>
      {report && (
        <div class={allClear ? 'ok' : 'warn'} role="status" data-testid="session-report">
          <p>{describeReport(report)}</p>
          <details data-testid="session-report-details">
            <summary>Chi tiết</summary>
            <ul>
              {reportDetails(report).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
