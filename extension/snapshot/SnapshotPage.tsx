/**
 * Review of a "Trang khác hướng dẫn" snapshot: the volunteer sees it rendered (a sandboxed frame,
 * no scripts) with what was hidden, then discards it or saves it as a file for the group leader.
 * Nothing is kept unless saved; nothing is sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { timestampInVietnam } from '../../shared/time/vietnam';
import { renderSnapshot } from './render';
import { SNAPSHOT_KEY_PREFIX, type PageSnapshot } from './types';

export function snapshotFileName(s: PageSnapshot): string {
  const d = timestampInVietnam(Date.parse(s.takenAt));
  return `trang-khac-huong-dan-${s.host}-${d.slice(0, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}.json`;
}

export function SnapshotPage() {
  const key = `${SNAPSHOT_KEY_PREFIX}${location.hash.slice(1)}`;
  const [snapshot, setSnapshot] = useState<PageSnapshot | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void browser.storage.session.get(key).then((v) => setSnapshot((v[key] as PageSnapshot | undefined) ?? null));
  }, [key]);

  const discard = async () => {
    await browser.storage.session.remove(key);
    setSnapshot(null);
    window.close();
  };
  const save = () => {
    if (!snapshot) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 1)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = snapshotFileName(snapshot);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setSaved(true);
  };

  if (snapshot === undefined) return <main>Đang mở ảnh chụp…</main>;
  if (snapshot === null) return <main><h1>Trang khác hướng dẫn</h1><p>Không còn ảnh chụp này (đã bỏ, hoặc phiên của người dân đã kết thúc).</p></main>;
  const c = snapshot.counts;
  return (
    <main style={{ width: 'auto', maxWidth: '1100px' }}>
      <h1>Trang khác hướng dẫn: ảnh chụp cấu trúc trang</h1>
      <p>
        Trang {snapshot.host}
        <code>{snapshot.path}</code>
        {snapshot.stepId ? ` · bước ${snapshot.stepId}` : ''}. Chỉ giữ tên nút, liên kết, nhãn, tiêu đề và tiêu đề cột; mọi chữ khác và mọi ô đã điền đã
        thay bằng ký tự che cùng độ dài (chữ thành x, số thành 0).
      </p>
      <p data-testid="snapshot-counts">
        Đã che {c.maskedTexts} đoạn chữ và {c.maskedValues} ô đã điền; {c.unreadFields} ô mật khẩu, mã OTP, mã bảo vệ hoặc tệp không hề được đọc.
      </p>
      <p>
        <strong>Xem kỹ bên dưới trước khi lưu.</strong> Ảnh chụp chưa được lưu ở đâu và không gửi đi đâu. Nếu thấy còn thông tin của người dân, bấm «Bỏ ảnh
        chụp này».
      </p>
      <div class="tldvc-rec-actions">
        <button type="button" class="tldvc-rec-button tldvc-rec-primary" onClick={save}>
          Lưu thành tệp
        </button>{' '}
        <button type="button" class="tldvc-rec-button tldvc-rec-secondary" onClick={() => void discard()}>
          Bỏ ảnh chụp này
        </button>
      </div>
      {saved && <p role="status">Đã lưu tệp {snapshotFileName(snapshot)} vào thư mục Tải về. Gửi tệp này cho tổ trưởng hoặc nhóm phát triển.</p>}
      <iframe
        title="Ảnh chụp cấu trúc trang"
        sandbox=""
        srcdoc={renderSnapshot(snapshot)}
        data-testid="snapshot-frame"
        style={{ width: '100%', height: '70vh', border: '2px solid #5f6368', background: '#fff' }}
      />
    </main>
  );
}
