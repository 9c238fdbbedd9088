/**
 * Reading the data rows of a detected table into records: each mapped field's cell, its
 * parsed value, and an issue for every value that cannot be read.
 */
import { columnLetters, numberFormatAt, type CellValue, type SheetGrid } from '../grid.ts';
import { FNV_OFFSET, FNV_PRIME } from '../hash.ts';
import type { FieldDef, FieldType, TableKind } from '../fields.ts';
import { bi } from '../i18n.ts';
import type { Issue } from '../issue.ts';
import { FORMATTED_TYPES, isPlainText, parseValue, type ParseOutcome } from '../parse/index.ts';
import {
  plainRecord,
  type CellRef,
  type DetectedTable,
  type FieldValue,
  type RowRecord,
  type TotalRow,
} from '../table.ts';
import { cellText } from './sheet-view.ts';
import type { SheetView } from './sheet-view.ts';
import type { TotalFound } from './rows.ts';

export interface MappedColumn {
  col: number;
  field: string;
  def: FieldDef;
  header: string;
  letters: string;
  /** The value a mark ("x") in this column stands for: see ColumnMapping.category. */
  category?: string;
}

/** FNV-1a (32-bit) over the UTF-8 bytes of a text, continuing from `h`. */
function fnv1a(text: string, h: number): number {
  // Written out byte by byte (no closure, no string iterator): it runs once per data row.
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      h = Math.imul(h ^ cp, FNV_PRIME) >>> 0;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x800) {
      h = Math.imul(h ^ (0xc0 | (cp >> 6)), FNV_PRIME) >>> 0;
    } else if (cp < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (cp >> 12)), FNV_PRIME) >>> 0;
      h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME) >>> 0;
    } else {
      h = Math.imul(h ^ (0xf0 | (cp >> 18)), FNV_PRIME) >>> 0;
      h = Math.imul(h ^ (0x80 | ((cp >> 12) & 0x3f)), FNV_PRIME) >>> 0;
      h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME) >>> 0;
    }
    h = Math.imul(h ^ (0x80 | (cp & 0x3f)), FNV_PRIME) >>> 0;
  }
  return h;
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** "r" and 8 lowercase hex digits, made in one piece. */
function refOf(hash: number): string {
  return String.fromCharCode(
    114,
    HEX[(hash >>> 28) & 15]!,
    HEX[(hash >>> 24) & 15]!,
    HEX[(hash >>> 20) & 15]!,
    HEX[(hash >>> 16) & 15]!,
    HEX[(hash >>> 12) & 15]!,
    HEX[(hash >>> 8) & 15]!,
    HEX[(hash >>> 4) & 15]!,
    HEX[hash & 15]!,
  );
}

/**
 * The pseudonymous reference of a row: FNV-1a (32-bit) over the UTF-8 bytes of
 * `${sheet}!${row + 1}` (sheet name, "!", 1-based row number), written "r" + 8 lowercase hex
 * digits. Stable for the same sheet and row, and it carries no name or value from the row.
 */
export function rowRef(sheet: string, row: number): string {
  return refOf(refHash(fnv1a(`${sheet}!`, FNV_OFFSET), row));
}

/** The hash rowRef writes for a row, continuing from the sheet's prefix (as int32: see TableRecord). */
function refHash(prefix: number, row: number): number {
  return fnv1aDecimal(row + 1, prefix) | 0;
}

/**
 * The hash a row reference writes ("r" and 8 hex digits), as TableRecord keeps it; undefined
 * for any other text. Lets a caller holding references find the records they name without
 * making the reference of every record.
 */
export function refNumber(ref: string): number | undefined {
  if (ref.length !== 9 || ref.charCodeAt(0) !== 114) return undefined;
  let n = 0;
  for (let i = 1; i < 9; i++) {
    const d = HEX.indexOf(ref.charCodeAt(i));
    if (d < 0) return undefined;
    n = (n << 4) | d;
  }
  return n;
}

/** The hash of a record's reference without making its text; undefined for a plain record. */
export function recordRefNumber(rec: RowRecord): number | undefined {
  return rec instanceof TableRecord ? rec.refNumber : undefined;
}

