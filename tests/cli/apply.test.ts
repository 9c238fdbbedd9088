import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  NOTE_PREFIX,
  RESULT_SHEETS,
  SEVERITY_FILL,
  STATE_HEADER,
  STATE_SHEET,
  decodeStateRows,
  encodeStateRows,
  type WritePlan,
} from '@kiemtra/shared';
import { applyPlan, removeResults } from '../../cli/src/xlsx/apply.ts';
import { buildWorkbook, diffCells, loadBuffer, snapshotWorkbook, toBuffer } from './helpers.ts';

/** A party-cell table with a two-row header, as officials lay it out. */
function cellsWorkbook(): ExcelJS.Workbook {
  const wb = buildWorkbook([
    {
      name: 'Chi bộ',
      at: { row: 3, col: 1 },
      rows: [
        ['Tên chi bộ', 'Số đảng viên', null, 'Số kỳ sinh hoạt'],
        [null, 'Tổng số', 'Chính thức', null],
        ['Chi bộ Nà Mò', 12, 10, 12],
        ['Chi bộ Nặm Bao', 7, 6, 6],
        ['Tổng cộng', 19, 16, null],
      ],
      merges: ['A3:A4', 'B3:C3', 'D3:D4'],
    },
  ]);
  const ws = wb.getWorksheet('Chi bộ')!;
  ws.getCell('A1').value = 'BIỂU TỔNG HỢP CHI BỘ NĂM 2023';
  ws.getCell('D6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B5').note = 'Đã đối chiếu với sổ đảng viên';
  return wb;
}

/** A plan of the shape the engine's planner makes, written out by hand. */
function plan(): WritePlan {
  return {
    version: 2,
    resultColumns: [
      {
        sheet: 'Chi bộ',
        tableId: 'Chi bộ#0',
        firstCol: 4,
        headerTop: 2,
        headerBottom: 3,
        headers: ['[KT] Kết quả kiểm tra', '[KT] Nội dung'],
        widths: [18, 50],
        rows: [{ row: 5, values: ['Lỗi', '6 kỳ sinh hoạt / 12 kỳ yêu cầu'], status: 'error' }],
        dataRows: [4, 5],
        clean: ['Đạt', null],
        lastRow: 6,
      },
    ],
    highlights: [
      {
        sheet: 'Chi bộ',
        cell: 'D6',
        severity: 'error',
        note: `${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`,
      },
      {
        sheet: 'Chi bộ',
        cell: 'B5',
        severity: 'warning',
        note: `${NOTE_PREFIX} 12 đảng viên ≥ 9: cần chi ủy`,
      },
    ],
    sheets: [
      {
        name: RESULT_SHEETS.issues,
        role: 'issues',
        title: 'Kết quả kiểm tra',
        columns: [
          { header: 'Mức độ', width: 12 },
          { header: 'Trang', width: 14 },
          { header: 'Ô', width: 8 },
          { header: 'Nội dung', width: 60 },
        ],
        rows: [['Lỗi', 'Chi bộ', 'D6', '6 kỳ sinh hoạt / 12 kỳ yêu cầu']],
        rowStatus: ['error'],
        links: [{ row: 2, col: 2, sheet: 'Chi bộ', cell: 'D6' }],
      },
    ],
  };
}

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadBuffer(await toBuffer(wb));
}

