/**
 * The first time the popup opens: what the extension does in three steps, where the help is.
 * It sits above the search (never in its way) until the volunteer says "Đã hiểu".
 */
import { firstRunDone } from '../storage/items';
import { openExtensionPage } from './start';

export function FirstRun({ onDone }: { onDone(): void }) {
  const done = () => {
    void firstRunDone.setValue(new Date().toISOString());
    onDone();
  };
  return (
    <section class="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">Chào mừng đến với Trợ lý DVC</h2>
      <ol>
        <li>Gõ tên thủ tục người dân cần làm (gõ không dấu, gõ sai một chữ cũng được) và chọn thủ tục.</li>
        <li>Cùng người dân đánh dấu giấy tờ đã có, rồi bấm “Bắt đầu hướng dẫn”: khung hướng dẫn trên cổng chỉ từng nút, từng ô.</li>
        <li>Nộp xong, ghi hồ sơ vào sổ và in phiếu hẹn. Trước người tiếp theo, bấm “Kết thúc phiên” ở trên cùng.</li>
      </ol>
      <p>Tiện ích không đọc mật khẩu, mã OTP hay passcode của người dân.</p>
      <div class="row">
        <button type="button" class="primary-inline" onClick={done}>
          Đã hiểu
        </button>
        <button
          type="button"
          onClick={() => {
            openExtensionPage('/help.html');
            done();
          }}
        >
          Xem hướng dẫn sử dụng
        </button>
      </div>
    </section>
  );
}
