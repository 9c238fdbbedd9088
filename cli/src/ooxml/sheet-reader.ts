/**
 * One worksheet's XML → SheetGrid, by a single forward scan of `<sheetData>` (indexOf and
 * char codes, no DOM), giving what the ExcelJS reader gives (cli/src/xlsx/read.ts): values
 * a person sees (shared and inline strings, rich text joined, formulas as their cached
 * results, booleans, errors, dates as 1900-system serials), merged areas with their values
 * in the top-left cell only, number formats, and notes on cells that hold something.
 */
import {
  NOTE_PREFIX,
  RESULT_MARKER,
  a1,
  columnIndex,
  type CellValue,
  type MergeArea,
  type SheetGrid,
} from '@kiemtra/shared';
import type { StyleFormats } from './number-formats.ts';
import { inlineText } from './text-runs.ts';
import { attr, decodeText, endsName, findTags, lettersColumn, rawAttr, rootPrefix } from './xml.ts';

export interface SheetContext {
  name: string;
  hidden: boolean;
  sharedStrings: (string | null)[];
  formats: StyleFormats;
  date1904: boolean;
  /** Note texts by 0-based position key (row * COLS + col). */
  notes: Map<number, string>;
  maxRows: number;
}

export interface SheetRead {
  sheet: SheetGrid;
  /** `<row>` elements seen (counting stops just past the limit). */
  rows: number;
  overLimit: boolean;
  /** A value starting with RESULT_MARKER or a note holding NOTE_PREFIX: an earlier run's output. */
  earlierResults: boolean;
  /**
   * Cells that hold something though the grid shows them blank (a formula without a cached
   * result, a link without text): the writer must not write over them.
   */
  occupied: Set<number>;
}

/** Columns per row in position keys; Excel's limit is 16,384. */
export const COLS = 16_384;
const MARKER_START = RESULT_MARKER.charCodeAt(0);

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/** ExcelJS turns a dated number into a JS Date (rounded to the millisecond), then read.ts back. */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** ExcelJS decodes the five named entities a second time in `t="str"` text. */
function xmlDecodeAgain(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export function parseRange(ref: string): MergeArea | undefined {
  const [from, to] = ref.split(':');
  const a = parseRef(from ?? '');
  const b = to === undefined ? a : parseRef(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Merged areas of a worksheet, in document order. */
export function sheetMergeAreas(xml: string, from = 0): MergeArea[] {
  const out: MergeArea[] = [];
  for (const [s, e] of findTags(xml, 'mergeCell', from)) {
    const m = parseRange(attr(xml, s, e, 'ref') ?? '');
    if (m) out.push(m);
  }
  return out;
}

/** Cells with a hyperlink through a relationship (ExcelJS turns only those into link values). */
export function hyperlinkKeys(xml: string, from = 0): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of findTags(xml, 'hyperlink', from)) {
    if (rawAttr(xml, s, e, 'r:id') === undefined) continue;
    const p = parseRef(attr(xml, s, e, 'ref') ?? '');
    if (p) out.add(p.row * COLS + p.col);
  }
  return out;
}

/** What a `<c …>` tag says: its column (-1 without `r`), style and type. */
interface CellTag {
  col: number;
  s: number;
  t: string;
}

/**
 * Reads the attributes of the `<c …>` tag whose attributes start at `start` into `out`, and
 * returns the position of the tag's `>`. Written char by char, without a string for `r` or
 * `s`: it runs once for each of a province's million cells.
 */
function cellTag(xml: string, start: number, out: CellTag): number {
  out.col = -1;
  out.s = 0;
  out.t = '';
  let j = start;
  for (;;) {
    let c = xml.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
    if (c === 62 /* > */ || c !== c /* past the end */) return j;
    if (c === 47 /* / */) {
      j++;
      continue;
    }
    const nameStart = j;
    while (c === c && c !== 61 /* = */ && c !== 32 && c !== 62 && c !== 47) c = xml.charCodeAt(++j);
    if (c !== 61) continue;
    const nameLength = j - nameStart;
    const q = xml.charCodeAt(++j);
    if (q !== 34 && q !== 39) return xml.indexOf('>', j);
    const from = j + 1;
    let close = from;
    while (close < xml.length && xml.charCodeAt(close) !== q) close++;
    if (nameLength === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */) out.col = lettersColumn(xml, from, close);
      else if (n === 115 /* s */) out.s = digitsValue(xml, from, close);
      else if (n === 116 /* t */) out.t = xml.slice(from, close);
    }
    j = close + 1;
  }
}

