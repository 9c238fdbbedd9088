/**
 * ExcelJS workbook → WorkbookGrid: the plain values a person sees (rich text as text,
 * formulas as their cached results, dates as Excel serial numbers, links as their text,
 * error values as `{ error }`), merged areas, number formats, notes and hidden sheets.
 */
import ExcelJS from 'exceljs';
import {
  STATE_SHEET,
  type CellValue,
  type MergeArea,
  type SheetGrid,
  type WorkbookGrid,
} from '@kiemtra/shared';

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (day 0 of Excel's 1900 system) and 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/** A JS date as ExcelJS returns it (UTC) → serial number in the 1900 date system. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The plain value of an ExcelJS cell value. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in v && 'text' in v) return plainValue(v.text as ExcelJS.CellValue);
  }
  return null;
}

export function noteText(note: ExcelJS.Cell['note'] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as ExcelJS.Comment).texts;
  if (!Array.isArray(texts)) return undefined;
  return texts.map((t) => t.text).join('');
}

interface MergeRange {
  model: { top: number; left: number; bottom: number; right: number };
}

/** ExcelJS keeps merges in a private map; its public `model` getter rebuilds every row. */
export function sheetMerges(ws: ExcelJS.Worksheet): MergeArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges).map(({ model: m }) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

export function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: { r: number; c: number; value: CellValue; numFmt: string | null }[] = [];
  const notes: Record<string, string> = {};
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const note = noteText(cell.note);
      if (note !== undefined) notes[cell.address] = note;
      // A merged area's value lives in its top-left cell only, as Office.js reports it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      if (value === null || value === '') return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, value, numFmt: cell.numFmt ?? null });
      if (r < top) top = r;
      if (c < left) left = c;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    });
  });
  const sheet: SheetGrid = { name: ws.name, rows: [] };
  if (cells.length > 0) {
    const rows: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    let anyFormat = false;
    for (let r = top; r <= bottom; r++) {
      rows.push([]);
      formats.push([]);
    }
    for (const cell of cells) {
      const rr = cell.r - top;
      const cc = cell.c - left;
      const row = rows[rr]!;
      const fmt = formats[rr]!;
      while (row.length < cc) row.push(null);
      row[cc] = cell.value;
      if (cell.numFmt && cell.numFmt !== 'General') {
        while (fmt.length < cc) fmt.push(null);
        fmt[cc] = cell.numFmt;
        anyFormat = true;
      }
    }
    sheet.rows = rows;
    if (top !== 0 || left !== 0) sheet.origin = { row: top, col: left };
    if (anyFormat) sheet.numberFormats = formats;
  }
  const merges = sheetMerges(ws);
  if (merges.length > 0) sheet.merges = merges;
  if (Object.keys(notes).length > 0) sheet.notes = notes;
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
  return sheet;
}

/** The grid the engine reads; the host's own state sheet is not part of the workbook's data. */
export function readGrid(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  return {
    name,
    sheets: wb.worksheets.filter((ws) => ws.name !== STATE_SHEET).map((ws) => readSheet(ws)),
  };
}
