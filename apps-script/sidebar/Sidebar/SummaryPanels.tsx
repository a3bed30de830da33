import { useState } from 'preact/hooks';
import { monthInVietnam } from '../../../shared/time/vietnam';
import { server } from './server';
import { Field } from './fields';
import { Feedback, useAction } from './action';

/** The current month in Vietnam, as a period (2026-11). */
const thisMonth = () => monthInVietnam();

function PeriodField({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  return (
    <Field id="period" label="Kỳ" hint="2026, 2026-Q4 hoặc 2026-11; để trống là toàn bộ">
      {(aria) => <input type="text" {...aria} value={value} onInput={(e) => onInput(e.currentTarget.value.trim())} />}
    </Field>
  );
}

export function SummaryPanel() {
  const a = useAction();
  const [period, setPeriod] = useState(thisMonth);
  const [s, setS] = useState<any>(null);
  return (
    <section aria-labelledby="sum-title">
      <h2 id="sum-title">Tổng hợp và chỉ tiêu</h2>
      <PeriodField value={period} onInput={setPeriod} />
      <button class="primary" type="button" disabled={a.busy} onClick={() => a.run(() => server.refreshSummary(period), (r) => { setS(r); return 'Đã làm mới trang «Tổng hợp» và biểu đồ tiến độ.'; })}>
        Làm mới tổng hợp
      </button>
      <Feedback a={a} />
      {s && (
        <>
          <p>
            Tài khoản: <strong>{s.totals.accounts}</strong> · Hồ sơ: <strong>{s.totals.filings}</strong>
          </p>
          {s.targets.length === 0 && <p>Tiến độ so với chỉ tiêu: chưa có chỉ tiêu cho kỳ này.</p>}
          {s.targets.length > 0 && <table>
            <caption class="sr-only">Tiến độ so với chỉ tiêu</caption>
            <thead>
              <tr>
                <th scope="col">Tổ dân phố (kỳ)</th>
                <th scope="col">Tài khoản</th>
                <th scope="col">Hồ sơ</th>
              </tr>
            </thead>
            <tbody>
              {s.targets.map((t: any) => (
                <tr>
                  <th scope="row">
                    {t.toDanPho} ({t.period})
                  </th>
                  <td>
                    {t.accounts}/{t.accountsTarget} ({t.accountsPct}%)
                  </td>
                  <td>
                    {t.filings}/{t.filingsTarget} ({t.filingsPct}%)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>}
        </>
      )}
    </section>
  );
}

export function ReportPanel() {
  const a = useAction();
  const [period, setPeriod] = useState(thisMonth);
  const [text, setText] = useState('');
  async function copy() {
    const el = document.getElementById('report-text') as HTMLTextAreaElement | null;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      el?.select();
      document.execCommand('copy');
    }
    a.setStatus('Đã sao chép. Dán vào nhóm Zalo.');
  }
  return (
    <section aria-labelledby="rep-title">
      <h2 id="rep-title">Báo cáo gửi nhóm Zalo</h2>
      <PeriodField value={period} onInput={setPeriod} />
      <button class="primary" type="button" disabled={a.busy} onClick={() => a.run(() => server.buildZaloReport(period), (t) => { setText(t); return 'Đã tạo báo cáo.'; })}>
        Tạo báo cáo
      </button>
      {text && (
        <>
          <label for="report-text">Nội dung báo cáo</label>
          <textarea id="report-text" readOnly rows={14} value={text} />
          <button class="secondary" type="button" onClick={copy}>
            Sao chép
          </button>
        </>
      )}
      <Feedback a={a} />
    </section>
  );
}