describe('applying a write plan to a workbook', () => {
  it('writes result columns, fills, notes and the issues sheet', async () => {
    const wb = await reload(cellsWorkbook());
    const outcome = applyPlan(wb, plan());
    expect(outcome.skipped).toEqual([]);
    const out = await reload(wb);
    const ws = out.getWorksheet('Chi bộ')!;
    expect(ws.getCell('E3').value).toBe('[KT] Kết quả kiểm tra');
    expect(ws.getCell('E3').isMerged).toBe(true);
    expect(ws.getCell('E4').master.address).toBe('E3');
    expect(ws.getCell('E3').font?.bold).toBe(true);
    expect(ws.getCell('E3').font?.name).toBe('Times New Roman');
    expect(ws.getCell('F6').value).toBe('6 kỳ sinh hoạt / 12 kỳ yêu cầu');
    expect(ws.getCell('F6').alignment?.wrapText).toBe(true);
    expect(ws.getColumn(6).width).toBe(50);
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    expect((ws.getCell('E5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(SEVERITY_FILL.ok));
    expect((ws.getCell('E6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(SEVERITY_FILL.error));
    expect((ws.getCell('D6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(SEVERITY_FILL.error));
    // The official's own note stays, ours follows it.
    expect(ws.getCell('B5').note).toBe(
      `Đã đối chiếu với sổ đảng viên\n\n${NOTE_PREFIX} 12 đảng viên ≥ 9: cần chi ủy`,
    );
    expect(ws.getCell('D6').note).toBe(`${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`);
    // Cells the official typed keep their values.
    expect(ws.getCell('D6').value).toBe(6);
    expect(ws.getCell('A7').value).toBe('Tổng cộng');

    const issues = out.getWorksheet(RESULT_SHEETS.issues)!;
    expect(issues.getCell('A1').value).toBe('Kết quả kiểm tra');
    expect(issues.getCell('D2').value).toBe('Nội dung');
    expect(issues.getCell('C3').value).toEqual({ text: 'D6', hyperlink: "'Chi bộ'!D6" });
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(out.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
  });

  it('removing results gives back the workbook exactly as the official left it', async () => {
    const original = await reload(cellsWorkbook());
    const before = snapshotWorkbook(original);
    const wb = await reload(cellsWorkbook());
    applyPlan(wb, plan());
    const written = await reload(wb);
    removeResults(written);
    const after = snapshotWorkbook(await reload(written));
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    expect(diffCells(before[0]!.cells, after[0]!.cells)).toEqual([]);
    expect(after[0]!.merges).toEqual(before[0]!.merges);
    expect(after[0]!.widths.slice(0, 4)).toEqual(before[0]!.widths.slice(0, 4));
  });

  it('applying the same plan to its own output changes nothing', async () => {
    const wb = await reload(cellsWorkbook());
    applyPlan(wb, plan());
    const first = await reload(wb);
    const snap1 = snapshotWorkbook(first);
    applyPlan(first, plan());
    const snap2 = snapshotWorkbook(await reload(first));
    expect(snap2.map((s) => [s.name, s.state])).toEqual(snap1.map((s) => [s.name, s.state]));
    for (const [i, s] of snap1.entries()) {
      expect(diffCells(s.cells, snap2[i]!.cells), s.name).toEqual([]);
      expect(snap2[i]!.merges, s.name).toEqual(s.merges);
    }
  });

  it('never writes over a value the official typed', async () => {
    const wb = await reload(cellsWorkbook());
    wb.getWorksheet('Chi bộ')!.getCell('F5').value = 'ghi chú của cán bộ';
    const outcome = applyPlan(wb, plan());
    expect(outcome.skipped).toEqual([{ sheet: 'Chi bộ', range: 'E3:F7', cell: 'F5' }]);
    const ws = (await reload(wb)).getWorksheet('Chi bộ')!;
    expect(ws.getCell('F5').value).toBe('ghi chú của cán bộ');
    expect(ws.getCell('E3').value).toBeNull();
  });

  it('keeps its state in the shared layout: the yellow fill under D6 recorded as a colour too', async () => {
    const wb = await reload(cellsWorkbook());
    applyPlan(wb, plan());
    const state = (await reload(wb)).getWorksheet(STATE_SHEET)!;
    const rows: unknown[][] = [];
    state.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((i) => row.getCell(i).value)));
    expect(rows[0]).toEqual([...STATE_HEADER]);
    const entries = decodeStateRows(rows);
    expect(entries).toContainEqual({ kind: 'area', sheet: 'Chi bộ', ref: 'E3:F7' });
    expect(entries).toContainEqual({ kind: 'merge', sheet: 'Chi bộ', ref: 'E3:E4' });
    expect(entries).toContainEqual({ kind: 'sheet', sheet: RESULT_SHEETS.issues });
    const d6 = entries.find((e) => e.kind === 'fill' && e.ref === 'D6');
    expect(d6).toMatchObject({ kind: 'fill', original: '#FFFF00' });
    // B5 had no colour: nothing for another host to restore but "no fill".
    expect(entries.find((e) => e.kind === 'fill' && e.ref === 'B5')).toMatchObject({ original: '' });
  });

  it("removes results recorded by another host's state rows (colours, no host detail)", async () => {
    const original = snapshotWorkbook(await reload(cellsWorkbook()));
    const wb = await reload(cellsWorkbook());
    const ws = wb.getWorksheet('Chi bộ')!;
    // What the add-in leaves: a result area, a highlighted cell, a result sheet.
    ws.getCell('E3').value = '[KT] Kết quả kiểm tra';
    ws.getCell('E5').value = 'Đạt';
    ws.getCell('D6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4CCCC' } };
    wb.addWorksheet(RESULT_SHEETS.issues).getCell('A1').value = 'Kết quả kiểm tra';
    const state = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    for (const row of encodeStateRows([
      { kind: 'area', sheet: 'Chi bộ', ref: 'E3:F7' },
      { kind: 'fill', sheet: 'Chi bộ', ref: 'D6', original: '#FFFF00' },
      { kind: 'sheet', sheet: RESULT_SHEETS.issues },
    ]))
      state.addRow(row);
    removeResults(wb);
    const after = snapshotWorkbook(await reload(wb));
    expect(after.map((s) => s.name)).toEqual(original.map((s) => s.name));
    expect(diffCells(original[0]!.cells, after[0]!.cells)).toEqual([]);
    expect((ws.getCell('D6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
  });

  it('clears marker columns left by another host without a state sheet', async () => {
    const wb = await reload(cellsWorkbook());
    const ws = wb.getWorksheet('Chi bộ')!;
    ws.getCell('E3').value = '[KT] Kết quả kiểm tra';
    ws.getCell('E5').value = 'Đạt';
    ws.getCell('E6').value = 'Lỗi';
    ws.getCell('D6').note = `${NOTE_PREFIX} cũ`;
    removeResults(wb);
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('E6').value).toBeNull();
    expect(ws.getCell('D6').note).toBeUndefined();
    expect(ws.getCell('B5').note).toBe('Đã đối chiếu với sổ đảng viên');
  });
});
