/**
 * Options: where guide packs come from (default: none). A static URL's host is asked for from the
 * click itself (an optional host permission), only that host.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send, type PackCheckReply } from '../messages';
import { useStored } from '../pages/useStored';
import { packSourceItem, type PackSource } from './storage';

type Kind = PackSource['kind'];

export function validPackUrl(input: string): { ok: true; url: string; origin: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, message: 'Địa chỉ gói chưa đúng: hãy dán đủ địa chỉ, bắt đầu bằng https://' };
  }
  if (u.protocol !== 'https:') return { ok: false, message: 'Chỉ nhận địa chỉ gói bắt đầu bằng https:// (an toàn).' };
  return { ok: true, url: u.href, origin: u.origin };
}

export function PackSourceSettings() {
  const stored = useStored(packSourceItem);
  const [kind, setKind] = useState<Kind | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackCheckReply | null>(null);
  const current = kind ?? stored?.kind ?? 'none';
  const urlValue = url ?? (stored?.kind === 'url' ? stored.url : '');

  async function save(e: Event) {
    e.preventDefault();
    let source: PackSource = { kind: current } as PackSource;
    if (current === 'url') {
      const checked = validPackUrl(urlValue);
      if (!checked.ok) return setResult({ ok: false, outcome: 'unreachable', message: checked.message });
      // Asked from the click: only this host, and only when a static URL is chosen.
      await browser.permissions.request({ origins: [`${checked.origin}/*`] }).catch(() => false);
      source = { kind: 'url', url: checked.url };
    }
    setBusy(true);
    setResult(null);
    const r = await send({ type: 'pack:set-source', source }).catch(() => ({ ok: false, outcome: 'unreachable', message: 'Tiện ích chưa sẵn sàng, hãy thử lại sau vài giây.' }) as PackCheckReply);
    setBusy(false);
    setResult(r);
  }

  return (
    <form class="tldvc-rec-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="pack-heading">
      <h2 id="pack-heading" class="tldvc-rec-title">
        Gói hướng dẫn mới
      </h2>
      <p class="tldvc-rec-hint">
        Khi cổng đổi giao diện, nhóm phát triển phát hành gói hướng dẫn đã sửa (chỉ là dữ liệu, có chữ ký). Tiện ích chỉ dùng gói đúng chữ ký và mới hơn bản đang có.
      </p>
      <fieldset class="tldvc-rec-field">
        <legend class="tldvc-rec-label">Lấy gói hướng dẫn từ đâu</legend>
        {(
          [
            ['none', 'Không lấy gói (dùng hướng dẫn có sẵn trong tiện ích)'],
            ['ward', 'Sổ của phường (địa chỉ web đã liên kết ở trên)'],
            ['url', 'Một địa chỉ web khác (https)'],
          ] as const
        ).map(([k, label]) => (
          <label class="tldvc-rec-check" key={k}>
            <input type="radio" name="pack-source" value={k} checked={current === k} onChange={() => setKind(k)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      {current === 'url' && (
        <div class="tldvc-rec-field">
          <label class="tldvc-rec-label" for="pack-url">
            Địa chỉ gói hướng dẫn
          </label>
          <input class="tldvc-rec-input" id="pack-url" type="url" value={urlValue} autoComplete="off" spellcheck={false} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </div>
      )}
      <div class="tldvc-rec-actions">
        <button type="submit" class="tldvc-rec-button tldvc-rec-primary" disabled={busy} aria-busy={busy ? 'true' : 'false'}>
          {busy ? 'Đang kiểm tra gói…' : 'Lưu và kiểm tra gói'}
        </button>
      </div>
      <div aria-live="polite">
        {result && (
          <p class={`tldvc-page-status ${result.ok ? 'tldvc-page-good' : 'tldvc-page-bad'}`} role={result.ok ? 'status' : 'alert'} data-testid="pack-result">
            {result.message}
          </p>
        )}
      </div>
    </form>
  );
}
