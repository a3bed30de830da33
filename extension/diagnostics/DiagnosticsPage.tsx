/**
 * Lists guide steps whose anchor was not found (surface, step, path without query values, time),
 * so a volunteer can report which guide broke after a portal change. Nothing leaves the computer.
 */
import { useEffect, useState } from 'preact/hooks';
import { diagnosticsLog, type DiagnosticEntry } from '../storage/items';

export function DiagnosticsPage() {
  const [entries, setEntries] = useState<DiagnosticEntry[] | null>(null);
  useEffect(() => {
    void diagnosticsLog.getValue().then(setEntries);
    return diagnosticsLog.watch((v) => setEntries(v ?? []));
  }, []);
  return (
    <main style={{ width: 'auto', maxWidth: '960px' }}>
      <h1>Nhật ký lỗi hướng dẫn</h1>
      <p>
        Mỗi dòng là một bước mà Trợ lý không tìm thấy nút hoặc ô trên cổng (cổng có thể đã đổi giao diện). Nhật ký chỉ lưu trên máy này, không có thông
        tin cá nhân. Gửi ảnh chụp trang này cho tổ trưởng để sửa hướng dẫn.
      </p>
      {entries === null ? (
        <p>Đang tải…</p>
      ) : entries.length === 0 ? (
        <p data-testid="diagnostics-empty">Chưa có lỗi nào.</p>
      ) : (
        <table data-testid="diagnostics">
          <thead>
            <tr>
              <th>Thời gian</th>
              <th>Trang</th>
              <th>Hướng dẫn</th>
              <th>Bước</th>
              <th>Đường dẫn</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={`${e.at}${e.stepId}`} data-step={e.stepId}>
                <td>{new Date(e.at).toLocaleString('vi-VN')}</td>
                <td>{e.surface}</td>
                <td>{e.guideId}</td>
                <td>{e.stepId}</td>
                <td>
                  <code>{e.path}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!!entries?.length && (
        <button type="button" onClick={() => void diagnosticsLog.setValue([])}>
          Xoá nhật ký
        </button>
      )}
    </main>
  );
}
