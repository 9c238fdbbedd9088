/**
 * Reading down a table's body: data rows, group rows ("I. Đảng bộ xã Nậm Lạnh", "A.",
 * "B –", "1. Đảng bộ xã Mường Và" with an empty STT), total rows ("Tổng cộng", "Cộng",
 * "Toàn huyện"), blank rows (skipped), and where the table ends (a signature block, or the
 * next table's header or title, after blank rows or right under the last row).
 *
 * Most rows of a large table are plain data rows with a number in the order column (STT);
 * they take the fast path, and only rows that could be something else are looked at closely.
 */
import type { GroupRow } from '../table.ts';
import { foldText, tidyText } from '../text.ts';
import { isHeaderRow } from './header-band.ts';
import type { CellValue } from '../grid.ts';
import type { FieldType } from '../fields.ts';
import { parseValue } from '../parse/index.ts';
import { cellText, isBlank, isNumericLike, type SheetView } from './sheet-view.ts';
import { isSignatureFolded } from './signature.ts';

export interface BodyLayout {
  firstCol: number;
  lastCol: number;
  orderCol?: number;
  nameCol?: number;
  /** Columns holding mapped fields other than the order number. */
  fieldCols: number[];
  /**
   * Mapped columns whose values are not free text (counts, dates, yes/no, ratings…): text
   * there that is not a value of the column's type hints at a header row.
   */
  typedCols: { col: number; type: FieldType }[];
  /** Organizations tables list "Đảng bộ xã …" as data, so such labels are not groups there. */
  unitRows: boolean;
  /** The header rows and the column-number row, which a long list may repeat further down. */
  headerRows: readonly number[];
}

export interface TotalFound {
  row: number;
  label: string;
  /** The data rows of its group (set when the scan ends), or of the whole table. */
  coversRows: number[];
}

export interface BodyScan {
  dataRows: number[];
  /** Enclosing group labels per data row, outermost first (shared arrays). */
  groupsOf: string[][];
  groupRows: GroupRow[];
  totals: TotalFound[];
  /** Last data, group or total row; -1 when none. */
  lastRow: number;
  /** First row after the table (a signature line, a new header, or the sheet end). */
  end: number;
}

/** "I.", "IV -", "A)", "B –": group numbering, alone or in front of a label. */
const NUMBERING = /^\s*([IVXLCDM]+|[A-Z])\s*(?:[.)\-–—:]\s*|$)/;
const ROMAN = /^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
/** "1. ", "2) ", "3 - ": Arabic numbering in front of a group label, inside Roman-numbered groups. */
const ARABIC_NUMBERING = /^\s*(\d{1,3})\s*[.)\-–—:]\s*/;

const GROUP_WORDS = ['khoi', 'cum', 'nhom', 'cac chi bo', 'cac to chuc'];
const UNIT_GROUP_WORDS = ['dang bo', 'dang uy', 'xa', 'phuong', 'thi tran', 'huyen'];
/** Rows looked at below a title line for the next table's header. */
const TITLE_LOOKAHEAD = 4;
const MAX_LABEL = 80;

interface OpenGroup {
  rank: number;
  label: string;
  letter?: string;
  /**
   * Its data rows, dataRows[from, to): rows join every open group at once, so each group's
   * are one run of the list, marked rather than copied into each group on every row.
   */
  from: number;
  /** Set when the group closes; an open group runs to the last data row. */
  to?: number;
}

/** Rank of a numbering: letters (A, B) outside Roman numerals (I, II) outside Arabic (1, 2). */
function numberingRank(token: string, lastLetter: string | undefined): { rank: number; letter?: string } {
  if (/^\d+$/.test(token)) return { rank: 2 };
  if (token.length === 1 && 'IVXLCDM'.includes(token)) {
    // "C" after "B" is a letter; "I", "V", "X" alone are Roman numerals.
    const follows = lastLetter !== undefined && token.charCodeAt(0) === lastLetter.charCodeAt(0) + 1;
    if (!follows && 'IVX'.includes(token)) return { rank: 1 };
    return { rank: 0, letter: token };
  }
  if (token.length > 1 && ROMAN.test(token)) return { rank: 1 };
  return { rank: 0, letter: token };
}

