/**
 * The changes a write plan makes to one data sheet, decided as cli/src/xlsx/apply.ts
 * decides them through ExcelJS (same cells, styles, widths, heights, merges, notes and state
 * entries), then written into the sheet's own XML: untouched rows are copied as they are,
 * touched rows get their new cells in column order.
 */
import type ExcelJS from 'exceljs';
import {
  SEVERITY_FILL,
  a1,
  a1Range,
  blockRows,
  cellAt,
  columnLetters,
  isCellError,
  type CellValue,
  type Highlight,
  type ResultColumnBlock,
  type SheetGrid,
  type StateEntry,
} from '@kiemtra/shared';
import { HEADER_FILL, blockRange, border, solidFill, stripOurNote } from '../xlsx/conventions.ts';
import { textLines } from '../xlsx/layout.ts';
import { COLS } from './sheet-reader.ts';
import { SheetIndex, positionKey, type CellSpan, type RowSpan } from './sheet-index.ts';
import type { StyleBook } from './style-book.ts';
import type { SharedStringsWriter } from './shared-strings-writer.ts';
import { escapeAttr, findElement, isSpace } from './xml.ts';

type Style = Partial<ExcelJS.Style>;

/** Where an emitted sheet goes (a TextPartWriter over the sheet's XML). */
export interface TextSink {
  write(text: string): void;
  /** The sheet's own XML [from, to), as it is. */
  copy(from: number, to: number): void;
}

interface CellEdit {
  style: Style;
  xf: number;
  /** Keep the official's value (a highlighted cell); otherwise `value` replaces it. */
  keep: boolean;
  value: CellValue;
}

/**
 * A result block's cells on one data row, kept together: a province's member table has
 * 100,000 such rows, and a map entry per cell would cost more than writing them.
 */
interface BlockRow {
  left: number;
  values: readonly CellValue[];
  style: Style;
  xf: number;
}

/** A solid fill's colour as `#RRGGBB` (what another host can restore), else ''. */
function fillColour(fill: ExcelJS.Fill | undefined): string {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return '';
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : '';
}

function isEmptyStyle(style: Style): boolean {
  for (const k in style) if (style[k as keyof Style] !== undefined) return false;
  return true;
}

/** The parts of a style, in the order ExcelJS merges a row's and a column's. */
const STYLE_PARTS = ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection'] as const;

function takePart<K extends keyof Style>(style: Style, key: K, value: Style[K]): void {
  if (value) style[key] = value;
}

/** The style of a cell with none: shared by every such cell of a sheet, so never changed. */
const NO_STYLE: Style = Object.freeze({});

/** The text ExcelJS's layout measures for a value (layout.ts `cellText`). */
function valueText(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return String(v);
}

/** The object itself when it has no keys (a cheap test for the common unstyled row and column). */
function EMPTY_OR(style: Style): Style | undefined {
  for (const _ in style) return undefined;
  return style;
}

export class SheetPatch {
  readonly index: SheetIndex;
  /** Cells written one by one (headers, highlights); they take precedence over block rows. */
  private edits = new Map<number, CellEdit>();
  /** Rows holding a cell of `edits`. */
  private editRows = new Set<number>();
  /** By row number: an array, since a block covers most rows of its table. */
  private blockRows: (BlockRow | undefined)[] = [];
  private blockRowCount = 0;
  private heights = new Map<number, number>();
  private widths = new Map<number, number>();
  readonly merges: string[] = [];
  private newSlaves = new Set<number>();
  private originalSlaves = new Set<number>();
  /** Final note text per cell. */
  readonly notes = new Map<number, { row: number; col: number; text: string }>();

