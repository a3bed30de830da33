import { useState } from 'preact/hooks';
import { server } from './server';
import { Field, VolunteerOptions } from './fields';
import { Feedback, useAction } from './action';
import type { SidebarData } from './types';

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
      <Feedback a={a} />
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

