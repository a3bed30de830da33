/**
 * The step panel's "Trang khác hướng dẫn" button: takes a structure-only snapshot of this page and
 * opens it for the volunteer to review (kept only if they save it as a file; never sent anywhere).
 */
import { useState } from 'preact/hooks';
import type { ViewState } from '../engine/runner';
import { send } from '../messages';
import { PANEL_BUTTONS } from '../pages/panelButtons';

export function SnapshotButton({ view }: { view: ViewState }) {
  const [said, setSaid] = useState<string | null>(null);
  // Only a portal page can be captured (a practice page is our own fixture already).
  if (location.protocol !== 'https:') return null;
  const take = async () => {
    setSaid(null);
    const context = { surfaces: view.surfaces, guideId: view.session.guide.id, stepId: view.step?.id ?? null };
    const r = await send({ type: 'snapshot:take', context }).catch(() => ({ ok: false as const, message: 'Tiện ích chưa sẵn sàng, hãy thử lại sau vài giây.' }));
    setSaid(r.ok ? 'Đã mở ảnh chụp cấu trúc trang ở thẻ mới để bạn xem trước.' : r.message);
  };
  return (
    <>
      <button type="button" data-testid="snapshot" aria-label={PANEL_BUTTONS.snapshot.name} title={PANEL_BUTTONS.snapshot.name} onClick={() => void take()}>
        {PANEL_BUTTONS.snapshot.face}
      </button>
      {said && (
        <span class="sr" role="status">
          {said}
        </span>
      )}
    </>
  );
}
