/** "In / gửi danh sách giấy tờ": what the resident must bring, ticked and not yet, with the procedure's page as a QR. */
import { findById } from '../../../shared/catalogue';
import { syncSettingsItem } from '../../outbox/storage';
import { useStored } from '../useStored';
import { PrintBar } from './PrintBar';
import { QrCode } from './QrCode';
import { checklistSlip, checklistText } from './slips';
import { SlipHeader } from './SlipHeader';

/** `?id=III.2&ticked=0,2`: the procedure and the indexes of the documents the resident already has. */
export function readChecklistQuery(search: string): { id: string; ticked: Set<number> } {
  const q = new URLSearchParams(search);
  const ticked = new Set((q.get('ticked') ?? '').split(',').filter((t) => /^\d+$/.test(t)).map(Number));
  return { id: q.get('id') ?? '', ticked };
}

export function ChecklistPage() {
  const { id, ticked } = readChecklistQuery(location.search);
  const procedure = findById(id);
  const settings = useStored(syncSettingsItem);
  if (!procedure) {
    return (
      <main lang="vi">
        <h1>Danh sách giấy tờ</h1>
        <p class="missing" role="alert">
          Không tìm thấy thủ tục “{id}”. Hãy mở lại từ danh mục thủ tục trong Trợ lý DVC.
        </p>
      </main>
    );
  }
  const slip = checklistSlip(procedure, ticked, settings?.linked?.ward);
  return (
    <main lang="vi">
      <h1 class="no-print">In hoặc gửi danh sách giấy tờ</h1>
      <PrintBar text={checklistText(slip)} what="danh sách giấy tờ" />
      <article class="slip" aria-labelledby="slip-title" data-testid="slip">
        <SlipHeader title="Giấy tờ cần chuẩn bị" />
        <h2 id="slip-title">{slip.procedureName}</h2>
        {slip.code && <p>Mã thủ tục: {slip.code}</p>}
        {slip.missing.length > 0 ? (
          <section aria-labelledby="missing-title">
            <h3 id="missing-title">Còn thiếu, cần mang thêm ({slip.missing.length})</h3>
            <ul data-testid="missing">
              {slip.missing.map((d) => (
                <li key={d} class="box">
                  {d}
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p>
            <strong>Đã đủ giấy tờ.</strong>
          </p>
        )}
        {slip.have.length > 0 && (
          <section aria-labelledby="have-title">
            <h3 id="have-title">Đã có ({slip.have.length})</h3>
            <ul data-testid="have">
              {slip.have.map((d) => (
                <li key={d} class="ticked">
                  {d}
                </li>
              ))}
            </ul>
          </section>
        )}
        <dl>
          <dt>Lệ phí</dt>
          <dd>{slip.fee}</dd>
          <dt>Thời hạn giải quyết</dt>
          <dd>{slip.time}</dd>
          <dt>Nộp ở đâu</dt>
          <dd>{slip.where.join('; ')}</dd>
          <dt>Nộp trực tiếp</dt>
          <dd>{slip.counter}</dd>
        </dl>
        <div class="qr-block">
          <QrCode text={slip.pageUrl} label="Mã QR mở trang thủ tục trên Cổng Dịch vụ công" />
          <p>
            Quét mã QR bằng điện thoại để mở trang thủ tục trên Cổng Dịch vụ công: <span class="url">{slip.pageUrl}</span>
          </p>
        </div>
        <footer>Tổ công nghệ số cộng đồng · Trợ lý DVC</footer>
      </article>
    </main>
  );
}
