/**
 * Matching a column's joined header against the aliases of each kind of table.
 *
 * Confidence: 1 when the header says exactly an alias (same words in any order, or the same
 * letters once spaces are ignored); 0.6–0.95 when it contains every word of an alias and
 * more, higher the more of the header the alias explains; generic aliases (`~`) count 0.85 of
 * that. Below MIN_CONFIDENCE a column stays unrecognized: we never guess silently.
 */
import { FIELDS, TABLE_KINDS, type FieldType, type TableKind } from '../fields.ts';
import { ratingFromText } from '../parse/ratings.ts';
import type { ColumnMapping } from '../table.ts';
import { ALIASES } from './aliases.ts';
import { headerWords, parentNamesMembers } from './header-words.ts';
import { otherYears, readBeside, readMarkedFields, readSplitBySex } from './neighbours.ts';
import { foldText } from '../text.ts';

export const MIN_CONFIDENCE = 0.7;
const GENERIC_WEIGHT = 0.85;

interface CompiledAlias {
  kind: TableKind;
  field: string;
  alias: string;
  words: string[];
  exactOnly: boolean;
  weight: number;
}

interface AliasIndex {
  bySorted: Map<string, CompiledAlias[]>;
  byCompact: Map<string, CompiledAlias[]>;
  byWord: Map<string, CompiledAlias[]>;
}

