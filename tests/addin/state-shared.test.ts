/**
 * One state sheet for every host: a workbook checked by the command line and then by the
 * add-in (and the reverse) comes back as the official left it. The command line's side is its
 * real code (cli/src/xlsx/apply.ts) on an ExcelJS workbook holding the same cells as the Excel
 * double; the add-in's side is the Office.js host through the double.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StateEntry, WritePlan } from '@kiemtra/shared';
import {
  NOTE_PREFIX,
  RESULT_SHEETS,
  STATE_SHEET,
  decodeStateRows,
  encodeStateRows,
  parseA1,
} from '@kiemtra/shared';
import { applyPlan, removeResults } from '../../cli/src/xlsx/apply.ts';
import { solidFill } from '../../cli/src/xlsx/conventions.ts';
import { applyWritePlan } from '../../addin/src/excel/apply.ts';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { readWorkbookGrid } from '../../addin/src/excel/read.ts';
import { columnChars, columnPoints } from '../../addin/src/excel/state.ts';
import { ExcelDouble } from '../../addin/src/testing/excel-double.ts';
import type { ModelSheet } from '../../addin/src/testing/workbook-model.ts';
import { STANDARD_WIDTH, WorkbookModel, cellKey } from '../../addin/src/testing/workbook-model.ts';
import { messyGrid, messyPlan } from './fixtures.ts';

const caps = detectCapabilities(() => true);
const EMPTY: WritePlan = { version: 2, resultColumns: [], highlights: [], sheets: [] };

async function addinApply(double: ExcelDouble, plan: WritePlan) {
  const { grid } = await double.run((ctx) =>
    readWorkbookGrid(ctx as unknown as Excel.RequestContext, { caps, workbookName: double.model.name }),
  );
  return double.run((ctx) => applyWritePlan(ctx as unknown as Excel.RequestContext, plan, { caps, grid }));
}

/** The official's workbook: the messy sheets, a blue cell, and a widened column G. */
function officialModel(): WorkbookModel {
  const model = WorkbookModel.fromGrid(messyGrid());
  const s = model.sheet('Chi bộ')!;
  s.fills.set(cellKey(10, 2), '#00B0F0');
  s.columnWidths.set(6, 100);
  return model;
}

function stateOf(model: WorkbookModel): StateEntry[] {
  return decodeStateRows(model.sheet(STATE_SHEET)?.values ?? []);
}

/** The workbook without our state sheet, for comparing with what the official had. */
function withoutState(model: WorkbookModel): unknown {
  return (model.snapshot() as { name: string }[]).filter((s) => s.name !== STATE_SHEET);
}

// ExcelJS ⇄ model: the same cells, fills, widths, heights, merges and notes.

function toExcelJS(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of model.sheets) {
    const state =
      s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible';
    const ws = wb.addWorksheet(s.name, { state });
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== '') ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const [k, color] of s.fills)
      ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1).fill = solidFill(color);
    for (const [c, w] of s.columnWidths) ws.getColumn(c + 1).width = columnChars(w);
    for (const [r, h] of s.rowHeights) ws.getRow(r + 1).height = h;
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.top + m.rows, m.left + m.cols);
    for (const [addr, text] of s.notes) ws.getCell(addr).note = text;
  }
  return wb;
}

function fromExcelJS(wb: ExcelJS.Workbook, name: string): WorkbookModel {
  const model = new WorkbookModel(name);
  for (const ws of wb.worksheets) {
    const s: ModelSheet = model.addSheet(ws.name);
    if (ws.state === 'veryHidden') s.visibility = 'VeryHidden';
    else if (ws.state === 'hidden') s.visibility = 'Hidden';
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) s.rowHeights.set(r - 1, row.height);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') s.set(r - 1, c - 1, v);
        const fill = cell.fill;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
          s.fills.set(cellKey(r - 1, c - 1), `#${fill.fgColor.argb.slice(2).toUpperCase()}`);
        const note = cell.note;
        if (typeof note === 'string') s.notes.set(cell.address, note);
      });
    });
    (ws.columns ?? []).forEach((col, c) => {
      if (col.width !== undefined) s.columnWidths.set(c, columnPoints(col.width));
    });
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':').map((x) => parseA1(x)!);
      s.merges.push({ top: a!.row, left: a!.col, rows: b!.row - a!.row + 1, cols: b!.col - a!.col + 1 });
    }
  }
  return model;
}

