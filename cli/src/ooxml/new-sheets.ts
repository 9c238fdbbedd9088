/**
 * Worksheets we add whole: a result sheet laid out as apply.ts `writeResultSheet` lays it
 * out (title, frozen header, widths, wrapped text, fills by status, links to cells, printable
 * landscape), and the very hidden state sheet.
 */
import type ExcelJS from 'exceljs';
import {
  RESULT_SHEET_LAYOUT,
  a1,
  columnLetters,
  isCellError,
  type CellValue,
  type ResultSheet,
} from '@kiemtra/shared';
import { HEADER_FILL, STATUS_FILL, border, sheetRef, solidFill } from '../xlsx/conventions.ts';
import { textLines } from '../xlsx/layout.ts';
import { cellElement } from './sheet-patch.ts';
import type { SharedStringsWriter } from './shared-strings-writer.ts';
import type { StyleBook } from './style-book.ts';
import { escapeAttr } from './xml.ts';

type Style = Partial<ExcelJS.Style>;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" ' +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

interface Cell {
  value: CellValue;
  style: Style | undefined;
}

export interface NewSheet {
  xml: string;
  /** `'Name'!$2:$2` for the print titles of this sheet, when it has them. */
  printTitles?: string;
}

export function resultSheetXml(sheet: ResultSheet, styles: StyleBook, shared: SharedStringsWriter): NewSheet {
  const totalWidth = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const font = { name: 'Times New Roman', size: 12 };
  const rows = new Map<number, Map<number, Cell>>();
  const put = (r: number, c: number, value: CellValue, style: Style | undefined) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, { value, style });
  };
  const { titleRow, headerRow, firstDataRow } = RESULT_SHEET_LAYOUT;
  put(titleRow, 0, sheet.title, {
    font: { ...font, size: 14, bold: true },
    alignment: { vertical: 'middle' },
  });
  const heights = new Map<number, number>([[titleRow, 24]]);
  sheet.columns.forEach((col, j) => {
    put(headerRow, j, col.header, {
      font: { ...font, bold: true },
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      border: border(),
      fill: solidFill(HEADER_FILL),
    });
  });
  sheet.rows.forEach((values, i) => {
    const status = sheet.rowStatus[i];
    const fill = status ? STATUS_FILL[status] : undefined;
    values.forEach((v, j) => {
      const kind = sheet.columns[j]?.kind;
      put(firstDataRow + i, j, v, {
        font,
        alignment: {
          wrapText: true,
          vertical: 'top',
          ...(kind && kind !== 'text' ? { horizontal: 'right' } : {}),
        },
        border: border(),
        ...(fill ? { fill: solidFill(fill) } : {}),
        ...(kind === 'percent' ? { numFmt: '0.00%' } : {}),
      });
    });
  });
  for (let r = headerRow; r < firstDataRow + sheet.rows.length; r++) {
    let lines = 1;
    sheet.columns.forEach((col, j) => {
      const cell = rows.get(r)?.get(j);
      if (!cell?.style?.alignment?.wrapText) return;
      lines = Math.max(lines, textLines(cellText(cell.value), col.width));
    });
    const needed = lines <= 1 ? 15 : lines * 16;
    if (needed > 15) heights.set(r, needed);
  }
  const hyperlinks: string[] = [];
  for (const link of sheet.links) {
    const cell = rows.get(link.row)?.get(link.col);
    const text = cell === undefined || cell.value === null ? link.cell : String(cell.value);
    put(link.row, link.col, text, {
      ...(cell?.style ?? {}),
      font: { ...font, color: { argb: 'FF0563C1' }, underline: true },
    });
    // A link inside the workbook is a `location` alone: with a relationship as well, Excel
    // takes the target for a file name and cannot open it.
    hyperlinks.push(
      `<hyperlink ref="${a1(link.row, link.col)}" location="${escapeAttr(sheetRef(link.sheet, link.cell))}" display="${escapeAttr(text)}"/>`,
    );
  }

  let lastRow = 0;
  let lastCol = 0;
  const body: string[] = [];
  for (const r of [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b)) {
    const cells = rows.get(r) ?? new Map<number, Cell>();
    const h = heights.get(r);
    const parts = [...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, cell]) => {
        lastCol = Math.max(lastCol, c);
        return cellElement('', a1(r, c), cell.style ? styles.addStyle(cell.style) : 0, cell.value, shared);
      });
    lastRow = Math.max(lastRow, r);
    body.push(
      `<row r="${r + 1}"${h === undefined ? '' : ` ht="${h}" customHeight="1"`}>${parts.join('')}</row>`,
    );
  }
  const cols = sheet.columns
    .map((c, j) => `<col min="${j + 1}" max="${j + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  // A wide sheet printed on A4 would shrink to an unreadable size: A3 keeps it legible.
  const paper = totalWidth > 160 ? 8 : 9;
  const xml =
    HEAD +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${columnLetters(lastCol)}${lastRow + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${firstDataRow}" topLeftCell="A${firstDataRow + 1}" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${body.join('')}</sheetData>` +
    (hyperlinks.length > 0 ? `<hyperlinks>${hyperlinks.join('')}</hyperlinks>` : '') +
    MARGINS +
    `<pageSetup paperSize="${paper}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    '</worksheet>';
  const titles = `${sheetRef(sheet.name, '')}`.replace(/!$/, `!$${headerRow + 1}:$${headerRow + 1}`);
  return { xml, printTitles: titles };
}

function cellText(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return String(v);
}

/** The state sheet: rows of plain strings (shared layout of shared/src/plan/state.ts). */
export function stateSheetXml(rows: string[][], shared: SharedStringsWriter): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows
    .map(
      (row, i) =>
        `<row r="${i + 1}">${row.map((v, j) => cellElement('', a1(i, j), 0, v, shared)).join('')}</row>`,
    )
    .join('');
  return (
    HEAD +
    `<dimension ref="A1:${columnLetters(width - 1)}${rows.length}"/>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<sheetData>${body}</sheetData>` +
    MARGINS +
    '<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="1"/>' +
    '</worksheet>'
  );
}
