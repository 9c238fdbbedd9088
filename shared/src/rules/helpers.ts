/**
 * What every rule needs, computed once per run: records and tables by kind, the period's
 * prorated requirements, names as officials read them, and the member list indexed by cell
 * (so that cross-sheet rules stay linear on a province's 100,000 member rows).
 */
import { formatDecimal, formatPercent } from '../format.ts';
import type { TableKind } from '../fields.ts';
import { a1 } from '../grid.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { IssueValue } from '../issue.ts';
import type { RatingCode } from '../rating-codes.ts';
import type { Thresholds } from '../rulebook/schema.ts';
import { tableValues } from '../detect/records.ts';
import { fieldValue, type DetectedTable, type FieldValue, type RowRecord } from '../table.ts';
import { foldingCache, foldText, isBlankText } from '../text.ts';
import { dayNumber } from '../parse/index.ts';
import type { Finding, RuleContext } from './types.ts';
import { recordsByKind } from '../workbook-data.ts';

/** The member list's rows for one party cell. */
export interface MemberGroup {
  rows: number;
  rated: number;
  ratings: Record<RatingCode, number>;
}

export interface RuleHelpers {
  thresholds: Thresholds;
  /** Months in the period (12 when the period is unknown). */
  months: number;
  /** Last calendar year of the period, when known. */
  year?: number;
  /** Regular meetings required in the period: round(per year × months / 12). */
  requiredRegular: number;
  /** Thematic meetings required in the period: per quarter × whole quarters. */
  requiredThematic: number;
  records(kind: TableKind): readonly RowRecord[];
  tables(kind: TableKind): readonly DetectedTable[];
  table(id: string): DetectedTable | undefined;
  /** True when the record's table has a column for the field (its cell may be blank). */
  mapped(rec: RowRecord, field: string): boolean;
  /**
   * The values of `field` for `records(kind)`, index for index: a rule that visits every row
   * of a kind reads its fields from these arrays rather than record by record.
   */
  column(kind: TableKind, field: string): readonly (FieldValue | undefined)[];
  /**
   * The dates of `field` for `records(kind)` as yyyymmdd numbers (2016-03-05 → 20160305),
   * index for index, 0 where the value is not a date: the date rules compare and subtract
   * numbers down 100,000 rows rather than read the dates' texts.
   */
  days(kind: TableKind, field: string): Int32Array;
  num(rec: RowRecord, field: string): number | undefined;
  bool(rec: RowRecord, field: string): boolean | undefined;
  text(rec: RowRecord, field: string): string | undefined;
  /** Official members: the column, or total − probationary when only those are given. */
  official(rec: RowRecord): number | undefined;
  /** A1 address of the first of `fields` that has a cell on the row, else the row's first cell. */
  address(rec: RowRecord, ...fields: string[]): string;
  /** How messages name the row's unit: "Chi bộ bản Nặm Bao" / "Nặm Bao cell". */
  label(rec: RowRecord): Bilingual;
  /** A finding on a row, at the cell of the first of `fields` present. */
  finding(
    rec: RowRecord,
    fields: string | string[],
    message: Bilingual,
    values: Record<string, IssueValue>,
    suggestion?: Bilingual,
  ): Finding;
  /** Member rows of the cell a party-cell row names; undefined when none or ambiguous. */
  membersOfCell(rec: RowRecord): MemberGroup | undefined;
  /** foldText, remembered: names of cells and groups repeat on thousands of rows. */
  fold(s: string): string;
  /**
   * Whether `column(kind, …)` gives the columns of the one detected table holding the kind:
   * values as its parsers made them, so a text field holds texts, never blank.
   */
  parsedColumns(kind: TableKind): boolean;
}

