/**
 * Popup shell: a fixed top bar ("Ghi sổ", "Kết thúc phiên": needed between every two residents),
 * the first-run welcome, the procedure picker and the links to the other pages.
 */
import { useState } from 'preact/hooks';
import { useStored } from '../pages/useStored';
import { firstRunDone } from '../storage/items';
import { GuideDataLine } from '../packs/GuideDataLine';
import { PracticeButton } from '../practice/PracticeButton';
import { FirstRun } from './FirstRun';
import { HostAccessNotice } from './HostAccessNotice';
import { Popup } from './Popup';
import { SessionEndButton } from './SessionEnd';
import { openExtensionPage } from './start';

export function App() {
  const seen = useStored(firstRunDone);
  const [welcomed, setWelcomed] = useState(false);
  return (
    <>
      <header class="topbar" data-testid="topbar">
        <img src="/icon/32.png" alt="" width={28} height={28} />
        <button type="button" class="bar-record" onClick={() => openExtensionPage('/record.html')}>
          Ghi sổ
        </button>
        <SessionEndButton />
      </header>
      <HostAccessNotice />
      <Popup>{seen === null && !welcomed && <FirstRun onDone={() => setWelcomed(true)} />}</Popup>
      <footer>
        <h2 class="sr-only">Các trang khác</h2>
        <button type="button" onClick={() => openExtensionPage('/record.html', '#hang-cho')}>
          Hàng chờ gửi
        </button>{' '}
        <button type="button" onClick={() => openExtensionPage('/options.html')}>
          Liên kết sổ của phường
        </button>{' '}
        <button type="button" onClick={() => openExtensionPage('/help.html')}>
          Hướng dẫn sử dụng
        </button>{' '}
        <PracticeButton />{' '}
        <button type="button" onClick={() => openExtensionPage('/diagnostics.html')}>
          Nhật ký lỗi hướng dẫn
        </button>{' '}
        <button type="button" onClick={() => openExtensionPage('/privacy.html')}>
          Quyền riêng tư
        </button>
        <GuideDataLine class="guide-data" />
      </footer>
    </>
  );
}
