/** "Hướng dẫn sử dụng": the popup, the guide panel's buttons and icons, the keys, the toolbar badge. */
import { Fragment } from 'preact';
import { PANEL_BUTTONS } from './panelButtons';

const KEYS: Array<[string, string]> = [
  ['Esc', 'Thu gọn khung hướng dẫn và trả con trỏ về trang.'],
  ['← (mũi tên trái)', 'Quay lại bước trước.'],
  ['→ (mũi tên phải)', 'Bỏ qua bước này.'],
  ['Alt + Shift + H', 'Chuyển bàn phím vào khung hướng dẫn từ bất cứ đâu trên trang.'],
];

export function HelpPage() {
  return (
    <main lang="vi" class="tldvc-doc">
      <h1>Hướng dẫn sử dụng Trợ lý DVC</h1>
      <p>Trợ lý DVC chỉ cho tình nguyện viên từng bước trên Cổng Dịch vụ công: nút nào cần bấm, ô nào cần điền. Người dân tự gõ mật khẩu, mã OTP và passcode; tiện ích không đọc những ô này.</p>

      <h2>Cửa sổ của tiện ích</h2>
      <p>Bấm biểu tượng Trợ lý DVC trên thanh công cụ của trình duyệt.</p>
      <dl class="tldvc-help">
        <dt>Thanh trên cùng</dt>
        <dd>Luôn hiện, kể cả khi cuộn danh sách: “Ghi sổ” mở trang ghi tài khoản đã hỗ trợ; “Kết thúc phiên” đăng xuất người dân khỏi mọi cổng trên máy này. Bấm “Kết thúc phiên” trước khi tiếp người tiếp theo.</dd>
        <dt>Tìm thủ tục</dt>
        <dd>Gõ tên hoặc mã thủ tục, có dấu hay không dấu đều được, gõ sai một chữ cũng tìm ra (ví dụ “khai sihn”). Không thấy gì thì tiện ích gợi ý các thủ tục có tên gần giống.</dd>
        <dt>Dùng gần đây</dt>
        <dd>Các thủ tục mở gần đây nhất, ở trên cùng danh sách.</dd>
        <dt>Hướng dẫn đang dở</dt>
        <dd>Hướng dẫn đã đóng giữa chừng, hoặc thẻ trình duyệt bị đóng: bấm “Tiếp tục hướng dẫn” để làm tiếp từ bước đó.</dd>
        <dt>Chi tiết thủ tục</dt>
        <dd>Đánh dấu cùng người dân các giấy tờ đã có; “In / gửi danh sách giấy tờ” in danh sách (khổ A4 hoặc A5) hoặc chép để gửi Zalo; “Bắt đầu hướng dẫn” mở cổng và hiện khung hướng dẫn.</dd>
        <dt>Người dân trước còn đăng nhập?</dt>
        <dd>Nếu phiên của người dân trước chưa kết thúc, tiện ích hỏi ngay dưới nút “Bắt đầu hướng dẫn”: kết thúc phiên cũ, hay vẫn là người dân này.</dd>
      </dl>

      <h2>Trên cổng dịch vụ công</h2>
      <dl class="tldvc-help">
        <dt>
          <span class="tldvc-sample-ring" aria-hidden="true" /> Vòng sáng màu vàng
        </dt>
        <dd>Bao quanh đúng nút hoặc ô cần bấm, cần điền ở bước này.</dd>
        <dt>
          <span class="tldvc-sample-bubble" aria-hidden="true">Gợi ý</span> Ô gợi ý màu xanh
        </dt>
        <dd>Nói ngắn gọn việc cần làm với nút hoặc ô đó.</dd>
        <dt>Khung hướng dẫn</dt>
        <dd>Ở một góc màn hình: “Bước 3/9”, tên bước, giải thích, và các nút dưới đây. Lời cổng báo lỗi (ví dụ tệp quá lớn) được giải thích ngay trong khung.</dd>
      </dl>
      <h3>Các nút của khung hướng dẫn</h3>
      <table class="tldvc-help-table" data-testid="panel-buttons">
        <thead>
          <tr>
            <th scope="col">Nút</th>
            <th scope="col">Tác dụng</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(PANEL_BUTTONS).map((b) => (
            <tr key={b.name} data-button-name={b.name}>
              <th scope="row">
                <span class="tldvc-face" aria-hidden="true">
                  {b.face}
                </span>
                <span class="tldvc-face-name">{b.face === b.name ? '' : b.name}</span>
              </th>
              <td>{b.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Phím tắt</h3>
      <dl class="tldvc-help">
        {KEYS.map(([key, what]) => (
          <Fragment key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </Fragment>
        ))}
      </dl>

      <h2>Sau khi nộp hồ sơ</h2>
      <ol>
        <li>Khung hướng dẫn đề nghị “Xác nhận mã hồ sơ” đang hiện trên cổng (sửa nếu khác).</li>
        <li>Ghi hồ sơ vào sổ của phường: tổ dân phố, họ tên, ngày hẹn trả (ngày/tháng/năm), sự đồng ý của người dân.</li>
        <li>“In phiếu hẹn” cho người dân: có mã hồ sơ, ngày hẹn trả và mã QR tới trang tra cứu hồ sơ.</li>
      </ol>

      <h2>Biểu tượng trên thanh công cụ</h2>
      <p>
        <img src="/icon/32.png" alt="Biểu tượng Trợ lý DVC" width={32} height={32} /> Con số trên biểu tượng là số mục đang chờ gửi lên sổ của phường. Màu xanh: đang chờ gửi, tiện ích tự gửi lại khi có mạng. Màu đỏ: có mục sổ không nhận hoặc mã truy cập cần sửa; mở “Hàng chờ gửi” để xem.
      </p>

      <h2>Quyền riêng tư</h2>
      <p>
        Tiện ích lưu gì, gửi gì, không bao giờ đọc gì: xem <a href="/privacy.html">Chính sách quyền riêng tư</a>.
      </p>
    </main>
  );
}