function totalKind(label: string, groupOpen: boolean): 'group' | 'grand' | undefined {
  if (label.length > MAX_LABEL) return undefined;
  const first = label.trimStart().charAt(0).toLowerCase();
  if (first !== 't' && first !== 'c') return undefined;
  const words = foldText(label).split(' ');
  const [w0, w1] = words;
  if (w0 === 'tong') {
    if (w1 === undefined || w1 === 'cong' || w1 === 'so' || w1 === 'hop' || words.length <= 3) return 'grand';
    return undefined;
  }
  if (w0 === 'cong') {
    // "Cộng toàn huyện", "Cộng toàn Đảng bộ": the whole table.
    if (w1 === 'toan') return 'grand';
    if (
      w1 === undefined ||
      w1 === 'nhom' ||
      w1 === 'khoi' ||
      w1 === 'cum' ||
      ROMAN.test((w1 ?? '').toUpperCase()) ||
      words.length <= 2
    )
      return groupOpen && w1 !== 'chung' ? 'group' : 'grand';
    return undefined;
  }
  if (
    w0 === 'toan' &&
    ['huyen', 'xa', 'tinh', 'dang', 'phuong', 'thi', 'thanh', 'quan', 'khoi', 'cum', 'don'].includes(w1 ?? '')
  )
    return 'grand';
  return undefined;
}

/** "Ghi chú: …", "Lưu ý: …" under a table: a note, neither data nor the end. */
function isNoteLabel(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 12) return false;
  const head = foldText(text.slice(0, colon));
  return (
    head === 'ghi chu' || head === 'chu thich' || head === 'luu y' || head === 'chu y' || head === 'nguon'
  );
}

function startsWithAny(folded: string, words: readonly string[]): boolean {
  return words.some((w) => folded === w || folded.startsWith(`${w} `));
}

export function scanBody(view: SheetView, layout: BodyLayout, start: number): BodyScan {
  const { firstCol, lastCol } = layout;
  // Without an STT column the first column may still carry the numbering, unless it holds a
  // mapped field: a unit code such as "MC" or "ML" is also a valid Roman numeral.
  const orderCol = layout.orderCol ?? (layout.fieldCols.includes(firstCol) ? undefined : firstCol);
  const labelCols = [
    ...new Set([orderCol ?? firstCol, layout.nameCol ?? firstCol + 1, firstCol, firstCol + 1]),
  ]
    .filter((c) => c <= lastCol)
    .sort((a, b) => a - b);
  const left = view.left;
  // Sized for every row left in the sheet, then cut to the rows found: pushed one by one, a
  // province's 100,000 rows had both arrays copied over and over as they grew.
  const room = Math.max(0, view.rowEnd - start);
  const dataRows: number[] = new Array<number>(room);
  const groupsOf: string[][] = new Array<string[]>(room);
  let count = 0;
  const groupRows: GroupRow[] = [];
  const totals: TotalFound[] = [];
  // Group totals get their rows when the scan ends: one at the top of its group waits for them.
  const groupTotals: { total: TotalFound; group: OpenGroup }[] = [];
  const stack: OpenGroup[] = [];
  const close = (g: OpenGroup): void => {
    g.to = count;
  };
  let currentGroups: string[] = [];
  let lastLetter: string | undefined;
  let lastRow = -1;
  let blankRun = 0;
  let end = view.rowEnd;

  const at = (arr: readonly CellValue[], c: number): CellValue | undefined => arr[c - left];
  const repeatsHeader = headerRepeats(view, layout);

  for (let r = start; r < view.rowEnd; r++) {
    const arr = view.rowArray(r);
    if (!arr || view.isBlankRow(r, firstCol, lastCol)) {
      blankRun++;
      continue;
    }
    const order = orderCol === undefined ? undefined : at(arr, orderCol);
    const orderNumeric = order !== undefined && isNumericLike(order);
    if (!orderNumeric) {
      // A list printed page by page, or pasted from such a printout, repeats its header.
      if (repeatsHeader(r)) {
        blankRun = 0;
        continue;
      }
      const nonBlank = view.nonBlankCells(r);
      // The next table may follow after blank rows, under a title line, or right under the
      // last row: a header's words where this table has counts, dates or yes/no.
      const mayStartTable = blankRun > 0 || nonBlank.length <= 2 || looksLikeHeader(arr, layout, left);
      if (mayStartTable && startsNewTable(view, r, nonBlank.length, blankRun > 0, layout, repeatsHeader)) {
        end = r;
        break;
      }
      if (nonBlank.length <= 4 && isSignatureRow(nonBlank)) {
        end = r;
        break;
      }
      const label = labelOf(arr, labelCols, left);
      if (label) {
        if (isNoteLabel(label.text)) {
          blankRun = 0;
          continue;
        }
        const total = totalKind(label.text, stack.length > 0);
        if (total) {
          // A grand total covers every data row of the table, those below it too.
          const found: TotalFound = { row: r, label: label.text, coversRows: dataRows };
          if (total === 'group') {
            const g = stack[stack.length - 1]!;
            groupTotals.push({ total: found, group: g });
            // A group total under its rows closes the group; at its top it waits for them.
            if (count > g.from) {
              close(stack.pop()!);
              currentGroups = stack.map((s) => s.label);
            }
          }
          totals.push(found);
          lastRow = r;
          blankRun = 0;
          continue;
        }
        const group = groupOf(
          view,
          arr,
          r,
          label,
          orderCol,
          labelCols,
          layout,
          view.nonBlankCells(r, firstCol, lastCol),
        );
        if (group) {
          const { rank, letter } = numberingRank(group.numbering ?? '', lastLetter);
          const effectiveRank = group.numbering === undefined ? 1 : rank;
          if (letter !== undefined && group.numbering !== undefined) lastLetter = letter;
          while (stack.length > 0 && stack[stack.length - 1]!.rank >= effectiveRank) close(stack.pop()!);
          stack.push({ rank: effectiveRank, label: group.label, from: count });
          currentGroups = stack.map((s) => s.label);
          groupRows.push({ row: r, label: group.label, level: stack.length });
          lastRow = r;
          blankRun = 0;
          continue;
        }
      }
    }
    blankRun = 0;
    // An index loop: this runs on every data row, and the iterator of a for…of here was not
    // optimized away (its results made some 5 MB of garbage a province).
    let hasField = false;
    const fieldCols = layout.fieldCols;
    for (let k = 0; k < fieldCols.length; k++) {
      const v = at(arr, fieldCols[k]!);
      if (v !== undefined && !isBlank(v)) {
        hasField = true;
        break;
      }
    }
    // A row with only its order number (an empty template row) or only unknown columns.
    if (!hasField) continue;
    dataRows[count] = r;
    groupsOf[count] = currentGroups;
    count++;
    lastRow = r;
  }
  dataRows.length = count;
  groupsOf.length = count;
  for (const { total, group } of groupTotals)
    total.coversRows = dataRows.slice(group.from, group.to ?? count);
  return { dataRows, groupsOf, groupRows, totals, lastRow, end };
}

