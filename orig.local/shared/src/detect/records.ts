/**
 * Reading the data rows of a detected table into records: each mapped field's cell, its
 * parsed value, and an issue for every value that cannot be read.
 */
import { columnLetters, numberFormatAt, type CellValue, type SheetGrid } from '../grid.ts';
import type { FieldDef, FieldType } from '../fields.ts';
import { bi } from '../i18n.ts';
import type { Issue } from '../issue.ts';
import { parseValue, type ParseOutcome } from '../parse/index.ts';
import type { DetectedTable, RowRecord, TotalRow } from '../table.ts';
import { cellText } from './sheet-view.ts';
import type { SheetView } from './sheet-view.ts';
import type { TotalFound } from './rows.ts';

export interface MappedColumn {
  col: number;
  field: string;
  def: FieldDef;
  header: string;
  letters: string;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over the UTF-8 bytes of a text, continuing from `h`. */
function fnv1a(text: string, h: number): number {
  const mix = (byte: number): void => {
    h ^= byte;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return h;
}

function refOf(hash: number): string {
  return `r${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The pseudonymous reference of a row: FNV-1a (32-bit) over the UTF-8 bytes of
 * `${sheet}!${row + 1}` (sheet name, "!", 1-based row number), written "r" + 8 lowercase hex
 * digits. Stable for the same sheet and row, and it carries no name or value from the row.
 */
export function rowRef(sheet: string, row: number): string {
  return refOf(fnv1a(`${sheet}!${row + 1}`, FNV_OFFSET));
}

/** rowRef for many rows of one sheet: the sheet name is hashed once. */
function rowRefs(sheet: string): (rowNo: string) => string {
  const prefix = fnv1a(`${sheet}!`, FNV_OFFSET);
  return (rowNo) => refOf(fnv1a(rowNo, prefix));
}

/**
 * Parsing is pure, and in a large sheet the same texts recur down a column (cell names,
 * "Chính thức", "x"): outcomes are remembered per column while that pays off.
 */
class ColumnParser {
  private memo: Map<string, ParseOutcome> | undefined = new Map();
  private lookups = 0;
  private hits = 0;

  constructor(
    private readonly type: FieldType,
    private readonly formats: SheetGrid | undefined,
    private readonly col: number,
  ) {}

  parse(raw: CellValue, row: number): ParseOutcome {
    const format = this.formats ? numberFormatAt(this.formats, row, this.col) : null;
    if (typeof raw !== 'string' || !this.memo) return parseValue(raw, this.type, format);
    const key = format ? `${format}\u0000${raw}` : raw;
    this.lookups++;
    let out = this.memo.get(key);
    if (out) this.hits++;
    else {
      out = parseValue(raw, this.type, format);
      this.memo.set(key, out);
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
    if (def) out.push({ col: c.col, field: c.field, def, header: c.header, letters: columnLetters(c.col) });
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

/** Records of the table's data rows; unreadable values become issues. */
export function readRecords(
  view: SheetView,
  table: DetectedTable,
  mapped: readonly MappedColumn[],
  groupsOf: readonly string[][],
  issues: Issue[],
): RowRecord[] {
  const sheet = view.name;
  const formats = view.sheet.numberFormats !== undefined ? view.sheet : undefined;
  const parsers = mapped.map((m) => new ColumnParser(m.def.type, formats, m.col));
  const refs = rowRefs(sheet);
  const named = table.kind !== 'members' && mapped.some((m) => m.field === 'name');
  const records: RowRecord[] = new Array(table.dataRows.length);
  for (let i = 0; i < table.dataRows.length; i++) {
    const r = table.dataRows[i]!;
    const arr = view.rowArray(r) ?? [];
    const rowNo = String(r + 1);
    const ref = refs(rowNo);
    const values: RowRecord['values'] = {};
    const cells: RowRecord['cells'] = {};
    let firstIssue = -1;
    for (let k = 0; k < mapped.length; k++) {
      const m = mapped[k]!;
      const stored = arr[m.col - view.left];
      const raw: CellValue = stored === undefined ? null : stored;
      const address = m.letters + rowNo;
      cells[m.field] = { address, raw };
      if (raw === null) continue;
      const outcome = parsers[k]!.parse(raw, r);
      if (outcome.kind === 'value') values[m.field] = outcome.value;
      else if (outcome.kind === 'invalid') {
        const issue = invalidIssue(sheet, m, address, raw, outcome.reason);
        issue.rowRef = ref;
        if (firstIssue < 0) firstIssue = issues.length;
        issues.push(issue);
      }
    }
    if (named && firstIssue >= 0 && typeof values['name'] === 'string')
      for (let k = firstIssue; k < issues.length; k++) issues[k]!.unitName = values['name'];
    records[i] = {
      tableId: table.id,
      kind: table.kind,
      sheet,
      row: r,
      values,
      cells,
      groups: groupsOf[i] ?? [],
      ref,
    };
  }
  return records;
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
