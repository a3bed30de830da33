/**
 * The guide panel's buttons, named once: the overlay draws them from here and the
 * "Hướng dẫn sử dụng" page explains each one, so the two cannot drift apart.
 */
export interface PanelButton {
  /** What the button shows (a symbol for the small icon buttons). */
  face: string;
  /** Its accessible name (what a screen reader says; also the tooltip of icon buttons). */
  name: string;
  /** What it does, for the help page. */
  does: string;
}

export const PANEL_BUTTONS = {
  move: { face: '⇱', name: 'Chuyển khung sang góc khác', does: 'Đưa khung hướng dẫn sang góc khác của màn hình khi khung che mất chỗ cần xem. Tiện ích nhớ góc đã chọn.' },
  collapse: { face: '—', name: 'Thu gọn hướng dẫn', does: 'Thu khung lại chỉ còn một dòng (phím Esc cũng vậy). Vòng sáng và gợi ý trên trang vẫn hiện.' },
  expand: { face: '▢', name: 'Mở rộng hướng dẫn', does: 'Mở lại khung đã thu gọn.' },
  back: { face: '‹ Quay lại', name: 'Quay lại bước trước', does: 'Về bước trước (phím mũi tên trái). Ở bước đầu tiên, nút này báo "Đây là bước đầu tiên".' },
  done: { face: 'Xong', name: 'Xong', does: 'Báo đã làm xong bước cần tự xác nhận (ví dụ chọn cách nhận kết quả).' },
  skip: { face: 'Bỏ qua ›', name: 'Bỏ qua bước này', does: 'Sang bước sau khi bước này không cần làm (phím mũi tên phải).' },
  close: { face: 'Đóng hướng dẫn', name: 'Đóng hướng dẫn', does: 'Hỏi lại một lần "Dừng hướng dẫn cho người dân này?" rồi tắt khung. Mở lại được bằng "Tiếp tục hướng dẫn" trong cửa sổ của tiện ích.' },
  confirmCode: { face: 'Xác nhận mã hồ sơ', name: 'Xác nhận mã hồ sơ', does: 'Lưu mã hồ sơ cổng vừa cấp (kiểm tra với màn hình trước). Chưa có mã thì nút báo "Hãy nhập mã hồ sơ trước". Mã gõ tay không có trên trang thì Trợ lý hỏi lại: “Sửa lại mã” hoặc “Vẫn lưu mã này”.' },
  snapshot: {
    face: 'Trang khác hướng dẫn',
    name: 'Trang khác hướng dẫn: chụp cấu trúc trang',
    does: 'Khi trang trên cổng khác với hướng dẫn: chụp cấu trúc trang (chỉ tên nút, nhãn, tiêu đề; mọi chữ khác và mọi ô đã điền thành ký tự che; không đọc mật khẩu, mã OTP, tệp). Bạn xem trước, rồi bỏ đi hoặc lưu thành tệp gửi tổ trưởng. Không gửi đi đâu.',
  },
  appointment: { face: 'In phiếu hẹn', name: 'In phiếu hẹn', does: 'Mở phiếu hẹn cho người dân: mã hồ sơ, ngày nộp, ngày hẹn trả và mã QR tới trang tra cứu hồ sơ; in hoặc gửi qua Zalo.' },
} satisfies Record<string, PanelButton>;
