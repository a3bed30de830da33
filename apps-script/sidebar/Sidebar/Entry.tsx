// Add or edit a resident account and its filings. Validated here with the shared
// zod schemas and validators, and again on the server.
import { useState } from 'preact/hooks';
import { FilingInputSchema, ResidentAccountInputSchema } from '../../../shared/schemas/registry';
import { validateCccd, validatePhone } from '../../../shared/validate';
import { timestampInVietnam, todayInVietnam } from '../../../shared/time/vietnam';
import { messageOf, server } from './server';
import { Alert, DateInput, Field, Status, VolunteerOptions, dateProblem, type Errors } from './fields';
import type { SidebarData } from './types';

interface FilingDraft {
  id?: string;
  procedureId: string;
  dossierCode: string;
  filedOn: string;
  dueOn: string;
  portal: string;
  status: string;
  notes: string;
}

interface Draft {
  id?: string;
  fullName: string;
  birthYear: string;
  gender: string;
  toDanPho: string;
  cccd: string;
  cccdLast4: string;
  phone: string;
  apps: string[];
  createdOn: string;
  volunteerId: string;
  consent: boolean;
  consentAt: string;
  consentVersion: string;
  notes: string;
  filings: FilingDraft[];
}

/** Today in Vietnam, whatever the browser's own time zone. */
const today = () => todayInVietnam();

const emptyFiling = (): FilingDraft => ({ procedureId: '', dossierCode: '', filedOn: today(), dueOn: '', portal: 'dvcqg', status: 'Đã nộp', notes: '' });
const emptyDraft = (): Draft => ({ fullName: '', birthYear: '', gender: '', toDanPho: '', cccd: '', cccdLast4: '', phone: '', apps: [], createdOn: today(), volunteerId: '', consent: false, consentAt: '', consentVersion: '', notes: '', filings: [] });

const nowIso = () => timestampInVietnam();

export function buildRequest(d: Draft, data: SidebarData) {
  const consent = {
    given: d.consent,
    textVersion: d.consentVersion && d.consent ? d.consentVersion : data.consent.version,
    at: d.consentAt && d.consentVersion === data.consent.version ? d.consentAt : nowIso(),
  };
  const account = {
    ...(d.id ? { id: d.id } : {}),
    fullName: d.fullName,
    birthYear: d.birthYear === '' ? Number.NaN : Number(d.birthYear),
    ...(d.gender ? { gender: d.gender } : {}),
    toDanPho: d.toDanPho,
    ...(d.cccd.trim() ? { cccd: d.cccd.trim() } : {}),
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    apps: d.apps,
    createdOn: d.createdOn,
    volunteerId: d.volunteerId,
    consent: { ...consent, given: d.consent as true },
    ...(d.notes.trim() ? { notes: d.notes } : {}),
  };
  const filings = d.filings.map((f) => {
    const p = data.procedures.find((x) => x.id === f.procedureId);
    return {
      ...(f.id ? { id: f.id } : {}),
      ...(d.id ? { accountId: d.id } : {}),
      residentName: d.fullName,
      toDanPho: d.toDanPho,
      procedureId: f.procedureId,
      procedureCode: p ? p.code : null,
      dossierCode: f.dossierCode,
      filedOn: f.filedOn,
      ...(f.dueOn ? { dueOn: f.dueOn } : {}),
      portal: f.portal,
      status: f.status,
      volunteerId: d.volunteerId,
      consent: { ...consent, given: d.consent as true },
      ...(f.notes.trim() ? { notes: f.notes } : {}),
    };
  });
  return { account, filings };
}

