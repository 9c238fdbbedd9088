/**
 * Row heights for wrapped text. LibreOffice does not re-measure rows when it opens an .xlsx,
 * so a wrapped note would spill over the rows below: we set the height a row needs.
 */
import type ExcelJS from 'exceljs';

/** Points per line of 12-point Times New Roman, with leading. */
const LINE_HEIGHT = 16;
const DEFAULT_HEIGHT = 15;

/** Lines a text needs in a column `width` characters wide. */
export function textLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.3) - 1);
  // Most cells hold one line: asked for every result cell of a long table, it is not split.
  if (text.indexOf('\n') < 0) return Math.max(1, Math.ceil(text.length / perLine));
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(part.length / perLine));
  return lines;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v instanceof Date) return '00/00/0000';
  return typeof v === 'object' ? '' : String(v);
}

/** The height row `rowNumber` (1-based) needs for its wrapped cells in `columns` (1-based). */
export function neededHeight(ws: ExcelJS.Worksheet, rowNumber: number, columns: number[]): number {
  let lines = 1;
  for (const c of columns) {
    const cell = ws.getCell(rowNumber, c);
    if (!cell.alignment?.wrapText || cell.isMerged) continue;
    const width = ws.getColumn(c).width ?? 9;
    lines = Math.max(lines, textLines(cellText(cell.value), width));
  }
  return lines <= 1 ? DEFAULT_HEIGHT : lines * LINE_HEIGHT;
}
