/**
 * From an evaluation to a write plan: result columns beside each table, a highlight and a
 * note on every flagged cell, and the two result sheets. Pure data; hosts apply it.
 *
 * Decisions:
 * - A cell whose issues are all justified (giải trình) still gets a highlight, with severity
 *   'info' (a light blue fill) and a note saying which justification answered which issue:
 *   the official sees that the justification was read, and nothing looks like an open error.
 * - Result columns go only where detection found room (DetectedTable.resultCol). If anything
 *   the official typed could lie under them — a mapped column or a record cell of any table on
 *   the sheet, or another table's area — the block is left out rather than written over it.
 */
import type { CellValue } from '../grid.ts';
import { parseA1 } from '../grid.ts';
import type { Issue, Severity } from '../issue.ts';
import { SEVERITY_ORDER } from '../issue.ts';
import type { Evaluation } from '../pipeline.ts';
import type { RatingResult, RowResult, TargetResult } from '../report.ts';
import type { Comparator } from '../rulebook/schema.ts';
import type { DetectedTable } from '../table.ts';
import type { WorkbookData } from '../workbook-data.ts';
import {
  clip,
  issueValuesText,
  JUSTIFIED_TEXT,
  periodText,
  rowStatusText,
  SEVERITY_TEXT,
  TARGET_STATUS_TEXT,
} from './texts.ts';
import {
  NOTE_PREFIX,
  RESULT_HEADERS,
  RESULT_MARKER,
  RESULT_SHEET_LAYOUT,
  RESULT_SHEETS,
  type Highlight,
  type ResultColumnBlock,
  type ResultSheet,
  type SheetLink,
  type WritePlan,
} from './types.ts';

/** Tables that get result columns: the ones whose rows are units or members. */
const RESULT_KINDS = new Set<DetectedTable['kind']>(['partyCells', 'hamlets', 'members', 'organizations']);

const RESULT_WIDTHS = { status: 22, content: 60, rating: 40 } as const;

export function planWrites(data: WorkbookData, evaluation: Evaluation): WritePlan {
  const byRow = groupBy(evaluation.issues, (i) => i.rowRef);
  const resultColumns: ResultColumnBlock[] = [];
  for (const table of data.tables) {
    if (!RESULT_KINDS.has(table.kind)) continue;
    const block = resultBlock(table, evaluation.rows, byRow);
    if (block && isFree(block, data)) resultColumns.push(block);
  }
  return {
    version: 2,
    resultColumns,
    highlights: highlights(data, evaluation.issues),
    sheets: [issuesSheet(evaluation), targetsSheet(evaluation)],
  };
}

/** The block's last row; a loop, since spreading 100,000 rows into Math.max overflows the stack. */
export function lastRowOf(block: ResultColumnBlock): number {
  let last = Math.max(block.lastRow, block.headerBottom);
  for (const r of block.rows) if (r.row > last) last = r.row;
  // An index loop: this runs once per table, too seldom for V8 to optimize away a for…of's
  // results, and a province's member table has 100,000 data rows.
  const { dataRows } = block;
  for (let i = 0; i < dataRows.length; i++) if (dataRows[i]! > last) last = dataRows[i]!;
  return last;
}

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function resultBlock(
  table: DetectedTable,
  rows: RowResult[],
  byRow: Map<string, Issue[]>,
): ResultColumnBlock | undefined {
  if (table.headerRows.length === 0 || table.resultCol <= table.lastCol) return undefined;
  const mine = rows.filter((r) => r.tableId === table.id).sort((a, b) => a.row - b.row);
  const withRatings = mine.some((r) => r.rating !== undefined);
  const clean = statusOf([]);
  const headers: string[] = [RESULT_HEADERS.status, RESULT_HEADERS.content];
  const widths: number[] = [RESULT_WIDTHS.status, RESULT_WIDTHS.content];
  if (withRatings) {
    headers.push(RESULT_HEADERS.rating);
    widths.push(RESULT_WIDTHS.rating);
  }
  return {
    sheet: table.sheet,
    tableId: table.id,
    firstCol: table.resultCol,
    headerTop: Math.min(...table.headerRows),
    headerBottom: Math.max(...table.headerRows),
    headers,
    widths,
    // Row results list the rows with something to say; every other data row is clean.
    rows: mine.map((r) => {
      const issues = byRow.get(r.rowRef);
      const values: CellValue[] = issues ? [statusOf(issues), contentOf(issues)] : [clean, null];
      if (withRatings) values.push(r.rating ? ratingText(r.rating) : null);
      return { row: r.row, values, status: r.status };
    }),
    dataRows: table.dataRows,
    clean: withRatings ? [clean, null, null] : [clean, null],
    lastRow: table.lastRow,
  };
}

