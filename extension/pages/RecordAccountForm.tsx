import { useMemo, useRef, useState } from 'preact/hooks';
import { APPS, CONSENT_TEXT, CONSENT_TEXT_VERSION, type App } from '../../shared/schemas/registry';
import { AccountSyncRecord } from '../../shared/schemas/sync';
import { validatePhone } from '../../shared/validate';
import { useEnqueue, type Enqueue } from './useEnqueue';
import { todayInVietnam } from '../../shared/time/vietnam';
import { syncSettingsItem } from '../outbox/storage';
import { ConsentField, ErrorSummary, issuesToErrors, makeIdPrefix, TextField, type FieldErrors } from './fields';
import { ReasonButton } from './ReasonButton';
import { ToDanPhoField, toDanPhoError } from './ToDanPhoField';
import { useStored } from './useStored';

export interface RecordAccountFormProps {
  /** Called after an account was queued (e.g. to refresh a list). */
  onRecorded?: (waiting: number) => void;
  enqueue?: Enqueue;
}

const LABELS: Record<string, string> = {
  toDanPho: 'Tổ dân phố',
  fullName: 'Họ và tên',
  birthYear: 'Năm sinh',
  phone: 'Số điện thoại',
  apps: 'Ứng dụng đã đăng ký',
  consent: 'Sự đồng ý',
};

function fieldOf(path: PropertyKey[]): string {
  const key = path[0] === 'account' ? path[1] : path[0];
  if (key === 'toDanPho' || key === 'birthYear' || key === 'phone' || key === 'apps' || key === 'consent') return key;
  if (key === 'fullName') return 'fullName';
  return '';
}

/**
 * "Helped a resident start using the portals and apps" (the ward letter's list
 * of accounts): no filing attached. The CCCD is never asked here.
 */
export function RecordAccountForm({ onRecorded, enqueue }: RecordAccountFormProps) {
  const ids = useMemo(() => makeIdPrefix(), []);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [toDanPho, setToDanPho] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [phone, setPhone] = useState('');
  const [apps, setApps] = useState<App[]>([]);
  const [consent, setConsent] = useState(false);
  const [notice, setNotice] = useState('');
  const { errors, busy, summaryRef, showErrors, submit: enqueueRecord } = useEnqueue(enqueue);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const groups = useStored(syncSettingsItem)?.linked?.groups;

  function toggleApp(app: App, on: boolean) {
    setApps((cur) => (on ? [...cur.filter((a) => a !== app), app] : cur.filter((a) => a !== app)).sort((a, b) => APPS.indexOf(a) - APPS.indexOf(b)));
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setNotice('');
    const errs: FieldErrors = {};
    const groupError = toDanPhoError(toDanPho, groups);
    if (groupError) errs.toDanPho = groupError;
    const year = /^\d{4}$/.test(birthYear.trim()) ? Number(birthYear.trim()) : NaN;
    const thisYear = Number(todayInVietnam().slice(0, 4));
    if (Number.isNaN(year) || year < 1900 || year > thisYear) errs.birthYear = `Năm sinh gồm 4 chữ số, từ 1900 đến ${thisYear}.`;
    let phoneValue: string | undefined;
    if (phone.trim()) {
      const p = validatePhone(phone);
      if (p.ok) phoneValue = p.value;
      else errs.phone = p.error;
    }
    const candidate = {
      clientId,
      kind: 'account' as const,
      account: {
        fullName,
        birthYear: Number.isNaN(year) ? 0 : year,
        toDanPho,
        ...(phoneValue ? { phone: phoneValue } : {}),
        apps,
        createdOn: todayInVietnam(),
        consent: { given: consent, textVersion: CONSENT_TEXT_VERSION, at: new Date().toISOString() },
      },
    };
    const parsed = AccountSyncRecord.safeParse(candidate);
    if (!parsed.success || Object.keys(errs).length) {
      const schemaErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, fieldOf);
      showErrors({ ...schemaErrors, ...errs });
      return;
    }
    const waiting = await enqueueRecord(parsed.data);
    if (waiting === null) return;
    // Ready for the next resident: a new clientId, an empty form (the tổ dân phố is kept).
    setClientId(crypto.randomUUID());
    setFullName('');
    setBirthYear('');
    setPhone('');
    setApps([]);
    setConsent(false);
    setNotice(`Đã ghi tài khoản của ${parsed.data.account.fullName} vào hàng chờ gửi (đang chờ: ${waiting}).`);
    onRecorded?.(waiting);
    queueMicrotask(() => noticeRef.current?.focus());
  }

  return (
    <form class="tldvc-rec-form" lang="vi" noValidate onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 class="tldvc-rec-title" id={`${ids}-title`}>
        Ghi tài khoản đã hỗ trợ
      </h2>
      {notice && (
        <div class="tldvc-rec-success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </div>
      )}
      <ErrorSummary errors={errors} labels={LABELS} summaryRef={summaryRef} />
      <ToDanPhoField id={`${ids}-tdp`} label="Tổ dân phố" value={toDanPho} error={errors.toDanPho} groups={groups} onInput={setToDanPho} />
      <TextField id={`${ids}-name`} label="Họ và tên" value={fullName} error={errors.fullName} required maxLength={80} onInput={setFullName} />
      <TextField
        id={`${ids}-year`}
        label="Năm sinh"
        hint="4 chữ số, ví dụ 1968"
        value={birthYear}
        error={errors.birthYear}
        required
        inputMode="numeric"
        maxLength={4}
        onInput={setBirthYear}
      />
      <TextField
        id={`${ids}-phone`}
        label="Số điện thoại di động (không bắt buộc)"
        value={phone}
        error={errors.phone}
        inputMode="tel"
        maxLength={20}
        onInput={setPhone}
      />
      <fieldset class="tldvc-rec-field" aria-describedby={errors.apps ? `${ids}-apps-error` : undefined}>
        <legend class="tldvc-rec-label">Đã giúp đăng ký, sử dụng</legend>
        <div class="tldvc-rec-apps">
          {APPS.map((app, i) => (
            <label class="tldvc-rec-check" key={app}>
              <input
                type="checkbox"
                id={`${ids}-app-${i}`}
                checked={apps.includes(app)}
                aria-invalid={errors.apps ? 'true' : 'false'}
                onChange={(e) => toggleApp(app, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{app}</span>
            </label>
          ))}
        </div>
        {errors.apps && (
          <p class="tldvc-rec-error" id={`${ids}-apps-error`}>
            {errors.apps}
          </p>
        )}
      </fieldset>
      <ConsentField id={`${ids}-consent`} checked={consent} error={errors.consent} text={CONSENT_TEXT} version={CONSENT_TEXT_VERSION} onChange={setConsent} />
      <div class="tldvc-rec-actions">
        <ReasonButton type="submit" class="tldvc-rec-button tldvc-rec-primary" reasonClass="tldvc-rec-reason" unavailable={busy ? 'Đang ghi, chờ một chút.' : null} aria-busy={busy ? 'true' : 'false'}>
          {busy ? 'Đang ghi…' : 'Ghi vào sổ'}
        </ReasonButton>
      </div>
    </form>
  );
}
