import { useEffect, useState } from 'preact/hooks';
import { MAX_PACK_BYTES } from '../../../shared/schemas/pack';
import { server, type ServerResult } from './server';
import { Field } from './fields';
import { Feedback, useAction } from './action';
import { viDateTime, viDay } from './format';

type Pack = ServerResult<'getGuidePack'>;
const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** Cài đặt → «Gói hướng dẫn»: the signed guide pack the ward's extensions fetch from the registry. */
export function PackPanel() {
  const a = useAction();
  const [pack, setPack] = useState<Pack | undefined>(undefined);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    void a.run(() => server.getGuidePack(), (p) => void setPack(p), 'upload');
  }, []);
  async function upload() {
    const input = document.getElementById('pack-file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return a.setAlert('Hãy chọn tệp gói hướng dẫn (.json) trước.', 'upload');
    if (file.size > MAX_PACK_BYTES) return a.setAlert(`Tệp quá lớn (${kb(file.size)}; gói hướng dẫn tối đa ${kb(MAX_PACK_BYTES)}). Hãy chọn đúng tệp gói.`, 'upload');
    const text = await file.text();
    await a.run(() => server.uploadGuidePack(text), (r) => {
      if (!r.ok) {
        a.setAlert(r.message, 'upload');
        return;
      }
      setPack(r.pack);
      input.value = '';
      return r.message;
    }, 'upload');
  }
  return (
    <section aria-labelledby="pack-title">
      <h2 id="pack-title">Gói hướng dẫn</h2>
      <p class="hint">
        Khi cổng dịch vụ công đổi giao diện, nhóm phát triển phát hành một gói hướng dẫn đã ký. Đặt gói vào sổ để tiện ích của tình nguyện viên nhận bản sửa mà không phải cài lại (địa chỉ gói: địa chỉ ứng dụng web của sổ, thêm <span class="path">?pack=1</span>). Tiện ích tự kiểm tra chữ ký.
      </p>
      {pack === null && <p>Sổ chưa có gói hướng dẫn: tiện ích dùng hướng dẫn có sẵn trong bản cài.</p>}
      {pack && (
        <div class="card" aria-label="Gói đang đặt trong sổ">
          Gói đang đặt: <strong>{pack.version}</strong>, tạo ngày {viDay(pack.createdAt)} ({kb(pack.bytes)})
          <div class="hint">
            Đặt lúc {viDateTime(pack.uploadedAt)} bởi {pack.uploadedBy}
          </div>
        </div>
      )}
      <Field id="pack-file" label="Tệp gói hướng dẫn (.json)" hint={`tối đa ${kb(MAX_PACK_BYTES)}`}>
        {(aria) => <input type="file" accept=".json,application/json" {...aria} />}
      </Field>
      <button class="primary" type="button" disabled={a.busy} onClick={() => void upload()}>
        Đặt gói vào sổ
      </button>
      <Feedback a={a} at="upload" />
      {pack && !confirm && (
        <button class="danger" type="button" disabled={a.busy} onClick={() => setConfirm(true)}>
          Gỡ gói hướng dẫn
        </button>
      )}
      {pack && confirm && (
        <div class="card" role="group" aria-label="Xác nhận gỡ gói hướng dẫn">
          <p>Gỡ gói {pack.version} khỏi sổ? Sau khi gỡ, sổ không phát gói này cho tiện ích nữa.</p>
          <button
            class="danger"
            type="button"
            disabled={a.busy}
            onClick={() => {
              setConfirm(false);
              void a.run(() => server.removeGuidePack(), (r) => {
                setPack(null);
                return r.message;
              }, 'remove');
            }}
          >
            Xác nhận gỡ
          </button>
          <button class="secondary" type="button" onClick={() => setConfirm(false)}>
            Thôi
          </button>
        </div>
      )}
      <Feedback a={a} at="remove" />
    </section>
  );
}