function labelOf(
  arr: readonly unknown[],
  labelCols: number[],
  left: number,
): { col: number; text: string } | undefined {
  for (const c of labelCols) {
    const v = arr[c - left];
    if (typeof v === 'string' && v.trim() !== '') return { col: c, text: tidyText(v) };
  }
  return undefined;
}

/** Does a row repeat one of the table's header rows: its first cell as typed, every cell folded? */
function headerRepeats(view: SheetView, layout: BodyLayout): (row: number) => boolean {
  const { firstCol, lastCol } = layout;
  const line = (row: number): string => {
    let out = '';
    for (const [c, v] of view.nonBlankCells(row, firstCol, lastCol)) out += `${c}:${foldText(cellText(v))}|`;
    return out;
  };
  const headers = layout.headerRows.flatMap((h) => {
    const first = view.nonBlankCells(h, firstCol, lastCol)[0];
    return first ? [{ col: first[0], raw: first[1], line: line(h) }] : [];
  });
  // A table without an order column comes here for every row: its first header cell, compared
  // as typed, settles most rows before any text is folded.
  return (row) => headers.some((h) => view.raw(row, h.col) === h.raw && line(row) === h.line);
}

/** Two texts or more that are not values of their columns' types: maybe the next header. */
function looksLikeHeader(arr: readonly CellValue[], layout: BodyLayout, left: number): boolean {
  let texts = 0;
  for (const { col, type } of layout.typedCols) {
    const v = arr[col - left];
    if (typeof v === 'string' && parseValue(v, type, null).kind === 'invalid' && ++texts >= 2) return true;
  }
  return false;
}

