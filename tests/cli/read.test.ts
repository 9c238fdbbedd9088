import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellAt, numberFormatAt } from '@kiemtra/shared';
import { readGrid, dateToSerial } from '../../cli/src/xlsx/read.ts';
import { buildWorkbook, loadBuffer, toBuffer } from './helpers.ts';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadBuffer(await toBuffer(wb));
}

describe('reading an .xlsx into a grid', () => {
  it('gives the values a person sees', async () => {
    const wb = buildWorkbook([
      {
        name: 'Chi bộ',
        at: { row: 3, col: 2 },
        rows: [
          ['Tên chi bộ', 'Số đảng viên', null],
          [{ richText: [{ text: 'Chi bộ ' }, { text: 'Nà Mò', font: { bold: true } }] }, 12, true],
          ['Chi bộ Pò Cại', { formula: 'C4*2', result: 24 }, { error: '#REF!' }],
          [
            { text: 'Bản Nặm Bao', hyperlink: 'https://example.org' },
            '1.922',
            { formula: 'D2/0', result: { error: '#DIV/0!' } },
          ],
        ],
      },
    ]);
    const ws = wb.getWorksheet('Chi bộ')!;
    ws.getCell('C4').numFmt = '#,##0';
    const grid = readGrid(await roundTrip(wb), 'x.xlsx');
    const sheet = grid.sheets[0]!;
    expect(grid.name).toBe('x.xlsx');
    expect(sheet.origin).toEqual({ row: 2, col: 1 });
    expect(cellAt(sheet, 2, 1)).toBe('Tên chi bộ');
    expect(cellAt(sheet, 3, 1)).toBe('Chi bộ Nà Mò');
    expect(cellAt(sheet, 3, 2)).toBe(12);
    expect(cellAt(sheet, 3, 3)).toBe(true);
    expect(cellAt(sheet, 4, 2)).toBe(24);
    expect(cellAt(sheet, 4, 3)).toEqual({ error: '#REF!' });
    expect(cellAt(sheet, 5, 1)).toBe('Bản Nặm Bao');
    expect(cellAt(sheet, 5, 2)).toBe('1.922');
    expect(cellAt(sheet, 5, 3)).toEqual({ error: '#DIV/0!' });
    expect(numberFormatAt(sheet, 3, 2)).toBe('#,##0');
  });

  it('turns dates into 1900-system serial numbers, also from a 1904-system workbook', async () => {
    const wb = buildWorkbook([{ name: 'S', rows: [['Ngày vào Đảng'], [new Date(Date.UTC(2023, 0, 15))]] }]);
    wb.getWorksheet('S')!.getCell('A2').numFmt = 'dd/mm/yyyy';
    const grid = readGrid(await roundTrip(wb), 'd.xlsx');
    // 15/01/2023 is day 44941 in Excel's 1900 system.
    expect(cellAt(grid.sheets[0]!, 1, 0)).toBe(44941);
    expect(numberFormatAt(grid.sheets[0]!, 1, 0)).toBe('dd/mm/yyyy');
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);

    const wb1904 = buildWorkbook([{ name: 'S', rows: [['Ngày'], [new Date(Date.UTC(2023, 0, 15))]] }]);
    wb1904.properties.date1904 = true;
    wb1904.getWorksheet('S')!.getCell('A2').numFmt = 'dd/mm/yyyy';
    const grid1904 = readGrid(await roundTrip(wb1904), 'd.xlsx');
    expect(cellAt(grid1904.sheets[0]!, 1, 0)).toBe(44941);
  });

  it('keeps a merged value in its top-left cell only, with the merged areas', async () => {
    const wb = buildWorkbook([
      {
        name: 'S',
        rows: [
          ['STT', 'Số đảng viên', null, null],
          [null, 'Tổng số', 'Chính thức', 'Dự bị'],
          [1, 10, 8, 2],
        ],
        merges: ['A1:A2', 'B1:D1'],
      },
    ]);
    const sheet = readGrid(await roundTrip(wb), 'm.xlsx').sheets[0]!;
    expect(cellAt(sheet, 0, 1)).toBe('Số đảng viên');
    expect(cellAt(sheet, 0, 2)).toBeNull();
    expect(cellAt(sheet, 1, 0)).toBeNull();
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 3 },
      ]),
    );
  });

  it('reads notes and hidden sheets, and leaves out our own state sheet', async () => {
    const wb = buildWorkbook([
      { name: 'A', rows: [['x', 1]] },
      { name: 'Ẩn', rows: [['y']], hidden: true },
      { name: '_kiemtra', rows: [['kiemtra-state-1']] },
    ]);
    wb.getWorksheet('A')!.getCell('B1').note = 'Số liệu của quý trước';
    const grid = readGrid(await roundTrip(wb), 'n.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['A', 'Ẩn']);
    expect(grid.sheets[0]!.notes).toEqual({ B1: 'Số liệu của quý trước' });
    expect(grid.sheets[1]!.hidden).toBe(true);
    expect(grid.sheets[0]!.hidden).toBeUndefined();
  });
});