/** fnv1a over the decimal digits of a whole number ≥ 0, without writing them out as text. */
function fnv1aDecimal(n: number, h: number): number {
  let unit = 1;
  while (unit * 10 <= n) unit *= 10;
  for (; unit >= 1; unit /= 10) h = Math.imul(h ^ (48 + (Math.floor(n / unit) % 10)), FNV_PRIME) >>> 0;
  return h;
}

/**
 * Parsing is pure, and in a large sheet the same values recur down a column (cell names,
 * "Chính thức", "x", counts): outcomes are remembered per column while that pays off.
 */
class ColumnParser {
  /** Outcomes by number format ('' for none), then by the value as stored. */
  private memo: Map<string, Map<string | number, ParseOutcome>> | undefined = new Map();
  private lookups = 0;
  private hits = 0;
  private known: Map<string | number, ParseOutcome> | undefined;
  private knownFormat: string | null = null;
  private readonly formats: readonly (readonly (string | null)[] | undefined)[] | undefined;
  private readonly top: number;
  private readonly left: number;

  constructor(
    private readonly type: FieldType,
    sheet: SheetGrid,
    private readonly col: number,
  ) {
    // A format is looked up only where it can change the value: one load fewer per cell.
    this.formats = FORMATTED_TYPES.has(type) ? sheet.numberFormats : undefined;
    this.top = sheet.origin?.row ?? 0;
    this.left = sheet.origin?.col ?? 0;
  }

  /**
   * Whether `raw` may be kept as typed, with no outcome made for it: in a text column whose
   * values differ from row to row (names, no longer remembered), a plain text is what the text
   * parser would give back, and a province has 100,000 names.
   */
  keepsAsTyped(raw: string): boolean {
    return this.memo === undefined && this.type === 'text' && isPlainText(raw);
  }

  parse(raw: CellValue, row: number): ParseOutcome {
    // numberFormatAt, inlined: it runs for every cell read.
    const format = this.formats ? (this.formats[row - this.top]?.[this.col - this.left] ?? null) : null;
    // A Map does not tell 0 from -0, so -0 is parsed each time.
    const remembered = typeof raw === 'string' || (typeof raw === 'number' && !Object.is(raw, -0));
    if (!remembered || !this.memo) return parseValue(raw, this.type, format);
    this.lookups++;
    // A column keeps one format down most of its rows: its outcomes are at hand.
    let known = this.known;
    if (format !== this.knownFormat || !known) {
      const byFormat = format || '';
      known = this.memo.get(byFormat);
      if (!known) this.memo.set(byFormat, (known = new Map()));
      this.known = known;
      this.knownFormat = format;
    }
    let out = known.get(raw);
    if (out) this.hits++;
    else {
      out = parseValue(raw, this.type, format);
      known.set(raw, out);
    }
    if (this.lookups === MEMO_TRIAL && this.hits * 4 < this.lookups) this.memo = undefined;
    return out;
  }
}

/** Lookups after which a column's memo is dropped unless a quarter of them hit. */
const MEMO_TRIAL = 2048;

export function mappedColumns(table: DetectedTable, defs: readonly FieldDef[]): MappedColumn[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: MappedColumn[] = [];
  for (const c of table.columns) {
    if (!c.field) continue;
    const def = byId.get(c.field);
    if (!def) continue;
    out.push({
      col: c.col,
      field: c.field,
      def,
      header: c.header,
      letters: columnLetters(c.col),
      ...(c.category !== undefined ? { category: c.category } : {}),
    });
  }
  return out;
}

function invalidIssue(
  sheet: string,
  m: MappedColumn,
  address: string,
  raw: CellValue,
  reason: { vi: string; en: string },
): Issue {
  if (m.def.personal) {
    // Personal data (a name, a birth date) is never quoted: issues may leave the workbook.
    return {
      ruleId: 'value.invalid',
      severity: 'error',
      sheet,
      cell: address,
      message: bi(
        `Cột «${m.header}»: giá trị không đọc được (dữ liệu cá nhân, không trích dẫn).`,
        `Column “${m.header}”: the value cannot be read (personal data, not quoted).`,
      ),
      values: { personal: true, field: m.field },
      justified: false,
    };
  }
  return {
    ruleId: 'value.invalid',
    severity: 'error',
    sheet,
    cell: address,
    message: bi(`Cột «${m.header}»: ${reason.vi}`, `Column “${m.header}”: ${reason.en}`),
    values: { raw: cellText(raw), field: m.field },
    justified: false,
  };
}

