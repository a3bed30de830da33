import { useState } from 'preact/hooks';
import { server } from './server';
import { Feedback, useAction } from './action';
import { viDateTime } from './format';

export function LogPanel() {
  const a = useAction();
  const [log, setLog] = useState<any[] | null>(null);
  const [audit, setAudit] = useState<any>(null);
  const people = (l: any[]) => (
    <ul class="plain">
      {l.length === 0 && <li>Không có.</li>}
      {l.map((x) => (
        <li>
          {x.fullName} ({x.toDanPho}){' '}
          <button class="secondary" type="button" aria-label={`Đến dòng của ${x.fullName}`} onClick={() => a.run(() => server.jumpToCell(x.sheet, x.a1))}>
            Đến dòng
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Nhật ký thay đổi và rà soát</h2>
      <button class="primary" type="button" disabled={a.busy} onClick={() => a.run(() => server.getChangeLog(30), (l) => void setLog(l))}>
        Xem nhật ký gần đây
      </button>
      <button class="secondary" type="button" disabled={a.busy} onClick={() => a.run(() => server.installTriggers(), (r) => r.message)}>
        Bật ghi nhật ký khi sửa tay
      </button>
      <button class="secondary" type="button" disabled={a.busy} onClick={() => a.run(() => server.getAuditView(), (r) => void setAudit(r))}>
        Rà soát cho cán bộ
      </button>
      <Feedback a={a} />
      {log && (
        <ul class="plain log" aria-label="Nhật ký gần đây">
          {log.length === 0 && <li>Chưa có gì trong nhật ký.</li>}
          {log.map((e) => (
            <li>
              <div>
                <strong>{e.action}</strong>
                {e.table ? ` (trang «${e.table}»)` : ''}
              </div>
              <div class="hint">
                {viDateTime(e.at)} · {e.who}
              </div>
              {e.details && <div>{e.details}</div>}
            </li>
          ))}
        </ul>
      )}
      {audit && (
        <>
          <h3>Chưa ghi nhận đồng ý ({audit.counts.noConsent})</h3>
          {people(audit.noConsent)}
          <h3>Chưa có hồ sơ nào ({audit.counts.noFiling})</h3>
          {people(audit.noFiling)}
          <h3>Lâu không cập nhật (trên {audit.staleDays} ngày) ({audit.counts.stale})</h3>
          {people(audit.stale)}
        </>
      )}
    </section>
  );
}

