/**
 * Finding officials' tables as they are laid out, and reading their rows: no template, no
 * retyping. For each sheet: find header rows (cells that name columns the way some kind of
 * table does), join merged header levels, map columns to canonical fields, decide the kind,
 * read title, period and unit from the lines above, then read down the body (data, group and
 * total rows) until a signature block or the next table.
 *
 * Our own output is ignored, so that checking a checked workbook changes nothing: result
 * sheets and the state sheet are skipped, result columns (top header starting with
 * RESULT_MARKER) are left out of every table.
 */
import { a1, a1Range, parseA1, type SheetGrid, type WorkbookGrid } from '../grid.ts';
import { FIELDS, TABLE_KIND_LABELS, type FieldType } from '../fields.ts';
import { bi } from '../i18n.ts';
import type { Issue } from '../issue.ts';
import type { Period } from '../period.ts';
import { RESULT_HEADERS, RESULT_SHEETS, STATE_SHEET } from '../plan/types.ts';
import type { UnitRef } from '../summary.ts';
import type { ColumnMapping, DetectedTable, RowRecord } from '../table.ts';
import { parseValue } from '../parse/index.ts';
import type { WorkbookData } from '../workbook-data.ts';
import { classify } from './classify.ts';
import { readHeaderBand, isHeaderRow, type HeaderBand } from './header-band.ts';
import { cellNamedAbove, readHeaderBlock, type HeaderBlock } from './header-block.ts';
import { mappedColumns, readRecords, readTotals, type InferredField } from './records.ts';
import { scanBody, type BodyLayout } from './rows.ts';
import { isNumericLike, SheetView } from './sheet-view.ts';

const OWN_SHEETS = new Set([...Object.values(RESULT_SHEETS), STATE_SHEET].map((s) => s.trim().toLowerCase()));

/** Sheets the engine writes itself: never read as officials' tables. */
export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.has(name.trim().toLowerCase());
}

const NAME_FIELDS = ['name', 'fullName', 'measure', 'ruleId'];
/** Types any text is a value of: a header's words in such a column look like data. */
const FREE_TEXT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['text', 'code']);

interface SheetResult {
  tables: DetectedTable[];
  /** Each table's records, as readRecords made them. */
  records: RowRecord[][];
  period?: Period;
  unit?: UnitRef;
}

export function readWorkbook(grid: WorkbookGrid): WorkbookData {
  const tables: DetectedTable[] = [];
  const recordLists: RowRecord[][] = [];
  const issues: Issue[] = [];
  let period: Period | undefined;
  let unit: UnitRef | undefined;
  for (const sheet of grid.sheets) {
    if (isOwnSheet(sheet.name)) continue;
    const before = issues.length;
    const found = readSheet(sheet, issues);
    if (found.tables.length === 0 && issues.length === before && !sheet.hidden) {
      const none = noTableIssue(sheet);
      if (none) issues.push(none);
    }
    tables.push(...found.tables);
    recordLists.push(...found.records);
    period ??= found.period;
    unit ??= found.unit;
  }
  const data: WorkbookData = {
    workbook: grid.name,
    sheetNames: grid.sheets.map((s) => s.name),
    tables,
    // Joined once, at its final size: pushed a record at a time, a province's 100,000 were
    // copied over and over as the array grew.
    records: ([] as RowRecord[]).concat(...recordLists),
    issues,
  };
  if (period) data.period = period;
  if (unit) data.unit = unit;
  return data;
}