/** A value as text (what `text` gives): a number written out; blank text, undefined. */
export function textValue(v: FieldValue | undefined): string | undefined {
  if (typeof v === 'string') return isBlankText(v) ? undefined : v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function createHelpers(ctx: RuleContext): RuleHelpers {
  const thresholds = ctx.rulebook.thresholds;
  const period = ctx.period ?? ctx.data.period;
  const months = period && period.months > 0 ? period.months : 12;
  const year = period && period.toYear > 0 ? period.toYear : undefined;

  const byKind = recordsByKind(ctx.data.records);
  const tablesByKind = new Map<TableKind, DetectedTable[]>();
  const tablesById = new Map<string, DetectedTable>();
  const fieldsByTable = new Map<string, Set<string>>();
  for (const t of ctx.data.tables) {
    tablesById.set(t.id, t);
    fieldsByTable.set(t.id, new Set(t.columns.flatMap((c) => (c.field ? [c.field] : []))));
    const list = tablesByKind.get(t.kind);
    if (list) list.push(t);
    else tablesByKind.set(t.kind, [t]);
  }

  const num = (rec: RowRecord, field: string): number | undefined => {
    const v = fieldValue(rec, field);
    return typeof v === 'number' ? v : undefined;
  };
  const bool = (rec: RowRecord, field: string): boolean | undefined => {
    const v = fieldValue(rec, field);
    return typeof v === 'boolean' ? v : undefined;
  };
  const text = (rec: RowRecord, field: string): string | undefined => textValue(fieldValue(rec, field));

  const address = (rec: RowRecord, ...fields: string[]): string => {
    const cells = rec.cells;
    for (const f of fields) {
      const c = cells[f];
      if (c) return c.address;
    }
    const first = Object.values(cells)[0];
    return first ? first.address : a1(rec.row, 0);
  };

  const fold = ctx.fold ?? foldingCache();

  // A party cell's name is on thousands of member rows: its labels are worked out once.
  const cellLabels = new Map<string, Bilingual>();
  const cellLabel = (name: string): Bilingual => {
    let l = cellLabels.get(name);
    if (l === undefined) cellLabels.set(name, (l = bi(cellLabelVi(name, fold), cellLabelEn(name, fold))));
    return l;
  };

  // Cross-sheet rules ask for the same cell's members several times each.
  const cellKeysByName = new Map<string, CellKeys | undefined>();
  const keysOf = (name: string): CellKeys | undefined => {
    if (cellKeysByName.has(name)) return cellKeysByName.get(name);
    const keys = cellKeys(name, fold);
    cellKeysByName.set(name, keys);
    return keys;
  };

  // By kind: the table's own columns when one table holds all the kind's records, and the
  // fields gathered row by row otherwise (records of several tables, or plain records).
  const columns = new Map<TableKind, Map<string, readonly (FieldValue | undefined)[]>>();
  const dayColumns = new Map<TableKind, Map<string, Int32Array>>();
  // Kinds whose records are one table's: a field it has no column for is blank on every row.
  const oneTable = new Set<TableKind>();
  const byField = (kind: TableKind): Map<string, readonly (FieldValue | undefined)[]> => {
    let fields = columns.get(kind);
    if (!fields) {
      const own = tableValues(byKind.get(kind) ?? []);
      if (own) oneTable.add(kind);
      columns.set(kind, (fields = new Map(own?.columns)));
      dayColumns.set(kind, new Map(own?.days));
    }
    return fields;
  };
  const column = (kind: TableKind, field: string): readonly (FieldValue | undefined)[] => {
    const fields = byField(kind);
    let values = fields.get(field);
    if (values === undefined) {
      const recs = byKind.get(kind) ?? [];
      values = oneTable.has(kind)
        ? new Array<undefined>(recs.length).fill(undefined)
        : recs.map((r) => fieldValue(r, field));
      fields.set(field, values);
    }
    return values;
  };
  const days = (kind: TableKind, field: string): Int32Array => {
    byField(kind);
    const byDay = dayColumns.get(kind)!;
    let out = byDay.get(field);
    if (out === undefined) {
      const values = column(kind, field);
      out = new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = dayNumber(values[i]);
      byDay.set(field, out);
    }
    return out;
  };

  let memberIndex: MemberIndex | undefined;
  let cellKeyCounts: Map<string, number> | undefined;
  const index = (): MemberIndex =>
    (memberIndex ??= buildMemberIndex(column('members', 'cell'), column('members', 'rating'), keysOf));

  const helpers: RuleHelpers = {
    thresholds,
    months,
    ...(year !== undefined ? { year } : {}),
    requiredRegular: Math.round((thresholds.regularMeetingsPerYear * months) / 12),
    requiredThematic: thresholds.thematicMeetingsPerQuarter * Math.floor(months / 3),
    records: (kind) => byKind.get(kind) ?? [],
    tables: (kind) => tablesByKind.get(kind) ?? [],
    table: (id) => tablesById.get(id),
    column,
    days,
    // Asked on every row: answered from the table's columns, not from the row's cells.
    mapped: (rec, field) => {
      const fields = fieldsByTable.get(rec.tableId);
      return fields ? fields.has(field) : rec.cells[field] !== undefined;
    },
    num,
    bool,
    text,
    official(rec) {
      const official = num(rec, 'membersOfficial');
      if (official !== undefined) return official;
      const total = num(rec, 'membersTotal');
      const probationary = num(rec, 'membersProbationary');
      return total !== undefined && probationary !== undefined ? total - probationary : undefined;
    },
    address,
    label: (rec) => unitLabel(rec, text, cellLabel),
    finding(rec, fields, message, values, suggestion) {
      const list = typeof fields === 'string' ? [fields] : fields;
      const name = unitNameOf(rec, text);
      return {
        sheet: rec.sheet,
        cell: address(rec, ...list),
        message,
        ...(suggestion ? { suggestion } : {}),
        values,
        ...(name !== undefined ? { unitName: name } : {}),
        rowRef: rec.ref,
      };
    },
    membersOfCell(rec) {
      const name = text(rec, 'name');
      if (name === undefined) return undefined;
      const keys = keysOf(name);
      if (!keys) return undefined;
      // Two cell rows with the same name (a "Chi bộ Quân sự" in every commune) cannot be told
      // apart in the member list: such cells are not compared.
      if (!cellKeyCounts) {
        cellKeyCounts = new Map();
        for (const r of byKind.get('partyCells') ?? []) {
          const n = text(r, 'name');
          const k = n === undefined ? undefined : keysOf(n);
          if (k) cellKeyCounts.set(k.exact, (cellKeyCounts.get(k.exact) ?? 0) + 1);
        }
      }
      if ((cellKeyCounts.get(keys.exact) ?? 0) > 1) return undefined;
      const idx = index();
      const exact = idx.exact.get(keys.exact);
      if (exact) return exact;
      const loose = idx.loose.get(keys.loose);
      return loose === 'ambiguous' ? undefined : loose;
    },
    fold,
    parsedColumns(kind) {
      byField(kind);
      return oneTable.has(kind);
    },
  };
  return helpers;
}

interface MemberIndex {
  exact: Map<string, MemberGroup>;
  /** By name without the hamlet-kind word; 'ambiguous' when two exact names share it. */
  loose: Map<string, MemberGroup | 'ambiguous'>;
}

function buildMemberIndex(
  cells: readonly (FieldValue | undefined)[],
  ratings: readonly (FieldValue | undefined)[],
  keysOf: (name: string) => CellKeys | undefined,
): MemberIndex {
  const exact = new Map<string, MemberGroup>();
  // The same cell name is typed on every member row of that cell: its group is found once.
  const groupOf = new Map<string, MemberGroup | undefined>();
  // Members are listed cell by cell: a row's group is most often the row before's.
  let lastCell: string | undefined;
  let g: MemberGroup | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell !== 'string') continue;
    if (cell !== lastCell) {
      lastCell = cell;
      g = groupOf.get(cell);
      if (g === undefined && !groupOf.has(cell)) {
        const key = keysOf(cell)?.exact;
        if (key !== undefined) {
          g = exact.get(key);
          if (!g)
            exact.set(key, (g = { rows: 0, rated: 0, ratings: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 } }));
        }
        groupOf.set(cell, g);
      }
    }
    if (g === undefined) continue;
    g.rows++;
    if (countRating(g.ratings, ratings[i])) g.rated++;
  }
  const loose = new Map<string, MemberGroup | 'ambiguous'>();
  for (const [key, g] of exact) {
    const l = withoutKindWord(key);
    loose.set(l, loose.has(l) ? 'ambiguous' : g);
  }
  return { exact, loose };
}