/** Client-side check with the same schemas the server uses. Keys match the server's error keys. */
export function validateDraft(d: Draft, data: SidebarData): Errors {
  const req = buildRequest(d, data);
  const errors: Errors = {};
  const a = ResidentAccountInputSchema.safeParse(req.account);
  if (!a.success) for (const i of a.error.issues) errors[`account.${i.path.join('.')}`] ??= i.path[0] === 'birthYear' ? 'Nhập năm sinh (4 chữ số).' : i.message;
  if (d.cccd.trim()) {
    const g = d.gender === 'Nam' ? 'nam' : d.gender === 'Nữ' ? 'nữ' : undefined;
    const by = Number(d.birthYear);
    const r = validateCccd(d.cccd, { ...(Number.isInteger(by) && by > 1900 ? { birthYear: by } : {}), ...(g ? { gender: g } : {}) });
    if (!r.ok) errors['account.cccd'] = r.error;
  }
  if (d.phone.trim()) {
    const r = validatePhone(d.phone);
    if (!r.ok) errors['account.phone'] = r.error;
  }
  // Dates are typed dd/mm/yyyy: say what is wrong with the typing, in those terms.
  const created = dateProblem(d.createdOn);
  if (created) errors['account.createdOn'] = created;
  d.filings.forEach((f, idx) => {
    const filed = dateProblem(f.filedOn);
    if (filed) errors[`filings.${idx}.filedOn`] = filed;
    const due = dateProblem(f.dueOn);
    if (due) errors[`filings.${idx}.dueOn`] = due;
  });
  req.filings.forEach((f, idx) => {
    const r = FilingInputSchema.safeParse(f);
    if (!r.success) for (const i of r.error.issues) errors[`filings.${idx}.${i.path.join('.')}`] ??= i.message;
    if (!f.procedureId) errors[`filings.${idx}.procedureId`] = 'Chưa chọn thủ tục.';
  });
  // The consent error belongs to the tick box.
  if (errors['account.consent.given']) errors['account.consent'] = errors['account.consent.given'];
  return errors;
}

