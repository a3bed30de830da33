import { useState } from 'preact/hooks';
import { server } from './server';
import { Feedback, useAction } from './action';

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
      <Feedback a={a} />
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

