import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatViDate, parseViDate } from '../../../shared/validate/date';

export type Errors = Record<string, string>;

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (aria: { id: string; 'aria-invalid': 'true' | 'false'; 'aria-describedby'?: string }) => ComponentChildren;
}

/** A labelled control with its hint and error wired through aria-describedby. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for={id}>
        {label}
        {hint && (
          <span class="hint" id={`${id}-hint`}>
            {' '}
            ({hint})
          </span>
        )}
      </label>
      {children({ id, 'aria-invalid': error ? 'true' : 'false', ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** An error message; with `focus`, it takes the focus when it appears (so the user meets it where they are). */
export function Alert({ text, focus = false }: { text: string; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text && focus) ref.current?.focus();
  }, [text, focus]);
  return text ? (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      {text}
    </div>
  ) : null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The ISO date a typed dd/mm/yyyy stands for, or the text as typed when it is not a date (the form then says why). */
export function isoOfTyped(text: string): string {
  const r = parseViDate(text);
  return r.ok ? r.value : text;
}

/** Why a date field's value is not a date (dd/mm/yyyy), or null. */
export function dateProblem(value: string): string | null {
  if (value === '' || ISO.test(value)) return null;
  const r = parseViDate(value);
  return r.ok ? null : r.error;
}

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's language (a
 * native date input follows the browser's locale). The value is ISO when it is
 * a real date, else the text as typed.
 */
export function DateInput({ value, onValue, aria }: { value: string; onValue: (v: string) => void; aria: Record<string, string> }) {
  const shown = ISO.test(value) ? formatViDate(value) : value;
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <input
      type="text"
      class="date"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autocomplete="off"
      {...aria}
      value={text}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onValue(isoOfTyped(e.currentTarget.value.trim()));
      }}
    />
  );
}

export function Status({ text }: { text: string }) {
  return (
    <div class={text ? 'status' : 'sr-only'} role="status" aria-live="polite">
      {text}
    </div>
  );
}

/** The options of a "which volunteer" select: a prompt, then "Name (TNV-001)" per volunteer. */
export function VolunteerOptions({ volunteers, prompt = '— Chọn —' }: { volunteers: Array<{ id: string; name: string }>; prompt?: string }) {
  return (
    <>
      <option value="">{prompt}</option>
      {volunteers.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name} ({v.id})
        </option>
      ))}
    </>
  );
}
