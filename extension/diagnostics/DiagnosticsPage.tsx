/**
 * Lists guide steps whose anchor was not found (surface, step, path without query values, time) and
 * whether each went to the ward's registry, then the guide data in use and what the last guide-pack
 * checks found (refused packs with their reason). No personal data on this page.
 */
import { GuideDataLine } from '../packs/GuideDataLine';
import { packChecksItem, type PackCheck } from '../packs/storage';
import { outboxItem, syncSettingsItem } from '../outbox/storage';
import type { OutboxItem } from '../outbox/types';
import { useStored } from '../pages/useStored';
import { diagnosticsLog, type DiagnosticEntry } from '../storage/items';

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

function sentState(e: DiagnosticEntry, outbox: OutboxItem[]): string {
  if (!e.queued) return 'Chỉ lưu trên máy';
  const item = outbox.find((i) => i.clientId === e.id);
  if (!item) return 'Đã gửi sổ';
  return item.state === 'rejected' ? `Sổ chưa nhận: ${item.lastError?.message ?? ''}` : 'Chờ gửi';
}

const CHECK_LABEL: Record<PackCheck['outcome'], string> = {
  installed: 'Đã dùng gói',
  same: 'Không có gói mới',
  refused: 'Từ chối gói',
  'no-pack': 'Chưa có gói',
  unreachable: 'Không tải được',
};

export function DiagnosticsPage() {
  const entries = useStored(diagnosticsLog);
  const outbox = useStored(outboxItem) ?? [];
  const settings = useStored(syncSettingsItem);
  const checks = useStored(packChecksItem) ?? [];
  const linked = Boolean(settings?.endpoint && settings.accessCode);
  return (
    <main style={{ width: 'auto', maxWidth: '960px' }}>
      <h1>Nhật ký lỗi hướng dẫn</h1>
      <p>
        Mỗi dòng là một bước mà Trợ lý không tìm thấy nút hoặc ô trên cổng (cổng có thể đã đổi giao diện): trang, bước, dạng đường dẫn (không có giá trị
        nào), thời gian. Không có thông tin cá nhân, không có chữ trên trang.
      </p>
      <p data-testid="diagnostics-sending">
        {linked
          ? 'Máy này đã liên kết với sổ của phường: mỗi lỗi mới cũng được gửi về sổ (trang «Chẩn đoán»), mỗi lỗi một lần dù tải lại trang bao nhiêu lần.'
          : 'Máy này chưa liên kết với sổ của phường: nhật ký chỉ lưu trên máy này, không gửi đi đâu. Gửi ảnh chụp trang này cho tổ trưởng để sửa hướng dẫn.'}
      </p>
      {entries === undefined ? (
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
              <th>Gửi sổ</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => (
              <tr key={e.id ?? `${e.at}${e.stepId}`} data-step={e.stepId}>
                <td>
                  {when(e.at)}
                  {(e.count ?? 1) > 1 ? ` (gặp ${e.count} lần)` : ''}
                </td>
                <td>{e.surface}</td>
                <td>{e.guideId}</td>
                <td>{e.stepId}</td>
                <td>
                  <code>{e.path}</code>
                </td>
                <td data-testid="diagnostic-sent">{sentState(e, outbox)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!!entries?.length && (
        <button type="button" onClick={() => void diagnosticsLog.setValue([])}>
          Xoá nhật ký trên máy này
        </button>
      )}
      <h2>Dữ liệu hướng dẫn</h2>
      <GuideDataLine />
      {checks.length === 0 ? (
        <p data-testid="pack-checks-empty">Chưa kiểm tra gói hướng dẫn nào (chọn nguồn gói ở trang «Liên kết sổ của phường»).</p>
      ) : (
        <ul data-testid="pack-checks">
          {[...checks].reverse().map((c) => (
            <li key={c.at} data-outcome={c.outcome}>
              <strong>
                {when(c.at)} · {CHECK_LABEL[c.outcome]}
              </strong>
              : {c.message}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