function statusOf(issues: Issue[]): string {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let justified = 0;
  for (const i of issues) {
    if (i.justified) justified++;
    else open[i.severity]++;
  }
  return rowStatusText(open, justified);
}

/** Open issues first, then justified ones marked; the same message only once. */
function contentOf(issues: Issue[]): string | null {
  const open = unique(issues.filter((i) => !i.justified).map((i) => i.message.vi));
  const justified = unique(
    issues.filter((i) => i.justified).map((i) => `${i.message.vi} (${JUSTIFIED_TEXT})`),
  );
  const all = [...open, ...justified];
  return all.length === 0 ? null : clip(all.join('; '));
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function ratingText(r: RatingResult): string | null {
  const reason = r.reason.vi.trim();
  if (r.computed) return clip(reason ? `${r.computed}: ${reason}` : r.computed, 500);
  return reason ? clip(reason, 500) : null;
}

/**
 * True when nothing the official typed lies in the block's area: no mapped or unmapped column
 * of any table on the sheet (every record cell comes from one), and no other table's area.
 * Cells typed outside any table are the host's to check before writing (see apply.ts).
 */
function isFree(block: ResultColumnBlock, data: WorkbookData): boolean {
  const left = block.firstCol;
  const right = block.firstCol + block.headers.length - 1;
  const top = block.headerTop;
  const bottom = lastRowOf(block);
  for (const t of data.tables) {
    if (t.sheet !== block.sheet) continue;
    const tTop = Math.min(...t.headerRows, t.lastRow);
    if (tTop > bottom || t.lastRow < top) continue;
    if (t.id !== block.tableId && t.firstCol <= right && t.lastCol >= left) return false;
    for (const c of t.columns) {
      if (c.col >= left && c.col <= right && !c.header.trim().startsWith(RESULT_MARKER)) return false;
    }
  }
  return true;
}

/** One highlight per flagged cell, worst open severity, every issue on the cell in the note. */
function highlights(data: WorkbookData, issues: Issue[]): Highlight[] {
  const sheets = new Set(data.sheetNames);
  const resultSheets = new Set<string>(Object.values(RESULT_SHEETS));
  const byCell = groupBy(
    issues.filter((i) => sheets.has(i.sheet) && !resultSheets.has(i.sheet) && parseA1(i.cell) !== undefined),
    (i) => `${i.sheet}!${i.cell.toUpperCase().replace(/\$/g, '')}`,
  );
  const out: Highlight[] = [];
  for (const list of byCell.values()) {
    const first = list[0]!;
    const open = list.filter((i) => !i.justified);
    let severity: Severity = 'info';
    for (const i of open) if (SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[severity]) severity = i.severity;
    const lines = unique([
      ...open.map((i) => `- ${SEVERITY_TEXT[i.severity]}: ${i.message.vi}`),
      ...list
        .filter((i) => i.justified)
        .map((i) => `- ${i.message.vi} (${JUSTIFIED_TEXT}${i.justification ? `: ${i.justification}` : ''})`),
    ]);
    out.push({
      sheet: first.sheet,
      cell: first.cell.toUpperCase().replace(/\$/g, ''),
      severity,
      note: clip(`${NOTE_PREFIX}\n${lines.join('\n')}`, 4000),
    });
  }
  return out;
}

function titleOf(prefix: string, evaluation: Evaluation): string {
  const period = periodText(evaluation.period);
  return [prefix, evaluation.unit.name, period].filter((s) => s !== '').join(' — ');
}

function issueValues(i: Issue): string | null {
  const text = issueValuesText(i.values);
  return text === '' ? null : clip(text, 500);
}

function issuesSheet(evaluation: Evaluation): ResultSheet {
  const counts = { error: 0, warning: 0, info: 0, justified: 0 };
  for (const i of evaluation.issues) {
    if (i.justified) counts.justified++;
    else counts[i.severity]++;
  }
  const summary = `lỗi: ${counts.error}, cảnh báo: ${counts.warning}, lưu ý: ${counts.info}, ${JUSTIFIED_TEXT}: ${counts.justified}`;
  const rows: CellValue[][] = [];
  const rowStatus: ResultSheet['rowStatus'] = [];
  const links: SheetLink[] = [];
  evaluation.issues.forEach((i, n) => {
    rows.push([
      n + 1,
      SEVERITY_TEXT[i.severity],
      i.sheet,
      i.range ?? i.cell,
      i.unitName ?? null,
      i.message.vi,
      issueValues(i),
      i.suggestion?.vi ?? null,
      i.basis?.vi ?? null,
      i.ruleId,
      i.justified ? (i.justification ?? JUSTIFIED_TEXT) : null,
    ]);
    rowStatus.push(i.justified ? 'ok' : i.severity);
    if (parseA1(i.cell))
      links.push({ row: RESULT_SHEET_LAYOUT.firstDataRow + n, col: 3, sheet: i.sheet, cell: i.cell });
  });
  return {
    name: RESULT_SHEETS.issues,
    role: 'issues',
    title: `${titleOf('KẾT QUẢ KIỂM TRA', evaluation)} (${summary})`,
    columns: [
      { header: 'STT', width: 6, kind: 'number' },
      { header: 'Mức độ', width: 10 },
      { header: 'Trang tính', width: 16 },
      { header: 'Ô', width: 10 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Nội dung', width: 60 },
      { header: 'Giá trị', width: 28 },
      { header: 'Gợi ý', width: 40 },
      { header: 'Căn cứ', width: 36 },
      { header: 'Mã quy tắc', width: 26 },
      { header: 'Giải trình', width: 36 },
    ],
    rows,
    rowStatus,
    links,
  };
}

const COMPARATOR_TEXT: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** "≥ 90%" unless the display already names the comparator. */
function requiredText(t: TargetResult): string {
  const shown = t.display.required.trim();
  return /^[≥≤<>=]/.test(shown) ? shown : `${COMPARATOR_TEXT[t.comparator]} ${shown}`;
}

function actualText(t: TargetResult): string | null {
  if (t.status === 'noData') return null;
  const ratio = t.numerator !== undefined && t.denominator !== undefined;
  return ratio ? `${t.display.actual} (${t.numerator}/${t.denominator})` : t.display.actual;
}

function targetsSheet(evaluation: Evaluation): ResultSheet {
  const severalUnits = new Set(evaluation.targets.map((x) => x.unitName)).size > 1;
  const rows: CellValue[][] = evaluation.targets.map((t) => [
    severalUnits ? `${t.label.vi} (${t.unitName})` : t.label.vi,
    requiredText(t),
    actualText(t),
    t.display.attainment ?? null,
    t.gap && t.gap.units > 0 ? t.gap.text.vi : null,
    TARGET_STATUS_TEXT[t.status],
    t.basis.vi,
  ]);
  const met = evaluation.targets.filter((t) => t.status === 'met').length;
  return {
    name: RESULT_SHEETS.targets,
    role: 'targets',
    title: `${titleOf('KẾT QUẢ THỰC HIỆN CHỈ TIÊU', evaluation)} (đạt ${met}/${evaluation.targets.length})`,
    columns: [
      { header: 'Chỉ tiêu', width: 50 },
      { header: 'Yêu cầu', width: 14 },
      { header: 'Thực hiện', width: 20 },
      { header: 'Tỷ lệ đạt', width: 12 },
      { header: 'Còn thiếu', width: 44 },
      { header: 'Trạng thái', width: 16 },
      { header: 'Căn cứ', width: 44 },
    ],
    rows,
    rowStatus: evaluation.targets.map((t) => (t.status === 'noData' ? null : t.status)),
    links: [],
  };
}
