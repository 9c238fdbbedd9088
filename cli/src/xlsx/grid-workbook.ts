/**
 * A WorkbookGrid written out as an .xlsx that looks like an official's printed report:
 * Times New Roman, the header block and title in bold, merged multi-row headers centred and
 * wrapped, borders around each table, group and total rows in bold, sensible column widths.
 * Used to turn the engine's sample grids into real files; where the tables are comes from
 * the engine's own detection, so nothing here knows what a party cell is.
 */
import ExcelJS from 'exceljs';
import { neededHeight, textLines } from './layout.ts';
import {
  isCellError,
  readWorkbook,
  type CellValue,
  type DetectedTable,
  type SheetGrid,
  type WorkbookGrid,
} from '@kiemtra/shared';

const FONT = { name: 'Times New Roman', size: 12 } as const;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function tablesOf(grid: WorkbookGrid): DetectedTable[] {
  try {
    return readWorkbook(grid).tables;
  } catch {
    // Without detection the file is still written, only without table styling.
    return [];
  }
}

export function gridToWorkbook(grid: WorkbookGrid): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kiemtra';
  const tables = tablesOf(grid);
  for (const sheet of grid.sheets)
    writeSheet(
      wb,
      sheet,
      tables.filter((t) => t.sheet === sheet.name),
    );
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetGrid, tables: DetectedTable[]): void {
  const ws = wb.addWorksheet(sheet.name, {
    ...(sheet.hidden ? { state: 'hidden' as const } : {}),
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  const merged = new Set<string>();
  for (const m of sheet.merges ?? []) merged.add(`${m.top}:${m.left}`);

  sheet.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(r0 + i + 1, c0 + j + 1);
      cell.value = excelValue(v);
      const fmt = sheet.numberFormats?.[i]?.[j];
      const isMerged = merged.has(`${r0 + i}:${c0 + j}`);
      cell.style = {
        font: { ...FONT, ...(isMerged ? { bold: true } : {}) },
        ...(isMerged ? { alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } : {}),
        ...(fmt ? { numFmt: fmt } : {}),
      };
    });
  });

  const widths = new Map<number, number>();
  for (const t of tables) {
    const headerRows = new Set(t.headerRows);
    const bold = new Set<number>([
      ...t.headerRows,
      ...(t.columnNumberRow !== undefined ? [t.columnNumberRow] : []),
      ...t.groupRows.map((g) => g.row),
      ...t.totalRows.map((x) => x.row),
    ]);
    const top = t.headerRows[0] ?? t.dataRows[0] ?? t.lastRow;
    for (let r = top; r <= t.lastRow; r++) {
      for (let c = t.firstCol; c <= t.lastCol; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const header = headerRows.has(r) || r === t.columnNumberRow;
        cell.style = {
          ...cell.style,
          font: {
            ...FONT,
            ...(bold.has(r) ? { bold: true } : {}),
            ...(r === t.columnNumberRow ? { italic: true } : {}),
          },
          border: BORDER,
          alignment: header
            ? { horizontal: 'center', vertical: 'middle', wrapText: true }
            : { vertical: 'top', wrapText: typeof cellValue(sheet, r, c) === 'string' },
        };
        if (!header) {
          const v = cellValue(sheet, r, c);
          const len = v === null ? 0 : String(isCellError(v) ? v.error : v).length;
          widths.set(c, Math.max(widths.get(c) ?? 0, len));
        }
      }
    }
  }
  const maxCol = Math.max(0, ...sheet.rows.map((r) => r.length)) + c0;
  for (let c = 0; c < maxCol; c++) {
    const w = widths.get(c);
    // Numbers need little room; names and notes get up to 36 characters before wrapping.
    ws.getColumn(c + 1).width = w === undefined ? 12 : Math.min(36, Math.max(8, w + 2));
  }
  // Wide tables are printed on A3, as boards do, so that fitting the width keeps them legible.
  let total = 0;
  for (let c = 0; c < maxCol; c++) total += ws.getColumn(c + 1).width ?? 9;
  if (total > 160) ws.pageSetup.paperSize = 8 as ExcelJS.PaperSize;
  for (const m of sheet.merges ?? []) {
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  // Header cells: a merged header shares its width across columns and its lines across rows.
  const widthOf = (c: number) => ws.getColumn(c + 1).width ?? 9;
  for (const t of tables) {
    const rows = [...t.headerRows, ...t.dataRows, ...t.totalRows.map((x) => x.row)];
    for (const r of rows) {
      let height = neededHeight(ws, r + 1, range(t.firstCol + 1, t.lastCol + 1));
      for (let c = t.firstCol; c <= t.lastCol; c++) {
        const v = cellValue(sheet, r, c);
        if (typeof v !== 'string') continue;
        const m = (sheet.merges ?? []).find((x) => x.top === r && x.left === c);
        const width = m ? range(m.left, m.right).reduce((sum, x) => sum + widthOf(x), 0) : widthOf(c);
        const span = m ? m.bottom - m.top + 1 : 1;
        height = Math.max(height, Math.ceil((textLines(v, width) * 16) / span));
      }
      if (height > 15) ws.getRow(r + 1).height = height;
    }
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function cellValue(sheet: SheetGrid, row: number, col: number): CellValue {
  const v = sheet.rows[row - (sheet.origin?.row ?? 0)]?.[col - (sheet.origin?.col ?? 0)];
  return v === undefined ? null : v;
}
