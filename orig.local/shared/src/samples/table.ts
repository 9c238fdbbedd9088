/**
 * Drawing one table of records in the printed layout: merged headers built from each
 * column's header path, the column-number row, group rows, data rows and a total row.
 * Returns where everything landed so that samples can say which cell holds what.
 */
import type { CellValue } from '../grid.ts';
import { a1 } from '../grid.ts';
import {
  drawColumnNumbers,
  drawGroupRow,
  drawHeaders,
  put,
  putRow,
  type HeaderNode,
  type SheetDraft,
} from './layout.ts';

export interface ColumnSpec<T> {
  /** Canonical field id the column holds (for positions); undefined for decorative columns. */
  field?: string;
  /** Header path, outermost first: ["Số đảng viên", "Tổng số"]. */
  path: string[];
  value: (item: T, index: number) => CellValue;
  /** Summed into the total row. */
  total?: boolean;
}

export interface TableGroup<T> {
  /** Group row label ("Chi bộ các bản"); no group row when absent. */
  label?: string;
  items: T[];
}

export interface TablePlacement {
  headerTop: number;
  headerBottom: number;
  columnNumberRow?: number;
  /** Sheet row of each item, in the order given (0-based). */
  itemRows: number[];
  groupRows: number[];
  totalRow?: number;
  lastRow: number;
  /** 0-based column of each field. */
  colOf: Record<string, number>;
  width: number;
}

export interface TableOptions {
  columnNumbers?: boolean;
  /** Label of the total row; no total row when absent. */
  totalLabel?: string;
  /** Added to the true sums in the total row, per field (a deliberate error). */
  totalAdjust?: Record<string, number>;
  /** Blank rows left between groups, as officials often do. */
  blankRowAfter?: (groupIndex: number) => boolean;
}

function headerTree<T>(columns: ColumnSpec<T>[]): { nodes: HeaderNode[]; depth: number } {
  const depth = Math.max(...columns.map((c) => c.path.length));
  const build = (cols: ColumnSpec<T>[], level: number): HeaderNode[] => {
    const nodes: HeaderNode[] = [];
    let i = 0;
    while (i < cols.length) {
      const c = cols[i]!;
      if (c.path.length === level + 1) {
        nodes.push({ label: c.path[level]! });
        i++;
        continue;
      }
      const label = c.path[level]!;
      let j = i;
      while (j < cols.length && cols[j]!.path.length > level + 1 && cols[j]!.path[level] === label) j++;
      nodes.push({ label, children: build(cols.slice(i, j), level + 1) });
      i = j;
    }
    return nodes;
  };
  return { nodes: build(columns, 0), depth };
}

export function drawTable<T>(
  d: SheetDraft,
  top: number,
  columns: ColumnSpec<T>[],
  groups: TableGroup<T>[],
  opts: TableOptions = {},
): TablePlacement {
  const { nodes, depth } = headerTree(columns);
  const width = drawHeaders(d, top, nodes, depth);
  const headerBottom = top + depth - 1;
  let row = headerBottom + 1;
  let columnNumberRow: number | undefined;
  if (opts.columnNumbers !== false) {
    columnNumberRow = row;
    row = drawColumnNumbers(d, row, width);
  }
  const colOf: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (c.field) colOf[c.field] = i;
  });
  const itemRows: number[] = [];
  const groupRows: number[] = [];
  const sums = columns.map(() => 0);
  let index = 0;
  groups.forEach((g, gi) => {
    if (g.label) {
      groupRows.push(row);
      drawGroupRow(d, row, gi + 1, g.label, Math.min(width, 6));
      row++;
    }
    for (const item of g.items) {
      const values = columns.map((c, ci) => {
        const v = c.value(item, index);
        if (c.total) sums[ci]! += numeric(v);
        return v;
      });
      putRow(d, row, 0, values);
      itemRows.push(row);
      index++;
      row++;
    }
    if (opts.blankRowAfter?.(gi)) row++;
  });
  let totalRow: number | undefined;
  if (opts.totalLabel) {
    totalRow = row;
    put(d, row, 1, opts.totalLabel);
    columns.forEach((c, ci) => {
      if (!c.total) return;
      const adjust = c.field ? (opts.totalAdjust?.[c.field] ?? 0) : 0;
      put(d, row, ci, sums[ci]! + adjust);
    });
    row++;
  }
  return {
    headerTop: top,
    headerBottom,
    ...(columnNumberRow !== undefined ? { columnNumberRow } : {}),
    itemRows,
    groupRows,
    ...(totalRow !== undefined ? { totalRow } : {}),
    lastRow: row - 1,
    colOf,
    width,
  };
}

/** Numbers as officials type them: 12, "12", "1.922". */
function numeric(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/** A1 address of a field's cell on the row of an item. */
export function cellOf(p: TablePlacement, itemIndex: number, field: string): string {
  const row = p.itemRows[itemIndex];
  const col = p.colOf[field];
  if (row === undefined || col === undefined) throw new Error(`no cell for item ${itemIndex} field ${field}`);
  return a1(row, col);
}
