import { useState } from 'preact/hooks';
import { server } from './server';
import { Field, type Errors } from './fields';
import { Feedback, useAction } from './action';
import type { SidebarData } from './types';
import { PackPanel } from './PackPanel';

export function SettingsPanel({ data, reload }: { data: SidebarData; reload: () => void }) {
  const a = useAction();
  const [s, setS] = useState({
    ...data.settings,
    retentionMonths: String(data.settings.retentionMonths),
    staleDays: String(data.settings.staleDays),
    managers: (data.settings.managers ?? []).join('\n'),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [confirmPurge, setConfirmPurge] = useState(false);
  const months = Number(data.settings.retentionMonths);
  return (
    <>
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
                  a.setAlert('Có trường chưa hợp lệ.', 'save');
                  return;
                }
                setErrors({});
                setS({ ...s, managers: r.settings.managers.join('\n') });
                reload();
                return r.protectionsUpdated ? `Đã lưu cài đặt và cập nhật quyền sửa ${r.protectionsUpdated} vùng được bảo vệ.` : 'Đã lưu cài đặt.';
              },
              'save',
            )
          }
        >
          Lưu cài đặt
        </button>
        <Feedback a={a} at="save" />
        <h3>Xoá dữ liệu quá hạn</h3>
        {!confirmPurge && (
          <button class="danger" type="button" disabled={a.busy} onClick={() => setConfirmPurge(true)}>
            Xoá dữ liệu quá hạn ngay
          </button>
        )}
        {confirmPurge && (
          <div class="card" role="group" aria-label="Xác nhận xoá dữ liệu quá hạn">
            <p>
              {months > 0
                ? `Xoá ngay họ tên, năm sinh, số điện thoại, CCCD, mã hồ sơ và ghi chú của mọi tài khoản và hồ sơ cũ hơn ${months} tháng (theo thời hạn lưu đã lưu), cả trong «Nhật ký». Các dòng vẫn giữ để số liệu thống kê không đổi. Không hoàn tác được.`
                : 'Thời hạn lưu đang là 0 (không tự xoá): sẽ không xoá gì.'}
            </p>
            <button class="danger" type="button" disabled={a.busy} onClick={() => { setConfirmPurge(false); void a.run(() => server.purgeExpiredData(), (r) => (r.cutoff ? `Đã xoá dữ liệu cá nhân trước ${r.cutoff}: ${r.accounts} tài khoản, ${r.filings} hồ sơ.` : 'Thời hạn lưu đang là 0: không xoá gì.'), 'purge'); }}>
              Xác nhận xoá
            </button>
            <button class="secondary" type="button" onClick={() => setConfirmPurge(false)}>
              Thôi
            </button>
          </div>
        )}
        <Feedback a={a} at="purge" />
      </section>
      <PackPanel />
    </>
  );
}
