import { useRef, useState } from 'preact/hooks';
import { sendSync } from '../messages';
import { outboxItem, syncSettingsItem, syncStateItem } from '../outbox/storage';
import type { SyncSettings, SyncState } from '../outbox/types';
import { TextField } from './fields';
import { PackSourceSettings } from '../packs/PackSourceSettings';
import { ReasonButton } from './ReasonButton';
import { useStored } from './useStored';

/** good: linked and sending; warn: saved but not confirmed; bad: refused or blocked. Never green otherwise. */
type Tone = 'good' | 'warn' | 'bad' | 'neutral';
type Result = { kind: Tone; text: string; at: string } | null;

const TONE_CLASS: Record<Tone, string> = { good: 'tldvc-page-good', warn: 'tldvc-page-warn', bad: 'tldvc-page-bad', neutral: '' };

/** The tone of what is stored: a block (wrong code, registry not set up) is never shown as linked. */
export function linkTone(settings: SyncSettings | undefined, state: SyncState | undefined): Tone {
  if (state?.blocked) return 'bad';
  if (settings?.linked) return 'good';
  return settings?.accessCode ? 'warn' : 'neutral';
}

/** Options: paste the endpoint URL and access code, test, see the link, unlink. */
export function OptionsPage() {
  const settings = useStored(syncSettingsItem);
  const state = useStored(syncStateItem);
  const outbox = useStored(outboxItem);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [showCode, setShowCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const resultRef = useRef<HTMLDivElement | null>(null);

  const endpointValue = endpoint ?? settings?.endpoint ?? '';
  const hasCode = Boolean(settings?.accessCode);

  function show(kind: Tone, text: string) {
    setResult({ kind, text, at: new Date().toISOString() });
    queueMicrotask(() => resultRef.current?.focus());
  }

  async function run(action: () => Promise<{ ok: true; linked?: { volunteerName: string; ward: string } } | { ok: false; message: string; code?: string }>) {
    setBusy(true);
    setResult(null);
    const r = await action();
    setBusy(false);
    if (r.ok && 'linked' in r && r.linked) {
      show('good', `Kết nối được. Đã liên kết với tình nguyện viên ${r.linked.volunteerName}, ${r.linked.ward}.`);
      setCode('');
    } else if (r.ok) show('neutral', 'Đã huỷ liên kết và xoá mã truy cập khỏi máy này.');
    // Not reached (offline): saved, not confirmed; anything else is a refusal.
    else show(r.code === 'NETWORK' ? 'warn' : 'bad', r.message);
  }

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!code.trim() && hasCode && endpointValue === settings?.endpoint) {
      await run(() => sendSync({ type: 'sync/hello' }));
      return;
    }
    if (!code.trim()) {
      show('bad', 'Chưa dán mã truy cập (tổ trưởng cấp cho từng tình nguyện viên trong sổ).');
      return;
    }
    await run(() => sendSync({ type: 'sync/link', endpoint: endpointValue, accessCode: code }));
  }

  async function unlink() {
    if (!window.confirm('Huỷ liên kết? Mã truy cập sẽ bị xoá khỏi máy này; các mục đang chờ vẫn được giữ lại.')) return;
    await run(() => sendSync({ type: 'sync/unlink' }));
    setEndpoint(null);
  }

  const waiting = outbox?.length ?? 0;
  const tone = linkTone(settings, state);
  // Only the latest check speaks: a block older than this page's last result is not repeated.
  const blockedText = state?.blocked && !(result && result.at >= state.blocked.at) ? state.blocked.message : null;
  return (
    <main lang="vi">
      <h1>Cài đặt gửi sổ của phường</h1>
      <section aria-labelledby="link-heading">
        <h2 id="link-heading">Liên kết hiện tại</h2>
        <div class={`tldvc-page-status ${TONE_CLASS[tone]}`} data-testid="link-status" data-tone={tone}>
          {settings?.linked ? (
            <p>
              Đang liên kết với tình nguyện viên <strong>{settings.linked.volunteerName}</strong> ({settings.linked.volunteerId}),{' '}
              <strong>{settings.linked.ward}</strong>.
            </p>
          ) : hasCode ? (
            <p>Đã lưu mã truy cập nhưng chưa kiểm tra được kết nối.</p>
          ) : (
            <p>Chưa liên kết. Các mục ghi sổ vẫn được giữ trên máy này cho tới khi liên kết.</p>
          )}
          {state?.blocked && <p>{blockedText ? `Không gửi được: ${blockedText}` : 'Không gửi được: xem kết quả kiểm tra bên dưới.'}</p>}
          <p>
            Đang chờ gửi: {waiting} mục. <a href="/record.html#hang-cho">Xem hàng chờ gửi</a>
          </p>
        </div>
      </section>

      <form class="tldvc-rec-form" noValidate onSubmit={save} aria-labelledby="form-heading">
        <h2 id="form-heading" class="tldvc-rec-title">
          Địa chỉ web và mã truy cập
        </h2>
        <TextField
          id="endpoint"
          label="Địa chỉ web của sổ"
          hint="Tổ trưởng gửi địa chỉ này; có dạng https://script.google.com/macros/s/…/exec"
          value={endpointValue}
          inputMode="text"
          autoComplete="off"
          onInput={setEndpoint}
        />
        <div class="tldvc-rec-field">
          <label class="tldvc-rec-label" for="access-code">
            Mã truy cập của bạn
          </label>
          <span class="tldvc-rec-hint" id="access-code-hint">
            {hasCode ? 'Đã lưu một mã trên máy này. Chỉ dán mã mới nếu muốn thay.' : 'Mã tổ trưởng cấp riêng cho bạn (chỉ hiện một lần khi cấp).'}
          </span>
          <input
            class="tldvc-rec-input"
            id="access-code"
            type={showCode ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            value={code}
            aria-describedby="access-code-hint"
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          <label class="tldvc-rec-check">
            <input type="checkbox" checked={showCode} onChange={(e) => setShowCode((e.currentTarget as HTMLInputElement).checked)} />
            <span>Hiện mã đang nhập</span>
          </label>
        </div>
        <div class="tldvc-rec-actions">
          <ReasonButton type="submit" class="tldvc-rec-button tldvc-rec-primary" reasonClass="tldvc-rec-reason" unavailable={busy ? 'Đang kiểm tra kết nối, chờ một chút.' : null} aria-busy={busy ? 'true' : 'false'}>
            {busy ? 'Đang kiểm tra…' : 'Lưu và kiểm tra kết nối'}
          </ReasonButton>
          {hasCode && (
            <ReasonButton class="tldvc-rec-button tldvc-rec-secondary" reasonClass="tldvc-rec-reason" unavailable={busy ? 'Đang kiểm tra kết nối, chờ một chút.' : null} onClick={() => void unlink()}>
              Huỷ liên kết
            </ReasonButton>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {result && (
          <div
            class={`tldvc-page-status ${TONE_CLASS[result.kind]}`}
            data-tone={result.kind}
            role={result.kind === 'bad' ? 'alert' : 'status'}
            tabIndex={-1}
            ref={resultRef}
            data-testid="link-result"
          >
            {result.text}
          </div>
        )}
      </div>
      <PackSourceSettings />
      <p class="tldvc-page-note">
        Mã truy cập chỉ lưu trên máy này. Trên máy dùng chung, hãy bấm “Huỷ liên kết” khi không dùng nữa.
      </p>
      <p class="tldvc-page-note">
        Tiện ích lưu gì, gửi gì lên sổ và không bao giờ đọc gì: <a href="/privacy.html">Chính sách quyền riêng tư</a> ·{' '}
        <a href="/help.html">Hướng dẫn sử dụng</a>
      </p>
    </main>
  );
}
