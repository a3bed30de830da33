// Fills a set-up registry with n accounts and n filings directly in the fake
// (uncounted), some of them invalid and some duplicated, for scale tests.
import type { FakeSpreadsheet } from '../../fakes/gas';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương'];
const TZ = 7 * 3600 * 1000;
const day = (i: number) => new Date(Date.UTC(2026, i % 11, 1 + (i % 27)) - TZ);

export function seedRegistry(ss: FakeSpreadsheet, n: number): void {
  const acc = ss.sheet('Tài khoản')!;
  const fil = ss.sheet('Hồ sơ')!;
  const ah = acc.values[0] as string[];
  const fh = fil.values[0] as string[];
  const accounts: unknown[][] = [];
  const filings: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const a: Record<string, unknown> = {
      'Mã bản ghi': id,
      'Họ và tên': `${NAMES[i % NAMES.length]} ${i % 997}`,
      'Năm sinh': 1950 + (i % 50),
      'Tổ dân phố': `Tổ dân phố ${1 + (i % 12)}`,
      'CCCD (4 số cuối)': String(i % 10000).padStart(4, '0'),
      'Khoá tìm trùng CCCD': `h1:${(i % 9973).toString(16).padStart(32, '0')}`,
      'Số điện thoại': i % 50 === 0 ? '+84212345678' : `+8491${String(i % 10000000).padStart(7, '0')}`,
      'Ứng dụng đã đăng ký': 'Cổng DVC quốc gia/VNeID',
      'Ngày hỗ trợ': day(i),
      'Tình nguyện viên': 'TNV-001',
      'Đã đồng ý': i % 40 !== 0,
      'Phiên bản nội dung đồng ý': 'v1-2026-11',
      'Thời điểm đồng ý': '2026-11-20T09:00:00+07:00',
      'Cập nhật lúc': '2026-11-20T09:00:00+07:00',
    };
    accounts.push(ah.map((h) => a[h] ?? ''));
    const f: Record<string, unknown> = {
      'Mã bản ghi': `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      'Mã tài khoản': id,
      'Họ và tên người dân': a['Họ và tên'],
      'Tổ dân phố': a['Tổ dân phố'],
      'Thủ tục (danh mục)': i % 3 === 0 ? 'III.2 — Thủ tục đăng ký khai sinh' : 'IV.99 — không có',
      'Mã TTHC': i % 3 === 0 ? '1.001193' : '',
      'Mã hồ sơ': `G22.99-${String(i).padStart(8, '0')}`,
      'Ngày nộp': day(i),
      'Cổng': 'dvcqg',
      'Trạng thái': 'Đã nộp',
      'Tình nguyện viên': 'TNV-001',
      'Đã đồng ý': true,
      'Phiên bản nội dung đồng ý': 'v1-2026-11',
      'Thời điểm đồng ý': '2026-11-20T09:00:00+07:00',
      'Cập nhật lúc': '2026-11-20T09:00:00+07:00',
    };
    filings.push(fh.map((h) => f[h] ?? ''));
  }
  acc.writeGrid(acc.values, 2, 1, accounts);
  fil.writeGrid(fil.values, 2, 1, filings);
  // A sheet that grew to hold the rows keeps some empty rows below them.
  acc.maxRows = n + 1 + 200;
  fil.maxRows = n + 1 + 200;
}