/** A field no column holds, and where its rows take it from. */
export type InferredField = { field: string; from: 'groups' } | { field: string; value: string };

/**
 * A row filling a second column of a field that takes one: the other sex's date of birth, a
 * second rating or status marked. The value is not quoted: a date of birth is personal.
 */
function secondColumnIssue(sheet: string, m: MappedColumn, address: string): Issue {
  const why =
    m.category !== undefined
      ? bi(
          'dòng này đã đánh dấu ở một cột khác cùng mục; mỗi dòng chỉ đánh dấu một cột.',
          'the row already marks another column under the same heading; a row marks only one.',
        )
      : bi(
          'dòng này đã có giá trị ở cột bên cạnh (Nam/Nữ); mỗi dòng chỉ ghi ở một cột.',
          'the row already has a value in the column beside it (male/female); a row fills only one.',
        );
  return {
    ruleId: 'value.invalid',
    severity: 'error',
    sheet,
    cell: address,
    message: bi(`Cột «${m.header}»: ${why.vi}`, `Column “${m.header}”: ${why.en}`),
    values: { field: m.field, ...(m.def.personal ? { personal: true } : {}) },
    justified: false,
  };
}

/** A cell marked ("x", "✓", "Có") in a column a rating is marked in. */
function isMarked(raw: CellValue): boolean {
  const outcome = parseValue(raw, 'bool');
  return outcome.kind === 'value' && outcome.value === true;
}

/**
 * What the records of one table share: the table, the sheet, the columns their `cells` come
 * from, their values (one array per field indexed by the record's place in the table), their
 * group labels, and the hash that starts their references.
 */
interface RecordSource {
  table: DetectedTable;
  view: SheetView;
  mapped: readonly MappedColumn[];
  columns: Map<string, (FieldValue | undefined)[]>;
  /** Date fields' values as yyyymmdd numbers (see dayNumber), index for index. */
  days: Map<string, Int32Array>;
  groupsOf: readonly string[][];
  /** FNV-1a of `${sheet}!`: a row's reference hash continues from it (see rowRef). */
  refPrefix: number;
}

/**
 * A record of a detected table. A province has 100,000 member rows, so a record holds only
 * where it is: its values stay in its table's columns (one array per field, which a rule
 * reading one field down 100,000 rows walks in order, and which the garbage collector never
 * copies), and `cells` is built on demand from the sheet row and the table's columns, since
 * rules ask for an address only when they report it. `values` gives the row's values as an
 * object, made on each read; the engine reads one field at a time through `fieldValue`.
 * `toJSON` and `plainRecord` give the plain object for anything that leaves the engine.
 *
 * One class for the records of every table: rules that read records of several kinds then
 * meet one object shape (a class per table made those reads polymorphic, and the rules about
 * 20% slower on the province sample).
 */
class TableRecord implements RowRecord {
  // Two fields, the rest read through them: a province's 100,000 records live from reading to
  // the end of the check, and the young-generation collector copies every byte of them
  // (100,000 objects of eight fields kept that long cost the province check 12–30 ms; of two
  // fields, nothing measurable). The private field (which must be declared) keeps the source
  // out of keys, JSON and copies.
  /** The record's place among its table's records: its index into the columns. */
  declare readonly index: number;
  readonly #source: RecordSource;

  constructor(source: RecordSource, index: number) {
    this.index = index;
    this.#source = source;
  }

  get tableId(): string {
    return this.#source.table.id;
  }

  get kind(): TableKind {
    return this.#source.table.kind;
  }

  get sheet(): string {
    return this.#source.view.name;
  }

  get row(): number {
    return this.#source.table.dataRows[this.index]!;
  }

  get groups(): string[] {
    return this.#source.groupsOf[this.index] ?? NO_GROUPS;
  }

