import { browser } from 'wxt/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { buildExport, EXPORT_LIMIT, exportFileName } from '../outbox/export';
import { sendSync } from '../messages';
import { describeRecord } from '../outbox/records';
import { outboxItem, syncSettingsItem, syncStateItem } from '../outbox/storage';
import type { OutboxItem } from '../outbox/types';
import { ReasonButton } from './ReasonButton';
import { RecordAccountForm } from './RecordAccountForm';
import { useStored } from './useStored';
import { tabKeyTarget } from '../../shared/ui/tabs';

const TABS = [
  { id: 'tai-khoan', label: 'Ghi tài khoản đã hỗ trợ' },
  { id: 'hang-cho', label: 'Hàng chờ gửi' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
const fmt = (iso: string | number) => dateTime.format(new Date(iso));

/** "Ghi sổ": record an account helped, and see / resend / delete / export what waits. */
export function RecordPage() {
  const initial: TabId = location.hash === '#hang-cho' ? 'hang-cho' : 'tai-khoan';
  const [tab, setTab] = useState<TabId>(initial);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const outbox = useStored(outboxItem);

  function select(id: TabId, focus = false) {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current[TABS.findIndex((t) => t.id === id)]?.focus();
  }
  function onKeyDown(e: KeyboardEvent) {
    const next = tabKeyTarget(e.key, TABS.findIndex((t) => t.id === tab), TABS.length);
    if (next !== null) {
      e.preventDefault();
      select(TABS[next]!.id, true);
    }
  }

  return (
    <main lang="vi">
      <h1>Ghi sổ của phường</h1>
      <div class="tldvc-page-tabs" role="tablist" aria-label="Ghi sổ" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-controls={`panel-${t.id}`}
            aria-selected={tab === t.id ? 'true' : 'false'}
            tabIndex={tab === t.id ? 0 : -1}
            ref={(el) => void (tabRefs.current[i] = el)}
            onClick={() => select(t.id)}
          >
            {t.id === 'hang-cho' && outbox ? `${t.label} (${outbox.length})` : t.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id="panel-tai-khoan" aria-labelledby="tab-tai-khoan" hidden={tab !== 'tai-khoan'}>
        <RecordAccountForm />
      </section>
      <section role="tabpanel" id="panel-hang-cho" aria-labelledby="tab-hang-cho" hidden={tab !== 'hang-cho'}>
        <Queue items={outbox ?? []} />
      </section>
    </main>
  );
}

function Queue({ items }: { items: OutboxItem[] }) {
  const settings = useStored(syncSettingsItem);
  const state = useStored(syncStateItem);
  const [notice, setNotice] = useState<{ kind: 'good' | 'bad'; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function act(p: Promise<{ ok: true } | { ok: false; message: string }>, good: string) {
    const r = await p;
    setNotice(r.ok ? { kind: 'good', text: good } : { kind: 'bad', text: r.message });
  }
  function remove(item: OutboxItem) {
    const { title } = describeRecord(item.record);
    if (!window.confirm(`Xoá “${title}” khỏi hàng chờ? Mục này sẽ không được gửi vào sổ của phường.`)) return;
    void act(sendSync({ type: 'outbox/delete', clientId: item.clientId }), `Đã xoá “${title}” khỏi hàng chờ.`);
  }
  function exportFile() {
    const chosen = items.slice(0, EXPORT_LIMIT);
    const data = buildExport(chosen, browser.runtime.getManifest().version, Date.now());
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = exportFileName(Date.now());
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setNotice({
      kind: 'good',
      text: `Đã xuất ${chosen.length} mục ra tệp ${a.download}${items.length > chosen.length ? ` (còn ${items.length - chosen.length} mục, hãy xuất thêm tệp sau khi nhập tệp này)` : ''}. Gửi tệp cho tổ trưởng để nhập vào sổ (“Nhập từ tệp”); tệp có họ tên người dân, hãy xoá sau khi đã nhập.`,
    });
  }

  const waiting = items.filter((i) => i.state === 'waiting').length;
  const rejected = items.length - waiting;
  return (
    <div>
      <h2>Hàng chờ gửi</h2>
      <div class={`tldvc-page-status ${state?.blocked ? 'tldvc-page-bad' : ''}`} data-testid="queue-status">
        {items.length === 0 ? (
          <p>Không còn mục nào chờ gửi: mọi mục đã vào sổ của phường.</p>
        ) : (
          <p>
            Đang chờ gửi: {waiting} mục{rejected ? `; sổ không nhận: ${rejected} mục (xem lý do bên dưới)` : ''}.
          </p>
        )}
        {!settings?.accessCode && (
          <p>
            Chưa liên kết với sổ của phường. <a href="/options.html">Mở Cài đặt</a> hoặc dùng “Xuất tệp”.
          </p>
        )}
        {state?.blocked && (
          <p>
            Đã dừng gửi: {state.blocked.message} <a href="/options.html">Mở Cài đặt</a>
          </p>
        )}
        {!state?.blocked && state?.nextAttemptAt && waiting > 0 && <p>Sẽ tự gửi lại lúc {fmt(state.nextAttemptAt)}.</p>}
      </div>
      <div aria-live="polite">
        {notice && (
          <div
            class={`tldvc-page-status ${notice.kind === 'good' ? 'tldvc-page-good' : 'tldvc-page-bad'}`}
            role={notice.kind === 'bad' ? 'alert' : 'status'}
            tabIndex={-1}
            ref={noticeRef}
          >
            {notice.text}
          </div>
        )}
      </div>
      <div class="tldvc-page-toolbar">
        <ReasonButton
          class="tldvc-rec-button tldvc-rec-primary"
          reasonClass="tldvc-rec-reason"
          unavailable={items.length === 0 ? 'Hàng chờ trống: không có mục nào để gửi.' : null}
          onClick={() => void act(sendSync({ type: 'outbox/resend' }), 'Đang gửi lại mọi mục.')}
        >
          Gửi lại tất cả
        </ReasonButton>
        <ReasonButton class="tldvc-rec-button tldvc-rec-secondary" reasonClass="tldvc-rec-reason" unavailable={items.length === 0 ? 'Hàng chờ trống: không có mục nào để xuất ra tệp.' : null} onClick={exportFile}>
          Xuất tệp
        </ReasonButton>
      </div>
      <ul class="tldvc-page-list" aria-label="Các mục chờ gửi">
        {items.map((item) => {
          const { title, detail } = describeRecord(item.record);
          return (
            <li class="tldvc-page-item" key={item.clientId} data-client-id={item.clientId} data-state={item.state}>
              <h3>{title}</h3>
              <p>{detail}</p>
              <p class="tldvc-page-meta">
                Ghi lúc {fmt(item.createdAt)} ·{' '}
                {item.state === 'rejected' ? (
                  <span class="tldvc-page-state-rejected">Sổ không nhận</span>
                ) : (
                  <span>Đang chờ gửi</span>
                )}
                {item.attempts > 0 ? ` · đã thử ${item.attempts} lần` : ''}
              </p>
              {item.lastError && (
                <p class={item.state === 'rejected' ? 'tldvc-page-state-rejected' : ''} data-testid="last-error">
                  Lỗi gần nhất ({fmt(item.lastError.at)}): {item.lastError.message}
                </p>
              )}
              <div class="tldvc-page-toolbar">
                <button
                  type="button"
                  class="tldvc-rec-button tldvc-rec-secondary"
                  aria-label={`Gửi lại: ${title}`}
                  onClick={() => void act(sendSync({ type: 'outbox/resend', clientId: item.clientId }), `Đang gửi lại “${title}”.`)}
                >
                  Gửi lại
                </button>
                <button type="button" class="tldvc-rec-button tldvc-rec-secondary" aria-label={`Xoá: ${title}`} onClick={() => remove(item)}>
                  Xoá
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
