/**
 * How our results look inside a workbook, whichever writer puts them there (the patch
 * writer in cli/src/ooxml or ExcelJS in apply.ts): links to a cell, our part of a note, the
 * area of a block of result columns.
 */
import { NOTE_PREFIX, a1Range, type ResultColumnBlock } from '@kiemtra/shared';

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