/** The whole number written in xml[from, to) as parseInt reads it (leading digits), 0 for none. */
function digitsValue(xml: string, from: number, to: number): number {
  let n = 0;
  let k = from;
  while (k < to && (xml.charCodeAt(k) === 32 || xml.charCodeAt(k) === 9)) k++;
  for (; k < to; k++) {
    const d = xml.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return n;
}

/** `<v>` at `at`, in a sheet without a namespace prefix. */
function isValueOpen(xml: string, at: number): boolean {
  return xml.charCodeAt(at) === 60 && xml.charCodeAt(at + 1) === 118 && xml.charCodeAt(at + 2) === 62;
}

/** `</v></c>` at `at`, in a sheet without a namespace prefix. */
function isValueAndCellClose(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at) === 60 &&
    xml.charCodeAt(at + 1) === 47 &&
    xml.charCodeAt(at + 2) === 118 &&
    xml.charCodeAt(at + 3) === 62 &&
    xml.charCodeAt(at + 4) === 60 &&
    xml.charCodeAt(at + 5) === 47 &&
    xml.charCodeAt(at + 6) === 99 &&
    xml.charCodeAt(at + 7) === 62
  );
}

/** True when xml holds `text` at `at`: for the few characters of a tag name. */
function holds(xml: string, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (xml.charCodeAt(at + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** Position of the end of element `<qname …>` opened at `open` (just after its closing tag). */
function innerEnd(xml: string, tagEnd: number, close: string): number {
  const at = xml.indexOf(close, tagEnd);
  return at < 0 ? xml.length : at;
}

/** Start of a child element `<qname` within [from, to), followed by a delimiter; -1 if none. */
function childAt(xml: string, open: string, from: number, to: number): number {
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    if (endsName(xml.charCodeAt(i + open.length))) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

/** Text of the element opened at `at` (its tag ends at the next `>`), '' when self-closed. */
function childText(xml: string, at: number, close: string, to: number): { text: string; tagEnd: number } {
  const gt = xml.indexOf('>', at);
  if (xml.charCodeAt(gt - 1) === 47) return { text: '', tagEnd: gt + 1 };
  const end = xml.indexOf(close, gt + 1);
  return { text: xml.slice(gt + 1, end < 0 || end > to ? to : end), tagEnd: gt + 1 };
}

export function readSheetXml(xml: string, ctx: SheetContext): SheetRead {
  const p = rootPrefix(xml, 'worksheet');
  const sheet: SheetGrid = { name: ctx.name, rows: [] };
  const result: SheetRead = { sheet, rows: 0, overLimit: false, earlierResults: false, occupied: new Set() };
  const sdOpen = childAt(xml, `<${p}sheetData`, 0, xml.length);
  let sdClose = sdOpen;
  if (sdOpen >= 0) {
    const gt = xml.indexOf('>', sdOpen);
    sdClose = xml.charCodeAt(gt - 1) === 47 ? gt + 1 : innerEnd(xml, gt, `</${p}sheetData`);
  }
  const tailFrom = sdClose < 0 ? 0 : sdClose;
  const merges = sheetMergeAreas(xml, tailFrom);
  const links = hyperlinkKeys(xml, tailFrom);
  // Cells inside a merged area other than its top-left one: values hidden, notes kept.
  const slave = new Set<number>();
  // The rows holding such cells: only their cells are looked up (a key past row 65,536 is no
  // small integer, and a lookup for each of a million cells would show).
  const slaveRows = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) {
          slave.add(r * COLS + c);
          slaveRows.add(r);
        }
      }
    }
  }

  // Values and number formats by sheet row and column, cut to the used range at the end.
  const lines: CellValue[][] = [];
  const formatLines: (string | null)[][] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let anyFormat = false;
  const notes: Record<string, string> = {};
  let anyNote = false;
  const formats = ctx.formats;
  const sst = ctx.sharedStrings;
  const sharedMarked = sst.some((t) => t !== null && t.startsWith(RESULT_MARKER));

  const rowOpen = `<${p}row`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v`;
  const fOpen = `<${p}f`;
  const fClose = `</${p}f`;
  const isOpen = `<${p}is`;
  const isClose = `</${p}is`;
  const plen = p.length;
  const a: CellTag = { col: -1, s: 0, t: '' };

  let row = -1;
  let rowHasSlaves = false;
  let col = -1;
  let i = sdOpen < 0 ? -1 : xml.indexOf('>', sdOpen) + 1;
  while (i > 0) {
    // The next tag usually starts right where the last one ended.
    if (xml.charCodeAt(i) !== 60) i = xml.indexOf('<', i);
    if (i < 0 || i >= sdClose) break;
    const n0 = i + 1 + plen;
    const ch = xml.charCodeAt(n0);
    const next = xml.charCodeAt(n0 + 1);
    const isRow =
      ch === 114 && next === 111 && xml.startsWith(rowOpen, i) && !isNameChar(xml.charCodeAt(n0 + 3));
    const isCell = ch === 99 && !isNameChar(next) && (plen === 0 || xml.startsWith(cOpen, i));
    if (isRow) {
      const gt = xml.indexOf('>', i);
      const r = rawAttr(xml, i, gt, 'r');
      row = r === undefined ? row + 1 : parseInt(r, 10) - 1;
      rowHasSlaves = slaveRows.has(row);
      col = -1;
      result.rows++;
      if (result.rows > ctx.maxRows) {
        result.overLimit = true;
        return result;
      }
      i = gt + 1;
      continue;
    }
    if (!isCell) {
      i = n0;
      continue;
    }
    const gt = cellTag(xml, i + 1 + plen + 1, a);
    const c = a.col < 0 ? col + 1 : a.col;
    col = c;
    const key = row * COLS + c;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    let end = gt + 1;
    let value: CellValue | undefined;
    /** Taken from the shared strings by the fast path. */
    let shared = false;
    let isFormula = false;
    if (!selfClosing) {
      let raw: string | undefined;
      // Nearly every cell is `<v>…</v></c>` and nothing else: its text ends at the first `<`,
      // and the cell is read in place, without a copy and without searching for its end.
      const vText = gt + 1 + vOpen.length + 1;
      let vEnd = -1;
      // A shared-string index or a whole number, digits only: read without making a string.
      let n = 0;
      let digits = a.t === 's' || a.t === '' || a.t === 'n';
      if (
        plen === 0 ? isValueOpen(xml, gt + 1) : holds(xml, gt + 1, vOpen) && xml.charCodeAt(vText - 1) === 62
      ) {
        let j = vText;
        for (let ch = xml.charCodeAt(j); ch !== 60 && ch === ch; ch = xml.charCodeAt(++j)) {
          const d = ch - 48;
          if (d < 0 || d > 9) digits = false;
          else n = n * 10 + d;
        }
        if (
          plen === 0
            ? isValueAndCellClose(xml, j)
            : holds(xml, j, vClose) &&
              xml.charCodeAt(j + vClose.length) === 62 &&
              holds(xml, j + vClose.length + 1, cClose)
        )
          vEnd = j;
      }
      let inner = '';
      let to = 0;
      if (vEnd >= 0) {
        end = vEnd + vClose.length + 1;
        digits = digits && vEnd > vText && vEnd - vText <= 15;
        if (!digits) {
          if (vEnd > vText) raw = xml.slice(vText, vEnd);
        } else if (a.t === 's') {
          const item = sst[n];
          value = item === undefined ? null : item;
          shared = true;
        } else value = a.s && formats.isDate[a.s] ? dateSerial(n, ctx.date1904) : n;
      } else {
        end = innerEnd(xml, gt + 1, cClose);
        // Searched within the cell only: most cells have no formula, and a search over the
        // rest of the sheet for each of them would make the scan quadratic.
        inner = xml.slice(gt + 1, end);
        to = inner.length;
        const vAt = childAt(inner, vOpen, 0, to);
        if (vAt >= 0) {
          const t = childText(inner, vAt, vClose, to).text;
          if (t !== '') raw = t;
        }
        const fAt = childAt(inner, fOpen, 0, to);
        if (fAt >= 0) {
          const f = childText(inner, fAt, fClose, to);
          isFormula = f.text !== '' || rawAttr(inner, fAt, f.tagEnd, 't') !== undefined;
        }
      }
      if (isFormula) {
        value = null;
        if (raw !== undefined) {
          const text = decodeText(raw);
          if (a.t === 'str') value = xmlDecodeAgain(text);
          else if (a.t === 'b') value = parseInt(text, 10) !== 0;
          else if (a.t === 'e') value = { error: text };
          else {
            const num = parseFloat(text);
            value = a.s && formats.isDate[a.s] ? dateSerial(num, ctx.date1904) : num;
          }
        }
      } else if (a.t === 'inlineStr') {
        const isAt = childAt(inner, isOpen, 0, to);
        if (isAt >= 0) {
          const isGt = inner.indexOf('>', isAt);
          const isEnd = innerEnd(inner, isGt, isClose);
          value = inlineText(inner, isGt + 1, Math.min(isEnd, to));
        }
        if (value === undefined && raw !== undefined) value = decodeText(raw);
      } else if (raw !== undefined) {
        const text = decodeText(raw);
        switch (a.t) {
          case 's': {
            const item = sst[parseInt(text, 10)];
            value = item === undefined ? null : item;
            break;
          }
          case 'str':
            value = xmlDecodeAgain(text);
            break;
          case 'b':
            value = parseInt(text, 10) !== 0;
            break;
          case 'e':
            value = { error: text };
            break;
          default: {
            const num = parseFloat(text);
            value = a.s && formats.isDate[a.s] ? dateSerial(num, ctx.date1904) : num;
          }
        }
      }
    }
    i = end;
    const linked = links.size > 0 && links.has(key);
    // ExcelJS leaves out a cell with neither value nor style; an unstyled one that only
    // carries a link is kept as a link without text.
    if (value === undefined && !a.s && !linked) continue;
    const isSlave = rowHasSlaves && slave.has(key);
    const visited = value !== undefined || linked || isSlave;
    if (visited && ctx.notes.size > 0) {
      const note = ctx.notes.get(key);
      if (note !== undefined) {
        notes[a1(row, c)] = note;
        anyNote = true;
        if (note.includes(NOTE_PREFIX)) result.earlierResults = true;
      }
    }
    if (!isSlave && (value === null || (value === undefined && linked))) result.occupied.add(key);
    if (isSlave || value === undefined || value === null || value === '') continue;
    // Shared strings were looked at once, above.
    if (
      typeof value === 'string' &&
      (!shared || sharedMarked) &&
      value.charCodeAt(0) === MARKER_START &&
      value.startsWith(RESULT_MARKER)
    )
      result.earlierResults = true;
    let line = lines[row];
    if (!line) lines[row] = line = [];
    while (line.length < c) line.push(null);
    line[c] = value;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (c < left) left = c;
    const fmt = a.s ? formats.numFmt[a.s] : undefined;
    if (fmt && fmt !== 'General') {
      let f = formatLines[row];
      if (!f) formatLines[row] = f = [];
      while (f.length < c) f.push(null);
      f[c] = fmt;
      anyFormat = true;
    }
  }

  if (bottom >= 0) {
    const cut = <T>(all: T[][], r: number): T[] => {
      const line = all[r];
      return line === undefined ? [] : left > 0 ? line.slice(left) : line;
    };
    for (let r = top; r <= bottom; r++) sheet.rows.push(cut(lines, r));
    if (top !== 0 || left !== 0) sheet.origin = { row: top, col: left };
    if (anyFormat) {
      const numberFormats: (string | null)[][] = [];
      for (let r = top; r <= bottom; r++) numberFormats.push(cut(formatLines, r));
      sheet.numberFormats = numberFormats;
    }
  }
  if (merges.length > 0) sheet.merges = merges;
  if (anyNote) sheet.notes = notes;
  if (ctx.hidden) sheet.hidden = true;
  return result;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 58 ||
    c === 95 ||
    c === 45 ||
    c === 46
  );
}
