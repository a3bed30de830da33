/** "Chế độ tập luyện": what practice is, and the scenarios to start. */
import { useState } from 'preact/hooks';
import { EXAMPLE_ID, PRACTICE_PASSCODE } from '../fake-login';
import { startRun } from '../runs';
import { SCENARIOS } from '../scenarios';
import { Banner } from './Banner';
import { Facts } from './Facts';
import { SampleFiles } from './SampleFiles';

export function StartPage() {
  const [error, setError] = useState('');
  const start = async (id: string) => {
    setError('');
    try {
      const runId = await startRun(SCENARIOS.find((s) => s.id === id)!);
      location.assign(`?${new URLSearchParams({ run: runId })}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Banner />
      <main>
        <h1>Chế độ tập luyện</h1>
        <p>
          Tập nộp một hồ sơ từ đầu đến cuối trên bản sao các trang của cổng dịch vụ công, với đúng khung hướng dẫn của Trợ lý DVC. Mọi thứ
          nằm trong tiện ích: không cần mạng, không đăng nhập thật, không gửi gì đi, không ghi gì vào sổ của phường.
        </p>
        <p>
          Đăng nhập giả: gõ một số bịa 12 chữ số (ví dụ {EXAMPLE_ID}) và một mã bất kỳ; mã xác nhận là 6 số bất kỳ; passcode tập luyện là{' '}
          {PRACTICE_PASSCODE}. Không bao giờ gõ số định danh, mật khẩu hay passcode thật vào bản tập luyện.
        </p>
        <p>Cuối bài có kết quả để in: thời gian, các bước đã bỏ qua hoặc phải xem lại gợi ý, các lỗi thường gặp đã mắc.</p>
        {error && (
          <p class="feedback" role="alert">
            {error}
          </p>
        )}
        {SCENARIOS.map((s) => (
          <section class="scenario" key={s.id} data-scenario={s.id} aria-labelledby={`title-${s.id}`}>
            <h2 id={`title-${s.id}`}>{s.title}</h2>
            {s.story.map((line) => (
              <p key={line}>{line}</p>
            ))}
            <details>
              <summary>Thông tin để điền (bịa)</summary>
              <Facts scenario={s} />
            </details>
            {s.files.length > 0 && (
              <details>
                <summary>Giấy tờ mẫu để tải lên</summary>
                <SampleFiles files={s.files} />
              </details>
            )}
            <details>
              <summary>Dành cho người hướng dẫn: lỗi bài này bắt được</summary>
              <ul>
                {s.traps.map((t) => (
                  <li key={t.id}>{t.mistake}</li>
                ))}
              </ul>
            </details>
            <button type="button" class="primary" onClick={() => void start(s.id)}>
              Bắt đầu tập: {s.title}
            </button>
          </section>
        ))}
      </main>
    </>
  );
}
