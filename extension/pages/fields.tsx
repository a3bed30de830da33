import type * as z from 'zod';

let nextId = 0;
/** Ids unique within the document or shadow root the form is mounted in. */
export function makeIdPrefix(): string {
  nextId += 1;
  return `tldvc-rec-${nextId}`;
}

export type FieldErrors = Record<string, string>;

/** Maps zod issues to the form's field names via a path → field function; the rest go under ''. */
export function issuesToErrors(issues: z.core.$ZodIssue[], fieldOf: (path: PropertyKey[]) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  required?: boolean;
  inputMode?: 'text' | 'numeric' | 'tel';
  autoComplete?: string;
  maxLength?: number;
  list?: string;
  onInput: (value: string) => void;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="tldvc-rec-field">
      <label class="tldvc-rec-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <span class="tldvc-rec-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        class="tldvc-rec-input"
        id={props.id}
        name={props.id}
        type="text"
        lang="vi"
        value={props.value}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : 'false'}
        aria-describedby={describedBy || undefined}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        maxLength={props.maxLength}
        list={props.list}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {props.error && (
        <p class="tldvc-rec-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function ConsentField(props: { id: string; checked: boolean; error?: string; text: string; version: string; onChange: (v: boolean) => void }) {
  return (
    <div class="tldvc-rec-field">
      <p class="tldvc-rec-consent" id={`${props.id}-text`} lang="vi">
        {props.text} <span class="tldvc-rec-version">(Nội dung đồng ý {props.version})</span>
      </p>
      <label class="tldvc-rec-check">
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={[`${props.id}-text`, props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={props.error ? 'true' : 'false'}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Người dân đã đọc (hoặc được đọc cho nghe) và đồng ý với nội dung trên.</span>
      </label>
      {props.error && (
        <p class="tldvc-rec-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export function ErrorSummary(props: { errors: FieldErrors; labels: Record<string, string>; summaryRef: { current: HTMLDivElement | null } }) {
  // In the order the fields appear (the labels' order); form-wide messages first.
  const order = ['', ...Object.keys(props.labels)];
  const entries = Object.entries(props.errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  if (entries.length === 0) return null;
  return (
    <div class="tldvc-rec-alert" role="alert" tabIndex={-1} ref={props.summaryRef}>
      <strong>Chưa ghi được, cần sửa:</strong>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{props.labels[field] ? `${props.labels[field]}: ${message}` : message}</li>
        ))}
      </ul>
    </div>
  );
}
