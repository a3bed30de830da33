/** Print on A4 or A5, or copy the same content as plain text for a Zalo message. */
import { useEffect, useRef, useState } from 'preact/hooks';

type Paper = 'A4' | 'A5';

function setPaper(paper: Paper): void {
  let style = document.getElementById('tldvc-paper') as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = 'tldvc-paper';
    document.head.append(style);
  }
  style.textContent = `@page { size: ${paper}; margin: ${paper === 'A4' ? 15 : 10}mm; }`;
  document.documentElement.dataset.paper = paper;
}

export function PrintBar({ text, what }: { text: string; what: string }) {
  const [paper, setPaperState] = useState<Paper>('A5');
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  // The page size applies to the browser's own print command too (Ctrl+P).
  useEffect(() => setPaper('A5'), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Đã chép ${what}. Mở Zalo, dán vào tin nhắn gửi người dân.`);
    } catch {
      // No clipboard permission (e.g. an older browser): select the text for Ctrl+C instead.
      area.current?.focus();
      area.current?.select();
      setStatus('Chưa chép tự động được: nội dung đã được chọn sẵn, hãy bấm Ctrl+C (hoặc giữ và chọn "Sao chép").');
    }
  };
  return (
    <section class="no-print toolbar" aria-label="In hoặc gửi cho người dân">
      <fieldset class="paper">
        <legend>Khổ giấy</legend>
        {(['A5', 'A4'] as const).map((p) => (
          <label key={p} class="choice">
            <input type="radio" name="paper" value={p} checked={paper === p} onChange={() => {
                setPaper(p);
                setPaperState(p);
              }}
            /> {p}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => window.print()}
        >
          In ({paper})
        </button>
        <button type="button" onClick={() => void copy()}>
          Chép nội dung để gửi Zalo
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
      <label for="zalo-text">Nội dung gửi Zalo</label>
      <textarea id="zalo-text" ref={area} readOnly rows={8} value={text} />
    </section>
  );
}
