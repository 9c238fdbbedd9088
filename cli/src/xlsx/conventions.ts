/**
 * How our results look inside a workbook, whichever writer puts them there (the patch
 * writer in cli/src/ooxml or ExcelJS in apply.ts): links to a cell, our part of a note, the
 * area of a block of result columns, and the fills and borders of what we write (as ExcelJS
 * style objects, the form both writers and the state sheet use).
 */
import type ExcelJS from 'exceljs';
import {
  NOTE_PREFIX,
  SEVERITY_FILL,
  a1Range,
  type ResultColumnBlock,
  type StateEntry,
} from '@kiemtra/shared';

/** `'Kết quả'!B12`: a sheet reference Excel and LibreOffice both follow. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Our part of a note: everything from NOTE_PREFIX on. Returns the official's part, if any. */
export function stripOurNote(note: string): string | undefined {
  const at = note.indexOf(NOTE_PREFIX);
  if (at < 0) return note;
  const rest = note.slice(0, at).replace(/\s+$/, '');
  return rest === '' ? undefined : rest;
}

/** The area a block of result columns covers, header to last row: "J7:K100027". */
export function blockRange(block: ResultColumnBlock): string {
  return a1Range(block.headerTop, block.firstCol, block.lastRow, block.firstCol + block.headers.length - 1);
}

/** Header cells of result columns and result sheets. */
export const HEADER_FILL = '#D9E1F2';
const BORDER_COLOR = 'FF8EA9C1';

/** A solid fill of a `#RRGGBB` colour. */
export function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}

/** The thin blue-grey border around every cell we write. */
export function border(): Partial<ExcelJS.Borders> {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: BORDER_COLOR } };
  return { top: thin, left: thin, bottom: thin, right: thin };
}

/** Fill of a result-sheet row by its status (issues by severity, targets met or not). */
export const STATUS_FILL: Record<string, string> = {
  error: SEVERITY_FILL.error,
  warning: SEVERITY_FILL.warning,
  info: SEVERITY_FILL.info,
  ok: SEVERITY_FILL.ok,
  met: SEVERITY_FILL.ok,
  notMet: SEVERITY_FILL.error,
};

/** State entries as recorded: a cell flagged twice keeps the fill it had before the first flag. */
export function dedupeFills(state: StateEntry[]): StateEntry[] {
  const seen = new Set<string>();
  return state.filter((e) => {
    if (e.kind !== 'fill') return true;
    const key = `${e.sheet}!${e.ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
