/** A "Chỉ tiêu" sheet: a workbook's own targets, as a board types them. */
import type { CellValue, SheetGrid } from '../grid.ts';
import { draft, drawTitle, finish, type SheetDraft } from './layout.ts';
import { drawTable, type ColumnSpec } from './table.ts';

export interface TargetRow {
  measure: string;
  comparator: string;
  value: CellValue;
  scope?: string;
  period?: string;
  basis?: string;
}

export function targetsSheet(
  name: string,
  title: string,
  rows: TargetRow[],
  drawHeader?: (d: SheetDraft, width: number) => number,
): SheetGrid {
  return targetTable(name, title, rows, drawHeader, false, [
    { field: 'order', path: ['STT'], value: (_r, i) => i + 1 },
    { field: 'measure', path: ['Chỉ tiêu'], value: (r) => r.measure },
    { field: 'comparator', path: ['So sánh'], value: (r) => r.comparator },
    { field: 'value', path: ['Giá trị'], value: (r) => r.value },
    { field: 'scope', path: ['Phạm vi'], value: (r) => r.scope ?? null },
    { field: 'period', path: ['Thời hạn'], value: (r) => r.period ?? null },
    { field: 'basis', path: ['Căn cứ'], value: (r) => r.basis ?? null },
  ]);
}

/** A target as a report of its implementation gives it: the plan, what was achieved. */
export interface TargetReportRow {
  measure: string;
  /** "%", "đảng viên", … */
  unit: string;
  planned: CellValue;
  achieved: CellValue;
  /** Achieved against planned, in per cent, as the report prints it. */
  rate: CellValue;
}

/**
 * A report of the targets' implementation ("Kế hoạch | Thực hiện | Tỷ lệ"), the layout boards
 * use when they report to the level above rather than list their targets.
 */
export function targetReportSheet(
  name: string,
  title: string,
  rows: TargetReportRow[],
  drawHeader?: (d: SheetDraft, width: number) => number,
): SheetGrid {
  return targetTable(name, title, rows, drawHeader, true, [
    { field: 'order', path: ['TT'], value: (_r, i) => i + 1 },
    { field: 'measure', path: ['Chỉ tiêu'], value: (r) => r.measure },
    { field: 'unitOfMeasure', path: ['ĐVT'], value: (r) => r.unit },
    { field: 'value', path: ['Kế hoạch'], value: (r) => r.planned },
    { field: 'reported', path: ['Thực hiện'], value: (r) => r.achieved },
    { field: 'reportedAttainment', path: ['Tỷ lệ (%)'], value: (r) => r.rate },
    { path: ['Ghi chú'], value: () => null },
  ]);
}

/** A sheet holding one table of targets under the committee's header block and a title. */
function targetTable<T>(
  name: string,
  title: string,
  rows: T[],
  drawHeader: ((d: SheetDraft, width: number) => number) | undefined,
  columnNumbers: boolean,
  columns: ColumnSpec<T>[],
): SheetGrid {
  const d = draft(name);
  let row = drawHeader ? drawHeader(d, columns.length) : 0;
  row = drawTitle(d, row, title, columns.length);
  drawTable(d, row + 1, columns, [{ items: rows }], { columnNumbers });
  return finish(d);
}