  /**
   * The hash `ref` writes, as an int32 (kept small enough not to be a heap number): worked
   * out when asked for, as is the text, since most of a province's references never are.
   */
  get refNumber(): number {
    return refHash(this.#source.refPrefix, this.row);
  }

  get ref(): string {
    return refOf(this.refNumber);
  }

  value(field: string): FieldValue | undefined {
    return this.#source.columns.get(field)?.[this.index];
  }

  /** See tableValues. */
  static valuesOf(records: readonly RowRecord[]): TableValues | undefined {
    const first = records[0];
    if (!(first instanceof TableRecord)) return undefined;
    const source = first.#source;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      if (!(rec instanceof TableRecord) || rec.#source !== source || rec.index !== i) return undefined;
    }
    return source;
  }

  get values(): RowRecord['values'] {
    const out: Record<string, FieldValue | undefined> = {};
    for (const [field, column] of this.#source.columns) out[field] = column[this.index];
    return out as RowRecord['values'];
  }

  get cells(): Record<string, CellRef> {
    const { view, mapped } = this.#source;
    const arr = view.rowArray(this.row) ?? [];
    const rowNo = String(this.row + 1);
    const cells: Record<string, CellRef> = {};
    // A field over several columns (split by sex, a rating marked under its categories): its
    // cell is the first one filled in, or marked.
    const found = new Set<string>();
    for (const m of mapped) {
      if (found.has(m.field)) continue;
      const stored = arr[m.col - view.left];
      const raw = stored === undefined ? null : stored;
      const filled = m.category !== undefined ? isMarked(raw) : raw !== null && raw !== '';
      if (filled) found.add(m.field);
      if (filled || cells[m.field] === undefined) cells[m.field] = { address: m.letters + rowNo, raw };
    }
    return cells;
  }

  toJSON(): RowRecord {
    return plainRecord(this);
  }
}

const NO_GROUPS: string[] = [];

/** Field types whose values are dates (ISO text), kept as day numbers too. */
const DATE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['date', 'birthDate']);

/** A table's values, field by field: see tableValues. */
export interface TableValues {
  columns: ReadonlyMap<string, readonly (FieldValue | undefined)[]>;
  /** Date fields' values as yyyymmdd numbers, 0 where a row has no full date (see dayNumber). */
  days: ReadonlyMap<string, Int32Array>;
}

/**
 * The values of `records` by field, each array index for index beside `records`, when those
 * are all the records of one table in their order (as readRecords made them): the table's own
 * columns, not copies. Undefined for any other list of records.
 */
export function tableValues(records: readonly RowRecord[]): TableValues | undefined {
  return TableRecord.valuesOf(records);
}

/**
 * Records of the table's data rows; unreadable values become issues, in row order (then
 * column order). Values are read column by column into one array per field. `inferred`, when
 * given, is a field no column holds that each row takes from its innermost group row's label
 * (a member's cell, from "I. Chi bộ bản …" above its rows) or, for every row, from a name
 * above the table (a cell's own list, "DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH").
 */
