import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './style.css';
import { messageOf, server } from './server';
import { EntryPanel } from './Entry';
import { CheckPanel } from './CheckPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ReportPanel, SummaryPanel } from './SummaryPanels';
import { CodesPanel } from './CodesPanel';
import { LogPanel } from './LogPanel';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { Alert } from './fields';
import type { SidebarData } from './types';
import { tabKeyTarget } from '../../../shared/ui/tabs';

const TABS = [
  ['entry', 'Nhập liệu'],
  ['check', 'Kiểm tra'],
  ['duplicates', 'Tìm trùng'],
  ['summary', 'Tổng hợp'],
  ['report', 'Báo cáo Zalo'],
  ['codes', 'Mã truy cập'],
  ['import', 'Nhập từ tệp'],
  ['log', 'Nhật ký'],
  ['diagnostics', 'Chẩn đoán'],
  ['settings', 'Cài đặt'],
] as const;
type Tab = (typeof TABS)[number][0];

function App({ initial }: { initial: Tab }) {
  const [tab, setTab] = useState<Tab>(initial);
  const [data, setData] = useState<SidebarData | null>(null);
  const [error, setError] = useState('');
  const load = () => server.getSidebarData().then(setData, (e) => setError(messageOf(e)));
  useEffect(() => {
    void load();
  }, []);
  function onKey(e: KeyboardEvent) {
    const next = tabKeyTarget(e.key, TABS.findIndex(([t]) => t === tab), TABS.length);
    if (next !== null) {
      e.preventDefault();
      setTab(TABS[next]![0]);
      document.getElementById(`tab-${TABS[next]![0]}`)?.focus();
    }
  }
  return (
    <main>
      <h1>Sổ tài khoản DVC</h1>
      <nav role="tablist" aria-label="Chức năng" onKeyDown={onKey}>
        {TABS.map(([id, label]) => (
          <button type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id ? 'true' : 'false'} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>
      <Alert text={error} />
      {!data && !error && <p role="status">Đang tải…</p>}
      {data && !data.ready && <Alert text="Sổ chưa được thiết lập. Hãy chọn «Thiết lập sổ» trong menu Trợ lý DVC." />}
      {data && (
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'entry' && <EntryPanel data={data} />}
          {tab === 'check' && <CheckPanel />}
          {tab === 'duplicates' && <DuplicatesPanel />}
          {tab === 'summary' && <SummaryPanel />}
          {tab === 'report' && <ReportPanel />}
          {tab === 'codes' && <CodesPanel data={data} reload={load} />}
          {tab === 'import' && <ImportPanel data={data} />}
          {tab === 'log' && <LogPanel />}
          {tab === 'diagnostics' && <DiagnosticsPanel />}
          {tab === 'settings' && <SettingsPanel data={data} reload={load} />}
        </div>
      )}
    </main>
  );
}

const root = document.getElementById('app')!;
const requested = root.dataset.tab as Tab | undefined;
render(<App initial={TABS.some(([t]) => t === requested) ? requested! : 'entry'} />, root);