  constructor(
    readonly name: string,
    xml: string,
    private grid: SheetGrid,
    private occupied: Set<number>,
    private styles: StyleBook,
  ) {
    this.index = new SheetIndex(xml);
    for (const m of grid.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.originalSlaves.add(positionKey(r, c));
        }
      }
    }
  }

  get touched(): boolean {
    return this.edits.size > 0 || this.blockRowCount > 0 || this.widths.size > 0 || this.merges.length > 0;
  }

  /** The change made to a cell: one made alone, else its block row's; undefined when none. */
  private editAt(row: number, col: number): CellEdit | undefined {
    if (this.editRows.has(row)) {
      const edit = this.edits.get(positionKey(row, col));
      if (edit) return edit;
    }
    const b = this.blockRows[row];
    if (!b || col < b.left || col >= b.left + b.values.length) return undefined;
    return { style: b.style, xf: b.xf, keep: false, value: b.values[col - b.left]! };
  }

  private putEdit(row: number, col: number, edit: CellEdit): void {
    this.edits.set(positionKey(row, col), edit);
    this.editRows.add(row);
  }

  /** The cell as ExcelJS has it after loading: null when it would not exist in its row. */
  private existing(row: number, col: number): CellSpan | undefined {
    const span = this.index.cell(row, col);
    if (!span) return undefined;
    return span.s || span.content || this.occupied.has(positionKey(row, col)) ? span : undefined;
  }

  /** ExcelJS's `cell.style` right now: ours when we wrote it, else what loading gives. */
  styleAt(row: number, col: number): Style {
    const edit = this.editAt(row, col);
    if (edit) return edit.style;
    const span = this.existing(row, col);
    if (span) return this.styles.styleOf(span.s);
    // A cell created on demand takes its row's style, then its column's (Cell._mergeStyle).
    const rowStyle = this.rowStyle(row);
    const colStyle = this.colStyle(col);
    if (rowStyle === EMPTY_OR(rowStyle) && colStyle === EMPTY_OR(colStyle)) return NO_STYLE;
    const style: Style = {};
    for (const key of STYLE_PARTS) takePart(style, key, rowStyle[key] || colStyle[key]);
    return style;
  }

  private rowStyles = new Map<number, Style>();
  private colStyles = new Map<number, Style>();

  private rowStyle(row: number): Style {
    const span = this.index.row(row);
    if (!span?.s) return {};
    let style = this.rowStyles.get(span.s);
    if (!style)
      this.rowStyles.set(span.s, (style = JSON.parse(JSON.stringify(this.styles.styleOf(span.s))) as Style));
    return style;
  }

  private colStyle(col: number): Style {
    let style = this.colStyles.get(col);
    if (!style) {
      const def = this.index.colDef(col);
      this.colStyles.set(col, (style = def?.style ? this.styles.styleOf(def.style) : {}));
    }
    return style;
  }

  private hasValue(row: number, col: number): boolean {
    const key = positionKey(row, col);
    if (this.newSlaves.has(key) || this.originalSlaves.has(key)) return true;
    const edit = this.editAt(row, col);
    if (edit && !edit.keep) return edit.value !== null && edit.value !== '';
    return cellAt(this.grid, row, col) !== null || this.occupied.has(key);
  }

  private widthOf(col: number): number | undefined {
    const set = this.widths.get(col);
    if (set !== undefined) return set;
    const def = this.index.colDef(col);
    return def ? (def.width ?? 9) : undefined;
  }

  /** The row has no style and no cell from column `col` on. */
  private endsBefore(row: number, col: number): boolean {
    const span = this.index.row(row);
    return !span || (!span.s && this.index.lastCol(span) < col);
  }

  private heightOf(row: number): number | undefined {
    return this.heights.get(row) ?? this.index.row(row)?.height;
  }

  private neighbourFont(row: number, col: number): Partial<ExcelJS.Font> {
    if (col <= 0) return {};
    const f = this.styleAt(row, col - 1).font;
    // Font objects are shared by every cell of a format: the name and size taken once for each.
    let font = this.neighbourFonts.get(f);
    if (font === undefined) {
      font = {};
      if (f?.name) font.name = f.name;
      if (f?.size) font.size = f.size;
      this.neighbourFonts.set(f, font);
    }
    return font;
  }

  private neighbourFonts = new Map<Partial<ExcelJS.Font> | undefined, Partial<ExcelJS.Font>>();

  private set(row: number, col: number, style: Style, value: CellValue): void {
    this.putEdit(row, col, { style, xf: this.styles.addStyle(style), keep: false, value });
  }

  /** apply.ts `writeBlock`: returns the first cell holding the official's data, if any. */
  writeBlock(block: ResultColumnBlock, state: StateEntry[]): string | undefined {
    const left = block.firstCol;
    const right = block.firstCol + block.headers.length - 1;
    for (let r = block.headerTop; r <= block.lastRow; r++) {
      for (let c = left; c <= right; c++) if (this.hasValue(r, c)) return a1(r, c);
    }
    state.push({ kind: 'area', sheet: this.name, ref: blockRange(block) });
    // A row without a style of its own whose cells end left of the block has no style there to
    // record, when nothing was written yet and the block's columns have none either: most rows
    // of a long table, each asked for cell by cell otherwise.
    let plainColumns = this.edits.size === 0 && this.blockRowCount === 0;
    for (let c = left; c <= right && plainColumns; c++)
      plainColumns = EMPTY_OR(this.colStyle(c)) !== undefined;
    for (let r = block.headerTop; r <= block.lastRow; r++) {
      if (plainColumns && this.endsBefore(r, left)) continue;
      for (let c = left; c <= right; c++) {
        const style = this.styleAt(r, c);
        if (!isEmptyStyle(style))
          state.push({ kind: 'style', sheet: this.name, ref: a1(r, c), detail: JSON.stringify(style) });
      }
    }
    block.headers.forEach((header, j) => {
      const col = left + j;
      const original = this.widthOf(col);
      state.push({
        kind: 'width',
        sheet: this.name,
        ref: columnLetters(col),
        ...(original === undefined ? {} : { original }),
      });
      this.widths.set(col, block.widths[j] ?? 16);
      const font = this.neighbourFont(block.headerTop, left);
      const headerStyle: Style = {
        font: { ...font, bold: true },
        alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
        border: border(),
        fill: solidFill(HEADER_FILL),
      };
      this.set(block.headerTop, col, headerStyle, header);
      for (let r = block.headerTop + 1; r <= block.headerBottom; r++) {
        this.set(r, col, { border: border(), fill: solidFill(HEADER_FILL) }, null);
      }
      if (block.headerBottom > block.headerTop) {
        // Merging gives the cells below the header's own style, as ExcelJS's mergeCells does.
        for (let r = block.headerTop + 1; r <= block.headerBottom; r++) {
          this.putEdit(r, col, { ...this.edits.get(positionKey(block.headerTop, col))!, value: null });
          this.newSlaves.add(positionKey(r, col));
        }
        const merge = a1Range(block.headerTop, col, block.headerBottom, col);
        this.merges.push(merge);
        state.push({ kind: 'merge', sheet: this.name, ref: merge });
      }
    });
    // One style object per font and status, so the style book renders each once.
    const rowStyles = new Map<Partial<ExcelJS.Font>, Map<string, Style>>();
    const widths = block.headers.map((_, j) => this.widthOf(left + j) ?? 9);
    for (const row of blockRows(block)) {
      const font = this.neighbourFont(row.row, left);
      let byStatus = rowStyles.get(font);
      if (!byStatus) rowStyles.set(font, (byStatus = new Map()));
      let style = byStatus.get(row.status);
      if (!style) {
        style = {
          font,
          alignment: { wrapText: true, vertical: 'top' },
          border: border(),
          fill: solidFill(SEVERITY_FILL[row.status]),
        };
        byStatus.set(row.status, style);
      }
      if (this.blockRows[row.row]) {
        // A second block on the same row (tables side by side): its cells are kept one by one.
        for (let j = 0; j < row.values.length; j++) this.set(row.row, left + j, style, row.values[j]!);
      } else {
        // Written last, the block's cells replace any made alone before.
        if (this.editRows.has(row.row))
          for (let j = 0; j < row.values.length; j++) this.edits.delete(positionKey(row.row, left + j));
        this.blockRows[row.row] = { left, values: row.values, style, xf: this.styles.addStyle(style) };
        this.blockRowCount++;
      }
      // layout.ts `neededHeight` over the block's columns.
      let lines = 1;
      for (let j = 0; j < widths.length; j++) {
        const col = left + j;
        const key = positionKey(row.row, col);
        if (this.newSlaves.has(key) || this.originalSlaves.has(key)) continue;
        // The value just set, or what an earlier write left beyond it.
        const value = j < row.values.length ? row.values[j]! : this.editAt(row.row, col)?.value;
        const text = value === undefined ? '' : valueText(value);
        lines = Math.max(lines, textLines(text, widths[j]!));
      }
      const needed = lines <= 1 ? 15 : lines * 16;
      const current = this.heightOf(row.row);
      if (needed > (current ?? 15)) {
        state.push({
          kind: 'height',
          sheet: this.name,
          ref: String(row.row + 1),
          ...(current === undefined ? {} : { original: current }),
        });
        this.heights.set(row.row, needed);
      }
    }
    return undefined;
  }

  /** apply.ts's highlight step for one cell of this sheet: fill, note, state entry. */
  highlight(h: Highlight, row: number, col: number, state: StateEntry[]): void {
    const key = positionKey(row, col);
    const style = this.styleAt(row, col);
    const fill = style.fill;
    state.push({
      kind: 'fill',
      sheet: this.name,
      ref: a1(row, col),
      original: fillColour(fill),
      ...(fill ? { detail: JSON.stringify(fill) } : {}),
    });
    const newFill = solidFill(SEVERITY_FILL[h.severity]);
    const newStyle: Style = { ...style, fill: newFill };
    const edit = this.editAt(row, col);
    const span = edit ? undefined : this.existing(row, col);
    const xf = span?.s ? this.styles.withFill(span.s, newFill) : this.styles.addStyle(newStyle);
    this.putEdit(
      row,
      col,
      edit ? { ...edit, style: newStyle, xf } : { style: newStyle, xf, keep: true, value: null },
    );
    const existing = this.notes.get(key)?.text ?? this.officialNote(row, col);
    const official = existing === undefined ? undefined : stripOurNote(existing);
    this.notes.set(key, { row, col, text: official ? `${official}\n\n${h.note}` : h.note });
  }

  private officialNote(row: number, col: number): string | undefined {
    return this.grid.notes?.[a1(row, col)];
  }

  /**
   * Writes the sheet's XML, every change in, to `out`. `rootTag` may rewrite the opening tag of
   * `<worksheet>` (to declare a namespace the new elements use).
   */
  emit(
    shared: SharedStringsWriter,
    legacyDrawing: string | undefined,
    out: TextSink,
    rootTag?: (tag: string) => string,
  ): void {
    const { xml, prefix: p } = this.index;
    let pos = 0;
    const copyTo = (to: number) => {
      out.copy(pos, to);
      pos = to;
    };

    if (rootTag) {
      const open = findElement(xml, `<${p}worksheet`, 0);
      if (open < 0) throw new Error('no <worksheet>');
      const end = xml.indexOf('>', open) + 1;
      copyTo(open);
      out.write(rootTag(xml.slice(open, end)));
      pos = end;
    }

    // Column widths.
    if (this.widths.size > 0) {
      const cols = this.colsXml();
      if (this.index.colsSpan) {
        copyTo(this.index.colsSpan[0]);
        out.write(cols);
        pos = this.index.colsSpan[1];
      } else {
        copyTo(findElement(xml, `<${p}sheetData`, 0));
        out.write(cols);
      }
    }

    // Rows in order. Keys are row * COLS + col, so sorted keys run row by row, column by column.
    const keys = new Float64Array(this.edits.size);
    let n = 0;
    for (const key of this.edits.keys()) keys[n++] = key;
    keys.sort();
    // Rows with a cell written, and rows whose height changes, marked and then read in order.
    let lastRow = this.blockRows.length - 1;
    if (keys.length > 0) lastRow = Math.max(lastRow, Math.floor(keys[keys.length - 1]! / COLS));
    for (const r of this.heights.keys()) lastRow = Math.max(lastRow, r);
    const marked = new Uint8Array(lastRow + 1);
    for (let r = 0; r < this.blockRows.length; r++) if (this.blockRows[r]) marked[r] = 1;
    for (let k = 0; k < keys.length; k++) marked[Math.floor(keys[k]! / COLS)] = 1;
    for (const r of this.heights.keys()) marked[r] = 1;
    const rowsToWrite: number[] = [];
    for (let r = 0; r <= lastRow; r++) if (marked[r]) rowsToWrite.push(r);
    // The columns written on each row: its cells in `keys`, and its block row's.
    let at = 0;
    const colsOf = (r: number): number[] => {
      while (at < keys.length && keys[at]! < r * COLS) at++;
      const cols: number[] = [];
      while (at < keys.length && keys[at]! < (r + 1) * COLS) cols.push(keys[at++]! - r * COLS);
      const block = this.blockRows[r];
      if (!block) return cols;
      const alone = cols.length;
      for (let j = 0; j < block.values.length; j++) cols.push(block.left + j);
      return alone === 0 ? cols : [...new Set(cols)].sort((x, y) => x - y);
    };
    let k = 0;
    for (const span of this.index.rows) {
      while (k < rowsToWrite.length && rowsToWrite[k]! < span.row) {
        const r = rowsToWrite[k++]!;
        copyTo(span.start);
        out.write(this.newRowXml(r, colsOf(r), shared));
      }
      if (k < rowsToWrite.length && rowsToWrite[k] === span.row) {
        k++;
        copyTo(span.start);
        this.writeRow(span, colsOf(span.row), shared, out);
        pos = span.end;
      }
    }
    if (k < rowsToWrite.length) {
      copyTo(this.index.dataEnd);
      for (; k < rowsToWrite.length; k++) {
        const r = rowsToWrite[k]!;
        out.write(this.newRowXml(r, colsOf(r), shared));
      }
    }

    // Merged header cells.
    if (this.merges.length > 0) {
      const cells = this.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('');
      const open = findElement(xml, `<${p}mergeCells`, this.index.dataEnd);
      if (open >= 0) {
        const gt = xml.indexOf('>', open);
        const selfClosing = xml.charCodeAt(gt - 1) === 47;
        const tag = xml.slice(open, gt + 1);
        const existing = (
          xml.slice(gt + 1, xml.indexOf(`</${p}mergeCells>`, gt)).match(/<(?:\w+:)?mergeCell[\s/>]/g) ?? []
        ).length;
        const count = (selfClosing ? 0 : existing) + this.merges.length;
        copyTo(open);
        out.write(setAttr(tag.replace(/\/>$/, '>'), 'count', String(count)));
        pos = gt + 1;
        if (selfClosing) out.write(cells + `</${p}mergeCells>`);
        else {
          copyTo(xml.indexOf(`</${p}mergeCells>`, gt));
          out.write(cells);
        }
      } else {
        copyTo(insertionPoint(xml, p, this.index.dataEnd, AFTER_MERGE_CELLS));
        out.write(`<${p}mergeCells count="${this.merges.length}">${cells}</${p}mergeCells>`);
      }
    }

    if (legacyDrawing !== undefined) {
      copyTo(insertionPoint(xml, p, this.index.dataEnd, AFTER_LEGACY_DRAWING));
      out.write(legacyDrawing);
    }
    copyTo(xml.length);
  }

  private colsXml(): string {
    const { xml, prefix: p } = this.index;
    const pieces: { min: number; xml: string }[] = [];
    const edited = [...this.widths.keys()].map((c) => c + 1);
    for (const def of this.index.cols) {
      const tag = xml.slice(def.start, def.end);
      let from = def.min;
      for (let c = def.min; c <= def.max + 1; c++) {
        if (c === def.max + 1 || edited.includes(c)) {
          if (c > from)
            pieces.push({ min: from, xml: setAttr(setAttr(tag, 'min', String(from)), 'max', String(c - 1)) });
          from = c + 1;
        }
      }
    }
    for (const c of edited) {
      const def = this.index.colDef(c - 1);
      const width = String(this.widths.get(c - 1));
      const base = def ? xml.slice(def.start, def.end) : `<${p}col/>`;
      let tag = setAttr(setAttr(base, 'min', String(c)), 'max', String(c));
      tag = setAttr(setAttr(tag, 'width', width), 'customWidth', '1');
      pieces.push({ min: c, xml: tag });
    }
    pieces.sort((a, b) => a.min - b.min);
    return `<${p}cols>${pieces.map((x) => x.xml).join('')}</${p}cols>`;
  }

  private rowTag(tag: string, row: number): string {
    let t = withoutSpans(tag);
    const h = this.heights.get(row);
    if (h !== undefined) t = setAttr(setAttr(t, 'ht', String(h)), 'customHeight', '1');
    return t;
  }

  /**
   * Writes the row with the cells of `cols` (in column order) written in: piece by piece into
   * `out`, the member sheet's 100,000 rows never each made into a string of their own.
   */
  private writeRow(span: RowSpan, cols: number[], shared: SharedStringsWriter, out: TextSink): void {
    const { xml, prefix: p } = this.index;
    if (!this.heights.has(span.row) && xml.charCodeAt(span.tagEnd - 2) !== 47) {
      // The tag as it is but for its spans, copied rather than made into a string.
      const cut = spansRange(xml, span.start, span.tagEnd);
      out.copy(span.start, cut ? cut[0] : span.tagEnd);
      if (cut) out.copy(cut[1], span.tagEnd);
    } else {
      const tag = this.rowTag(xml.slice(span.start, span.tagEnd), span.row);
      // A self-closing row opens to take its cells.
      out.write(tag.charCodeAt(tag.length - 2) === 47 ? `${tag.slice(0, -2)}>` : tag);
    }
    // Only new cells right of the official's (result columns): the row's content as it is, then ours.
    if (!span.cells && cols[0]! > this.index.lastCol(span)) {
      out.copy(span.tagEnd, span.close);
      for (const col of cols) out.write(this.changedCellXml(span.row, col, shared));
      out.write(`</${p}row>`);
      return;
    }
    const cells = this.index.cells(span);
    let i = 0;
    let pos = span.tagEnd;
    const flushTo = (to: number) => {
      out.copy(pos, to);
      pos = to;
    };
    for (const col of cols) {
      while (i < cells.length && cells[i]!.col < col) i++;
      const cell = cells[i];
      const edit = this.editAt(span.row, col)!;
      if (cell && cell.col === col) {
        flushTo(cell.start);
        if (edit.keep) {
          out.write(setAttr(xml.slice(cell.start, cell.tagEnd), 's', String(edit.xf)));
          out.copy(cell.tagEnd, cell.end);
        } else out.write(this.cellXml(span.row, col, edit, shared));
        pos = cell.end;
        i++;
      } else {
        flushTo(cell ? cell.start : span.close);
        out.write(this.cellXml(span.row, col, edit, shared));
      }
    }
    if (span.close === span.tagEnd) out.write(`</${p}row>`);
    else flushTo(span.end);
  }

  private newRowXml(row: number, cols: number[], shared: SharedStringsWriter): string {
    const p = this.index.prefix;
    const cells = cols.map((c) => this.changedCellXml(row, c, shared)).join('');
    return `${this.rowTag(`<${p}row r="${row + 1}">`, row)}${cells}</${p}row>`;
  }

  /** The `<c>` of a cell written alone or by its block row. */
  private changedCellXml(row: number, col: number, shared: SharedStringsWriter): string {
    const edit = this.editRows.has(row) ? this.edits.get(positionKey(row, col)) : undefined;
    if (edit) return this.cellXml(row, col, edit, shared);
    const block = this.blockRows[row]!;
    return cellElement(this.index.prefix, a1(row, col), block.xf, block.values[col - block.left]!, shared);
  }

  private cellXml(row: number, col: number, edit: CellEdit, shared: SharedStringsWriter): string {
    return cellElement(this.index.prefix, a1(row, col), edit.xf, edit.keep ? null : edit.value, shared);
  }
}

