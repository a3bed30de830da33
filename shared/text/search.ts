import type { Procedure, ProcedureStatusKind } from '../schemas/procedure';
import { tokens } from './fold';

export type SearchMatch = 'code' | 'name' | 'prefix';

export interface SearchResult {
  procedure: Procedure;
  score: number;
  /** code: national code or item id; name: every word found whole; prefix: some word only as a word start. */
  matched: SearchMatch;
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
}

const DEFAULT_LIMIT = 10;

/** "1.001193", or a prefix of one typed so far ("1.0011"). */
const CODE_QUERY = /^\d\.\d{0,6}$/;
/** Letter item id as volunteers read it, e.g. "III.2" or "iii 2". */
const ID_QUERY = /^(i{1,3}|iv|x)\s*[.\s]\s*(\d{1,2})$/i;

const SCORE = {
  exactCode: 1000,
  codePrefix: 900,
  allWhole: 600,
  withPrefixes: 300,
  phrase: 150,
  exactName: 200,
  phraseAtStart: 30,
  /** Multiplied by (query words / name words): shorter names that the query covers rank higher. */
  coverage: 200,
  wordOnlyInField: -40,
} as const;

// Equal matches order by status; the gaps are smaller than the phrase bonus, so a much better
// textual match still wins.
const STATUS_PENALTY: Record<ProcedureStatusKind, number> = {
  current: 0,
  unverified: -10,
  replaced: -60,
  repealed: -120,
};

/** Many official names start with "Thủ tục …"; the words carry no meaning for matching. */
const NOISE_PREFIX = ['thu', 'tuc'];

interface IndexedProcedure {
  procedure: Procedure;
  order: number;
  /** Folded words of nameInLetter and officialName. */
  names: string[][];
  nameWords: Set<string>;
  fieldWords: Set<string>;
  /** Distinct words of names and field, for word-start matching. */
  allWords: string[];
}

const indexCache = new WeakMap<readonly Procedure[], IndexedProcedure[]>();

function withoutNoisePrefix(words: string[]): string[] {
  const startsWithNoise = NOISE_PREFIX.every((w, i) => words[i] === w);
  return startsWithNoise && words.length > NOISE_PREFIX.length ? words.slice(NOISE_PREFIX.length) : words;
}

function indexOf(catalogue: readonly Procedure[]): IndexedProcedure[] {
  let index = indexCache.get(catalogue);
  if (!index) {
    index = catalogue.map((procedure, order) => {
      const names = [procedure.nameInLetter, procedure.officialName].map((n) => withoutNoisePrefix(tokens(n)));
      const nameWords = new Set(names.flat());
      const fieldWords = new Set(tokens(procedure.field));
      return { procedure, order, names, nameWords, fieldWords, allWords: [...new Set([...nameWords, ...fieldWords])] };
    });
    indexCache.set(catalogue, index);
  }
  return index;
}

/** Index in `name` where `query` occurs as consecutive words (the last may be a word start), or -1. */
function phraseIndex(name: string[], query: string[], lastMayBePrefix: boolean): number {
  const last = query.length - 1;
  for (let start = 0; start + query.length <= name.length; start++) {
    const fits = query.every((q, i) => {
      const word = name[start + i]!;
      return word === q || (i === last && lastMayBePrefix && word.startsWith(q));
    });
    if (fits) return start;
  }
  return -1;
}

function bestNameBonus(entry: IndexedProcedure, query: string[], allowPrefixes: boolean): number {
  let best = 0;
  for (const name of entry.names) {
    if (name.length === 0) continue;
    let bonus = 0;
    const at = phraseIndex(name, query, allowPrefixes);
    if (at >= 0) {
      bonus += SCORE.phrase;
      if (at === 0) bonus += SCORE.phraseAtStart;
      if (name.length === query.length) bonus += SCORE.exactName;
    }
    const covers = (q: string) => (allowPrefixes ? name.some((w) => w.startsWith(q)) : name.includes(q));
    if (query.every(covers)) {
      bonus += SCORE.coverage * Math.min(1, query.length / name.length);
    }
    best = Math.max(best, bonus);
  }
  return best;
}

function scoreByWords(entry: IndexedProcedure, query: string[]): { score: number; matched: SearchMatch } | null {
  let allWhole = true;
  let onlyInField = 0;
  for (const q of query) {
    if (entry.nameWords.has(q)) continue;
    if (entry.fieldWords.has(q)) {
      onlyInField++;
      continue;
    }
    if (!entry.allWords.some((w) => w.startsWith(q))) return null;
    allWhole = false;
  }
  const score =
    (allWhole ? SCORE.allWhole : SCORE.withPrefixes) +
    bestNameBonus(entry, query, !allWhole) +
    onlyInField * SCORE.wordOnlyInField;
  return { score, matched: allWhole ? 'name' : 'prefix' };
}

function scoreByCode(entry: IndexedProcedure, codeQuery: string): { score: number; matched: SearchMatch } | null {
  const code = entry.procedure.code;
  if (code === null || !code.startsWith(codeQuery)) return null;
  return { score: code === codeQuery ? SCORE.exactCode : SCORE.codePrefix, matched: 'code' };
}

/**
 * Ranks procedures for what a volunteer typed: a national code (or its beginning), an item id
 * such as "III.2", or words of the name in any accent form ("khai sinh", "dang ky khai sinh").
 */
export function searchCatalogue(
  query: string,
  catalogue: readonly Procedure[],
  options: SearchOptions = {},
): SearchResult[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const trimmed = query.trim();
  if (trimmed === '' || limit <= 0) return [];

  const idMatch = ID_QUERY.exec(trimmed);
  if (idMatch) {
    const id = `${idMatch[1]!.toUpperCase()}.${Number(idMatch[2])}`;
    const procedure = catalogue.find((p) => p.id === id);
    if (procedure) return [{ procedure, score: SCORE.exactCode, matched: 'code' }];
  }

  const compact = trimmed.replace(/\s+/g, '');
  const isCodeQuery = CODE_QUERY.test(compact);
  const queryWords = withoutNoisePrefix(tokens(trimmed));
  if (!isCodeQuery && queryWords.length === 0) return [];

  const results: { result: SearchResult; order: number }[] = [];
  for (const entry of indexOf(catalogue)) {
    const hit = isCodeQuery ? scoreByCode(entry, compact) : scoreByWords(entry, queryWords);
    if (!hit) continue;
    const score = hit.score + STATUS_PENALTY[entry.procedure.status.kind];
    results.push({ result: { procedure: entry.procedure, score, matched: hit.matched }, order: entry.order });
  }
  results.sort((a, b) => b.result.score - a.result.score || a.order - b.order);
  return results.slice(0, limit).map((r) => r.result);
}
