/**
 * A workbook as a host reads it: plain cell values, merged areas and (when known) number
 * formats. Office.js `range.values` and an .xlsx reader both produce this shape; the engine
 * needs nothing else.
 */

/** An Excel error value such as `#REF!` or `#VALUE!`. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** A merged area, 0-based sheet coordinates, inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /**
   * rows[r][c] is the cell at sheet row `origin.row + r`, column `origin.col + c` (0-based).
   * Rows may be ragged; a missing cell is blank.
   */
  rows: CellValue[][];
  /** Where rows[0][0] sits in the sheet (a used range need not start at A1). Default 0,0. */
  origin?: { row: number; col: number };
  merges?: MergeArea[];
  /** Same shape as rows when the host knows number formats (e.g. to tell a date serial). */
  numberFormats?: (string | null)[][];
  /** Notes (comments) already on cells, keyed by A1 address; lets hosts replace our own. */
  notes?: Record<string, string>;
  /**
   * Background fills ("#RRGGBB") keyed by A1 address, for hosts that keep them in the grid
   * (the in-memory reference host of plan/apply.ts records its highlights here).
   */
  fills?: Record<string, string>;
  /** Hidden sheets are read but never reported on as tables unless they hold data. */
  hidden?: boolean;
}

export interface WorkbookGrid {
  /** File name or workbook title, used in messages. */
  name: string;
  sheets: SheetGrid[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  // Asked for every cell written: the letters of the first columns are made once.
  if (col >= 0 && col < KNOWN_LETTERS) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

const KNOWN_LETTERS = 1024;
const LETTERS: string[] = [];

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based sheet position. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 range "B3:D9" of a 0-based inclusive rectangle. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** Parses "B12" into 0-based {row, col}; undefined when it is not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** The value at a 0-based sheet position, honouring the sheet's origin; blank is null. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = row - (sheet.origin?.row ?? 0);
  const c = col - (sheet.origin?.col ?? 0);
  if (r < 0 || c < 0) return null;
  const v = sheet.rows[r]?.[c];
  return v === undefined ? null : v;
}

export function numberFormatAt(sheet: SheetGrid, row: number, col: number): string | null {
  const r = row - (sheet.origin?.row ?? 0);
  const c = col - (sheet.origin?.col ?? 0);
  return sheet.numberFormats?.[r]?.[c] ?? null;
}

/** Sheet extent in 0-based sheet coordinates (exclusive end). */
export function sheetBounds(sheet: SheetGrid): { top: number; left: number; rowEnd: number; colEnd: number } {
  const top = sheet.origin?.row ?? 0;
  const left = sheet.origin?.col ?? 0;
  let width = 0;
  // An index loop: this runs once per sheet, too seldom for V8 to optimize away a for…of's
  // results over a province's 100,000 rows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.length > width) width = rows[i]!.length;
  return { top, left, rowEnd: top + sheet.rows.length, colEnd: left + width };
}
