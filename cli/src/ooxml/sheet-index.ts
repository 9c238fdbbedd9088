/**
 * Where things are in a worksheet's XML, for patching it: each `<row>` (number, span, style,
 * height), the cells of the rows we touch (parsed only when asked), the `<col>` definitions,
 * and the position of each top-level element after `<sheetData>`.
 */
import { COLS } from './sheet-reader.ts';
import {
  CLOSE,
  END,
  LAST_COL,
  LAST_CONTENT,
  LAST_END,
  LAST_START,
  LAST_STYLE,
  LAST_TAG_END,
  NO_CELL,
  ROW,
  START,
  STRIDE,
  STYLE,
  TAG_END,
  UNREFERENCED,
  parseCell,
  scanRows,
  type CellSpan,
  type RowTable,
} from './row-table.ts';
import { findElement, rawAttr } from './xml.ts';

export type { CellSpan } from './row-table.ts';

export interface RowSpan {
  row: number;
  start: number;
  tagEnd: number;
  /** Start of `</row>` (tagEnd when self-closing). */
  close: number;
  end: number;
  s: number;
  height: number | undefined;
  cells?: CellSpan[];
  /** The row's place in the row table, where its last cell is. */
  at: number;
  /** The last cell, once asked for: null for none, false when it has no reference. */
  last?: CellSpan | null | false;
}

export interface ColDef {
  min: number;
  max: number;
  start: number;
  end: number;
  width: number | undefined;
  style: number;
}

export class SheetIndex {
  readonly prefix: string;
  /** `<sheetData>`'s content: [after its opening tag, start of its closing tag]. */
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly rows: RowSpan[];
  /** Rows by 0-based number. */
  private byNumber: RowSpan[] = [];
  private readonly table: RowTable;
  readonly cols: ColDef[] = [];
  /** The `<cols>` element, when there is one. */
  readonly colsSpan: [number, number] | undefined;

  constructor(readonly xml: string) {
    const t = (this.table = scanRows(xml));
    const p = (this.prefix = t.prefix);
    this.dataStart = t.dataStart;
    this.dataEnd = t.dataEnd;
    this.rows = new Array<RowSpan>(t.count);
    const { spans, heights } = t;
    for (let k = 0; k < t.count; k++) {
      const at = k * STRIDE;
      const height = heights[k]!;
      const span: RowSpan = {
        row: spans[at + ROW]!,
        start: spans[at + START]!,
        tagEnd: spans[at + TAG_END]!,
        close: spans[at + CLOSE]!,
        end: spans[at + END]!,
        s: spans[at + STYLE]!,
        height: Number.isNaN(height) ? undefined : height,
        at,
      };
      this.rows[k] = span;
      this.byNumber[span.row] = span;
    }
    // `<cols>` comes before `<sheetData>`: looked for there only, not through every row.
    const head = xml.slice(0, findElement(xml, `<${p}sheetData`, 0));
    const colsAt = findElement(head, `<${p}cols`, 0);
    if (colsAt >= 0) {
      const close = xml.indexOf(`</${p}cols>`, colsAt);
      this.colsSpan = [colsAt, close + `</${p}cols>`.length];
      let i = colsAt;
      for (;;) {
        i = findElement(head, `<${p}col`, i + 1);
        if (i < 0 || i > close) break;
        const end = xml.indexOf('>', i) + 1;
        const width = rawAttr(xml, i, end, 'width');
        this.cols.push({
          min: parseInt(rawAttr(xml, i, end, 'min') ?? '0', 10),
          max: parseInt(rawAttr(xml, i, end, 'max') ?? '0', 10),
          start: i,
          end,
          width: width === undefined ? undefined : parseFloat(width || '0'),
          style: parseInt(rawAttr(xml, i, end, 'style') ?? '0', 10) || 0,
        });
      }
    }
  }

  row(row: number): RowSpan | undefined {
    return this.byNumber[row];
  }

  /** The cells of a row, parsed on first use. */
  cells(row: RowSpan): CellSpan[] {
    if (row.cells) return row.cells;
    const cOpen = `<${this.prefix}c`;
    const cells: CellSpan[] = [];
    let i = row.tagEnd;
    let col = -1;
    for (;;) {
      i = findElement(this.xml, cOpen, i);
      if (i < 0 || i >= row.close) break;
      const cell = parseCell(this.xml, this.prefix, i, col + 1);
      col = cell.col;
      cells.push(cell);
      i = cell.end;
    }
    row.cells = cells;
    return cells;
  }

  cell(row: number, col: number): CellSpan | undefined {
    const r = this.row(row);
    if (!r) return undefined;
    // Result columns sit right of the official's cells, and the cell asked for beside them is
    // the row's last: neither needs the row parsed cell by cell.
    if (!r.cells) {
      const last = this.lastCell(r);
      if (last === null) return undefined;
      if (last !== undefined && col >= last.col) return col === last.col ? last : undefined;
    }
    return this.cells(r).find((c) => c.col === col);
  }

  /** Column of the row's last cell, -1 for an empty row, Infinity when it cannot be told alone. */
  lastCol(row: RowSpan): number {
    const col = this.table.spans[row.at + LAST_COL]!;
    return col === UNREFERENCED ? Infinity : col;
  }

  /**
   * The row's last cell, read alone (null for an empty row; undefined when it has no
   * reference, so that only a parse of the whole row tells its column).
   */
  private lastCell(row: RowSpan): CellSpan | null | undefined {
    if (row.last !== undefined) return row.last === false ? undefined : row.last;
    const { spans } = this.table;
    const at = row.at;
    const col = spans[at + LAST_COL]!;
    row.last =
      col === NO_CELL
        ? null
        : col === UNREFERENCED
          ? false
          : {
              col,
              start: spans[at + LAST_START]!,
              tagEnd: spans[at + LAST_TAG_END]!,
              end: spans[at + LAST_END]!,
              s: spans[at + LAST_STYLE]!,
              content: spans[at + LAST_CONTENT] === 1,
            };
    return row.last === false ? undefined : row.last;
  }

  /** The `<col>` defining 0-based column `col`. */
  colDef(col: number): ColDef | undefined {
    return this.cols.find((c) => c.min <= col + 1 && col + 1 <= c.max);
  }
}

export function positionKey(row: number, col: number): number {
  return row * COLS + col;
}
