/**
 * Where each `<row>` of a worksheet's XML is, and its last cell: what the patch writer asks
 * of every row it touches (result columns go right of the last cell), found in one pass and
 * kept in typed arrays — a province's member sheet has 100,000 rows.
 */
import { endsName, findElement, lettersColumn, rawAttr, rootPrefix } from './xml.ts';

/** A `<c>` element's place in the XML. */
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

/** The numbers kept per row, in this order. */
export const ROW = 0;
export const START = 1;
export const TAG_END = 2;
/** Start of `</row>` (TAG_END when self-closing). */
export const CLOSE = 3;
export const END = 4;
export const STYLE = 5;
/** The last cell's column; NO_CELL for an empty row, UNREFERENCED when it carries no `r`. */
export const LAST_COL = 6;
export const LAST_START = 7;
export const LAST_TAG_END = 8;
export const LAST_END = 9;
export const LAST_STYLE = 10;
export const LAST_CONTENT = 11;
export const STRIDE = 12;

export const NO_CELL = -1;
export const UNREFERENCED = -2;

export interface RowTable {
  /** Namespace prefix of the worksheet's elements ('' or e.g. 'x:'). */
  prefix: string;
  /** `<sheetData>`'s content: after its opening tag … start of its closing tag. */
  dataStart: number;
  dataEnd: number;
  count: number;
  /** STRIDE numbers per row, rows in document order. */
  spans: Int32Array<ArrayBuffer>;
  /** Row heights (`ht`), NaN for none. */
  heights: Float64Array<ArrayBuffer>;
}

/** The rows of a worksheet's XML. Throws on a sheet without a `<sheetData>` to patch. */
export function scanRows(xml: string): RowTable {
  const p = rootPrefix(xml, 'worksheet');
  const open = findElement(xml, `<${p}sheetData`, 0);
  if (open < 0) throw new Error('no sheetData');
  const gt = xml.indexOf('>', open);
  if (xml.charCodeAt(gt - 1) === 47) throw new Error('empty sheetData');
  const dataStart = gt + 1;
  // Near the end of the sheet: searched from there rather than through every row.
  const dataEnd = xml.lastIndexOf(`</${p}sheetData>`);
  if (dataEnd < gt) throw new Error('unclosed sheetData');

  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  let spans = new Int32Array(STRIDE * 1024);
  let heights = new Float64Array(1024);
  let count = 0;
  let i = dataStart;
  let last = -1;
  for (;;) {
    i = findElement(xml, rowOpen, i);
    if (i < 0 || i >= dataEnd) break;
    if (count === heights.length) {
      const grown = new Int32Array(spans.length * 2);
      grown.set(spans);
      spans = grown;
      const grownHeights = new Float64Array(heights.length * 2);
      grownHeights.set(heights);
      heights = grownHeights;
    }
    const tagEnd = xml.indexOf('>', i) + 1;
    const r = rawAttr(xml, i, tagEnd, 'r');
    const row = r === undefined ? last + 1 : parseInt(r, 10) - 1;
    last = row;
    const selfClosing = xml.charCodeAt(tagEnd - 2) === 47;
    const close = selfClosing ? tagEnd : xml.indexOf(rowClose, tagEnd);
    const end = selfClosing ? tagEnd : close + rowClose.length;
    const ht = rawAttr(xml, i, tagEnd, 'ht');
    const at = STRIDE * count;
    spans[at + ROW] = row;
    spans[at + START] = i;
    spans[at + TAG_END] = tagEnd;
    spans[at + CLOSE] = close;
    spans[at + END] = end;
    spans[at + STYLE] = parseInt(rawAttr(xml, i, tagEnd, 's') ?? '0', 10) || 0;
    heights[count] = ht ? parseFloat(ht) || NaN : NaN;
    lastCellInto(xml, p, tagEnd, close, spans, at);
    count++;
    i = end;
  }
  return {
    prefix: p,
    dataStart,
    dataEnd,
    count,
    spans: spans.slice(0, STRIDE * count),
    heights: heights.slice(0, count),
  };
}

/**
 * The row's last cell, read alone: result columns go right of it, and the cell asked for
 * beside them is that one, so most rows are never parsed cell by cell.
 */
function lastCellInto(
  xml: string,
  p: string,
  tagEnd: number,
  close: number,
  spans: Int32Array,
  at: number,
): void {
  const cOpen = `<${p}c`;
  let i = xml.lastIndexOf(cOpen, close - 1);
  while (i >= tagEnd && !endsName(xml.charCodeAt(i + cOpen.length))) i = xml.lastIndexOf(cOpen, i - 1);
  if (i < tagEnd) {
    spans[at + LAST_COL] = NO_CELL;
    return;
  }
  // Without a reference, only a parse of the whole row tells the cell's column.
  const cell = parseCell(xml, p, i, UNREFERENCED);
  spans[at + LAST_COL] = cell.col;
  if (cell.col === UNREFERENCED) return;
  spans[at + LAST_START] = cell.start;
  spans[at + LAST_TAG_END] = cell.tagEnd;
  spans[at + LAST_END] = cell.end;
  spans[at + LAST_STYLE] = cell.s;
  spans[at + LAST_CONTENT] = cell.content ? 1 : 0;
}

/** The `<c>` element starting at `at`; `col` when it carries no reference. */
export function parseCell(xml: string, p: string, at: number, col: number): CellSpan {
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