describe('the shared state sheet, command line then add-in', () => {
  it('removes results recorded in the command line’s rows and restores fills, widths and heights', async () => {
    const model = officialModel();
    const original = model.snapshot();
    const s = model.sheet('Chi bộ')!;
    // What `kiemtra check` leaves (cli/src/xlsx/apply.ts): result columns G:H from the header
    // (merged over two rows) to the last row, a taller row, coloured cells, a result sheet.
    s.set(4, 6, '[KT] Kết quả');
    s.set(4, 7, '[KT] Ghi chú');
    s.set(9, 6, 'Lỗi');
    s.set(9, 7, 'Sinh hoạt 6 kỳ / 12 kỳ yêu cầu');
    s.merges.push({ top: 4, left: 6, rows: 2, cols: 1 }, { top: 4, left: 7, rows: 2, cols: 1 });
    s.columnWidths.set(6, columnPoints(12));
    s.columnWidths.set(7, columnPoints(40));
    s.rowHeights.set(9, 30);
    s.fills.set(cellKey(9, 5), '#F4CCCC');
    s.fills.set(cellKey(10, 2), '#FFF2CC');
    s.fills.set(cellKey(9, 6), '#F4CCCC');
    s.notes.set('F10', `${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`);
    model.addSheet(RESULT_SHEETS.issues).set(0, 0, 'KẾT QUẢ KIỂM TRA');
    const cliEntries: StateEntry[] = [
      { kind: 'area', sheet: 'Chi bộ', ref: 'G5:H12' },
      {
        kind: 'style',
        sheet: 'Chi bộ',
        ref: 'G9',
        detail: JSON.stringify({ border: { top: { style: 'thin' } } }),
      },
      { kind: 'width', sheet: 'Chi bộ', ref: 'G', original: columnChars(100) },
      { kind: 'width', sheet: 'Chi bộ', ref: 'H' },
      { kind: 'merge', sheet: 'Chi bộ', ref: 'G5:G6' },
      { kind: 'merge', sheet: 'Chi bộ', ref: 'H5:H6' },
      { kind: 'height', sheet: 'Chi bộ', ref: '10' },
      {
        kind: 'fill',
        sheet: 'Chi bộ',
        ref: 'F10',
        original: '',
      },
      {
        kind: 'fill',
        sheet: 'Chi bộ',
        ref: 'C11',
        original: '#00B0F0',
        detail: JSON.stringify(solidFill('#00B0F0')),
      },
      { kind: 'sheet', sheet: RESULT_SHEETS.issues },
    ];
    const state = model.addSheet(STATE_SHEET);
    state.visibility = 'VeryHidden';
    encodeStateRows(cliEntries).forEach((row, r) => row.forEach((v, c) => state.set(r, c, v)));

    const double = new ExcelDouble(model);
    await addinApply(double, EMPTY);
    expect(s.get(9, 7)).toBe('');
    expect(s.merges).toHaveLength(4);
    expect(s.fills.get(cellKey(10, 2))).toBe('#00B0F0');
    expect(s.fills.get(cellKey(9, 5))).toBeUndefined();
    expect(s.columnWidths.get(6)).toBe(100);
    expect(s.columnWidths.has(7)).toBe(false);
    expect(s.rowHeights.size).toBe(0);
    expect(model.sheet(RESULT_SHEETS.issues)).toBeUndefined();
    expect(stateOf(model)).toEqual([]);
    expect(withoutState(model)).toEqual(original);
  });

  it('after the real command line: the add-in’s next run replaces its results, then removes them', async () => {
    const source = officialModel();
    const wb = toExcelJS(source);
    applyPlan(wb, messyPlan());
    const model = fromExcelJS(wb, source.name);
    const kinds = new Set(stateOf(model).map((e) => e.kind));
    for (const k of ['area', 'fill', 'merge', 'sheet', 'width']) expect(kinds).toContain(k);

    const double = new ExcelDouble(model);
    await addinApply(double, messyPlan());
    const s = model.sheet('Chi bộ')!;
    expect(s.get(4, 6)).toBe('[KT] Kết quả');
    expect(s.fills.get(cellKey(10, 2))).toBe('#FFF2CC');
    // The fill the add-in found under its highlight is the official's, not the command line's.
    expect(stateOf(model)).toContainEqual({ kind: 'fill', sheet: 'Chi bộ', ref: 'C11', original: '#00B0F0' });
    expect(stateOf(model)).toContainEqual({
      kind: 'width',
      sheet: 'Chi bộ',
      ref: 'G',
      original: columnChars(100),
    });
    expect(s.rowHeights.size).toBe(0);

    await addinApply(double, EMPTY);
    expect(withoutState(model)).toEqual(withoutState(fromExcelJS(toExcelJS(source), source.name)));
  });
});

describe('the shared state sheet, add-in then command line', () => {
  it('the command line restores what the add-in recorded: fills, widths, merges, areas, sheets', async () => {
    const model = officialModel();
    const wbBefore = toExcelJS(model);
    await addinApply(new ExcelDouble(model), messyPlan());
    const entries = stateOf(model);
    expect(entries).toContainEqual({ kind: 'area', sheet: 'Chi bộ', ref: 'G5:H12' });
    expect(entries).toContainEqual({ kind: 'width', sheet: 'Chi bộ', ref: 'G', original: columnChars(100) });
    expect(entries).toContainEqual({ kind: 'width', sheet: 'Chi bộ', ref: 'H' });
    expect(entries).toContainEqual({ kind: 'merge', sheet: 'Chi bộ', ref: 'G5:G6' });
    expect(entries).toContainEqual({ kind: 'fill', sheet: 'Chi bộ', ref: 'F10', original: '' });
    expect(entries).toContainEqual({ kind: 'sheet', sheet: RESULT_SHEETS.issues });
    expect(model.sheet('Chi bộ')!.columnWidths.get(7)).toBe(columnPoints(40));

    const wb = toExcelJS(model);
    removeResults(wb);
    const after = fromExcelJS(wb, model.name);
    const before = fromExcelJS(wbBefore, model.name);
    expect(after.sheets.map((x) => x.name)).toEqual(['Chi bộ', 'Thôn bản', 'Trống']);
    const chiBo = after.sheet('Chi bộ')!;
    expect(chiBo.fills.get(cellKey(10, 2))).toBe('#00B0F0');
    expect(chiBo.columnWidth(6)).toBe(100);
    expect(chiBo.columnWidth(7)).toBe(STANDARD_WIDTH);
    expect(after.snapshot()).toEqual(before.snapshot());
  });
});