export function readSheet(sheet: SheetGrid, issues: Issue[]): SheetResult {
  const view = new SheetView(sheet);
  const out: SheetResult = { tables: [], records: [] };
  let blockFrom = view.top;
  let r = view.top;
  while (r < view.rowEnd) {
    if (!isHeaderRow(view, r)) {
      r++;
      continue;
    }
    const band = readHeaderBand(view, r, blockFrom);
    if (band.beside && !sheet.hidden) issues.push(besideIssue(sheet.name, band));
    const top = band.rows[0]!;
    const block = readHeaderBlock(view, blockFrom, top);
    const found = classify(band.columns, {
      sheetName: sheet.name,
      ...(block.title ? { title: block.title } : {}),
      ...(block.period ? { year: block.period.toYear } : {}),
    });
    if (!found) {
      if (!sheet.hidden) issues.push(unrecognizedIssue(sheet.name, band));
      r = band.bodyStart;
      continue;
    }
    const defs = FIELDS[found.kind];
    const fieldOf = new Map(found.columns.filter((c) => c.field).map((c) => [c.field!, c.col]));
    const nameCol = NAME_FIELDS.map((f) => fieldOf.get(f)).find((c) => c !== undefined);
    const layout: BodyLayout = {
      firstCol: band.firstCol,
      lastCol: band.lastCol,
      ...(fieldOf.has('order') ? { orderCol: fieldOf.get('order')! } : {}),
      ...(nameCol !== undefined ? { nameCol } : {}),
      fieldCols: found.columns.filter((c) => c.field && c.field !== 'order').map((c) => c.col),
      typedCols: found.columns.flatMap((c) => {
        const type = defs.find((d) => d.id === c.field)?.type;
        return type && !FREE_TEXT_TYPES.has(type) ? [{ col: c.col, type }] : [];
      }),
      unitRows: found.kind === 'organizations' || found.kind === 'units',
      headerRows: band.columnNumberRow === undefined ? band.rows : [...band.rows, band.columnNumberRow],
    };
    const scan = scanBody(view, layout, band.bodyStart);
    // Categories "marked" with counts: a table counting units by rating, which no kind reads.
    if (marksHoldCounts(view, scan.dataRows, found.columns)) {
      if (!sheet.hidden) issues.push(unrecognizedIssue(sheet.name, band));
      r = band.bodyStart;
      continue;
    }
    const inferredCell =
      found.kind === 'members' && !fieldOf.has('cell')
        ? cellOfMembers(scan.groupRows.length > 0, block)
        : undefined;
    const headerBottom = band.columnNumberRow ?? band.rows[band.rows.length - 1]!;
    const lastRow = scan.lastRow >= 0 ? scan.lastRow : headerBottom;
    const table: DetectedTable = {
      id: `${sheet.name}#${out.tables.length + 1}`,
      sheet: sheet.name,
      kind: found.kind,
      kindConfidence: found.confidence,
      ...(block.title ? { title: block.title } : {}),
      headerRows: band.rows,
      ...(band.columnNumberRow !== undefined ? { columnNumberRow: band.columnNumberRow } : {}),
      dataRows: scan.dataRows,
      groupRows: scan.groupRows,
      totalRows: [],
      firstCol: band.firstCol,
      lastCol: band.lastCol,
      lastRow,
      // Beside another table there is no room for result columns: the warning says why.
      resultCol: band.beside
        ? band.lastCol
        : (band.resultStart ?? resultColumnFor(view, band.lastCol, top, lastRow)),
      columns: found.columns,
      missingRequired: inferredCell
        ? found.missingRequired.filter((f) => f !== 'cell')
        : found.missingRequired,
    };
    const mapped = mappedColumns(table, defs);
    if (!sheet.hidden || table.dataRows.length > 0) {
      if (table.missingRequired.length > 0) issues.push(missingRequiredIssue(table));
      const totalIssues: Issue[] = [];
      const rowIssues: Issue[] = [];
      table.totalRows = readTotals(view, scan.totals, mapped, totalIssues);
      const records = readRecords(view, table, mapped, scan.groupsOf, rowIssues, inferredCell);
      out.records.push(records);
      // Totals and data rows interleave: report in reading order.
      mergeByRow(totalIssues, rowIssues, issues);
      out.tables.push(table);
      out.period ??= block.period;
      out.unit ??= block.unit;
    }
    r = Math.max(scan.end, band.bodyStart);
    blockFrom = lastRow + 1;
  }
  return out;
}

