import { useState } from 'preact/hooks';
import { server } from './server';
import { Field, VolunteerOptions, type Errors } from './fields';
import { Feedback, useAction } from './action';
import type { SidebarData } from './types';

export function CodesPanel({ data, reload }: { data: SidebarData; reload: () => void }) {
  const a = useAction();
  const [codes, setCodes] = useState<any[] | null>(null);
  const [issued, setIssued] = useState<{ code: string; volunteerId: string; expiresAt: string } | null>(null);
  const [vol, setVol] = useState('');
  const [days, setDays] = useState('90');
  const [name, setName] = useState('');
  const [tdp, setTdp] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [revoking, setRevoking] = useState('');
  const list = (where = 'list') => a.run(() => server.listAccessCodes(), (c) => void setCodes(c), where);
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">Tình nguyện viên và mã truy cập</h2>
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
      <button class="secondary" type="button" disabled={a.busy} onClick={() => a.run(() => server.addVolunteer({ name, toDanPho: tdp }), (r) => { if (!r.ok) { setErrors(r.errors); return; } setErrors({}); setName(''); reload(); return `Đã thêm tình nguyện viên ${r.id}.`; }, 'volunteer')}>
        Thêm tình nguyện viên
      </button>
      <Feedback a={a} at="volunteer" />
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
      <button class="primary" type="button" disabled={a.busy || !vol} onClick={() => a.run(() => server.issueAccessCode(vol, Number(days)), (r) => { setIssued(r); void list('issue'); return 'Đã cấp mã. Mã chỉ hiện một lần.'; }, 'issue')}>
        Cấp mã
      </button>
      <Feedback a={a} at="issue" />
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
      <button class="secondary" type="button" disabled={a.busy} onClick={() => list()}>
        Xem danh sách mã
      </button>
      <Feedback a={a} at="list" />
      {codes && (
        <ul class="plain" aria-label="Các mã đã cấp">
          {codes.length === 0 && <li>Chưa cấp mã nào.</li>}
          {codes.map((c) => (
            <li>
              {c.codeId} – {c.volunteerName || c.volunteerId} – {c.state}; hết hạn {c.expiresAt.slice(0, 10)}; dùng lần cuối {c.lastUsedAt ? c.lastUsedAt.replace('T', ' ').slice(0, 16) : 'chưa dùng'}{' '}
              {c.state === 'Đang dùng' && revoking !== c.codeId && (
                <button class="danger" type="button" onClick={() => setRevoking(c.codeId)}>
                  Thu hồi {c.codeId}
                </button>
              )}
              {revoking === c.codeId && (
                <div class="card" role="group" aria-label={`Xác nhận thu hồi ${c.codeId}`}>
                  <p>
                    Thu hồi mã {c.codeId} của {c.volunteerName || c.volunteerId}? Tiện ích của người dùng mã này sẽ không gửi được vào sổ nữa (các mục đang chờ vẫn giữ trên máy họ) cho đến khi được cấp mã mới. Không hoàn tác được.
                  </p>
                  <button class="danger" type="button" disabled={a.busy} onClick={() => { setRevoking(''); void a.run(() => server.revokeAccessCode(c.codeId), () => { void list('list'); return `Đã thu hồi mã ${c.codeId}.`; }, 'list'); }}>
                    Xác nhận thu hồi
                  </button>
                  <button class="secondary" type="button" onClick={() => setRevoking('')}>
                    Thôi
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

