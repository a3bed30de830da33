/**
 * «Tổ dân phố» as the ward's registry names it. With the list the endpoint's hello returned, a
 * choice among those names only; without one (not linked yet, or an older add-on), a text box
 * whose example matches the sheet's own spelling.
 */
import { TextField } from './fields';

/** Same name whatever the Unicode form or spacing it was typed or stored with. */
const canonical = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** A Vietnamese error when `value` is not one of the ward's names (null: fine, or no list to check). */
export function toDanPhoError(value: string, groups: readonly string[] | undefined): string | null {
  if (!groups?.length || !value.trim()) return null;
  const wanted = canonical(value);
  return groups.some((g) => canonical(g) === wanted) ? null : 'Hãy chọn một tổ dân phố trong danh sách của phường.';
}

export function ToDanPhoField(props: { id: string; label: string; value: string; error?: string; groups: readonly string[] | undefined; onInput: (v: string) => void }) {
  const { id, label, value, error, groups, onInput } = props;
  if (!groups?.length) {
    return <TextField id={id} label={label} hint="Ví dụ: Tổ dân phố 5" value={value} error={error} required maxLength={60} onInput={onInput} />;
  }
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="tldvc-rec-field">
      <label class="tldvc-rec-label" for={id}>
        {label}
      </label>
      <span class="tldvc-rec-hint" id={`${id}-hint`}>
        Danh sách tổ dân phố lấy từ sổ của phường.
      </span>
      <select
        class="tldvc-rec-input"
        id={id}
        name={id}
        required
        aria-required="true"
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onInput((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">— Chọn tổ dân phố —</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
      {error && (
        <p class="tldvc-rec-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