export function readRecords(
  view: SheetView,
  table: DetectedTable,
  mapped: readonly MappedColumn[],
  groupsOf: readonly string[][],
  issues: Issue[],
  inferred?: InferredField,
): RowRecord[] {
  const sheet = view.name;
  const rows = table.dataRows;
  // A field over several columns (split by sex, marked under its categories) is one column
  // of values. Every field has its array, blank rows holding undefined.
  const columns = new Map<string, (FieldValue | undefined)[]>();
  const blankColumn = (): (FieldValue | undefined)[] => new Array<FieldValue | undefined>(rows.length);
  // Date fields are also kept as numbers, which their parse outcomes carry: the rules compare
  // dates down every member row, and reading the number back from each date's text there
  // meant loading 100,000 strings per field again.
  const days = new Map<string, Int32Array>();
  for (const m of mapped) {
    if (!columns.has(m.field)) columns.set(m.field, blankColumn());
    if (DATE_TYPES.has(m.def.type) && !days.has(m.field)) days.set(m.field, new Int32Array(rows.length));
  }
  const source: RecordSource = {
    table,
    view,
    mapped,
    columns,
    days,
    groupsOf,
    refPrefix: fnv1a(`${sheet}!`, FNV_OFFSET),
  };
  const records: RowRecord[] = new Array(rows.length);
  const stored: (readonly CellValue[] | undefined)[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    stored[i] = view.rowArray(r);
    records[i] = new TableRecord(source, i);
  }
  if (inferred) {
    const column = blankColumn();
    columns.set(inferred.field, column);
    for (let i = 0; i < rows.length; i++) {
      const label = 'value' in inferred ? inferred.value : groupsOf[i]?.at(-1);
      if (label !== undefined) column[i] = label;
    }
  }
  const unreadable: { i: number; k: number; issue: Issue }[] = [];
  const merged = (view.sheet.merges?.length ?? 0) > 0;
  for (let k = 0; k < mapped.length; k++) {
    const m = mapped[k]!;
    const column = columns.get(m.field)!;
    const dayColumn = days.get(m.field);
    const at = m.col - view.left;
    // A column a rating is marked in reads marks, each standing for the column's category.
    const parser = new ColumnParser(m.category !== undefined ? 'bool' : m.def.type, view.sheet, m.col);
    for (let i = 0; i < rows.length; i++) {
      let raw = stored[i]?.[at];
      if ((raw === undefined || raw === null) && merged) raw = mergedDown(view, rows[i]!, m.col);
      if (raw === undefined || raw === null) continue;
      if (typeof raw === 'string' && column[i] === undefined && parser.keepsAsTyped(raw)) {
        column[i] = raw;
        continue;
      }
      let outcome = parser.parse(raw, rows[i]!);
      if (m.category !== undefined && outcome.kind === 'value')
        outcome = outcome.value === true ? { kind: 'value', value: m.category } : { kind: 'blank' };
      if (outcome.kind === 'value' && column[i] !== undefined) {
        // A second column of a field that takes one (split by sex, or a rating marked).
        const issue = secondColumnIssue(sheet, m, m.letters + String(rows[i]! + 1));
        issue.rowRef = records[i]!.ref;
        unreadable.push({ i, k, issue });
      } else if (outcome.kind === 'value') {
        column[i] = outcome.value;
        if (dayColumn !== undefined) dayColumn[i] = outcome.day ?? 0;
      } else if (outcome.kind === 'invalid') {
        const issue = invalidIssue(sheet, m, m.letters + String(rows[i]! + 1), raw, outcome.reason);
        issue.rowRef = records[i]!.ref;
        unreadable.push({ i, k, issue });
      }
    }
  }
  unreadable.sort((x, y) => x.i - y.i || x.k - y.k);
  const names = table.kind !== 'members' ? columns.get('name') : undefined;
  for (const { i, issue } of unreadable) {
    const name = names?.[i];
    if (typeof name === 'string') issue.unitName = name;
    issues.push(issue);
  }
  return records;
}

/**
 * The value of a cell merged down a column ("Chi bộ bản Nặm Bao" once, over the rows of all
 * its members): every row of the merged area reads it. Merges across columns are not spread,
 * since the cells beside belong to other fields.
 */
function mergedDown(view: SheetView, row: number, col: number): CellValue | undefined {
  const area = view.mergeAt(row, col);
  if (!area || area.left !== area.right || area.top === row) return undefined;
  return view.raw(area.top, area.left);
}

/** Numbers on a total row, per mapped count or number field. */
export function readTotals(
  view: SheetView,
  found: readonly TotalFound[],
  mapped: readonly MappedColumn[],
  issues: Issue[],
): TotalRow[] {
  const numeric = mapped.filter((m) => m.def.type === 'int' || m.def.type === 'number');
  const hasFormats = view.sheet.numberFormats !== undefined;
  return found.map((t) => {
    const values: TotalRow['values'] = {};
    for (const m of numeric) {
      const raw = view.raw(t.row, m.col);
      if (raw === null) continue;
      const outcome = parseValue(
        raw,
        m.def.type,
        hasFormats ? numberFormatAt(view.sheet, t.row, m.col) : null,
      );
      if (outcome.kind === 'value' && typeof outcome.value === 'number') values[m.field] = outcome.value;
      else if (outcome.kind === 'invalid')
        issues.push(invalidIssue(view.name, m, m.letters + String(t.row + 1), raw, outcome.reason));
    }
    return { row: t.row, label: t.label, coversRows: [...t.coversRows], values };
  });
}
