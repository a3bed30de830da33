import { useState } from 'preact/hooks';
import { server } from './server';
import { Feedback, useAction } from './action';

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
      <Feedback a={a} />
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