export interface FieldCandidate {
  field: string;
  confidence: number;
  alias: string;
  /** See ColumnMapping.category. */
  category?: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedKey(words: readonly string[]): string {
  return [...words].sort().join(' ');
}

/** Alias text → header words; " / " separates levels as in a multi-row header. */
export function aliasWords(text: string): string[] {
  return headerWords(text.split('/'));
}

function compile(kinds: readonly TableKind[]): AliasIndex {
  const index: AliasIndex = { bySorted: new Map(), byCompact: new Map(), byWord: new Map() };
  for (const kind of kinds) {
    for (const [field, list] of Object.entries(ALIASES[kind])) {
      for (const spec of list) {
        let text = spec;
        let exactOnly = false;
        let weight = 1;
        while (text[0] === '=' || text[0] === '~') {
          if (text[0] === '=') exactOnly = true;
          else weight = GENERIC_WEIGHT;
          text = text.slice(1);
        }
        const words = aliasWords(text);
        if (words.length === 0) continue;
        const a: CompiledAlias = { kind, field, alias: text, words, exactOnly, weight };
        push(index.bySorted, sortedKey(words), a);
        push(index.byCompact, words.join(''), a);
        for (const w of words) push(index.byWord, w, a);
      }
    }
  }
  return index;
}

const KIND_INDEX = new Map<TableKind, AliasIndex>(TABLE_KINDS.map((k) => [k, compile([k])]));
const ALL_INDEX = compile(TABLE_KINDS);

/** Checks that every alias names a field of its kind; run by the tests. */
export function aliasFieldsUnknown(): string[] {
  const bad: string[] = [];
  for (const kind of TABLE_KINDS)
    for (const field of Object.keys(ALIASES[kind]))
      if (!FIELDS[kind].some((d) => d.id === field)) bad.push(`${kind}.${field}`);
  return bad;
}

function candidates(words: readonly string[], index: AliasIndex): Map<CompiledAlias, number> {
  const found = new Map<CompiledAlias, number>();
  if (words.length === 0) return found;
  const offer = (a: CompiledAlias, c: number): void => {
    if ((found.get(a) ?? 0) < c) found.set(a, c);
  };
  for (const a of index.bySorted.get(sortedKey(words)) ?? []) offer(a, a.weight);
  for (const a of index.byCompact.get(words.join('')) ?? []) offer(a, a.weight);
  const hits = new Map<CompiledAlias, number>();
  for (const w of words)
    for (const a of index.byWord.get(w) ?? []) {
      if (a.exactOnly) continue;
      const n = (hits.get(a) ?? 0) + 1;
      hits.set(a, n);
      if (n === a.words.length) offer(a, a.weight * (0.6 + (0.35 * a.words.length) / words.length));
    }
  return found;
}

/** Best candidate per field of one kind for a header given as its words. */
export function matchWords(words: readonly string[], kind: TableKind): FieldCandidate[] {
  const best = new Map<string, FieldCandidate>();
  for (const [a, c] of candidates(words, KIND_INDEX.get(kind)!)) {
    const prev = best.get(a.field);
    if (!prev || prev.confidence < c) best.set(a.field, { field: a.field, confidence: c, alias: a.alias });
  }
  return [...best.values()].filter((c) => c.confidence >= MIN_CONFIDENCE);
}

/** The best confidence any field of any kind reaches for a header; finds header rows. */
export function bestAnyKind(words: readonly string[]): number {
  let best = 0;
  for (const c of candidates(words, ALL_INDEX).values()) if (c > best) best = c;
  return best;
}

export interface HeaderColumn {
  col: number;
  /** Levels outermost first, as written (tidied). */
  levels: string[];
  words: string[];
  /** Words of the inner levels alone ("Nhiệm vụ / Được giao" under a long parent). */
  innerWords: string[][];
}

export function headerColumn(col: number, levels: string[]): HeaderColumn {
  const innerWords: string[][] = [];
  for (let i = 1; i < levels.length; i++) innerWords.push(headerWords(levels.slice(i)));
  return { col, levels, words: headerWords(levels), innerWords };
}

/**
 * A broad parent ("Đánh giá chất lượng chi bộ") dilutes a partial match of its children, so
 * the inner levels are matched on their own too, trusted a little less than the whole.
 */
const INNER_WEIGHT = 0.95;

const MEMBER_RATING_FIELDS = new Set([
  'membersExcellent',
  'membersGood',
  'membersCompleted',
  'membersNotCompleted',
]);
const RATING_FIELDS = new Set(['rating', 'proposedRating']);
/** Types a header counting something ("Tổng số …", "Số lượng …") is never of. */
const NOT_COUNTS = new Set<FieldType>(['text', 'code', 'rating', 'memberStatus', 'date', 'birthDate']);

/**
 * Fields a header cannot be, whatever its words match:
 * - a rating category under a parent ("Xếp loại / HTTNV") splits the parent by rating: it is
 *   not the rating column itself, and it counts members only when the parent says so
 *   ("Xếp loại đảng viên / HTTNV"): under a bare "Xếp loại" it may count organizations or mark
 *   the row's own rating;
 * - a header that counts ("Tổng số TCCSĐ") is not a name, a code or a date.
 */
function ruledOut(column: HeaderColumn, kind: TableKind): (field: string) => boolean {
  const inner = column.levels[column.levels.length - 1] ?? '';
  const category = column.levels.length > 1 && ratingFromText(inner) !== undefined;
  const ofMembers = parentNamesMembers(column.levels);
  // On the header as written: the words matched drop "số lượng" as filler.
  const counting = /^(tong so|so luong|sl)( |$)/.test(foldText(column.levels.join(' ')));
  const types = new Map(FIELDS[kind].map((d) => [d.id, d.type]));
  return (field) =>
    (category && (RATING_FIELDS.has(field) || (!ofMembers && MEMBER_RATING_FIELDS.has(field)))) ||
    (counting && NOT_COUNTS.has(types.get(field)!));
}

/** Best candidate per field for a column: the whole joined header, or its inner levels. */
export function matchColumn(column: HeaderColumn, kind: TableKind): FieldCandidate[] {
  const best = new Map<string, FieldCandidate>();
  const excluded = ruledOut(column, kind);
  for (const c of matchWords(column.words, kind)) if (!excluded(c.field)) best.set(c.field, c);
  for (const words of column.innerWords)
    for (const c of matchWords(words, kind)) {
      if (excluded(c.field)) continue;
      const confidence = c.confidence * INNER_WEIGHT;
      if (confidence < MIN_CONFIDENCE) continue;
      const prev = best.get(c.field);
      if (!prev || prev.confidence < confidence) best.set(c.field, { ...c, confidence });
    }
  return [...best.values()];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Maps columns onto the fields of a kind. One field goes to at most one column (but for the
 * readings of neighbours.ts: a field split by sex, or marked under its categories) and one
 * column to at most one field: the most confident pairs are taken first, the loser stays
 * unrecognized.
 */
export function mapColumns(
  columns: readonly HeaderColumn[],
  kind: TableKind,
  reportYear?: number,
): ColumnMapping[] {
  const pairs: { i: number; c: FieldCandidate }[] = [];
  const earlier = otherYears(columns, reportYear);
  columns.forEach((col, i) => {
    if (earlier.has(i)) return;
    for (const c of matchColumn(col, kind)) pairs.push({ i, c });
  });
  pairs.sort((a, b) => b.c.confidence - a.c.confidence || a.i - b.i);
  const byColumn = new Map<number, FieldCandidate>();
  const taken = new Set<string>();
  for (const { i, c } of pairs) {
    if (byColumn.has(i) || taken.has(c.field)) continue;
    byColumn.set(i, c);
    taken.add(c.field);
  }
  readBeside(columns, kind, byColumn, taken);
  readSplitBySex(columns, byColumn);
  readMarkedFields(columns, kind, byColumn, taken);
  return columns.map((col, i) => {
    const c = byColumn.get(i);
    const header = col.levels.join(' / ');
    return c
      ? {
          col: col.col,
          header,
          field: c.field,
          confidence: round2(c.confidence),
          matchedAlias: c.alias,
          ...(c.category !== undefined ? { category: c.category } : {}),
        }
      : { col: col.col, header, confidence: 0 };
  });
}
