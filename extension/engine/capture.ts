/**
 * Reads the dossier code printed after "Mã hồ sơ:" / "Số hồ sơ:" from the text of the block that
 * shows it. Shown to the volunteer to confirm; nothing is stored until they do.
 */
import { foldVietnamese } from '../../shared/text/fold';

const CODE = /^[\s:：]*([A-Za-z0-9][A-Za-z0-9.\-_/]{3,})/;
const DATE = /^[\s:：]*(\d{1,2})\/(\d{1,2})\/(\d{4})/;

function after(text: string, labels: readonly string[]): string | null {
  // Fold character by character so offsets in the folded text map back to the original text.
  const chars = [...text];
  const folded = chars.map((c) => foldVietnamese(c) || ' ');
  const foldedText = folded.join('');
  for (const label of labels) {
    const needle = foldVietnamese(label);
    const at = foldedText.indexOf(needle);
    if (at < 0) continue;
    let consumed = 0;
    let i = 0;
    while (i < chars.length && consumed < at + needle.length) consumed += folded[i++]!.length;
    return chars.slice(i).join('');
  }
  return null;
}

export function extractDossierCode(text: string, labels: readonly string[]): string | null {
  const rest = after(text, labels);
  return rest ? CODE.exec(rest)?.[1]?.replace(/[.\-_/]+$/, '') ?? null : null;
}

/** "Ngày hẹn trả dự kiến: 05/10/2026" → "2026-10-05". */
export function extractDueDate(text: string, labels: readonly string[]): string | null {
  const rest = after(text, labels);
  const m = rest ? DATE.exec(rest) : null;
  if (!m) return null;
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
