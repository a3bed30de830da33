/**
 * A date typed day first (dd/mm/yyyy), whatever language the browser is set to: a text box, never
 * <input type="date">, whose picker shows mm/dd/yyyy in English-language Chrome.
 */
import { formatViDate, parseViDate, type ParseViDateOptions, type ViDateResult } from '../../shared/validate/date';

/** Also takes eight digits typed without separators ("05092026"). */
export function readViDate(text: string, options?: ParseViDateOptions): ViDateResult {
  const digits = text.trim();
  const spaced = /^\d{8}$/.test(digits) ? `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}` : digits;
  return parseViDate(spaced, options);
}

/** yyyy-mm-dd → dd/mm/yyyy for a text box ('' for nothing or an unreadable value). */
export function viDateText(iso: string | null | undefined): string {
  if (!iso) return '';
  try {
    return formatViDate(iso);
  } catch {
    return '';
  }
}

export interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  required?: boolean;
  onInput: (value: string) => void;
  /** Class names of the surface (the pages' record-form classes by default). */
  classes?: { field: string; label: string; hint: string; input: string; error: string };
}

const PAGE_CLASSES = { field: 'tldvc-rec-field', label: 'tldvc-rec-label', hint: 'tldvc-rec-hint', input: 'tldvc-rec-input', error: 'tldvc-rec-error' };

export function DateField({ id, label, value, error, required, onInput, classes = PAGE_CLASSES }: DateFieldProps) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={classes.field}>
      <label class={classes.label} for={id}>
        {label}
      </label>
      <span class={classes.hint} id={`${id}-hint`}>
        Ngày/tháng/năm, ví dụ 05/09/2026
      </span>
      <input
        class={classes.input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        lang="vi"
        data-date-format="dd/mm/yyyy"
        value={value}
        required={required}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onBlur={(e) => {
          // Tidy what was typed ("5/9/2026", "05092026") into the one written form.
          const read = readViDate((e.currentTarget as HTMLInputElement).value);
          if (read.ok) onInput(formatViDate(read.value));
        }}
      />
      {error && (
        <p class={classes.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
