/**
 * Procedure-specific guide content that the catalogue does not carry: keyed by catalogue id.
 * `docHints[i]` finishes the sentence "… bấm nút tải lên và chọn …" for documents[i].
 * `agency` says which agency receives the dossier when it is not the ward (docs/portal-evidence.md §1.5, §9).
 */
export interface AgencyNote {
  /** ward (default): UBND phường/xã; province: a provincial office, one picker; department: a Sở, chosen after ticking "Sở". */
  level: 'ward' | 'province' | 'department';
  /** Words of the "Cơ quan thực hiện: …" line of the card to press (e.g. "Văn phòng Đăng ký đất đai"). */
  card?: string[];
  /** How the hint names that agency. */
  name?: string;
}

export interface ProcedureNotes {
  searchWords?: string;
  /** Names the portal prints for the procedure when they differ from the catalogue's. */
  portalNames?: string[];
  docHints?: Record<number, string>;
  agency?: AgencyNote;
}

export const PROCEDURE_NOTES: Record<string, ProcedureNotes> = {
  'II.3': {
    // Since the 2024 land law the land registration office decides it at provincial level.
    agency: { level: 'province', card: ['Văn phòng Đăng ký đất đai', 'Văn phòng đăng ký đất đai'], name: 'Văn phòng Đăng ký đất đai' },
  },
  'III.2': {
    searchWords: 'đăng ký khai sinh',
    docHints: {
      0: 'tờ khai đã ký (nếu cổng không tạo tờ khai điện tử từ các ô vừa điền)',
      1: 'ảnh chụp rõ Giấy chứng sinh do bệnh viện/trạm y tế cấp',
      2: 'văn bản ủy quyền (chỉ khi người đi đăng ký không phải cha, mẹ)',
      3: 'ảnh hai mặt CCCD của người đi đăng ký',
    },
  },
  'III.14': { portalNames: ['Thủ tục bầu tổ trưởng tổ hòa giải (cấp xã)', 'Thủ tục bầu tổ trưởng tổ hòa giải'] },
  'III.3': {
    searchWords: 'đăng ký khai tử',
    docHints: { 1: 'ảnh chụp rõ Giấy báo tử (bệnh viện hoặc công an cấp)' },
  },
};
