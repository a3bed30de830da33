/**
 * Procedure-specific guide content that the catalogue does not carry: keyed by catalogue id.
 * `docHints[i]` finishes the sentence "… bấm “Tải lên file” và chọn …" for documents[i].
 */
export interface ProcedureNotes {
  searchWords?: string;
  docHints?: Record<number, string>;
}

export const PROCEDURE_NOTES: Record<string, ProcedureNotes> = {
  'III.2': {
    searchWords: 'đăng ký khai sinh',
    docHints: {
      0: 'tờ khai đã ký (nếu cổng không tạo tờ khai điện tử từ các ô vừa điền)',
      1: 'ảnh chụp rõ Giấy chứng sinh do bệnh viện/trạm y tế cấp',
      2: 'văn bản ủy quyền (chỉ khi người đi đăng ký không phải cha, mẹ)',
      3: 'ảnh hai mặt CCCD của người đi đăng ký',
    },
  },
  'III.3': {
    searchWords: 'đăng ký khai tử',
    docHints: { 1: 'ảnh chụp rõ Giấy báo tử (bệnh viện hoặc công an cấp)' },
  },
};
