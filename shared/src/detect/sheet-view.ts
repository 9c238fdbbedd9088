/**
 * Reading a sheet for detection: plain cell access in sheet coordinates, and merged areas,
 * whose value belongs to every cell they cover when we read headers.
 */
import { cellAt, isCellError, sheetBounds, type CellValue, type MergeArea, type SheetGrid } from '../grid.ts';
import { isBlankText, tidyText } from '../text.ts';

/** Excel's widest sheet; used to key merged cells by one number. */
const MAX_COLS = 16384;
/** Merges larger than this are looked up by a scan instead of being indexed cell by cell. */
const INDEXED_MERGE_CELLS = 4096;

export function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return isBlankText(v);
  return false;
}

/** The text a cell shows, roughly: numbers as typed, errors by their code. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isCellError(v) ? v.error : '';
}

/** A number, or text that is only digits, separators and signs ("1.922", "6,8%"). */
export function isNumericLike(v: CellValue): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (s.length === 0) return false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch !== 46 && ch !== 44 && ch !== 37 && ch !== 45 && ch !== 43 && ch !== 32) return false;
  }
  return digits > 0;
}

export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Exclusive ends, sheet coordinates. */
  readonly rowEnd: number;
  readonly colEnd: number;
  private readonly mergeIndex = new Map<number, MergeArea>();
  private readonly bigMerges: MergeArea[] = [];

  constructor(readonly sheet: SheetGrid) {
    this.name = sheet.name;
    const b = sheetBounds(sheet);
    this.top = b.top;
    this.left = b.left;
    this.rowEnd = b.rowEnd;
    this.colEnd = b.colEnd;
    for (const m of sheet.merges ?? []) {
      const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (size > INDEXED_MERGE_CELLS) {
        this.bigMerges.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(r * MAX_COLS + c, m);
    }
  }

  /** The value as stored: a merged area's value sits in its top-left cell only. */
  raw(row: number, col: number): CellValue {
    return cellAt(this.sheet, row, col);
  }

  /** The stored row, for fast scans; index it with `col - left`. */
  rowArray(row: number): CellValue[] | undefined {
    return this.sheet.rows[row - this.top];
  }

  mergeAt(row: number, col: number): MergeArea | undefined {
    const m = this.mergeIndex.get(row * MAX_COLS + col);
    if (m) return m;
    for (const b of this.bigMerges)
      if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) return b;
    return undefined;
  }

  /** The value shown at a cell when merged areas are spread over all their cells. */
  spread(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Tidy text of a cell, merges spread. */
  spreadText(row: number, col: number): string {
    return tidyText(cellText(this.spread(row, col)));
  }

  /** Non-blank stored cells of a row within [fromCol, toCol], as [col, value] pairs. */
  nonBlankCells(row: number, fromCol = this.left, toCol = this.colEnd - 1): [number, CellValue][] {
    const arr = this.rowArray(row);
    const out: [number, CellValue][] = [];
    if (!arr) return out;
    const from = Math.max(fromCol, this.left);
    const to = Math.min(toCol, this.left + arr.length - 1);
    for (let c = from; c <= to; c++) {
      const v = arr[c - this.left];
      if (v !== undefined && !isBlank(v)) out.push([c, v]);
    }
    return out;
  }

  /** True when no stored cell of the row within [fromCol, toCol] holds anything. */
  isBlankRow(row: number, fromCol = this.left, toCol = this.colEnd - 1): boolean {
    const arr = this.rowArray(row);
    if (!arr) return true;
    const from = Math.max(fromCol, this.left);
    const to = Math.min(toCol, this.left + arr.length - 1);
    for (let c = from; c <= to; c++) {
      const v = arr[c - this.left];
      if (v !== undefined && !isBlank(v)) return false;
    }
    return true;
  }
}
