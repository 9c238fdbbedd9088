/**
 * Columns read through their neighbours, after the aliases have had their say: a header that
 * means something only beside another ("Chính thức" right of the members' total), a field split
 * by sex over two columns, a field marked "x" under its categories, and columns that differ only
 * by the year they name.
 */
import { FIELDS, type TableKind } from '../fields.ts';
import { memberStatusFromText } from '../parse/memberStatus.ts';
import { ratingFromText } from '../parse/ratings.ts';
import { foldText } from '../text.ts';
import { parentNamesMembers } from './header-words.ts';
import type { FieldCandidate, HeaderColumn } from './match.ts';

/**
 * Headers that say what they count only through the column on their left: "Tổng số đảng viên |
 * Chính thức | Dự bị" (or "CT | DB"). Alone, "Chính thức" could be any official thing, so it
 * is read only there.
 */
const BESIDE: readonly { words: string; field: string; after: readonly string[] }[] = [
  { words: 'chinh thuc', field: 'membersOfficial', after: ['membersTotal'] },
  { words: 'du bi', field: 'membersProbationary', after: ['membersTotal', 'membersOfficial'] },
];
const BESIDE_CONFIDENCE = 0.9;

export function readBeside(
  columns: readonly HeaderColumn[],
  kind: TableKind,
  byColumn: Map<number, FieldCandidate>,
  taken: Set<string>,
): void {
  const fields = new Set(FIELDS[kind].map((d) => d.id));
  for (let i = 1; i < columns.length; i++) {
    const col = columns[i]!;
    const left = byColumn.get(i - 1);
    if (byColumn.has(i) || !left || columns[i - 1]!.col !== col.col - 1) continue;
    const words = col.words.join(' ');
    const rule = BESIDE.find((b) => b.words === words && b.after.includes(left.field));
    if (!rule || !fields.has(rule.field) || taken.has(rule.field)) continue;
    byColumn.set(i, { field: rule.field, confidence: BESIDE_CONFIDENCE, alias: col.levels.join(' / ') });
    taken.add(rule.field);
  }
}

/** The inner header of a column split by sex, folded. */
const SEXES = new Set(['nam', 'nu']);

/**
 * A field split over two columns by sex, as member lists often write the date of birth
 * ("Ngày, tháng, năm sinh" over "Nam | Nữ"): each member's date sits in one of them. The
 * column the aliases did not take holds the same field.
 */
export function readSplitBySex(
  columns: readonly HeaderColumn[],
  byColumn: Map<number, FieldCandidate>,
): void {
  const inner = (c: HeaderColumn): string => foldText(c.levels[c.levels.length - 1] ?? '');
  const outer = (c: HeaderColumn): string => c.levels.slice(0, -1).join(' / ');
  for (let i = 1; i < columns.length; i++) {
    const [a, b] = [columns[i - 1]!, columns[i]!];
    if (b.col !== a.col + 1 || a.levels.length < 2 || outer(a) !== outer(b)) continue;
    if (!SEXES.has(inner(a)) || !SEXES.has(inner(b)) || inner(a) === inner(b)) continue;
    const [taken, free] = byColumn.has(i - 1) ? [i - 1, i] : [i, i - 1];
    if (byColumn.has(free) || !byColumn.has(taken)) continue;
    byColumn.set(free, { ...byColumn.get(taken)!, alias: columns[free]!.levels.join(' / ') });
  }
}

const YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * Columns that differ only by the year they name ("Kết nạp đảng viên / Năm 2022 | Năm 2023",
 * "Xếp loại năm 2022 | Xếp loại năm 2023") compare years: only the report's year is read, the
 * latest when the report names none, and the others stay unrecognized. Their indexes.
 */
export function otherYears(columns: readonly HeaderColumn[], reportYear: number | undefined): Set<number> {
  const groups = new Map<string, { i: number; year: number }[]>();
  columns.forEach((c, i) => {
    const text = foldText(c.levels.join(' '));
    const years = text.match(YEAR);
    if (years?.length !== 1) return;
    const key = text.replace(YEAR, '#');
    groups.set(key, [...(groups.get(key) ?? []), { i, year: Number(years[0]) }]);
  });
  const out = new Set<number>();
  for (const list of groups.values()) {
    const years = list.map((x) => x.year);
    if (new Set(years).size < 2) continue;
    const kept = years.includes(reportYear ?? NaN) ? reportYear! : Math.max(...years);
    for (const x of list) if (x.year !== kept) out.add(x.i);
  }
  return out;
}

/** Confidence of a field read from marks under its categories. */
const MARKED_CONFIDENCE = 0.9;

/**
 * Fields officials give by a mark ("x") under one of their categories, and how a category
 * header reads: the rating ("Xếp loại" over "HTXSNV | HTTNV | HTNV | KHTNV") and a member's
 * status ("Đảng viên" over "Chính thức | Dự bị").
 */
const MARKED_FIELDS: readonly {
  fields: readonly string[];
  categoryOf: (header: string) => string | undefined;
}[] = [
  { fields: ['proposedRating', 'rating'], categoryOf: ratingFromText },
  { fields: ['status'], categoryOf: memberStatusFromText },
];

/**
 * A field marked under its categories, as organization and member lists often give a rating
 * or a member's status: the columns hold the field, each standing for its category. In a
 * table of cells or organizations, categories under a parent naming members count members
 * instead (their own aliases).
 */
export function readMarkedFields(
  columns: readonly HeaderColumn[],
  kind: TableKind,
  byColumn: Map<number, FieldCandidate>,
  taken: Set<string>,
): void {
  const parentOf = (c: HeaderColumn): string => c.levels.slice(0, -1).join(' / ');
  for (const marked of MARKED_FIELDS) {
    const field = marked.fields.find((f) => FIELDS[kind].some((d) => d.id === f));
    if (!field || taken.has(field)) continue;
    const categoryOf = (i: number): string | undefined => {
      const c = columns[i]!;
      if (byColumn.has(i) || c.levels.length < 2) return undefined;
      if (kind !== 'members' && parentNamesMembers(c.levels)) return undefined;
      return marked.categoryOf(c.levels[c.levels.length - 1]!);
    };
    for (let i = 0; i < columns.length && !taken.has(field); i++) {
      const first = categoryOf(i);
      if (first === undefined) continue;
      const run = new Map([[i, first]]);
      for (let j = i + 1; j < columns.length; j++) {
        const category = categoryOf(j);
        const adjacent = columns[j]!.col === columns[j - 1]!.col + 1;
        const sameParent = parentOf(columns[j]!) === parentOf(columns[i]!);
        if (category === undefined || [...run.values()].includes(category) || !adjacent || !sameParent) break;
        run.set(j, category);
      }
      if (run.size < 2) continue;
      for (const [j, category] of run) {
        const alias = columns[j]!.levels.join(' / ');
        byColumn.set(j, { field, confidence: MARKED_CONFIDENCE, alias, category });
      }
      taken.add(field);
    }
  }
}
