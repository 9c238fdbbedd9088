/**
 * Where things are in a worksheet's XML, for patching it: each `<row>` (number, span, style,
 * height), the cells of the rows we touch (parsed only when asked), the `<col>` definitions,
 * and the position of each top-level element after `<sheetData>`.
 */
import { COLS, lettersColumn } from './sheet-reader.ts';
import { rawAttr, rootPrefix } from './xml.ts';

export interface CellSpan {
  col: number;
  start: number;
  /** End of the opening tag (after `>`). */
  tagEnd: number;
  /** End of the element. */
  end: number;
  s: number;
  /** Has a value, formula or inline string: ExcelJS keeps the cell even without a style. */
  content: boolean;
}

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
  /** The last cell read alone (SheetIndex.lastCell): null for none, false when it has no reference. */
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
  readonly rows: RowSpan[] = [];
  private byNumber = new Map<number, RowSpan>();
  readonly cols: ColDef[] = [];
  /** The `<cols>` element, when there is one. */
  readonly colsSpan: [number, number] | undefined;

  constructor(readonly xml: string) {
    const p = (this.prefix = rootPrefix(xml, 'worksheet'));
    const open = findElement(xml, `<${p}sheetData`, 0);
    if (open < 0) throw new Error('no sheetData');
    const gt = xml.indexOf('>', open);
    if (xml.charCodeAt(gt - 1) === 47) throw new Error('empty sheetData');
    this.dataStart = gt + 1;
    this.dataEnd = xml.indexOf(`</${p}sheetData>`, gt);
    if (this.dataEnd < 0) throw new Error('unclosed sheetData');
    this.indexRows();
    const colsAt = findElement(xml, `<${p}cols`, 0);
    if (colsAt >= 0 && colsAt < open) {
      const close = xml.indexOf(`</${p}cols>`, colsAt);
      this.colsSpan = [colsAt, close + `</${p}cols>`.length];
      let i = colsAt;
      for (;;) {
        i = findElement(xml, `<${p}col`, i + 1);
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

  private indexRows(): void {
    const { xml, prefix: p } = this;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    let i = this.dataStart;
    let last = -1;
    for (;;) {
      i = findElement(xml, rowOpen, i);
      if (i < 0 || i >= this.dataEnd) break;
      const tagEnd = xml.indexOf('>', i) + 1;
      const r = rawAttr(xml, i, tagEnd, 'r');
      const row = r === undefined ? last + 1 : parseInt(r, 10) - 1;
      last = row;
      const selfClosing = xml.charCodeAt(tagEnd - 2) === 47;
      const close = selfClosing ? tagEnd : xml.indexOf(rowClose, tagEnd);
      const end = selfClosing ? tagEnd : close + rowClose.length;
      const ht = rawAttr(xml, i, tagEnd, 'ht');
      const span: RowSpan = {
        row,
        start: i,
        tagEnd,
        close,
        end,
        s: parseInt(rawAttr(xml, i, tagEnd, 's') ?? '0', 10) || 0,
        height: ht ? parseFloat(ht) || undefined : undefined,
      };
      this.rows.push(span);
      this.byNumber.set(row, span);
      i = end;
    }
  }

  row(row: number): RowSpan | undefined {
    return this.byNumber.get(row);
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
      const cell = this.parseCell(i, col + 1);
      col = cell.col;
      cells.push(cell);
      i = cell.end;
    }
    row.cells = cells;
    return cells;
  }

  /** The `<c>` element starting at `at`; `col` when it carries no reference. */
  private parseCell(at: number, col: number): CellSpan {
    const { xml, prefix: p } = this;
    const cClose = `</${p}c>`;
    const tagEnd = xml.indexOf('>', at) + 1;
    const r = rawAttr(xml, at, tagEnd, 'r');
    const selfClosing = xml.charCodeAt(tagEnd - 2) === 47;
    const end = selfClosing ? tagEnd : xml.indexOf(cClose, tagEnd) + cClose.length;
    const s = parseInt(rawAttr(xml, at, tagEnd, 's') ?? '0', 10) || 0;
    // Whether an unstyled cell holds anything decides if ExcelJS keeps it; a styled one is kept anyway.
    let content = false;
    if (!selfClosing && s === 0) {
      const inner = xml.slice(tagEnd, end - cClose.length);
      content = /<(?:\w+:)?(?:v|f|is)[\s>/]/.test(inner) && !/^\s*<(?:\w+:)?v\s*\/>\s*$/.test(inner);
    }
    return { col: r === undefined ? col : lettersColumn(r, 0, r.length), start: at, tagEnd, end, s, content };
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
    const last = this.lastCell(row);
    return last === null ? -1 : last === undefined ? Infinity : last.col;
  }

  /**
   * The row's last cell, read alone (null for an empty row; undefined when it has no
   * reference, so that only a parse of the whole row tells its column).
   */
  private lastCell(row: RowSpan): CellSpan | null | undefined {
    if (row.last !== undefined) return row.last === false ? undefined : row.last;
    const cOpen = `<${this.prefix}c`;
    let i = this.xml.lastIndexOf(cOpen, row.close - 1);
    while (i >= row.tagEnd) {
      const c = this.xml.charCodeAt(i + cOpen.length);
      if (c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
      i = this.xml.lastIndexOf(cOpen, i - 1);
    }
    if (i < row.tagEnd) {
      row.last = null;
      return null;
    }
    const referenced = rawAttr(this.xml, i, this.xml.indexOf('>', i) + 1, 'r') !== undefined;
    const cell = referenced ? this.parseCell(i, -1) : undefined;
    row.last = cell ?? false;
    return cell;
  }

  /** The `<col>` defining 0-based column `col`. */
  colDef(col: number): ColDef | undefined {
    return this.cols.find((c) => c.min <= col + 1 && col + 1 <= c.max);
  }
}

/** Start of the next element `<qname` (followed by a delimiter) at or after `from`, -1 if none. */
export function findElement(xml: string, open: string, from: number): number {
  let i = xml.indexOf(open, from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 62 || c === 32 || c === 47 || c === 9 || c === 10 || c === 13) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

export function positionKey(row: number, col: number): number {
  return row * COLS + col;
}
