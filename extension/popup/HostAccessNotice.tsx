/**
 * The popup's notice for hosts the extension may not run on, with the one button that asks for
 * them. permissions.request must run straight from the click (Firefox drops the user gesture
 * across an await), so the missing list is loaded before and the request is the click's first call.
 */
import { useEffect, useState } from 'preact/hooks';
import { send, type HostAccessStatus } from '../messages';
import { hostAccessItem } from '../background/host-access';
import { hostAccessLabel } from '../background/host-patterns';

type Asking = 'idle' | 'asking' | 'refused' | 'failed';

export function HostAccessNotice() {
  const [missing, setMissing] = useState<string[]>([]);
  const [asking, setAsking] = useState<Asking>('idle');
  useEffect(() => {
    const show = (s: HostAccessStatus | null) => {
      if (!s) return;
      setMissing(s.missing);
      if (!s.missing.length) setAsking('idle');
    };
    void send({ type: 'host-access:status' }).then(show, () => hostAccessItem.getValue().then(show));
    return hostAccessItem.watch(show);
  }, []);
  if (!missing.length) return null;

  const ask = () => {
    setAsking('asking');
    browser.permissions.request({ origins: missing }).then(
      (granted) => setAsking(granted ? 'idle' : 'refused'),
      () => setAsking('failed'),
    );
  };
  return (
    <section class="warn" role="alert" aria-labelledby="host-access-title" data-testid="host-access">
      <p id="host-access-title">
        <strong>Trợ lý DVC chưa được phép chạy trên {missing.length === 1 ? 'trang' : `${missing.length} trang`} sau</strong>, nên ở đó sẽ không có hướng dẫn
        {missing.some((p) => p.includes('script.google')) ? ' và không gửi được sổ của phường' : ''}:
      </p>
      <ul>
        {missing.map((p) => (
          <li key={p}>{hostAccessLabel(p)}</li>
        ))}
      </ul>
      <button type="button" class="primary" onClick={ask}>
        Cho phép chạy trên các trang này
      </button>
      {asking === 'asking' && <p role="status">Trình duyệt đang hỏi: hãy bấm «Cho phép» (Allow) trong hộp thoại của trình duyệt.</p>}
      {asking === 'refused' && <p>Chưa được cho phép. Bấm nút trên lần nữa và chọn «Cho phép» (Allow) khi trình duyệt hỏi.</p>}
      {asking === 'failed' && <p>Trình duyệt không hỏi được. Mở phần quản lý tiện ích của trình duyệt, chọn Trợ lý DVC và bật quyền truy cập các trang trên.</p>}
    </section>
  );
}
