/**
 * Checks a dossier code before it is recorded, locally: its shape (what the registry accepts) and
 * whether the page showed it. Spaces and case are ignored, and a code inside a longer code does not
 * count ("…-0001" is not on a page that shows "…-00012"). Codes the page suggested earlier during
 * the step (a toast that has gone) count as shown.
 */
import { dossierProblem } from '../../shared/schemas/rules';

/** Letters and digits; a separator between two of them continues a code. */
const WORD = '[\\p{L}\\p{N}]';
const SEP = '[.\\-_/]';

export const normaliseCode = (code: string): string => code.normalize('NFC').replace(/\s+/g, '').toLowerCase();

/** True when `text` shows `code` as a whole code (whitespace between its characters tolerated). */
export function codeInText(code: string, text: string): boolean {
  const chars = [...normaliseCode(code)];
  if (!chars.length) return false;
  const body = chars.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*');
  return new RegExp(`(?<!${WORD}${SEP}?)${body}(?!${SEP}?${WORD})`, 'iu').test(text.normalize('NFC'));
}

export type CodeCheck = { ok: true } | { ok: false; shape: boolean; message: string };

export function checkCode(code: string, pageText: string, seen: readonly string[] = []): CodeCheck {
  const problem = dossierProblem(code);
  if (problem) return { ok: false, shape: true, message: problem };
  const n = normaliseCode(code);
  if (seen.some((s) => normaliseCode(s) === n) || codeInText(code, pageText)) return { ok: true };
  return { ok: false, shape: false, message: `Mã “${code.trim()}” không có trên trang này. Hãy so lại với mã cổng hiện trên màn hình.` };
}
