/**
 * Reads the dossier code printed after "Mã hồ sơ:" / "Số hồ sơ:" — in the label's own block, in
 * the node beside it, or under it in a table column — and the expected return date. Shown to the
 * volunteer to confirm; nothing is stored until they do. The format is not known for every portal
 * (docs/portal-evidence.md §3.8, §5.5), so the pattern is tolerant: letters, digits, . - _ /, at
 * least one digit.
 */
import { foldVietnamese } from '../../shared/text/fold';
import type { Step } from '../guides/schema';

const CODE = /^[\s:：]*([A-Za-z0-9][A-Za-z0-9.\-_/]{3,})/;
const DATE = /^[\s:：]*(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const MAX_CLIMB = 3;

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

function asCode(raw: string | undefined | null): string | null {
  const code = raw?.replace(/[.\-_/]+$/, '') ?? null;
  return code && /\d/.test(code) ? code : null;
}

export function extractDossierCode(text: string, labels: readonly string[]): string | null {
  const rest = after(text, labels);
  return rest ? asCode(CODE.exec(rest)?.[1]) : null;
}

/** The code that goes with a label element: a table column under it, else the text after it nearby. */
export function codeNear(label: Element, labels: readonly string[]): string | null {
  const cell = label.closest('th, td');
  const table = cell?.closest('table');
  if (cell && table && cell.closest('thead, tr:first-child')) {
    const index = (cell as HTMLTableCellElement).cellIndex;
    const row = table.tBodies[0]?.rows[cell.closest('thead') ? 0 : 1];
    const code = asCode(CODE.exec(row?.cells[index]?.textContent ?? '')?.[1]);
    if (code) return code;
  }
  let box: Element | null = label;
  for (let up = 0; box && up <= MAX_CLIMB; up++, box = box.parentElement) {
    const code = extractDossierCode(box.textContent ?? '', labels);
    if (code) return code;
  }
  return null;
}

/** "Ngày hẹn trả dự kiến: 05/10/2026" → "2026-10-05". */
export function extractDueDate(text: string, labels: readonly string[]): string | null {
  const rest = after(text, labels);
  const m = rest ? DATE.exec(rest) : null;
  if (!m) return null;
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

export interface CaptureSuggestion {
  dossierCode: string | null;
  dueOn: string | null;
  /** Every code the page suggested during this step: a toast that has gone still counts as shown. */
  seen: string[];
}

/** Remembers, per step, the codes the page suggested (in memory only, gone with the page). */
export class SeenCodes {
  private key = '';
  private codes: string[] = [];

  suggest(key: string, capture: NonNullable<Step['capture']>, anchor: Element | null, doc: Document): CaptureSuggestion {
    if (key !== this.key) [this.key, this.codes] = [key, []];
    const code = anchor ? codeNear(anchor, capture.labels) : null;
    if (code && !this.codes.includes(code)) this.codes.push(code);
    return {
      dossierCode: code ?? this.codes.at(-1) ?? null,
      dueOn: anchor && capture.dueLabels ? extractDueDate(doc.body?.textContent ?? '', capture.dueLabels) : null,
      seen: [...this.codes],
    };
  }
}
