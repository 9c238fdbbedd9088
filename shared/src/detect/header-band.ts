/**
 * Finding a table's header: the row(s) whose cells read like column titles, over 1–3 rows
 * with merged parents ("Số đảng viên" over "Tổng số | Chính thức | Dự bị"), and the
 * "(1) (2) (3)" column-number row officials put under it.
 */
import { RESULT_MARKER } from '../plan/types.ts';
import { tidyText } from '../text.ts';
import { cachedLevelWords, headerWords } from './header-words.ts';
import { bestAnyKind, headerColumn, MIN_CONFIDENCE, type HeaderColumn } from './match.ts';
import { cellText, isBlank, isNumericLike, type SheetView } from './sheet-view.ts';

export const MAX_HEADER_ROWS = 3;
/** Longer texts are notes or titles, not column headers. */
const MAX_HEADER_TEXT = 120;

export interface HeaderBand {
  rows: number[];
  firstCol: number;
  lastCol: number;
  columns: HeaderColumn[];
  /** First column of our own earlier result columns, when present. */
  resultStart?: number;
  columnNumberRow?: number;
  /** First row after the header (and column-number row). */
  bodyStart: number;
  /** Columns of another table's header on the same rows, past an empty column: not read. */
  beside?: { firstCol: number; lastCol: number };
}

function isOurs(v: unknown): boolean {
  return typeof v === 'string' && v.trimStart().startsWith(RESULT_MARKER);
}

/** A header row names at least two columns the way some kind of table does. */
export function isHeaderRow(view: SheetView, row: number): boolean {
  const cells = view.nonBlankCells(row);
  if (cells.length < 2) return false;
  let numeric = 0;
  let matches = 0;
  for (const [, v] of cells) {
    if (isNumericLike(v)) {
      numeric++;
      continue;
    }
    if (typeof v !== 'string' || v.length > MAX_HEADER_TEXT || isOurs(v)) continue;
    if (bestAnyKind(cachedLevelWords(v)) >= MIN_CONFIDENCE) matches++;
  }
  return matches >= 2 && numeric * 3 <= cells.length;
}

const GROUP_NUMBERING = /^\s*([IVXLCDM]+|[A-Z])\s*([.)\-–:]|$)/;

/** A row that may continue a header: text only, short, not a group row. */
function isTextRow(view: SheetView, row: number): boolean {
  const cells = view.nonBlankCells(row);
  if (cells.length === 0) return false;
  for (const [, v] of cells) {
    if (typeof v !== 'string' || v.length > MAX_HEADER_TEXT || isNumericLike(v)) return false;
  }
  const first = cells[0]![1] as string;
  return !GROUP_NUMBERING.test(first) || cells.length > 2;
}

/** Does row `below` hang under row `above` the way children hang under merged parents? */
function hangsUnder(view: SheetView, above: number, below: number): boolean {
  for (const [c] of view.nonBlankCells(below)) {
    const m = view.mergeAt(above, c);
    if (m && (m.right > m.left || m.bottom >= below)) return true;
    if (!m && isBlank(view.raw(above, c))) {
      // An unmerged parent: written once, blank cells to its right, children below. With no
      // merge to prove it, parent and child must read as a header together ("Số ĐV / CT").
      for (let k = c - 1; k >= view.left; k--) {
        const v = view.raw(above, k);
        if (!isBlank(v)) {
          if (isBlank(view.raw(below, k))) break;
          const words = headerWords([cellText(v), cellText(view.raw(below, c))]);
          if (bestAnyKind(words) >= MIN_CONFIDENCE) return true;
          break;
        }
        if (view.mergeAt(above, k)) break;
      }
    }
  }
  // A parent merged down into this row (e.g. "STT" over two rows) also ties them.
  for (const [c] of view.nonBlankCells(above)) {
    const m = view.mergeAt(above, c);
    if (m && m.top <= above && m.bottom >= below) return true;
  }
  return false;
}

/** "(1) (2) (3)", "1 2 3", "A B 1 2 (3)=(4)+(5)": the column-number row. */
export function isColumnNumberRow(view: SheetView, row: number, firstCol: number, lastCol: number): boolean {
  const cells = view.nonBlankCells(row, firstCol, lastCol);
  if (cells.length < 2) return false;
  let bare = 0;
  let previous = -Infinity;
  let increasing = true;
  for (const [, v] of cells) {
    let n: number | undefined;
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v <= 0 || v >= 1000) return false;
      n = v;
      bare++;
    } else if (typeof v === 'string') {
      const s = v.trim();
      if (
        s.length > 24 ||
        !/^[([]?\s*[0-9A-Za-z]{1,3}\s*[)\]]?(\s*[=+\-*/x]\s*[([]?\s*[0-9A-Za-z]{1,3}\s*[)\]]?)*$/.test(s)
      )
        return false;
      const d = /\d+/.exec(s);
      if (d) n = Number(d[0]);
      else if (!/^[([]?\s*[A-Za-z]\s*[)\]]?$/.test(s)) return false;
      if (/^\d+$/.test(s)) bare++;
    } else return false;
    if (n !== undefined) {
      if (n <= previous) increasing = false;
      previous = n;
    }
  }
  if (!increasing) return false;
  // Plain numbers could be a data row: only "1 2 3 …" counting up by one reads as numbering.
  if (bare === cells.length) {
    if (cells.length < 3) return false;
    for (let i = 0; i < cells.length; i++)
      if (Number(cells[i]![1]) !== Number(cells[0]![1]) + i) return false;
  }
  return true;
}

