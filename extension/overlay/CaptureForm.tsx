/**
 * The dossier-code capture, with the due date typed dd/mm/yyyy. Before recording, the code is
 * checked on this page (engine/code-check): a code of a shape the registry refuses is an error; a
 * code the page does not show needs «Vẫn lưu mã này». Only the page's visible text is read
 * (innerText holds no field values), nothing is sent.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkCode } from '../engine/code-check';
import type { ViewState } from '../engine/runner';
import { DateField, readViDate, viDateText } from '../pages/DateField';
import { PANEL_BUTTONS } from '../pages/panelButtons';
import { ReasonButton } from '../pages/ReasonButton';
import type { OverlayActions } from './Overlay';

const FIELD_CLASSES = { field: 'field', label: 'label', hint: 'hint-line', input: 'input', error: 'field-error' };

export function CaptureForm({ view, actions }: { view: ViewState; actions: OverlayActions }) {
  const suggested = view.suggestion?.dossierCode ?? '';
  const suggestedDue = viDateText(view.suggestion?.dueOn);
  const [code, setCode] = useState(suggested);
  const [touched, setTouched] = useState(false);
  const [due, setDue] = useState(suggestedDue);
  const [dueTouched, setDueTouched] = useState(false);
  const [dueError, setDueError] = useState<string | undefined>();
  const [codeError, setCodeError] = useState<string | undefined>();
  /** A code the page does not show, waiting for «Vẫn lưu mã này». */
  const [doubt, setDoubt] = useState<{ message: string; dueIso: string | null } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const warning = useRef<HTMLDivElement>(null);
  // Recorded once, even if pressed twice before the panel redraws.
  const saved = useRef(false);
  const save = (dueIso: string | null) => {
    if (!saved.current) actions.confirmCapture(code, dueIso);
    saved.current = true;
  };
  useEffect(() => {
    if (!touched) setCode(suggested);
  }, [suggested]);
  useEffect(() => {
    if (!dueTouched) setDue(suggestedDue);
  }, [suggestedDue]);
  useEffect(() => {
    if (doubt) warning.current?.focus();
  }, [doubt]);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!code.trim()) return;
        let dueIso: string | null = null;
        if (due.trim()) {
          const read = readViDate(due, { minYear: 2000 });
          if (!read.ok) return setDueError(read.error);
          dueIso = read.value;
        }
        setDueError(undefined);
        const check = checkCode(code, document.body?.innerText ?? '', view.suggestion?.seen);
        setCodeError(!check.ok && check.shape ? check.message : undefined);
        if (check.ok) save(dueIso);
        else if (check.shape) input.current?.focus();
        else setDoubt({ message: check.message, dueIso });
      }}
    >
      <label for="tro-ly-code">Mã hồ sơ (kiểm tra với màn hình)</label>
      <input
        id="tro-ly-code"
        ref={input}
        type="text"
        value={code}
        autocomplete="off"
        aria-invalid={codeError ? 'true' : 'false'}
        aria-describedby={codeError ? 'tro-ly-code-error' : undefined}
        onInput={(e) => {
          setTouched(true);
          setCode((e.currentTarget as HTMLInputElement).value);
          setCodeError(undefined);
          setDoubt(null);
        }}
      />
      {codeError && (
        <p class="field-error" id="tro-ly-code-error" role="alert">
          {codeError}
        </p>
      )}
      {doubt && (
        <div class="warn" role="alert" tabIndex={-1} ref={warning} data-testid="code-doubt">
          <p>{doubt.message}</p>
          <div class="row">
            <button type="button" class="primary" onClick={() => (setDoubt(null), input.current?.focus())}>
              Sửa lại mã
            </button>
            <button type="button" onClick={() => save(doubt.dueIso)}>
              Vẫn lưu mã này
            </button>
          </div>
        </div>
      )}
      {suggestedDue && <p class="hint-line">Ngày hẹn trả dự kiến: {suggestedDue} (cổng ghi; sửa ô dưới nếu khác)</p>}
      <DateField
        id="tro-ly-due"
        label="Ngày hẹn trả (nếu cổng có ghi)"
        value={due}
        error={dueError}
        classes={FIELD_CLASSES}
        onInput={(v) => {
          setDueTouched(true);
          setDue(v);
          setDoubt(null);
        }}
      />
      <div class="row">
        <ReasonButton type="submit" class="primary" unavailable={code.trim() ? null : 'Hãy nhập mã hồ sơ trước.'}>
          {PANEL_BUTTONS.confirmCode.face}
        </ReasonButton>
      </div>
    </form>
  );
}
