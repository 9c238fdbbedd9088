/**
 * A write plan: data describing what a host writes back into the workbook. Hosts (Office.js,
 * the .xlsx writer, the in-memory grid used in tests) apply it; none of them decides
 * anything about party cells or ratings.
 *
 * Contract, identical for every host:
 * 1. Remove earlier results first: columns whose top header starts with RESULT_MARKER,
 *    sheets named in `sheets`, notes starting with NOTE_PREFIX; restore the fills recorded
 *    in STATE_SHEET. So running again replaces earlier results and applying a plan to its own
 *    output changes nothing.
 * 2. Never write into a cell the official typed: result columns go into empty columns to the
 *    right of each table (the planner checks they are empty or ours).
 */
import type { CellValue } from '../grid.ts';
import type { Severity } from '../issue.ts';

/** Starts the top header of every result column: how a host and the detector recognize ours. */
export const RESULT_MARKER = '[KT]';
/**
 * The result columns beside a table, in this order: the rating column only for tables with
 * ratings. Detection leaves room for all of them right of each table.
 */
export const RESULT_HEADERS = {
  status: `${RESULT_MARKER} Kết quả kiểm tra`,
  content: `${RESULT_MARKER} Nội dung`,
  rating: `${RESULT_MARKER} Xếp loại tính toán`,
} as const;
/** Starts every note we add to a cell. */
export const NOTE_PREFIX = 'Kiểm tra TCCSĐ:';
/** Hidden sheet where hosts keep the original fills of the cells they highlighted. */
export const STATE_SHEET = '_kiemtra';

export const SEVERITY_FILL: Record<Severity | 'ok', string> = {
  error: '#F4CCCC',
  warning: '#FFF2CC',
  info: '#DDEBF7',
  ok: '#E2EFDA',
};

export interface ResultColumnBlock {
  sheet: string;
  tableId: string;
  /** 0-based sheet column of the first result column. */
  firstCol: number;
  /** 0-based sheet rows of the table header; the result headers span them (merged). */
  headerTop: number;
  headerBottom: number;
  /** One header per result column, each starting with RESULT_MARKER. */
  headers: string[];
  /** Widths in characters. */
  widths: number[];
  /**
   * Values for the rows with something to say (an issue or a rating), by row:
   * rows[i].values[j] goes to (rows[i].row, firstCol + j). `blockRows` gives every data row.
   */
  rows: BlockRow[];
  /** Every data row of the table, in order; those not in `rows` get `clean`. */
  dataRows: readonly number[];
  /** The values of a data row with nothing to say (status 'ok'). */
  clean: readonly CellValue[];
  /** Last row of the table: everything from headerTop to here in these columns is ours. */
  lastRow: number;
}

/** The result values of one data row. */
export interface BlockRow {
  row: number;
  values: readonly CellValue[];
  status: Severity | 'ok';
}

/**
 * Every data row of a block with its values, in row order: the rows with something to say
 * and, between them, the clean ones. A province's member list has 100,000 rows and a few
 * hundred with something to say: the plan lists only those, and hosts walk this.
 */
export function* blockRows(block: ResultColumnBlock): Generator<BlockRow> {
  const { rows, dataRows, clean } = block;
  let k = 0;
  for (const row of dataRows) {
    while (k < rows.length && rows[k]!.row < row) yield rows[k++]!;
    if (k < rows.length && rows[k]!.row === row) yield rows[k++]!;
    else yield { row, values: clean, status: 'ok' };
  }
  while (k < rows.length) yield rows[k++]!;
}

export interface Highlight {
  sheet: string;
  /** A1 address of the flagged cell. */
  cell: string;
  severity: Severity;
  /** Starts with NOTE_PREFIX; explains every issue on the cell. */
  note: string;
}

export interface SheetLink {
  /** 0-based row and column in the result sheet. */
  row: number;
  col: number;
  /** Target sheet and A1 cell. */
  sheet: string;
  cell: string;
}

/**
 * Where things go in a result sheet: the title on the first row, the column headers on the
 * next, `ResultSheet.rows` from the third (SheetLink rows count in sheet rows).
 */
export const RESULT_SHEET_LAYOUT = { titleRow: 0, headerRow: 1, firstDataRow: 2 } as const;

export interface ResultSheet {
  name: string;
  role: 'issues' | 'targets' | 'rollup';
  /** Title line written above the table. */
  title: string;
  columns: { header: string; width: number; kind?: 'text' | 'number' | 'percent' }[];
  rows: CellValue[][];
  /** Severity or status per row, for fills. */
  rowStatus: (Severity | 'ok' | 'notMet' | 'met' | null)[];
  links: SheetLink[];
}

export interface WritePlan {
  version: 2;
  resultColumns: ResultColumnBlock[];
  highlights: Highlight[];
  /** Replaced whole on every run. */
  sheets: ResultSheet[];
}

/** Sheets the engine writes; detection skips them, hosts replace them whole. */
export const RESULT_SHEETS = {
  issues: 'Kết quả kiểm tra',
  targets: 'Kết quả chỉ tiêu',
  // Every name says whose sheet it is: officials name their own sheets "Tổng hợp", "Chỉ
  // tiêu", and a sheet of ours is replaced whole and never read.
  rollup: 'Kết quả tổng hợp',
  /** The roll-up's other sheets (plan/rollup.ts): targets per level, weakest units, completeness. */
  rollupTargets: 'Kết quả chỉ tiêu theo cấp',
  rollupWeakest: 'Kết quả đơn vị yếu nhất',
  rollupCompleteness: 'Kết quả tiến độ nộp',
} as const;

/** First cell of STATE_SHEET: names the layout below, so a later layout can be told apart. */
export const STATE_VERSION = 'kiemtra-state-1';

/**
 * The rows of STATE_SHEET, the same for every host (the command line and the add-in read
 * each other's). Row 1 is the header `[STATE_VERSION, 'sheet', 'ref', 'value', 'detail']`;
 * then one row per thing a host changed outside its result sheets:
 *
 * | kind     | sheet      | ref                      | value                                   | detail                       |
 * |----------|------------|--------------------------|-----------------------------------------|------------------------------|
 * | `area`   | sheet name | A1 range of result columns (header to last row) | —                | —                            |
 * | `fill`   | sheet name | A1 cell highlighted      | original fill `#RRGGBB`, '' for none    | host's own fill (JSON), optional |
 * | `style`  | sheet name | A1 cell inside an area   | —                                       | host's own style (JSON)      |
 * | `width`  | sheet name | column letters           | original width in characters, '' unset  | —                            |
 * | `height` | sheet name | 1-based row number       | original height in points, '' unset     | —                            |
 * | `merge`  | sheet name | A1 range a host merged   | —                                       | —                            |
 * | `sheet`  | result sheet name | —                 | —                                       | —                            |
 *
 * To remove results a host restores fills, styles, widths and heights, unmerges, clears the
 * areas and deletes the sheets; `detail` is only for the host that wrote it (another host
 * uses `value`). Unknown kinds are skipped, so a newer host's rows do not break an older one.
 */
export type StateEntry =
  | { kind: 'area'; sheet: string; ref: string }
  | { kind: 'fill'; sheet: string; ref: string; original: string; detail?: string }
  | { kind: 'style'; sheet: string; ref: string; detail: string }
  | { kind: 'width'; sheet: string; ref: string; original?: number }
  | { kind: 'height'; sheet: string; ref: string; original?: number }
  | { kind: 'merge'; sheet: string; ref: string }
  | { kind: 'sheet'; sheet: string };

export const STATE_HEADER = [STATE_VERSION, 'sheet', 'ref', 'value', 'detail'] as const;