/** The header band starting at (or just above) a header row. */
export function readHeaderBand(view: SheetView, headerRow: number, minTop: number): HeaderBand {
  const rows = [headerRow];
  // A parent row above that merges down into the header row belongs to it.
  while (rows.length < MAX_HEADER_ROWS) {
    const up = rows[0]! - 1;
    if (up < minTop || view.nonBlankCells(up).length < 2 || !isTextRow(view, up)) break;
    if (!hangsUnder(view, up, rows[0]!)) break;
    rows.unshift(up);
  }
  let { first, last } = span(view, rows);
  while (rows.length < MAX_HEADER_ROWS) {
    const next = rows[rows.length - 1]! + 1;
    if (next >= view.rowEnd || !isTextRow(view, next)) break;
    if (isColumnNumberRow(view, next, first, last)) break;
    if (!hangsUnder(view, rows[rows.length - 1]!, next)) break;
    rows.push(next);
    ({ first, last } = span(view, rows));
  }

  const columns: HeaderColumn[] = [];
  const ours: number[] = [];
  let lastOfficial = first;
  for (let c = first; c <= last; c++) {
    const levels = columnLevels(view, rows, c, first);
    if (levels.length > 0 && levels[0]!.startsWith(RESULT_MARKER)) {
      ours.push(c);
      continue;
    }
    if (levels.length > 0) lastOfficial = c;
    columns.push(headerColumn(c, levels));
  }
  const bottom = rows[rows.length - 1]!;
  // A second table beside this one is not read into it: the band ends before the gap.
  const besideFrom = tableBeside(view, columns, lastOfficial, bottom + 1);
  let beside: HeaderBand['beside'];
  if (besideFrom !== undefined) {
    beside = { firstCol: besideFrom, lastCol: lastOfficial };
    lastOfficial = Math.max(
      ...columns.filter((c) => c.col < besideFrom && c.levels.length > 0).map((c) => c.col),
    );
  }
  // Our columns always go right of the table; one found among official columns is skipped
  // but is not where results go.
  const resultStart = beside ? undefined : ours.find((c) => c > lastOfficial);
  const official = columns.filter((col) => col.col <= lastOfficial);
  const numbered = bottom + 1 < view.rowEnd && isColumnNumberRow(view, bottom + 1, first, lastOfficial);
  return {
    rows,
    firstCol: first,
    lastCol: lastOfficial,
    columns: official,
    ...(resultStart !== undefined ? { resultStart } : {}),
    ...(numbered ? { columnNumberRow: bottom + 1 } : {}),
    bodyStart: bottom + (numbered ? 2 : 1),
    ...(beside ? { beside } : {}),
  };
}

/** Rows below a header looked at to tell a gap between two tables from a column left blank. */
const GAP_ROWS = 30;

/**
 * Where a second table laid beside the first starts, on the same header rows: past a column
 * with no header that stays empty in the rows below, two columns or more whose headers read
 * like a table's, while this table keeps two of its own. A single "Ghi chú" past a blank
 * column stays with the table.
 */
function tableBeside(
  view: SheetView,
  columns: readonly HeaderColumn[],
  lastOfficial: number,
  below: number,
): number | undefined {
  const named = (c: HeaderColumn): boolean => bestAnyKind(c.words) >= MIN_CONFIDENCE;
  for (let i = 0; i < columns.length; i++) {
    const gap = columns[i]!;
    if (gap.levels.length > 0 || gap.col >= lastOfficial) continue;
    const left = columns.slice(0, i).filter(named);
    const right = columns.slice(i + 1).filter((c) => c.col <= lastOfficial && named(c));
    if (left.length < 2 || right.length < 2) continue;
    let empty = true;
    for (let r = below; r < Math.min(view.rowEnd, below + GAP_ROWS) && empty; r++)
      empty = isBlank(view.raw(r, gap.col)) && !view.mergeAt(r, gap.col);
    if (empty) return columns.slice(i + 1).find((c) => c.levels.length > 0)!.col;
  }
  return undefined;
}

/** Column span of header rows; merged areas count to their right edge. */
function span(view: SheetView, rows: number[]): { first: number; last: number } {
  // Our result columns sit right of the table: they widen the span but never start it.
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    for (const [c, v] of view.nonBlankCells(r)) {
      const m = view.mergeAt(r, c);
      const right = m ? m.right : c;
      if (c < first && !isOurs(v)) first = c;
      if (right > last) last = right;
    }
  }
  return { first, last };
}

/** Texts over one column, outermost first; merged and unmerged parents spread over children. */
function columnLevels(view: SheetView, rows: number[], col: number, firstCol: number): string[] {
  const levels: string[] = [];
  let previousMerge: unknown;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const m = view.mergeAt(r, col);
    let text: string;
    if (m) {
      if (m === previousMerge) continue;
      previousMerge = m;
      text = tidyText(cellText(view.raw(m.top, m.left)));
    } else {
      previousMerge = undefined;
      text = tidyText(cellText(view.raw(r, col)));
      if (text === '' && i < rows.length - 1) text = unmergedParent(view, rows, i, col, firstCol);
    }
    if (text !== '' && levels[levels.length - 1] !== text) levels.push(text);
  }
  return levels;
}

/** "Số đảng viên" typed once over three children without merging: spread it right. */
function unmergedParent(view: SheetView, rows: number[], i: number, col: number, firstCol: number): string {
  const r = rows[i]!;
  const below = rows[i + 1]!;
  if (isBlank(view.raw(below, col)) && !view.mergeAt(below, col)) return '';
  for (let k = col - 1; k >= firstCol; k--) {
    if (view.mergeAt(r, k)) return '';
    const t = tidyText(cellText(view.raw(r, k)));
    if (t !== '') return isBlank(view.raw(below, k)) ? '' : t;
  }
  return '';
}
