import type { ComponentChildren } from 'preact';

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

export function Alert({ text }: { text: string }) {
  return text ? (
    <div class="alert" role="alert">
      {text}
    </div>
  ) : null;
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