/**
 * Adds a member's rating to its cell's counts; false when the value is no rating code. A
 * switch rather than a look-up by the code as a key: it runs for every member row.
 */
function countRating(counts: Record<RatingCode, number>, code: FieldValue | undefined): boolean {
  switch (code) {
    case 'HTXSNV':
      counts.HTXSNV++;
      return true;
    case 'HTTNV':
      counts.HTTNV++;
      return true;
    case 'HTNV':
      counts.HTNV++;
      return true;
    case 'KHTNV':
      counts.KHTNV++;
      return true;
    default:
      return false;
  }
}

/** Fails to compile when a rating code is added that countRating does not count. */
const EVERY_CODE_COUNTED: Exclude<RatingCode, 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV'> extends never
  ? true
  : never = true;
void EVERY_CODE_COUNTED;

/** Words naming a kind of hamlet or residential area, folded, longest first, each with its space. */
const HAMLET_KIND_WORDS = [
  'to dan pho ',
  'tieu khu ',
  'khu pho ',
  'ban ',
  'thon ',
  'xom ',
  'ap ',
  'lang ',
  'bon ',
  'buon ',
  'soc ',
  'khu ',
  'to ',
];

/*
 * Folded names are words separated by single spaces (foldText), so leading words are dropped
 * as text: this runs for every cell name of both sheets, and word arrays cost more than the rest.
 */

/** A folded name without a leading "chi bo", unless nothing else is left. */
function withoutCellWords(folded: string): string {
  return folded.startsWith('chi bo ') ? folded.slice(7) : folded;
}

