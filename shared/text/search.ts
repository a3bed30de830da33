import type { Procedure, ProcedureStatusKind } from '../schemas/procedure';
import { tokens } from './fold';

export type SearchMatch = 'code' | 'name' | 'prefix' | 'fuzzy';

export interface SearchResult {
  procedure: Procedure;
  score: number;
  /**
   * code: national code or item id; name: every word found whole; prefix: some word only as a word
   * start; fuzzy: some word only after correcting a typo ("sihn" → "sinh", "ngeo" → "ngheo").
   */
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
  /** Base of a typo-corrected match (only ranked among other corrected matches). */
  fuzzy: 0,
  /** Per corrected word: one typo ranks above two. */
  perCorrection: -40,
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

/**
 * Folded words compare with i and y as one letter: both spellings are correct Vietnamese
 * ("đăng kí" / "đăng ký", "lí lịch" / "lý lịch").
 */
function spelling(word: string): string {
  return word.includes('y') ? word.replace(/y/g, 'i') : word;
}

function words(text: string): string[] {
  return tokens(text).map(spelling);
}

interface IndexedProcedure {
  procedure: Procedure;
  order: number;
  /** Folded words of nameInLetter and officialName. */
  names: string[][];
  nameWords: Set<string>;
  fieldWords: Set<string>;
  /** Distinct words of names and field, for word-start and typo matching. */
  allWords: string[];
}

const indexCache = new WeakMap<readonly Procedure[], IndexedProcedure[]>();

function withoutNoisePrefix(list: string[]): string[] {
  const startsWithNoise = NOISE_PREFIX.every((w, i) => list[i] === w);
  return startsWithNoise && list.length > NOISE_PREFIX.length ? list.slice(NOISE_PREFIX.length) : list;
}

function indexOf(catalogue: readonly Procedure[]): IndexedProcedure[] {
  let index = indexCache.get(catalogue);
  if (!index) {
    index = catalogue.map((procedure, order) => {
      const names = [procedure.nameInLetter, procedure.officialName].map((n) => withoutNoisePrefix(words(n)));
      const nameWords = new Set(names.flat());
      const fieldWords = new Set(words(procedure.field));
      return { procedure, order, names, nameWords, fieldWords, allWords: [...new Set([...nameWords, ...fieldWords])] };
    });
    indexCache.set(catalogue, index);
  }
  return index;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbouring letters, the
 * commonest typing slip: "sihn"), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos forgiven in a word of this length: none in short words ("ho", "tu" are real words). */
function allowedTypos(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
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

type Hit = { score: number; matched: SearchMatch };

function scoreByWords(entry: IndexedProcedure, query: string[]): Hit | null {
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

/** The entry's word closest to `q` within the typos its length allows, or null. */
function nearestWord(entry: IndexedProcedure, q: string): string | null {
  const max = allowedTypos(q.length);
  if (max === 0) return null;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const w of entry.allWords) {
    const cap = Math.min(max, allowedTypos(w.length));
    const d = editDistance(q, w, cap);
    if (d <= cap && d < bestDistance) {
      best = w;
      bestDistance = d;
    }
  }
  return best;
}

/** Scores the entry after replacing each unknown word by its nearest word in the entry. */
function scoreWithTypos(entry: IndexedProcedure, query: string[]): Hit | null {
  let corrections = 0;
  const corrected: string[] = [];
  for (const q of query) {
    const known = entry.allWords.some((w) => w.startsWith(q));
    const word = known ? q : nearestWord(entry, q);
    if (word === null) return null;
    if (!known) corrections++;
    corrected.push(word);
  }
  const hit = scoreByWords(entry, corrected);
  if (!hit) return null;
  return { score: SCORE.fuzzy + (hit.score - SCORE.allWhole) + corrections * SCORE.perCorrection, matched: 'fuzzy' };
}

function scoreByCode(entry: IndexedProcedure, codeQuery: string): Hit | null {
  const code = entry.procedure.code;
  if (code === null || !code.startsWith(codeQuery)) return null;
  return { score: code === codeQuery ? SCORE.exactCode : SCORE.codePrefix, matched: 'code' };
}

type Query = { kind: 'empty' } | { kind: 'code'; code: string } | { kind: 'words'; words: string[] };

/** A code (or its beginning) or the words of a name; item ids are looked up before this. */
function parseQuery(trimmed: string): Query {
  const compact = trimmed.replace(/\s+/g, '');
  if (CODE_QUERY.test(compact)) return { kind: 'code', code: compact };
  const queryWords = withoutNoisePrefix(words(trimmed));
  return queryWords.length ? { kind: 'words', words: queryWords } : { kind: 'empty' };
}

/** The procedure of an item id typed as "III.2" or "iii 2", if the catalogue has it. */
function byItemId(trimmed: string, catalogue: readonly Procedure[]): Procedure | undefined {
  const match = ID_QUERY.exec(trimmed);
  if (!match) return undefined;
  const id = `${match[1]!.toUpperCase()}.${Number(match[2])}`;
  return catalogue.find((p) => p.id === id);
}

/**
 * Ranks procedures for what a volunteer typed: a national code (or its beginning), an item id
 * such as "III.2", or words of the name in any accent form ("khai sinh", "dang ky khai sinh"),
 * forgiving small typos ("khai sihn", "ho ngeo") when the words as typed find nothing.
 */
export function searchCatalogue(
  query: string,
  catalogue: readonly Procedure[],
  options: SearchOptions = {},
): SearchResult[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const trimmed = query.trim();
  if (trimmed === '' || limit <= 0) return [];
  const item = byItemId(trimmed, catalogue);
  if (item) return [{ procedure: item, score: SCORE.exactCode, matched: 'code' }];
  const parsed = parseQuery(trimmed);
  if (parsed.kind === 'empty') return [];

  const index = indexOf(catalogue);
  const rank = (score: (entry: IndexedProcedure) => Hit | null) => {
    const results: { result: SearchResult; order: number }[] = [];
    for (const entry of index) {
      const hit = score(entry);
      if (!hit) continue;
      const total = hit.score + STATUS_PENALTY[entry.procedure.status.kind];
      results.push({ result: { procedure: entry.procedure, score: total, matched: hit.matched }, order: entry.order });
    }
    return results;
  };
  if (parsed.kind === 'code') return sorted(rank((e) => scoreByCode(e, parsed.code)), limit);
  const exact = rank((e) => scoreByWords(e, parsed.words));
  // Typos are corrected only when the words as typed find nothing: a typed word is never second-guessed.
  return sorted(exact.length ? exact : rank((e) => scoreWithTypos(e, parsed.words)), limit);
}

function sorted(results: { result: SearchResult; order: number }[], limit: number): SearchResult[] {
  results.sort((a, b) => b.result.score - a.result.score || a.order - b.order);
  return results.slice(0, limit).map((r) => r.result);
}

/**
 * How close a query word is to a name word, 0–1 (1: the same, or the name word starts with it).
 * A misspelt word counts for less than a right one (squared): long names are full of words one or
 * two letters away from any short query word.
 */
function closeness(q: string, w: string): number {
  if (w.startsWith(q)) return 1;
  const c = (1 - editDistance(q, w) / Math.max(q.length, w.length)) ** 2;
  // Half the letters or fewer right is no resemblance: short words would all resemble each other
  // ("tàu" ~ "tuổi", "thủy" ~ "thẻ").
  return c > 0.25 ? c : 0;
}

/** Average closeness of the query words to a name, plus a little for names the query covers more of. */
function resemblance(query: string[], fullName: string[]): number {
  // "… các thủ tục hành chính về …" inside a name says nothing about the procedure.
  const name = fullName.filter((w, i) => !(w === NOISE_PREFIX[0] && fullName[i + 1] === NOISE_PREFIX[1]) && !(w === NOISE_PREFIX[1] && fullName[i - 1] === NOISE_PREFIX[0]));
  if (name.length === 0) return 0;
  const total = query.reduce((sum, q) => sum + Math.max(...name.map((w) => closeness(q, w))), 0);
  return total / query.length + 0.15 * Math.min(1, query.length / name.length);
}

/**
 * For a query that finds nothing: the procedures whose names come closest, best first (names
 * resembling the query less than half are left out).
 */
export function suggestProcedures(query: string, catalogue: readonly Procedure[], limit = 3): Procedure[] {
  const parsed = parseQuery(query.trim());
  if (parsed.kind !== 'words') return [];
  const scored: Array<{ procedure: Procedure; score: number; order: number }> = [];
  for (const entry of indexOf(catalogue)) {
    const score = Math.max(...entry.names.map((name) => resemblance(parsed.words, name))) + STATUS_PENALTY[entry.procedure.status.kind] / 1000;
    if (score >= 0.5) scored.push({ procedure: entry.procedure, score, order: entry.order });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.procedure);
}