/** One `<c>` as ExcelJS writes it: strings shared, numbers as they are, errors and booleans typed. */
export function cellElement(
  p: string,
  ref: string,
  xf: number,
  value: CellValue,
  shared: SharedStringsWriter,
): string {
  const s = xf ? ` s="${xf}"` : '';
  if (value === null || value === undefined) return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === 'string')
    return `<${p}c r="${ref}"${s} t="s"><${p}v>${shared.index(value)}</${p}v></${p}c>`;
  if (typeof value === 'number') return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean')
    return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="e"><${p}v>${escapeAttr(value.error)}</${p}v></${p}c>`;
}

/**
 * Where a row tag's `spans` attribute is in text[from, to), the whitespace before it
 * included: the extent of the row's cells, a hint to readers that would be wrong once cells
 * are added. Read by hand: every row of a long table asks.
 */
export function spansRange(text: string, from: number, to: number): [number, number] | undefined {
  for (let at = from + 1; at + 5 <= to; at++) {
    if (text.charCodeAt(at) !== 115 /* s */ || !text.startsWith('spans', at)) continue;
    let start = at;
    while (isSpace(text.charCodeAt(start - 1))) start--;
    let j = at + 5;
    while (isSpace(text.charCodeAt(j))) j++;
    if (start === at || text.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (isSpace(text.charCodeAt(j))) j++;
    const q = text.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    let close = j + 1;
    while (close < to && text.charCodeAt(close) !== 34 && text.charCodeAt(close) !== 39) close++;
    if (close < to && text.charCodeAt(close) === q) return [start, close + 1];
  }
  return undefined;
}

/** A row's tag without its `spans` attribute (spansRange). */
export function withoutSpans(tag: string): string {
  const cut = spansRange(tag, 0, tag.length);
  return cut ? tag.slice(0, cut[0]) + tag.slice(cut[1]) : tag;
}

/** The pattern of each attribute name setAttr has met: rows by the hundred thousand ask again. */
const ATTR_PATTERNS = new Map<string, RegExp>();

/** Sets (or adds) attribute `name` on an opening tag string. */
export function setAttr(tag: string, name: string, value: string): string {
  let re = ATTR_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*)(["'])[^"']*\\2`);
    ATTR_PATTERNS.set(name, re);
  }
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/(\s*\/?>)$/, ` ${name}="${value}"$1`);
}

/** Elements that follow `<mergeCells>` in a worksheet, in schema order. */
const AFTER_MERGE_CELLS = [
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_LEGACY_DRAWING = AFTER_MERGE_CELLS.slice(AFTER_MERGE_CELLS.indexOf('legacyDrawingHF'));

/** Where an element goes: before the first of `following` after `from`, else before the root's end. */
export function insertionPoint(xml: string, p: string, from: number, following: string[]): number {
  let best = -1;
  for (const name of following) {
    const at = findElement(xml, `<${p}${name}`, from);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best >= 0 ? best : xml.lastIndexOf(`</${p}worksheet`);
}