/** A folded name without a leading hamlet-kind word, unless only a number follows ("thon 1"). */
function withoutKindWord(folded: string): string {
  for (const kind of HAMLET_KIND_WORDS) {
    if (!folded.startsWith(kind)) continue;
    const next = folded.charCodeAt(kind.length);
    if (!(next >= 48 && next <= 57)) return folded.slice(kind.length);
  }
  return folded;
}

/**
 * Keys to match a party cell's name across sheets: "Chi bộ bản Nặm Bao", "Bản Nặm Bao" and
 * "chi bo ban nam bao" share the exact key "ban nam bao"; "Nặm Bao" matches it loosely.
 */
interface CellKeys {
  exact: string;
  loose: string;
}

/** `fold` must give words separated by single spaces, as foldText does. */
export function cellKeys(name: string, fold: (s: string) => string = foldText): CellKeys | undefined {
  const exact = withoutCellWords(fold(name));
  if (exact === '') return undefined;
  return { exact, loose: withoutKindWord(exact) };
}

function wordCount(folded: string): number {
  let n = folded === '' ? 0 : 1;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 32) n++;
  return n;
}

/** The unit a row is about, as typed; for a member, the member's cell (never a person's name). */
function unitNameOf(
  rec: RowRecord,
  text: (r: RowRecord, f: string) => string | undefined,
): string | undefined {
  return rec.kind === 'members' ? text(rec, 'cell') : text(rec, 'name');
}

/** Leading words of the original text after dropping `count` words. */
function dropWords(s: string, count: number): string {
  return s.trim().split(/\s+/).slice(count).join(' ');
}

function unitLabel(
  rec: RowRecord,
  text: (r: RowRecord, f: string) => string | undefined,
  cellLabel: (name: string) => Bilingual,
): Bilingual {
  const row = rec.row + 1;
  if (rec.kind === 'members') {
    const cell = text(rec, 'cell');
    if (cell === undefined) return bi(`Đảng viên ở dòng ${row}`, `Member on row ${row}`);
    const l = cellLabel(cell);
    return bi(`Đảng viên ở dòng ${row} (${l.vi})`, `Member on row ${row} (${l.en})`);
  }
  const name = text(rec, 'name');
  if (name === undefined) return bi(`Dòng ${row}`, `Row ${row}`);
  if (rec.kind === 'partyCells') {
    const l = cellLabel(name);
    return bi(l.vi, l.en);
  }
  return bi(name, name);
}

function cellLabelVi(name: string, fold: (s: string) => string): string {
  const folded = fold(name).split(' ');
  return folded[0] === 'chi' && folded[1] === 'bo' ? name.trim() : `Chi bộ ${name.trim()}`;
}

function cellLabelEn(name: string, fold: (s: string) => string): string {
  const folded = fold(name);
  // As many words of the name as typed as "chi bo" and the hamlet-kind word took when folded.
  const dropped = wordCount(folded) - wordCount(withoutKindWord(withoutCellWords(folded)));
  const rest = dropWords(name, dropped);
  return `${rest === '' ? name.trim() : rest} cell`;
}

/** 1234.5 → "1.234,5" (vi) / "1,234.5" (en); whole numbers without decimals. */
export function fmtNumber(n: number, lang: 'vi' | 'en', decimals = 2): string {
  return formatDecimal(n, lang, { decimals, trimZeros: true });
}

/** A share as a percentage with one decimal: 0.333 → "33,3%" / "33.3%". */
export function fmtPercent(share: number, lang: 'vi' | 'en'): string {
  return formatPercent(share, { decimals: 1, rounding: 'halfUp', trimZeros: true }, lang);
}

/** Both languages of a number, for messages. */
export function nums(n: number, decimals = 2): Bilingual {
  return bi(fmtNumber(n, 'vi', decimals), fmtNumber(n, 'en', decimals));
}

/** The 0-based sheet column of a field in a table, when mapped. */
export function fieldColumn(table: DetectedTable, field: string): number | undefined {
  return table.columns.find((c) => c.field === field)?.col;
}

/** A1 of a field's header cell (the last header row), when the field is mapped. */
export function headerCell(table: DetectedTable, field: string): string | undefined {
  const col = fieldColumn(table, field);
  const row = table.headerRows[table.headerRows.length - 1];
  return col === undefined || row === undefined ? undefined : a1(row, col);
}

/** A1 of a field's cell on the table's grand total row (the one covering most rows). */
export function grandTotalCell(table: DetectedTable, field: string): string | undefined {
  const col = fieldColumn(table, field);
  if (col === undefined || table.totalRows.length === 0) return undefined;
  let best = table.totalRows[0]!;
  for (const t of table.totalRows) if (t.coversRows.length > best.coversRows.length) best = t;
  return a1(best.row, col);
}
