/**
 * How text is kept or hidden in a page snapshot. Hidden text becomes a placeholder of the same
 * length and character class ("Nguyễn Văn An" → "Xxxxxx Xxx Xx", "0912 345 678" → "0000 000 000").
 * Kept UI text (buttons, links, labels, headings, table headers) is still scrubbed of what may be
 * personal: numbers of three digits or more, e-mail addresses, file names, and Vietnamese full names.
 */

export function shapeOf(text: string): string {
  return Array.from(text.normalize('NFC'), (c) => (/\s/u.test(c) ? c : /\p{Lu}/u.test(c) ? 'X' : /\p{L}|\p{M}/u.test(c) ? 'x' : /\p{N}/u.test(c) ? '0' : c)).join('');
}

/** The most common Vietnamese family names: a capitalised run of words starting with one is taken for a person's name. */
const SURNAMES = new Set(
  'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trịnh mai trương lâm hà lương tạ tô đoàn cao vương chu lưu thái quách phùng kiều hứa triệu la khúc nông lò tăng thân giang lại mạc tống âu doãn hoàng'
    .split(' ')
    .map((s) => s.normalize('NFC')),
);
const WORD = /\p{Lu}[\p{L}\p{M}]*/u;
const NAME_RUN = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){1,4}/gu;

function maskNames(text: string): string {
  return text.replace(NAME_RUN, (run) => {
    const first = run.split(/\s+/)[0] ?? '';
    return WORD.test(first) && SURNAMES.has(first.toLowerCase()) ? shapeOf(run) : run;
  });
}

export function scrubKept(text: string): string {
  const t = text
    .normalize('NFC')
    .replace(/[^\s@]+@[^\s@]+/g, shapeOf)
    .replace(/[^\s/\\]+\.(?:pdf|jpe?g|png|gif|heic|webp|docx?|xlsx?|zip|rar|txt)\b/giu, shapeOf)
    .replace(/\d{3,}/g, shapeOf);
  return maskNames(t);
}

/** Identifiers (ids, names, classes): plain ASCII kept, with long digit runs zeroed; anything else hidden. */
export function scrubIdentifier(value: string): string {
  if (!/^[A-Za-z0-9_\-:.[\]/ ]{0,120}$/.test(value)) return shapeOf(value);
  return value.replace(/\d{4,}/g, shapeOf);
}