/**
 * Where a member list without a cell column takes each member's cell from: its group rows
 * ("I. Chi bộ bản …") when it is grouped, else the cell named above it (a cell's own list).
 */
function cellOfMembers(grouped: boolean, block: HeaderBlock): InferredField | undefined {
  if (grouped) return { field: 'cell', from: 'groups' };
  const named = cellNamedAbove(block);
  return named === undefined ? undefined : { field: 'cell', value: named };
}

/** Merges two lists of issues, each already in row order, into `into`. */
function mergeByRow(a: Issue[], b: Issue[], into: Issue[]): void {
  const rowOf = (i: Issue): number => parseA1(i.cell)?.row ?? 0;
  let i = 0;
  let j = 0;
  let ra = a.length > 0 ? rowOf(a[0]!) : 0;
  let rb = b.length > 0 ? rowOf(b[0]!) : 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && ra <= rb)) {
      into.push(a[i++]!);
      if (i < a.length) ra = rowOf(a[i]!);
    } else {
      into.push(b[j++]!);
      if (j < b.length) rb = rowOf(b[j]!);
    }
  }
}

/**
 * Where a table's result columns go: the first column right of it from which every result
 * column is empty from the header to the last row. A note typed a column or two to the right
 * of the table stays clear of them.
 */
function resultColumnFor(view: SheetView, lastCol: number, top: number, bottom: number): number {
  const width = Object.keys(RESULT_HEADERS).length;
  let run = 0;
  for (let c = lastCol + 1; ; c++) {
    if (c >= view.colEnd) return c - run;
    let empty = true;
    for (let r = top; r <= bottom && empty; r++) {
      const v = view.raw(r, c);
      if ((v !== null && !(typeof v === 'string' && v.trim() === '')) || view.mergeAt(r, c)) empty = false;
    }
    run = empty ? run + 1 : 0;
    if (run === width) return c - width + 1;
  }
}

/**
 * Whether columns read as a field marked under its categories ("Xếp loại / HTXSNV", …) hold
 * counts instead of marks in most rows: a district's table of its organizations by rating
 * ("3 | 15 | 2"). A count typed here and there among marks stays an error at its cell.
 */
function marksHoldCounts(
  view: SheetView,
  rows: readonly number[],
  columns: readonly ColumnMapping[],
): boolean {
  const marked = columns.filter((c) => c.category !== undefined);
  if (marked.length === 0) return false;
  let counts = 0;
  let marks = 0;
  for (const r of rows) {
    const read = marked.map((c) => parseValue(view.raw(r, c.col), 'int'));
    if (read.some((o) => o.kind === 'value' && typeof o.value === 'number' && o.value > 1)) counts++;
    else if (read.some((o) => o.kind !== 'blank')) marks++;
  }
  return counts > marks;
}

/** Rows holding figures after which a sheet without any table is worth a word. */
const FIGURE_ROWS = 2;

/**
 * A visible sheet with figures in which nothing looked like a table header: without this the
 * report would list no issue for it, as if its figures had been checked.
 */
function noTableIssue(sheet: SheetGrid): Issue | undefined {
  const view = new SheetView(sheet);
  let first: string | undefined;
  let rows = 0;
  for (let r = view.top; r < view.rowEnd && rows < FIGURE_ROWS; r++) {
    const cells = view.nonBlankCells(r);
    if (cells.length < 2 || !cells.some(([, v]) => isNumericLike(v))) continue;
    rows++;
    first ??= a1(r, cells[0]![0]);
  }
  if (rows < FIGURE_ROWS || first === undefined) return undefined;
  return {
    ruleId: 'sheet.noTable',
    severity: 'info',
    sheet: sheet.name,
    cell: first,
    message: bi(
      `Trang tính «${sheet.name}» có số liệu nhưng không tìm thấy bảng nào nhận dạng được: các số liệu trong trang chưa được kiểm tra.`,
      `Sheet “${sheet.name}” holds figures but no table in it could be recognized: its figures were not checked.`,
    ),
    suggestion: bi(
      'Nếu trang cần được kiểm tra, đặt tên cột theo biểu mẫu (ví dụ «Tên chi bộ», «Tổng số đảng viên»).',
      'If the sheet should be checked, name its columns as in the standard forms (e.g. «Tên chi bộ», «Tổng số đảng viên»).',
    ),
    values: {},
    justified: false,
  };
}

