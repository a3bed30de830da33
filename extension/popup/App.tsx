/** Popup shell: the procedure picker plus the session and record actions. */
import { useState } from 'preact/hooks';
import type { Procedure } from '../../shared/schemas/procedure';
import { residentSession } from '../storage/items';
import { HostAccessNotice } from './HostAccessNotice';
import { Popup } from './Popup';
import { SessionEndButton, describeReport, endSession } from './SessionEnd';

type ExtensionPage = '/record.html' | '/diagnostics.html' | '/options.html';

function openExtensionPage(path: ExtensionPage, hash = ''): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL(path)}${hash}` });
}

export function App() {
  const [offer, setOffer] = useState<null | { p: Procedure; since: string; name: string; resolve(v: boolean): void }>(null);
  const [notice, setNotice] = useState('');

  const beforeStart = async (p: Procedure) => {
    const previous = await residentSession.getValue();
    if (!previous) return true;
    return new Promise<boolean>((resolve) => setOffer({ p, since: previous.startedAt, name: previous.procedureName, resolve }));
  };

  const footer = (
    <footer>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {offer && (
        <div class="warn" role="alertdialog" aria-labelledby="offer-title">
          <p id="offer-title">
            <strong>Người dân trước có thể vẫn đang đăng nhập</strong> (phiên “{offer.name}” bắt đầu lúc{' '}
            {new Date(offer.since).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}). Kết thúc phiên đó trước khi hướng dẫn người tiếp theo?
          </p>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              const r = await endSession();
              setNotice(describeReport(r));
              offer.resolve(true);
              setOffer(null);
            }}
          >
            Kết thúc phiên cũ rồi bắt đầu
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              void residentSession.setValue({ startedAt: new Date().toISOString(), procedureName: offer.p.nameInLetter });
              offer.resolve(true);
              setOffer(null);
            }}
          >
            Vẫn là người dân này
          </button>
        </div>
      )}
      <button type="button" onClick={() => openExtensionPage('/record.html')}>
        Ghi tài khoản đã hỗ trợ
      </button>{' '}
      <button type="button" onClick={() => openExtensionPage('/record.html', '#hang-cho')}>
        Hàng chờ gửi
      </button>{' '}
      <button type="button" onClick={() => openExtensionPage('/options.html')}>
        Liên kết sổ của phường
      </button>{' '}
      <button type="button" onClick={() => openExtensionPage('/diagnostics.html')}>
        Nhật ký lỗi hướng dẫn
      </button>
      <SessionEndButton onEnded={(r) => setNotice(describeReport(r))} />
    </footer>
  );
  return (<><HostAccessNotice /><Popup footer={footer} beforeStart={beforeStart} /></>);
}