export function EntryPanel({ data }: { data: SidebarData }) {
  const [d, setD] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  /** Server errors take the focus; for field errors the first bad field does. */
  const [alertFocus, setAlertFocus] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Array<{ id: string; fullName: string; birthYear: string; toDanPho: string; cccdLast4: string }> | null>(null);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const setF = (i: number, k: keyof FilingDraft, v: string) => setD((x) => ({ ...x, filings: x.filings.map((f, j) => (j === i ? { ...f, [k]: v } : f)) }));
  const err = (k: string) => errors[k];

  async function search(e: Event) {
    e.preventDefault();
    setAlert('');
    try {
      setFound(await server.findAccounts(query));
    } catch (x) {
      setAlert(messageOf(x));
    }
  }

  async function load(id: string) {
    setAlert('');
    setStatus('');
    try {
      const a = await server.getAccount(id);
      setD({
        id: a.id,
        fullName: a.fullName,
        birthYear: String(a.birthYear ?? ''),
        gender: a.gender ?? '',
        toDanPho: a.toDanPho,
        cccd: '',
        cccdLast4: a.cccdLast4 ?? '',
        phone: a.phone ?? '',
        apps: a.apps ?? [],
        createdOn: a.createdOn ?? today(),
        volunteerId: a.volunteerId ?? '',
        consent: Boolean(a.consentGiven),
        consentAt: a.consentAt ?? '',
        consentVersion: a.consentVersion ?? '',
        notes: a.notes ?? '',
        filings: (a.filings ?? []).map((f: any) => ({ id: f.id, procedureId: f.procedureId, dossierCode: f.dossierCode, filedOn: f.filedOn, dueOn: f.dueOn ?? '', portal: f.portal || 'dvcqg', status: f.status || 'Đã nộp', notes: f.notes ?? '' })),
      });
      setErrors({});
      setFound(null);
      setStatus(`Đang sửa tài khoản của ${a.fullName}.`);
    } catch (x) {
      setAlert(messageOf(x));
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    setStatus('');
    const local = validateDraft(d, data);
    setErrors(local);
    if (Object.keys(local).length) {
      setAlertFocus(false);
      setAlert(`Có ${Object.keys(local).length} trường chưa hợp lệ: hãy sửa các ô được đánh dấu đỏ.`);
      // After the re-render has marked the fields.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setAlert('');
    setBusy(true);
    try {
      const res = await server.saveAccount(buildRequest(d, data));
      if (!res.ok) {
        setErrors(res.errors ?? {});
        setAlertFocus(true);
        setAlert(res.message);
      } else {
        setStatus(res.message);
        setD(emptyDraft());
        setErrors({});
      }
    } catch (x) {
      setAlertFocus(true);
      setAlert(messageOf(x));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="entry-title">
      <h2 id="entry-title">{d.id ? 'Sửa tài khoản' : 'Thêm tài khoản người dân'}</h2>
      <form onSubmit={search} role="search" aria-label="Tìm kiếm trong sổ">
        <Field id="q" label="Tìm tài khoản để sửa" hint="họ tên hoặc 4 số cuối CCCD">
          {(aria) => <input type="text" {...aria} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />}
        </Field>
        <button class="secondary" type="submit">
          Tìm
        </button>
      </form>
      {found && (
        <ul class="plain" aria-label="Kết quả tìm">
          {found.length === 0 && <li>Không tìm thấy tài khoản nào.</li>}
          {found.map((a) => (
            <li key={a.id}>
              {a.fullName} ({a.birthYear}, {a.toDanPho}
              {a.cccdLast4 ? `, CCCD …${a.cccdLast4}` : ''}){' '}
              <button class="secondary" type="button" onClick={() => load(a.id)}>
                Sửa {a.fullName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-describedby="entry-help">
        <p id="entry-help" class="hint">
          Sổ không lưu mật khẩu, mã OTP, passcode VNeID hay ảnh giấy tờ. Số CCCD chỉ lưu 4 số cuối.
        </p>
        <Field id="fullName" label="Họ và tên" error={err('account.fullName')}>
          {(aria) => <input type="text" autocomplete="off" {...aria} value={d.fullName} onInput={(e) => set('fullName', e.currentTarget.value)} />}
        </Field>
        <Field id="birthYear" label="Năm sinh" error={err('account.birthYear')}>
          {(aria) => <input type="number" inputMode="numeric" min={1900} max={2100} {...aria} value={d.birthYear} onInput={(e) => set('birthYear', e.currentTarget.value)} />}
        </Field>
        <Field id="gender" label="Giới tính" hint="không bắt buộc" error={err('account.gender')}>
          {(aria) => (
            <select {...aria} value={d.gender} onChange={(e) => set('gender', e.currentTarget.value)}>
              <option value="">— Không ghi —</option>
              {data.genders.map((g) => (
                <option value={g}>{g}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="toDanPho" label="Tổ dân phố" error={err('account.toDanPho')}>
          {(aria) => (
            <select {...aria} value={d.toDanPho} onChange={(e) => set('toDanPho', e.currentTarget.value)}>
              <option value="">— Chọn tổ dân phố —</option>
              {data.toDanPho.map((t) => (
                <option value={t}>{t}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="cccd" label="Số CCCD" hint={d.id && d.cccdLast4 ? `để trống để giữ số cũ …${d.cccdLast4}` : '12 chữ số, không bắt buộc'} error={err('account.cccd')}>
          {(aria) => <input type="text" inputMode="numeric" autocomplete="off" {...aria} value={d.cccd} onInput={(e) => set('cccd', e.currentTarget.value)} />}
        </Field>
        <Field id="phone" label="Số điện thoại di động" hint="không bắt buộc" error={err('account.phone')}>
          {(aria) => <input type="tel" autocomplete="off" {...aria} value={d.phone} onInput={(e) => set('phone', e.currentTarget.value)} />}
        </Field>
        <fieldset aria-invalid={err('account.apps') ? 'true' : 'false'} aria-describedby={err('account.apps') ? 'apps-error' : undefined}>
          <legend>Ứng dụng đã đăng ký</legend>
          {data.apps.map((app) => (
            <label class="check">
              <input
                type="checkbox"
                checked={d.apps.includes(app)}
                onChange={(e) => set('apps', e.currentTarget.checked ? [...d.apps, app] : d.apps.filter((x) => x !== app))}
              />
              {app}
            </label>
          ))}
          {err('account.apps') && (
            <p class="error" id="apps-error">
              {err('account.apps')}
            </p>
          )}
        </fieldset>
        <Field id="createdOn" label="Ngày hỗ trợ" error={err('account.createdOn')}>
          {(aria) => <DateInput aria={aria} value={d.createdOn} onValue={(v) => set('createdOn', v)} />}
        </Field>
        <Field id="volunteerId" label="Tình nguyện viên" error={err('account.volunteerId')}>
          {(aria) => (
            <select {...aria} value={d.volunteerId} onChange={(e) => set('volunteerId', e.currentTarget.value)}>
              <VolunteerOptions volunteers={data.volunteers} prompt="— Chọn tình nguyện viên —" />
            </select>
          )}
        </Field>
        <Field id="notes" label="Ghi chú" hint="không ghi mật khẩu, mã OTP" error={err('account.notes')}>
          {(aria) => <textarea {...aria} value={d.notes} onInput={(e) => set('notes', e.currentTarget.value)} />}
        </Field>

        <h3>Hồ sơ đã nộp cho người dân này</h3>
        {d.filings.map((f, i) => (
          <fieldset key={i}>
            <legend>Hồ sơ {i + 1}</legend>
            <Field id={`f${i}-procedure`} label="Thủ tục" error={err(`filings.${i}.procedureId`)}>
              {(aria) => (
                <select {...aria} value={f.procedureId} onChange={(e) => setF(i, 'procedureId', e.currentTarget.value)}>
                  <option value="">— Chọn thủ tục —</option>
                  {data.procedures.map((p) => (
                    <option value={p.id}>{p.label}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`f${i}-dossier`} label="Mã hồ sơ" error={err(`filings.${i}.dossierCode`)}>
              {(aria) => <input type="text" autocomplete="off" {...aria} value={f.dossierCode} onInput={(e) => setF(i, 'dossierCode', e.currentTarget.value)} />}
            </Field>
            <Field id={`f${i}-filedOn`} label="Ngày nộp" error={err(`filings.${i}.filedOn`)}>
              {(aria) => <DateInput aria={aria} value={f.filedOn} onValue={(v) => setF(i, 'filedOn', v)} />}
            </Field>
            <Field id={`f${i}-dueOn`} label="Ngày hẹn trả" hint="không bắt buộc" error={err(`filings.${i}.dueOn`)}>
              {(aria) => <DateInput aria={aria} value={f.dueOn} onValue={(v) => setF(i, 'dueOn', v)} />}
            </Field>
            <Field id={`f${i}-portal`} label="Cổng nộp" error={err(`filings.${i}.portal`)}>
              {(aria) => (
                <select {...aria} value={f.portal} onChange={(e) => setF(i, 'portal', e.currentTarget.value)}>
                  {data.portals.map((p) => (
                    <option value={p.id}>{p.label}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`f${i}-status`} label="Trạng thái" error={err(`filings.${i}.status`)}>
              {(aria) => (
                <select {...aria} value={f.status} onChange={(e) => setF(i, 'status', e.currentTarget.value)}>
                  {data.statuses.map((s) => (
                    <option value={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`f${i}-notes`} label="Ghi chú hồ sơ" hint="không bắt buộc" error={err(`filings.${i}.notes`)}>
              {(aria) => <input type="text" {...aria} value={f.notes} onInput={(e) => setF(i, 'notes', e.currentTarget.value)} />}
            </Field>
            {!f.id && (
              <button class="secondary" type="button" onClick={() => set('filings', d.filings.filter((_, j) => j !== i))}>
                Bỏ hồ sơ {i + 1}
              </button>
            )}
          </fieldset>
        ))}
        <button class="secondary" type="button" onClick={() => set('filings', [...d.filings, emptyFiling()])}>
          Thêm hồ sơ
        </button>

        <h3>Sự đồng ý của người dân</h3>
        <p class="consent" id="consent-text">
          {data.consent.text} <span class="hint">(nội dung phiên bản {data.consent.version})</span>
        </p>
        <label class="check">
          <input
            type="checkbox"
            id="consent"
            checked={d.consent}
            aria-invalid={err('account.consent') ? 'true' : 'false'}
            aria-describedby={`consent-text${err('account.consent') ? ' consent-error' : ''}`}
            onChange={(e) => set('consent', e.currentTarget.checked)}
          />
          Người dân đã đọc (hoặc được đọc cho nghe) và đồng ý với nội dung trên
        </label>
        {err('account.consent') && (
          <p class="error" id="consent-error">
            {err('account.consent')}
          </p>
        )}
        <div>
          <button class="primary" type="submit" disabled={busy}>
            {d.id ? 'Lưu thay đổi' : 'Ghi vào sổ'}
          </button>
          {d.id && (
            <button class="secondary" type="button" onClick={() => { setD(emptyDraft()); setErrors({}); setStatus(''); }}>
              Huỷ sửa
            </button>
          )}
        </div>
        <Alert text={alert} focus={alertFocus} />
        <Status text={status} />
      </form>
    </section>
  );
}