function unrecognizedIssue(sheet: string, band: HeaderBand): Issue {
  const headers = band.columns
    .map((c) => c.levels.join(' / '))
    .filter((h) => h !== '')
    .slice(0, 8);
  const list = headers.map((h) => `«${h}»`).join(', ');
  const top = band.rows[0]!;
  const bottom = band.rows[band.rows.length - 1]!;
  return {
    ruleId: 'table.unrecognized',
    severity: 'info',
    sheet,
    cell: a1(top, band.firstCol),
    range: a1Range(top, band.firstCol, bottom, band.lastCol),
    message: bi(
      `Vùng có dạng tiêu đề bảng nhưng không nhận ra là loại bảng nào: ${list}.`,
      `This looks like a table header but matches no known kind of table: ${list}.`,
    ),
    suggestion: bi(
      'Đặt tên cột theo biểu mẫu (ví dụ «Tên chi bộ», «Tổng số đảng viên») nếu bảng cần được kiểm tra.',
      'Name the columns as in the standard forms (e.g. «Tên chi bộ», «Tổng số đảng viên») if this table should be checked.',
    ),
    values: { headers: headers.join(' | ') },
    justified: false,
  };
}

function besideIssue(sheet: string, band: HeaderBand): Issue {
  const { firstCol, lastCol } = band.beside!;
  const top = band.rows[0]!;
  const bottom = band.rows[band.rows.length - 1]!;
  const range = a1Range(top, firstCol, bottom, lastCol);
  return {
    ruleId: 'table.beside',
    severity: 'warning',
    sheet,
    cell: a1(top, firstCol),
    range,
    message: bi(
      `Bảng có tiêu đề ở ${range} nằm cạnh bảng bên trái trên cùng các dòng nên chưa được đọc; bảng bên trái không có cột kết quả.`,
      `The table headed at ${range} sits beside the table on its left, on the same rows, and was not read; the table on the left gets no result columns.`,
    ),
    suggestion: bi(
      'Chuyển bảng này xuống dưới bảng kia (cách một dòng trống) hoặc sang trang tính khác, rồi kiểm tra lại.',
      'Move this table below the other one (after a blank row) or to another sheet, then check again.',
    ),
    values: { range },
    justified: false,
  };
}

function missingRequiredIssue(table: DetectedTable): Issue {
  const defs = FIELDS[table.kind];
  const labels = table.missingRequired.map((id) => defs.find((d) => d.id === id)!.label);
  const kindLabel = TABLE_KIND_LABELS[table.kind];
  const top = table.headerRows[0]!;
  const bottom = table.headerRows[table.headerRows.length - 1]!;
  return {
    ruleId: 'table.missingRequired',
    severity: 'error',
    sheet: table.sheet,
    cell: a1(top, table.firstCol),
    range: a1Range(top, table.firstCol, bottom, table.lastCol),
    message: bi(
      `Bảng «${kindLabel.vi}» thiếu cột bắt buộc: ${labels.map((l) => `«${l.vi}»`).join(', ')}.`,
      `The ${kindLabel.en} table lacks required columns: ${labels.map((l) => `“${l.en}”`).join(', ')}.`,
    ),
    values: { fields: table.missingRequired.join(','), kind: table.kind },
    justified: false,
  };
}
