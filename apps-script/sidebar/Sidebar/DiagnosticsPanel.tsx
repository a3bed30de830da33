import { useEffect, useState } from 'preact/hooks';
import { server, type ServerResult } from './server';
import { Feedback, useAction } from './action';
import { guideDataLabel, guideLabel, surfaceLabel, viDateTime, viDay } from './format';

type View = ServerResult<'getDiagnostics'>;

/** «Chẩn đoán»: the guide steps the volunteers' extensions could not place on a portal page lately. */
export function DiagnosticsPanel() {
  const a = useAction();
  const [view, setView] = useState<View | null>(null);
  const [days, setDays] = useState(7);
  const load = () => a.run(() => server.getDiagnostics(), (v) => void setView(v));
  useEffect(() => {
    void load();
  }, []);
  const steps = view?.windows.find((w) => w.days === days)?.steps ?? [];
  return (
    <section aria-labelledby="diag-title">
      <h2 id="diag-title">Chẩn đoán hướng dẫn</h2>
      <p class="hint">
        Các bước hướng dẫn mà tiện ích của tình nguyện viên không tìm thấy chỗ trên trang cổng (thường vì cổng vừa đổi giao diện). Chỉ có mã bước, tên trang và đường dẫn đã che: không có thông tin của người dân.
      </p>
      <fieldset>
        <legend>Khoảng thời gian</legend>
        {[7, 30].map((d) => (
          <label class="check">
            <input type="radio" name="diag-days" checked={days === d} onChange={() => setDays(d)} />
            {d} ngày qua
          </label>
        ))}
      </fieldset>
      <button class="secondary" type="button" disabled={a.busy} onClick={load}>
        Tải lại
      </button>
      <Feedback a={a} />
      {view && (
        <>
          <h3 id="diag-list">
            Bước bị lỗi trong {days} ngày qua ({steps.length})
          </h3>
          {steps.length === 0 && <p>Không có bước nào bị lỗi trong {days} ngày qua.</p>}
          <ul class="plain" aria-labelledby="diag-list">
            {steps.map((s) => (
              <li>
                <div>
                  <strong>
                    Bước «{s.stepId}» không thấy trên trang {surfaceLabel(s.surface)}
                  </strong>
                </div>
                <div>Hướng dẫn {guideLabel(s.guideId)}</div>
                <div>
                  {s.misses} lần, trên {s.machines} máy của {s.volunteers} tình nguyện viên
                </div>
                <div>
                  Từ {viDay(s.since)}, lần cuối {viDateTime(s.last)}
                </div>
                <div class="hint">
                  Đường dẫn lần cuối: <span class="path">{s.lastPath}</span>
                </div>
                {s.guideData.length > 0 && <div class="hint">Dữ liệu hướng dẫn lúc lỗi: {s.guideData.map(guideDataLabel).join('; ')}</div>}
              </li>
            ))}
          </ul>
          <h3 id="diag-versions">Dữ liệu hướng dẫn trên máy tình nguyện viên</h3>
          {view.versions.length === 0 && <p>Chưa tình nguyện viên nào gửi vào sổ.</p>}
          <ul class="plain" aria-labelledby="diag-versions">
            {view.versions.map((v) => (
              <li>
                <strong>{v.name}</strong>: {guideDataLabel(v.guideData)}
                <div class="hint">
                  Tiện ích {v.version || 'không rõ'} · lần gửi cuối {viDateTime(v.at)}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
