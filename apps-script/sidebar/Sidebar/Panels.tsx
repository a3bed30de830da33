import { useState } from 'preact/hooks';
import { monthInVietnam } from '../../../shared/time/vietnam';
import { messageOf, server } from './server';
import { Alert, Field, Status, VolunteerOptions, type Errors } from './fields';
import type { SidebarData } from './types';

function useAction() {
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState('');
  const [status, setStatus] = useState('');
  async function run<T>(fn: () => Promise<T>, done?: (v: T) => string | void): Promise<T | undefined> {
    setBusy(true);
    setAlert('');
    setStatus('');
    try {
      const v = await fn();
      const msg = done?.(v);
      if (msg) setStatus(msg);
      return v;
    } catch (e) {
      setAlert(messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, alert, status, setAlert, setStatus, run };
}

export function CheckPanel() {
  const a = useAction();
  const [res, setRes] = useState<{ checkedRows: number; issueCount: number; truncated: boolean; issues: Array<{ sheet: string; a1: string; column: string; message: string }> } | null>(null);
  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">Kiểm tra dữ liệu</h2>
      <p class="hint">Kiểm tra mọi dòng: CCCD, số điện thoại, ngày, trường bắt buộc, mã thủ tục. Ô sai được tô đỏ và ghi chú.</p>
      <button class="primary" type="button" disabled={a.busy} onClick={() => a.run(() => server.checkData(), (r) => { setRes(r); return r.issueCount === 0 ? `Đã kiểm tra ${r.checkedRows} dòng: không có lỗi.` : `Đã kiểm tra ${r.checkedRows} dòng: có ${r.issueCount} ô cần sửa.`; })}>
        Kiểm tra dữ liệu
      </button>
      <Alert text={a.alert} />
      <Status text={a.status} />
      {res && res.issues.length > 0 && (
        <ul class="plain" aria-label="Các ô cần sửa">
          {res.issues.map((i) => (
            <li>
              <strong>
                {i.sheet} {i.a1}
              </strong>{' '}
              ({i.column}): {i.message}{' '}
              <button class="secondary" type="button" onClick={() => a.run(() => server.jumpToCell(i.sheet, i.a1))} aria-label={`Đến ô ${i.a1} trang ${i.sheet}`}>
                Đến ô
              </button>
            </li>
          ))}
          {res.truncated && <li>Chỉ hiện {res.issues.length} lỗi đầu tiên; sửa xong hãy kiểm tra lại.</li>}
        </ul>
      )}
    </section>
  );
}

export function DuplicatesPanel() {
  const a = useAction();
  const [pairs, setPairs] = useState<any[] | null>(null);
  const [confirming, setConfirming] = useState<string>('');
  const load = () => a.run(() => server.findDuplicates(), (p) => { setPairs(p); return p.length ? `Tìm thấy ${p.length} cặp có thể trùng.` : 'Không có tài khoản trùng.'; });
  const person = (x: any) => `${x.fullName} (${x.birthYear}, ${x.toDanPho}${x.cccdLast4 ? `, CCCD …${x.cccdLast4}` : ''}, dòng ${x.row}, ngày ${x.createdOn})`;
  return (
    <section aria-labelledby="dup-title">
      <h2 id="dup-title">Tìm trùng</h2>
      <p class="hint">Cùng số CCCD, hoặc cùng họ tên, năm sinh và tổ dân phố. Gộp giữ bản ghi cũ hơn, chuyển hồ sơ sang và ghi nhật ký.</p>
      <button class="primary" type="button" disabled={a.busy} onClick={load}>
        Tìm trùng
      </button>
      <Alert text={a.alert} />
      <Status text={a.status} />
      {pairs && (
        <ul class="plain" aria-label="Các cặp có thể trùng">
          {pairs.map((p) => {
            const key = `${p.keep.id}|${p.drop.id}`;
            return (
              <li key={key}>
                <div>{p.reason}</div>
                <div>Giữ: {person(p.keep)}</div>
                <div>Gộp vào: {person(p.drop)}</div>
                {confirming === key ? (
                  <>
                    <button class="danger" type="button" disabled={a.busy} onClick={async () => { setConfirming(''); const r = await a.run(() => server.mergeDuplicates(p.keep.id, p.drop.id)); if (r) { await load(); a.setStatus(`Đã gộp: giữ bản ghi cũ, chuyển ${r.movedFilings} hồ sơ.`); } }}>
                      Xác nhận gộp
                    </button>
                    <button class="secondary" type="button" onClick={() => setConfirming('')}>
                      Thôi
                    </button>
                  </>
                ) : (
                  <button class="secondary" type="button" onClick={() => setConfirming(key)}>
                    Gộp cặp này
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

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
      <Alert text={a.alert} />
      <Status text={a.status} />
      {s && (
        <>
          <p>
            Tài khoản: <strong>{s.totals.accounts}</strong> · Hồ sơ: <strong>{s.totals.filings}</strong>
          </p>
          <table>
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
          </table>
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
      <Alert text={a.alert} />
      {text && (
        <>
          <label for="report-text">Nội dung báo cáo</label>
          <textarea id="report-text" readOnly rows={14} value={text} />
          <button class="secondary" type="button" onClick={copy}>
            Sao chép
          </button>
        </>
      )}
      <Status text={a.status} />
    </section>
  );
}

export function CodesPanel({ data, reload }: { data: SidebarData; reload: () => void }) {
  const a = useAction();
  const [codes, setCodes] = useState<any[] | null>(null);
  const [issued, setIssued] = useState<{ code: string; volunteerId: string; expiresAt: string } | null>(null);
  const [vol, setVol] = useState('');
  const [days, setDays] = useState('90');
  const [name, setName] = useState('');
  const [tdp, setTdp] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const list = () => a.run(() => server.listAccessCodes(), (c) => void setCodes(c));
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">Tình nguyện viên và mã truy cập</h2>
      <Alert text={a.alert} />
      <Status text={a.status} />
      <h3>Thêm tình nguyện viên</h3>
      <Field id="vname" label="Họ và tên tình nguyện viên" error={errors.name}>
        {(aria) => <input type="text" {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id="vtdp" label="Tổ dân phố của tình nguyện viên" error={errors.toDanPho}>
        {(aria) => (
          <select {...aria} value={tdp} onChange={(e) => setTdp(e.currentTarget.value)}>
            <option value="">— Chọn —</option>
            {data.toDanPho.map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        )}
      </Field>
      <button class="secondary" type="button" disabled={a.busy} onClick={() => a.run(() => server.addVolunteer({ name, toDanPho: tdp }), (r) => { if (!r.ok) { setErrors(r.errors); return; } setErrors({}); setName(''); reload(); return `Đã thêm tình nguyện viên ${r.id}.`; })}>
        Thêm tình nguyện viên
      </button>
      <h3>Cấp mã truy cập cho tiện ích</h3>
      <Field id="cvol" label="Tình nguyện viên nhận mã">
        {(aria) => (
          <select {...aria} value={vol} onChange={(e) => setVol(e.currentTarget.value)}>
            <VolunteerOptions volunteers={data.volunteers} />
          </select>
        )}
      </Field>
      <Field id="cdays" label="Thời hạn (ngày)">
        {(aria) => <input type="number" min={1} max={365} {...aria} value={days} onInput={(e) => setDays(e.currentTarget.value)} />}
      </Field>
      <button class="primary" type="button" disabled={a.busy || !vol} onClick={() => a.run(() => server.issueAccessCode(vol, Number(days)), (r) => { setIssued(r); list(); return 'Đã cấp mã. Mã chỉ hiện một lần.'; })}>
        Cấp mã
      </button>
      {issued && (
        <div class="card" role="region" aria-label="Mã vừa cấp">
          <p>
            Mã cho {issued.volunteerId}, hết hạn {issued.expiresAt.slice(0, 10)}. <strong>Mã chỉ hiện một lần</strong>: đọc cho tình nguyện viên dán vào trang Tuỳ chọn của tiện ích, không gửi qua nhóm chung.
          </p>
          <p class="code" data-testid="issued-code">
            {issued.code}
          </p>
          <button class="secondary" type="button" onClick={() => setIssued(null)}>
            Đã ghi nhận, ẩn mã
          </button>
        </div>
      )}
      <h3>Các mã đã cấp</h3>
      <button class="secondary" type="button" disabled={a.busy} onClick={list}>
        Xem danh sách mã
      </button>
      {codes && (
        <ul class="plain" aria-label="Các mã đã cấp">
          {codes.length === 0 && <li>Chưa cấp mã nào.</li>}
          {codes.map((c) => (
            <li>
              {c.codeId} – {c.volunteerName || c.volunteerId} – {c.state}; hết hạn {c.expiresAt.slice(0, 10)}; dùng lần cuối {c.lastUsedAt ? c.lastUsedAt.replace('T', ' ').slice(0, 16) : 'chưa dùng'}{' '}
              {c.state === 'Đang dùng' && (
                <button class="danger" type="button" onClick={() => a.run(() => server.revokeAccessCode(c.codeId), () => { list(); return `Đã thu hồi mã ${c.codeId}.`; })}>
                  Thu hồi {c.codeId}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

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
      <Alert text={a.alert} />
      <Status text={a.status} />
      {log && (
        <table aria-label="Nhật ký gần đây">
          <thead>
            <tr>
              <th scope="col">Lúc</th>
              <th scope="col">Ai</th>
              <th scope="col">Việc</th>
              <th scope="col">Chi tiết</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr>
                <td>{e.at.replace('T', ' ').slice(0, 16)}</td>
                <td>{e.who}</td>
                <td>{e.action}</td>
                <td>{[e.before && `Trước: ${e.before}`, e.after && `Sau: ${e.after}`].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
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

export function ImportPanel({ data }: { data: SidebarData }) {
  const a = useAction();
  const [vol, setVol] = useState('');
  const [result, setResult] = useState<any>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const input = document.getElementById('import-file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return a.setAlert('Hãy chọn tệp hàng chờ (.json) do tiện ích xuất ra.');
    if (!vol) return a.setAlert('Hãy chọn tình nguyện viên đã gửi tệp này.');
    const text = await file.text();
    await a.run(() => server.importOutboxFile(text, vol), (r) => {
      setResult(r);
      if (!r.ok) a.setAlert(r.message);
      return r.ok ? r.message : '';
    });
  }
  return (
    <section aria-labelledby="imp-title">
      <h2 id="imp-title">Nhập từ tệp</h2>
      <p class="hint">Khi tiện ích không gửi thẳng được vào sổ, tình nguyện viên xuất hàng chờ ra tệp. Bản ghi đã có sẽ không bị ghi hai lần.</p>
      <form onSubmit={submit}>
        <Field id="import-file" label="Tệp hàng chờ (.json)">
          {(aria) => <input type="file" accept=".json,application/json" {...aria} />}
        </Field>
        <Field id="import-vol" label="Tình nguyện viên đã gửi tệp">
          {(aria) => (
            <select {...aria} value={vol} onChange={(e) => setVol(e.currentTarget.value)}>
              <VolunteerOptions volunteers={data.volunteers} />
            </select>
          )}
        </Field>
        <button class="primary" type="submit" disabled={a.busy}>
          Nhập tệp
        </button>
      </form>
      <Alert text={a.alert} />
      <Status text={a.status} />
      {result?.rejected?.length > 0 && (
        <ul class="plain" aria-label="Bản ghi bị từ chối">
          {result.rejected.map((r: any) => (
            <li>
              {r.clientId}: {r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SettingsPanel({ data, reload }: { data: SidebarData; reload: () => void }) {
  const a = useAction();
  const [s, setS] = useState({
    ...data.settings,
    retentionMonths: String(data.settings.retentionMonths),
    staleDays: String(data.settings.staleDays),
    managers: (data.settings.managers ?? []).join('\n'),
  });
  const [errors, setErrors] = useState<Errors>({});
  return (
    <section aria-labelledby="set-title">
      <h2 id="set-title">Cài đặt bảo vệ dữ liệu</h2>
      <Field id="ward" label="Tên phường" error={errors.ward}>
        {(aria) => <input type="text" {...aria} value={s.ward} onInput={(e) => setS({ ...s, ward: e.currentTarget.value })} />}
      </Field>
      <label class="check">
        <input type="checkbox" checked={s.fullCccd} onChange={(e) => setS({ ...s, fullCccd: e.currentTarget.checked })} aria-describedby="fullcccd-hint" />
        Lưu số CCCD đầy đủ
      </label>
      <p class="hint" id="fullcccd-hint">
        Mặc định tắt: sổ chỉ lưu 4 số cuối và một mã băm có khoá để tìm trùng. Chỉ bật khi phường thật sự cần và đã đánh giá rủi ro.
      </p>
      <Field id="retention" label="Thời hạn lưu dữ liệu cá nhân (tháng)" hint="0 là không tự xoá" error={errors.retentionMonths}>
        {(aria) => <input type="number" min={0} max={240} {...aria} value={s.retentionMonths} onInput={(e) => setS({ ...s, retentionMonths: e.currentTarget.value })} />}
      </Field>
      <Field id="stale" label="Coi là lâu không cập nhật sau (ngày)" error={errors.staleDays}>
        {(aria) => <input type="number" min={7} max={3650} {...aria} value={s.staleDays} onInput={(e) => setS({ ...s, staleDays: e.currentTarget.value })} />}
      </Field>
      <Field id="managers" label="Người quản lý sổ" hint="mỗi dòng một email" error={errors.managers}>
        {(aria) => <textarea rows={4} {...aria} spellcheck={false} autocomplete="off" value={s.managers} onInput={(e) => setS({ ...s, managers: e.currentTarget.value })} />}
      </Field>
      <p class="hint">
        Tổ trưởng và cán bộ phường dùng tiện ích này. Cùng chủ sổ và người chạy «Thiết lập sổ», chỉ những người này được ghi vào các cột mã, «Nhật ký» và «Mã truy cập»; lưu cài đặt sẽ cập nhật ngay quyền sửa các vùng đó.
      </p>
      <button
        class="primary"
        type="button"
        disabled={a.busy}
        onClick={() =>
          a.run(
            () =>
              server.saveSettings({
                ward: s.ward,
                fullCccd: s.fullCccd,
                retentionMonths: Number(s.retentionMonths),
                staleDays: Number(s.staleDays),
                managers: s.managers.split(/[\s,;]+/).filter(Boolean),
              }),
            (r) => {
              if (!r.ok) {
                setErrors(r.errors);
                a.setAlert('Có trường chưa hợp lệ.');
                return;
              }
              setErrors({});
              setS({ ...s, managers: r.settings.managers.join('\n') });
              reload();
              return r.protectionsUpdated ? `Đã lưu cài đặt và cập nhật quyền sửa ${r.protectionsUpdated} vùng được bảo vệ.` : 'Đã lưu cài đặt.';
            },
          )
        }
      >
        Lưu cài đặt
      </button>
      <button class="danger" type="button" disabled={a.busy} onClick={() => a.run(() => server.purgeExpiredData(), (r) => (r.cutoff ? `Đã xoá dữ liệu cá nhân trước ${r.cutoff}: ${r.accounts} tài khoản, ${r.filings} hồ sơ.` : 'Thời hạn lưu đang là 0: không xoá gì.'))}>
        Xoá dữ liệu quá hạn ngay
      </button>
      <Alert text={a.alert} />
      <Status text={a.status} />
    </section>
  );
}
