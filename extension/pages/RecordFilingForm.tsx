import { useMemo, useRef, useState } from 'preact/hooks';
import { findById } from '../../shared/catalogue';
import { CONSENT_TEXT, CONSENT_TEXT_VERSION } from '../../shared/schemas/registry';
import { FilingSyncRecord } from '../../shared/schemas/sync';
import { useEnqueue, type Enqueue } from './useEnqueue';
import { todayInVietnam } from '../../shared/time/vietnam';
import { syncSettingsItem } from '../outbox/storage';
import { DateField, readViDate, viDateText } from './DateField';
import { ConsentField, ErrorSummary, issuesToErrors, makeIdPrefix, TextField, type FieldErrors } from './fields';
import { formatViDate } from '../../shared/validate/date';
import { ReasonButton } from './ReasonButton';
import { ToDanPhoField, toDanPhoError } from './ToDanPhoField';
import { useStored } from './useStored';

export { recordFormCss } from './styles';

export interface FilingCapture {
  dossierCode: string;
  procedureId: string;
  procedureCode: string | null;
  portal: 'dvcqg' | 'lienthong' | 'moj' | 'thainguyen';
  dueOn?: string;
}

export interface RecordFilingFormProps {
  capture: FilingCapture;
  /** Called once when the volunteer is finished (after recording, or on "Bỏ qua, không ghi"). */
  onDone: () => void;
  /** For tests and pages: replaces the runtime message to the background. */
  enqueue?: Enqueue;
}

const LABELS: Record<string, string> = {
  toDanPho: 'Tổ dân phố',
  fullName: 'Họ và tên người dân',
  dueOn: 'Ngày hẹn trả',
  consent: 'Sự đồng ý',
};

function fieldOf(path: PropertyKey[]): string {
  const key = path[0] === 'filing' ? path[1] : path[0];
  if (key === 'toDanPho') return 'toDanPho';
  if (key === 'residentName') return 'fullName';
  if (key === 'consent') return 'consent';
  if (key === 'dueOn') return 'dueOn';
  return '';
}

/**
 * Shown after the volunteer confirms a captured dossier code: asks for the
 * resident's tổ dân phố, name and consent, then queues the filing in the
 * outbox. The clientId is made once per form, so a double submit or a retry
 * never queues (or writes) the filing twice.
 */
export function RecordFilingForm({ capture, onDone, enqueue }: RecordFilingFormProps) {
  const ids = useMemo(() => makeIdPrefix(), []);
  const procedureName = useMemo(() => findById(capture.procedureId)?.officialName ?? '', [capture.procedureId]);
  const clientId = useMemo(() => crypto.randomUUID(), []);
  const [toDanPho, setToDanPho] = useState('');
  const [fullName, setFullName] = useState('');
  const [dueText, setDueText] = useState(() => viDateText(capture.dueOn));
  const [consent, setConsent] = useState(false);
  const groups = useStored(syncSettingsItem)?.linked?.groups;
  const [done, setDone] = useState<null | { waiting: number }>(null);
  const { errors, busy, summaryRef, showErrors, submit: enqueueRecord } = useEnqueue(enqueue);
  const doneRef = useRef<HTMLDivElement | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const filedOn = todayInVietnam();
    const errs: FieldErrors = {};
    const groupError = toDanPhoError(toDanPho, groups);
    if (groupError) errs.toDanPho = groupError;
    let dueOn: string | undefined;
    if (dueText.trim()) {
      const due = readViDate(dueText, { minYear: 2000 });
      if (!due.ok) errs.dueOn = due.error;
      else if (due.value < filedOn) errs.dueOn = `Ngày hẹn trả không được trước ngày nộp (${formatViDate(filedOn)}).`;
      else dueOn = due.value;
    }
    const candidate = {
      clientId,
      kind: 'filing' as const,
      filing: {
        residentName: fullName,
        toDanPho,
        procedureId: capture.procedureId,
        procedureCode: capture.procedureCode,
        dossierCode: capture.dossierCode,
        filedOn,
        ...(dueOn ? { dueOn } : {}),
        portal: capture.portal,
        status: 'Đã nộp' as const,
        consent: { given: consent, textVersion: CONSENT_TEXT_VERSION, at: new Date().toISOString() },
      },
    };
    const parsed = FilingSyncRecord.safeParse(candidate);
    if (!parsed.success || Object.keys(errs).length) {
      showErrors({ ...(parsed.success ? {} : issuesToErrors(parsed.error.issues, fieldOf)), ...errs });
      return;
    }
    const waiting = await enqueueRecord(parsed.data);
    if (waiting === null) return;
    setDone({ waiting });
    queueMicrotask(() => doneRef.current?.focus());
  }

  if (done) {
    return (
      <div class="tldvc-rec-form" lang="vi">
        <div class="tldvc-rec-success" role="status" tabIndex={-1} ref={doneRef}>
          Đã ghi hồ sơ {capture.dossierCode} vào hàng chờ gửi sổ phường
          {done.waiting > 1 ? ` (đang chờ gửi: ${done.waiting} mục)` : ''}. Tiện ích sẽ tự gửi khi có mạng.
        </div>
        <div class="tldvc-rec-actions">
          <button type="button" class="tldvc-rec-button tldvc-rec-primary" onClick={onDone}>
            Xong
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="tldvc-rec-form" lang="vi" noValidate onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 class="tldvc-rec-title" id={`${ids}-title`}>
        Ghi hồ sơ vào sổ phường
      </h2>
      <dl class="tldvc-rec-capture">
        <div>
          <dt>Mã hồ sơ:</dt>
          <dd>{capture.dossierCode}</dd>
        </div>
        <div>
          <dt>Thủ tục:</dt>
          <dd>
            {capture.procedureId}
            {procedureName ? ` ${procedureName}` : ''}
            {capture.procedureCode ? ` (mã ${capture.procedureCode})` : ''}
          </dd>
        </div>
      </dl>
      <ErrorSummary errors={errors} labels={LABELS} summaryRef={summaryRef} />
      <ToDanPhoField id={`${ids}-tdp`} label="Tổ dân phố của người dân" value={toDanPho} error={errors.toDanPho} groups={groups} onInput={setToDanPho} />
      <TextField
        id={`${ids}-name`}
        label="Họ và tên người dân"
        value={fullName}
        error={errors.fullName}
        required
        maxLength={80}
        onInput={setFullName}
      />
      <DateField id={`${ids}-due`} label="Ngày hẹn trả (nếu cổng có ghi; không bắt buộc)" value={dueText} error={errors.dueOn} onInput={setDueText} />
      <ConsentField
        id={`${ids}-consent`}
        checked={consent}
        error={errors.consent}
        text={CONSENT_TEXT}
        version={CONSENT_TEXT_VERSION}
        onChange={setConsent}
      />
      <div class="tldvc-rec-actions">
        <ReasonButton type="submit" class="tldvc-rec-button tldvc-rec-primary" reasonClass="tldvc-rec-reason" unavailable={busy ? 'Đang ghi, chờ một chút.' : null} aria-busy={busy ? 'true' : 'false'}>
          {busy ? 'Đang ghi…' : 'Ghi vào sổ'}
        </ReasonButton>
        <button type="button" class="tldvc-rec-button tldvc-rec-secondary" onClick={onDone}>
          Bỏ qua, không ghi
        </button>
      </div>
    </form>
  );
}
