/**
 * "Phiếu hẹn" after a confirmed filing: procedure, dossier code, filing and due dates (editable,
 * dd/mm/yyyy), how to look the dossier up (the portal's lookup page as a QR). The resident decides
 * what else is written on it (a free note); nothing on this page is stored or sent.
 */
import { useEffect, useState } from 'preact/hooks';
import { findById } from '../../../shared/catalogue';
import { DateField, readViDate, viDateText } from '../DateField';
import { PrintBar } from './PrintBar';
import { QrCode } from './QrCode';
import type { FilingPortal } from './links';
import { appointmentSlip, appointmentText, lookupSteps } from './slips';
import { SlipHeader } from './SlipHeader';

const PORTALS: readonly FilingPortal[] = ['dvcqg', 'lienthong', 'moj', 'thainguyen'];

export function readAppointmentQuery(search: string) {
  const q = new URLSearchParams(search);
  const procedure = findById(q.get('procedureId') ?? '');
  const portal = q.get('portal') as FilingPortal;
  return {
    dossierCode: (q.get('dossierCode') ?? '').trim(),
    procedureName: procedure?.officialName ?? q.get('procedureName') ?? '',
    code: procedure?.code ?? (q.get('procedureCode') || null),
    portal: PORTALS.includes(portal) ? portal : 'dvcqg',
    filedOn: q.get('filedOn'),
    dueOn: q.get('dueOn'),
  };
}

/** The ISO date typed, null when empty, or the error to show. */
function dateOf(text: string): { iso: string | null; error?: string } {
  if (!text.trim()) return { iso: null };
  const read = readViDate(text, { minYear: 2000 });
  return read.ok ? { iso: read.value } : { iso: null, error: read.error };
}

/**
 * The slip's data: handed over in memory by the background (`#<key>` in the address, the data in
 * storage.session, gone when the resident's session ends or the browser closes), or in the query.
 */
async function slipData(): Promise<ReturnType<typeof readAppointmentQuery>> {
  const key = location.hash.slice(1);
  if (!key) return readAppointmentQuery(location.search);
  const stored = (await browser.storage.session.get(`slip.${key}`))[`slip.${key}`] as Record<string, string> | undefined;
  return readAppointmentQuery(`?${new URLSearchParams(stored ?? {})}`);
}

export function AppointmentPage() {
  const [query, setQuery] = useState<ReturnType<typeof readAppointmentQuery> | null>(null);
  useEffect(() => {
    void slipData().then(setQuery);
  }, []);
  return query ? <AppointmentSlipPage query={query} /> : <main lang="vi" aria-busy="true" />;
}

function AppointmentSlipPage({ query }: { query: ReturnType<typeof readAppointmentQuery> }) {
  const [filedText, setFiledText] = useState(viDateText(query.filedOn));
  const [dueText, setDueText] = useState(viDateText(query.dueOn));
  const [note, setNote] = useState('');
  if (!query.dossierCode) {
    return (
      <main lang="vi">
        <h1>Phiếu hẹn</h1>
        <p class="missing" role="alert">
          Chưa có mã hồ sơ (hoặc phiên của người dân đã kết thúc). Phiếu hẹn mở từ khung hướng dẫn sau khi xác nhận mã hồ sơ trên cổng.
        </p>
      </main>
    );
  }
  const filed = dateOf(filedText);
  const due = dateOf(dueText);
  const dueError = due.error ?? (due.iso && filed.iso && due.iso < filed.iso ? 'Ngày hẹn trả không được trước ngày nộp.' : undefined);
  const slip = appointmentSlip({ ...query, filedOn: filed.iso, dueOn: dueError ? null : due.iso, note });
  return (
    <main lang="vi">
      <h1 class="no-print">Phiếu hẹn cho người dân</h1>
      <section class="no-print toolbar" aria-label="Nội dung phiếu">
        <DateField id="filed-on" label="Ngày nộp" value={filedText} error={filed.error} onInput={setFiledText} />
        <DateField id="due-on" label="Ngày hẹn trả (nếu cổng có ghi)" value={dueText} error={dueError} onInput={setDueText} />
        <div class="field">
          <label for="note">Ghi thêm trên phiếu (không bắt buộc)</label>
          <span class="tldvc-rec-hint" id="note-hint">
            Chỉ ghi điều người dân muốn ghi. Phiếu không được lưu lại ở đâu.
          </span>
          <input id="note" type="text" maxLength={120} value={note} aria-describedby="note-hint" onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </section>
      <PrintBar text={appointmentText(slip)} what="phiếu hẹn" />
      <article class="slip" aria-labelledby="slip-title" data-testid="slip">
        <SlipHeader title="Phiếu hẹn" />
        <h2 id="slip-title">{slip.procedureName || 'Hồ sơ đã nộp trực tuyến'}</h2>
        <dl>
          {slip.code && (
            <>
              <dt>Mã thủ tục</dt>
              <dd>{slip.code}</dd>
            </>
          )}
          <dt>Mã hồ sơ</dt>
          <dd class="code" data-testid="dossier-code">
            {slip.dossierCode}
          </dd>
          <dt>Nộp trên</dt>
          <dd>{slip.portalName}</dd>
          <dt>Ngày nộp</dt>
          <dd data-testid="filed-on">{slip.filedOn ? viDateText(slip.filedOn) : 'chưa ghi'}</dd>
          <dt>Ngày hẹn trả (dự kiến)</dt>
          <dd data-testid="due-on">{slip.dueOn ? viDateText(slip.dueOn) : 'xem trên cổng khi tra cứu'}</dd>
          {slip.note.trim() && (
            <>
              <dt>Ghi chú</dt>
              <dd>{slip.note.trim()}</dd>
            </>
          )}
        </dl>
        <h3>Cách tra cứu hồ sơ</h3>
        <ol>
          {lookupSteps(slip).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <div class="qr-block">
          <QrCode text={slip.lookupUrl} label="Mã QR mở trang tra cứu hồ sơ" />
          <p>
            Quét mã QR để mở trang tra cứu hồ sơ: <span class="url">{slip.lookupUrl}</span>
          </p>
        </div>
        <footer>Tổ công nghệ số cộng đồng · Trợ lý DVC</footer>
      </article>
    </main>
  );
}
