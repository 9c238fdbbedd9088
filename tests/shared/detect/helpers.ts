/** Small builders for literal grids in detection tests. */
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../../../shared/src/grid.ts';
import { readWorkbook } from '../../../shared/src/detect/index.ts';
import type { DetectedTable, RowRecord } from '../../../shared/src/table.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';

/** "A1:B2" → a merge area (0-based, inclusive). */
export function m(range: string): MergeArea {
  const [from, to] = range.split(':') as [string, string];
  const p = (s: string): { row: number; col: number } => {
    const mm = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of mm[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(mm[2]) - 1, col: col - 1 };
  };
  const a = p(from);
  const b = p(to ?? from);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function sheet(
  name: string,
  rows: CellValue[][],
  merges: string[] = [],
  extra: Partial<SheetGrid> = {},
): SheetGrid {
  return { name, rows, merges: merges.map(m), ...extra };
}

export function read(...sheets: SheetGrid[]): WorkbookData {
  const grid: WorkbookGrid = { name: 'test.xlsx', sheets };
  return readWorkbook(grid);
}

/** header → field (undefined when unrecognized), in column order. */
export function mapping(t: DetectedTable): [string, string | undefined][] {
  return t.columns.map((c) => [c.header, c.field]);
}

/** field → column letter(s). */
export function fieldCols(t: DetectedTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of t.columns) if (c.field) out[c.field] = String.fromCharCode(65 + c.col);
  return out;
}

export function recordsOf(data: WorkbookData, table: DetectedTable): RowRecord[] {
  return data.records.filter((r) => r.tableId === table.id);
}

/** 1-based sheet row numbers, as a person reads them. */
export function rows1(rows: number[]): number[] {
  return rows.map((r) => r + 1);
}

export const _ = null;
