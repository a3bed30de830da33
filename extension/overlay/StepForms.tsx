/**
 * The panel's forms besides the dossier-code capture (CaptureForm.tsx): the finished view (code,
 * appointment slip, the framed record form sized so that only one thing scrolls) and the one-time
 * question before "Đóng hướng dẫn".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ViewState } from '../engine/runner';
import { send } from '../messages';
import { PANEL_BUTTONS } from '../pages/panelButtons';
import type { OverlayActions } from './Overlay';


/** Filing date of a confirmed capture, in Vietnam (UTC+7). */
const vietnamDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

export function Finished({ view, titleId, hintId, actions }: { view: ViewState; titleId: string; hintId: string; actions: OverlayActions }) {
  const capture = view.session.capture;
  const guide = view.session.guide;
  const [copied, setCopied] = useState(false);
  const [recording, setRecording] = useState(true);
  const [slipError, setSlipError] = useState('');
  const frameRef = useRef<HTMLIFrameElement>(null);
  const frame = capture ? actions.filingFrameUrl(capture) : null;
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const el = frameRef.current;
      if (!e.source || e.source !== el?.contentWindow) return;
      if (e.data?.type === 'tro-ly:filing-done') setRecording(false);
      if (e.data?.type === 'tro-ly:filing-size' && typeof e.data.height === 'number') fitFrame(el, e.data.height);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);
  const openSlip = async () => {
    if (!capture) return;
    setSlipError('');
    const params: Record<string, string> = {
      dossierCode: capture.dossierCode,
      procedureName: guide.procedureName,
      portal: guide.portal,
      filedOn: vietnamDate(capture.confirmedAt),
      ...(guide.procedureId ? { procedureId: guide.procedureId } : {}),
      ...(guide.procedureCode ? { procedureCode: guide.procedureCode } : {}),
      ...(capture.dueOn ? { dueOn: capture.dueOn } : {}),
    };
    const r = await send({ type: 'page:open', page: 'appointment', params }).catch(() => null);
    if (!r?.ok) setSlipError(r && !r.ok ? r.message : 'Không mở được phiếu hẹn. Hãy thử lại.');
  };
  return (
    <div>
      <h2 class="title" id={titleId}>
        Đã xong hướng dẫn
      </h2>
      {/* While the record form is framed below, its room matters more than this sentence (still read out). */}
      <p id={hintId} class={capture && frame && recording ? 'sr' : undefined}>
        {capture ? 'Mã hồ sơ đã được xác nhận. Chép mã hoặc in phiếu hẹn cho người dân, rồi ghi vào sổ.' : 'Đã đi hết các bước.'}
      </p>
      {capture && (
        <div class="ok">
          <strong data-testid="captured-code">{capture.dossierCode}</strong>
          <div class="row">
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(capture.dossierCode).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {copied ? 'Đã chép' : 'Chép mã'}
            </button>
            <button type="button" onClick={() => void openSlip()}>
              {PANEL_BUTTONS.appointment.face}
            </button>
          </div>
          {slipError && (
            <p class="error" role="alert">
              {slipError}
            </p>
          )}
        </div>
      )}
      <div data-mount="record-filing">
        {capture && frame && recording && <iframe class="frame" ref={frameRef} title="Ghi hồ sơ vào sổ" src={frame} data-testid="record-filing-frame" scrolling="auto" />}
      </div>
    </div>
  );
}

/**
 * The framed form gets its full height when the screen has room, else exactly the room left in
 * the panel: the panel itself never scrolls around a frame that scrolls too.
 */
function fitFrame(frame: HTMLIFrameElement, contentHeight: number): void {
  const panel = frame.closest('.panel') as HTMLElement | null;
  if (!panel) return;
  // Everything in the panel but the frame (scrollHeight: the whole content, not the part in view).
  const rest = panel.scrollHeight - frame.getBoundingClientRect().height;
  const borders = panel.offsetHeight - panel.clientHeight;
  const room = Math.floor(innerHeight - 24 - borders - rest);
  // A screen too small even for a short frame: the panel scrolls instead (the frame shows all).
  const fits = room >= 200;
  frame.style.height = `${fits ? Math.min(Math.ceil(contentHeight), room) : Math.ceil(contentHeight)}px`;
  panel.classList.toggle('framing', fits);
}

/** "Đóng hướng dẫn", asked once: stopping can be undone from the popup ("Tiếp tục hướng dẫn"). */
export function CloseGuide({ finished, onClose }: { finished: boolean; onClose(): void }) {
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) question.current?.querySelector('button')?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" onClick={() => (finished ? onClose() : setAsking(true))}>
        {PANEL_BUTTONS.close.face}
      </button>
    );
  }
  return (
    <div class="warn confirm" role="alertdialog" aria-labelledby="tro-ly-close-q" aria-describedby="tro-ly-close-d" ref={question} data-testid="close-question">
      <p id="tro-ly-close-q">
        <strong>Dừng hướng dẫn cho người dân này?</strong>
      </p>
      <p id="tro-ly-close-d">Muốn làm tiếp sau, mở cửa sổ Trợ lý DVC và bấm “Tiếp tục hướng dẫn”.</p>
      <div class="row">
        <button type="button" class="primary" onClick={onClose}>
          Dừng hướng dẫn
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Không, làm tiếp
        </button>
      </div>
    </div>
  );
}
