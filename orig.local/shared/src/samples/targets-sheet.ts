/** A "Chỉ tiêu" sheet: a workbook's own targets, as a board types them. */
import type { CellValue, SheetGrid } from '../grid.ts';
import { draft, drawTitle, finish, type SheetDraft } from './layout.ts';
import { drawTable } from './table.ts';

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
  const d = draft(name);
  const width = 7;
  let row = drawHeader ? drawHeader(d, width) : 0;
  row = drawTitle(d, row, title, width);
  drawTable(
    d,
    row + 1,
    [
      { field: 'order', path: ['STT'], value: (_r, i) => i + 1 },
      { field: 'measure', path: ['Chỉ tiêu'], value: (r) => r.measure },
      { field: 'comparator', path: ['So sánh'], value: (r) => r.comparator },
      { field: 'value', path: ['Giá trị'], value: (r) => r.value },
      { field: 'scope', path: ['Phạm vi'], value: (r) => r.scope ?? null },
      { field: 'period', path: ['Thời hạn'], value: (r) => r.period ?? null },
      { field: 'basis', path: ['Căn cứ'], value: (r) => r.basis ?? null },
    ],
    [{ items: rows }],
    { columnNumbers: false },
  );
  return finish(d);
}