/**
 * Does the next table start at `row`: its header, or a title line and then its header? After
 * blank rows a header row is enough. Right under this table's rows the header must also hold
 * texts where this table has counts, dates or yes/no: a member row ("Chi bộ bản …", "Chính
 * thức", "HTXSNV") reads much like a header, but its values are values of their columns. This
 * table's own header repeated further down starts no new table, nor does a group row above it.
 */
function startsNewTable(
  view: SheetView,
  row: number,
  nonBlank: number,
  afterBlank: boolean,
  layout: BodyLayout,
  repeatsHeader: (row: number) => boolean,
): boolean {
  const isHeader = (r: number): boolean =>
    !repeatsHeader(r) &&
    (afterBlank || looksLikeHeader(view.rowArray(r) ?? [], layout, view.left)) &&
    isHeaderRow(view, r);
  if (isHeader(row)) return true;
  if (nonBlank > 2) return false;
  // A title line, then the next header.
  for (let k = 1; k <= TITLE_LOOKAHEAD && row + k < view.rowEnd; k++) if (isHeader(row + k)) return true;
  return false;
}

function isSignatureRow(cells: [number, unknown][]): boolean {
  for (const [, v] of cells) {
    if (typeof v !== 'string') {
      if (typeof v === 'number') return false;
      continue;
    }
    if (v.length <= MAX_LABEL && isSignatureFolded(foldText(v))) return true;
  }
  return false;
}

function groupOf(
  view: SheetView,
  arr: readonly unknown[],
  row: number,
  label: { col: number; text: string },
  orderCol: number | undefined,
  labelCols: number[],
  layout: BodyLayout,
  nonBlank: [number, unknown][],
): { label: string; numbering?: string } | undefined {
  const order = orderCol === undefined ? undefined : arr[orderCol - view.left];
  // Numbering in the order column, the label in the name column.
  if (typeof order === 'string') {
    const m = NUMBERING.exec(order);
    if (m && m[0].length === order.length) {
      const name = labelCols
        .filter((c) => c !== orderCol)
        .map((c) => arr[c - view.left])
        .find((v): v is string => typeof v === 'string' && v.trim() !== '');
      return {
        label: name ? stripNumbering(tidyText(name)) : tidyText(order).replace(/[.)\-–—:\s]+$/, ''),
        numbering: m[1]!,
      };
    }
  }
  // Numbering in front of the label: "I. Đảng bộ xã Nậm Lạnh".
  const m = NUMBERING.exec(label.text);
  if (m && m[0].length < label.text.length && /[.)\-–—:]/.test(m[0])) {
    return { label: stripNumbering(label.text), numbering: m[1]! };
  }
  if (!nonBlank.every(([c]) => labelCols.includes(c))) return undefined;
  // "1. Đảng bộ xã Nậm Lạnh" alone in its row, the STT cell empty: a unit heading its rows.
  // In a table of organizations such a line is one of the listed units, not a group.
  const arabic = ARABIC_NUMBERING.exec(label.text);
  if (arabic && !layout.unitRows) {
    const rest = label.text.slice(arabic[0].length);
    const restFolded = foldText(rest);
    if (
      rest.length <= MAX_LABEL &&
      (startsWithAny(restFolded, GROUP_WORDS) || startsWithAny(restFolded, UNIT_GROUP_WORDS))
    )
      return { label: rest, numbering: arabic[1]! };
  }
  // An unnumbered label alone in its row: "Khối cơ quan:", "ĐẢNG BỘ XÃ NẬM LẠNH".
  if (label.text.length > MAX_LABEL) return undefined;
  const folded = foldText(label.text);
  const merge = view.mergeAt(row, label.col);
  const wide = merge !== undefined && merge.right - merge.left >= 2;
  const caps = /\p{L}/u.test(label.text) && label.text === label.text.toUpperCase() && label.text.length >= 4;
  if (
    label.text.endsWith(':') ||
    wide ||
    caps ||
    startsWithAny(folded, GROUP_WORDS) ||
    (!layout.unitRows && startsWithAny(folded, UNIT_GROUP_WORDS))
  )
    return { label: label.text.replace(/:\s*$/, '') };
  return undefined;
}

function stripNumbering(text: string): string {
  const m = NUMBERING.exec(text);
  if (!m || !/[.)\-–—:]/.test(m[0])) return text;
  const rest = text.slice(m[0].length).trim();
  return rest === '' ? text : rest;
}
