/**
 * An in-memory Excel workbook: what the test double reads from and writes into. Cells hold
 * what Office.js `range.values` gives ("" for blank, error values as "#REF!" strings), plus
 * the formatting the add-in touches: fills, bold, number formats, hyperlinks, merges, notes,
 * comments, charts, conditional formats, column widths and row heights.
 */
import type { CellValue, MergeArea, WorkbookGrid } from '@kiemtra/shared';
import { a1, isCellError, parseA1 } from '@kiemtra/shared';

export type ExcelValue = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface ChartModel {
  type: string;
  source: string;
  title: string;
  seriesBy: string;
  /** Series by name: the A1 ranges of their values and axis labels. */
  series: { name: string; values: string; xValues?: string }[];
}

/** A conditional format: its type, range, and the properties set on it ("dataBar.barDirection"). */
export interface ConditionalFormatModel {
  type: string;
  range: string;
  props: Record<string, unknown>;
}

/** Excel's standard column width (8.43 characters of Calibri 11) and row height, in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

const KEY_STRIDE = 1 << 14; // Excel has 16,384 columns

export function cellKey(row: number, col: number): number {
  return row * KEY_STRIDE + col;
}

export function keyToA1(key: number): string {
  return a1(Math.floor(key / KEY_STRIDE), key % KEY_STRIDE);
}

export class ModelSheet {
  visibility: Visibility = 'Visible';
  /** values[r][c], 0-based from A1; ragged, missing cells blank. */
  values: ExcelValue[][] = [];
  numberFormats = new Map<number, string>();
  fills = new Map<number, string>();
  bold = new Set<number>();
  hyperlinks = new Map<number, { documentReference?: string; address?: string; textToDisplay?: string }>();
  merges: Rect[] = [];
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  charts: ChartModel[] = [];
  /** Only columns and rows not at the standard size. */
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  conditionalFormats: ConditionalFormatModel[] = [];

  constructor(public name: string) {}

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? STANDARD_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? STANDARD_HEIGHT;
  }

  get(row: number, col: number): ExcelValue {
    return this.values[row]?.[col] ?? '';
  }

  set(row: number, col: number, v: ExcelValue): void {
    let r = this.values[row];
    if (!r) {
      for (let i = this.values.length; i <= row; i++) this.values[i] ??= [];
      r = this.values[row]!;
    }
    for (let i = r.length; i < col; i++) r[i] = '';
    r[col] = v;
  }

  numberFormat(row: number, col: number): string {
    return this.numberFormats.get(cellKey(row, col)) ?? 'General';
  }

  /** The smallest rectangle holding every non-blank value, as getUsedRange(true) gives it. */
  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === '' || row[c] === undefined) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (top < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clear(rect: Rect, what: 'All' | 'Contents' | 'Formats'): void {
    const inside = (k: number) => {
      const r = Math.floor(k / KEY_STRIDE);
      const c = k % KEY_STRIDE;
      return r >= rect.top && r < rect.top + rect.rows && c >= rect.left && c < rect.left + rect.cols;
    };
    if (what !== 'Formats') {
      const bottom = Math.min(rect.top + rect.rows, this.values.length);
      for (let r = rect.top; r < bottom; r++) {
        const row = this.values[r];
        if (!row) continue;
        const right = Math.min(rect.left + rect.cols, row.length);
        for (let c = rect.left; c < right; c++) row[c] = '';
      }
    }
    if (what !== 'Contents') {
      for (const m of [this.fills, this.numberFormats])
        for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
      for (const k of [...this.bold]) if (inside(k)) this.bold.delete(k);
    }
    if (what === 'All') for (const k of [...this.hyperlinks.keys()]) if (inside(k)) this.hyperlinks.delete(k);
  }
}

export class WorkbookModel {
  sheets: ModelSheet[] = [];
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  selection: { sheet: string; address: string } | null = null;

  constructor(public name = 'Workbook.xlsx') {}

  sheet(name: string): ModelSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): ModelSheet {
    if (this.sheet(name)) throw new Error(`A sheet named ${name} already exists`);
    const s = new ModelSheet(name);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(name: string): void {
    this.sheets = this.sheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
  }

  /** A workbook as an .xlsx would open: values from a grid, errors as their text. */
  static fromGrid(grid: WorkbookGrid): WorkbookModel {
    const wb = new WorkbookModel(grid.name);
    for (const g of grid.sheets) {
      const s = wb.addSheet(g.name);
      if (g.hidden) s.visibility = 'Hidden';
      const r0 = g.origin?.row ?? 0;
      const c0 = g.origin?.col ?? 0;
      g.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const x = toExcelValue(v);
          if (x !== '') s.set(r0 + r, c0 + c, x);
          const f = g.numberFormats?.[r]?.[c];
          if (f && f !== 'General') s.numberFormats.set(cellKey(r0 + r, c0 + c), f);
        }),
      );
      for (const m of g.merges ?? []) {
        s.merges.push({ top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      }
      for (const [addr, text] of Object.entries(g.notes ?? {})) s.notes.set(addr, text);
    }
    return wb;
  }

  /** Every sheet's values and formatting in a canonical, comparable form. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      values: trimRows(s.values),
      numberFormats: sortedEntries(s.numberFormats),
      fills: sortedEntries(s.fills),
      bold: [...s.bold].sort((a, b) => a - b).map(keyToA1),
      hyperlinks: sortedEntries(s.hyperlinks),
      merges: [...s.merges].map(rectA1).sort(),
      notes: [...s.notes.entries()].sort(),
      comments: [...s.comments.entries()].sort(),
      charts: s.charts,
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      conditionalFormats: s.conditionalFormats,
    }));
  }
}

export function toExcelValue(v: CellValue | undefined): ExcelValue {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return v;
}

export function rectA1(r: Rect): string {
  const from = a1(r.top, r.left);
  const to = a1(r.top + r.rows - 1, r.left + r.cols - 1);
  return from === to ? from : `${from}:${to}`;
}

/** "B3:D9", "B3", "$B$3", "'Sheet 1'!B3" (the sheet part ignored) → rectangle. */
export function parseRect(address: string): Rect {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b] = local.split(':');
  const p = parseA1(a ?? '');
  const q = b ? parseA1(b) : p;
  if (!p || !q) throw new Error(`InvalidArgument: ${address}`);
  return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

export function mergeToRect(m: MergeArea): Rect {
  return { top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 };
}

function trimRows(values: ExcelValue[][]): ExcelValue[][] {
  const out = values.map((r) => {
    const row = r ? [...r] : [];
    while (row.length && (row[row.length - 1] === '' || row[row.length - 1] === undefined)) row.pop();
    return row.map((v) => (v === undefined ? '' : v));
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

function sortedEntries<T>(m: Map<number, T>): [string, T][] {
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [keyToA1(k), v]);
}
