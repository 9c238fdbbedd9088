import { describe, expect, it } from 'vitest';
import { NOTE_PREFIX, RESULT_SHEETS, STATE_SHEET, cellAt } from '@kiemtra/shared';
import { applyWritePlan } from '../../addin/src/excel/apply.ts';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { PAYLOAD_LIMIT_BYTES } from '../../addin/src/excel/limits.ts';
import { readWorkbookGrid } from '../../addin/src/excel/read.ts';
import { ExcelDouble } from '../../addin/src/testing/excel-double.ts';
import { WorkbookModel } from '../../addin/src/testing/workbook-model.ts';
import { bigGrid, messyGrid, messyPlan } from './fixtures.ts';

const caps = (minor: number) => detectCapabilities((_n, v) => Number(v?.split('.')[1]) <= minor);

async function read(double: ExcelDouble, budgetBytes?: number) {
  return double.run((ctx) =>
    readWorkbookGrid(ctx as unknown as Excel.RequestContext, {
      caps: caps(double.apiMinor),
      workbookName: double.model.name,
      ...(budgetBytes ? { budgetBytes } : {}),
    }),
  );
}

async function apply(double: ExcelDouble, plan = messyPlan()) {
  const { grid } = await read(double);
  return double.run((ctx) =>
    applyWritePlan(ctx as unknown as Excel.RequestContext, plan, { caps: caps(double.apiMinor), grid }),
  );
}

describe('reading through the Excel double', () => {
  it('reads a messy sheet as the engine expects: used-range origin, blanks, errors, merges, formats', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(messyGrid()));
    const { grid } = await read(double);
    const [cells, hamlets, empty] = grid.sheets;
    expect(cells!.origin).toEqual({ row: 0, col: 0 });
    expect(cellAt(cells!, 9, 2)).toBe('1.922');
    expect(cellAt(cells!, 9, 3)).toEqual({ error: '#REF!' });
    expect(cellAt(cells!, 10, 5)).toBe('  ');
    expect(cellAt(cells!, 2, 0)).toBeNull();
    expect(cellAt(cells!, 13, 4)).toBe('T/M ĐẢNG ỦY');
    expect(cells!.merges).toContainEqual({ top: 4, left: 2, bottom: 4, right: 4 });
    expect(cells!.merges).toHaveLength(4);
    expect(cells!.numberFormats).toBeUndefined();
    expect(hamlets!.origin).toEqual({ row: 2, col: 1 });
    expect(cellAt(hamlets!, 3, 3)).toBe(44927);
    expect(hamlets!.numberFormats?.[1]).toEqual([null, '#,##0', 'dd/mm/yyyy']);
    expect(empty!.rows).toEqual([]);
    expect(empty!.origin).toBeUndefined();
  });

  it('does not read its own sheets as data', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    model.addSheet(STATE_SHEET).set(0, 0, 'x');
    model.addSheet(RESULT_SHEETS.issues).set(0, 0, 'y');
    const { grid } = await read(new ExcelDouble(model));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Chi bộ', 'Thôn bản', 'Trống']);
  });

  it('reads 100,000 rows in many chunks, each response under the budget, with no loss', async () => {
    const source = bigGrid(100_000);
    const double = new ExcelDouble(WorkbookModel.fromGrid(source));
    const { grid, stats } = await read(double);
    expect(grid.sheets[0]!.rows).toHaveLength(100_001);
    expect(grid.sheets[0]!.rows[54_321]).toEqual(source.sheets[0]!.rows[54_321]);
    expect(stats.chunks).toBeGreaterThan(5);
    expect(stats.chunks).toBeLessThan(40);
    expect(double.syncs.length).toBe(stats.syncs);
    for (const s of double.syncs) expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(double.largestResponseBytes).toBeLessThan(3 * 1024 * 1024);
    expect(double.untracked).toBeGreaterThanOrEqual(stats.chunks);
  });

  it('a smaller budget gives more, smaller chunks', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(bigGrid(5_000)));
    const small = await read(double, 64 * 1024);
    expect(small.stats.chunks).toBeGreaterThan(10);
    for (const s of double.syncs) expect(s.responseBytes).toBeLessThan(128 * 1024);
  });
});

describe('applying a write plan through the Excel double', () => {
  it('writes result columns, fills, notes, the issues sheet with links, and records its state', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(messyGrid()));
    await apply(double);
    const s = double.model.sheet('Chi bộ')!;
    expect(s.get(4, 6)).toBe('[KT] Kết quả');
    expect(s.get(9, 7)).toBe('Sinh hoạt 6 kỳ / 12 kỳ yêu cầu');
    expect(s.get(11, 6)).toBe('');
    expect(s.merges.map((m) => `${m.top},${m.left},${m.rows}`)).toContain('4,6,2');
    expect(s.notes.get('F10')).toBe(`${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`);
    expect(s.fills.get(9 * 16384 + 5)).toBe('#F4CCCC');
    expect(s.fills.get(9 * 16384 + 6)).toBe('#F4CCCC');
    expect(s.fills.get(9 * 16384 + 7)).toBeUndefined();
    const issues = double.model.sheet(RESULT_SHEETS.issues)!;
    expect(issues.get(0, 0)).toBe('KẾT QUẢ KIỂM TRA — Đảng ủy xã Nậm Lạnh');
    expect(issues.get(3, 3)).toBe('=4 đảng viên');
    expect(double.formulasWritten).toBe(0);
    expect(issues.hyperlinks.get(2 * 16384 + 2)).toEqual({
      documentReference: "'Chi bộ'!F10",
      textToDisplay: 'F10',
    });
    expect(issues.numberFormats.get(2 * 16384 + 4)).toBe('0.00%');
    expect(double.model.sheet(STATE_SHEET)!.visibility).toBe('VeryHidden');
    expect(double.model.calculationMode).toBe('Automatic');
    expect(double.writes.some((w) => w.op === 'calculationMode' && w.value === 'Manual')).toBe(true);
    expect(double.screenUpdatingSuspensions).toBeGreaterThan(0);
  });

  it('never changes a value the official typed', async () => {
    const source = messyGrid();
    const double = new ExcelDouble(WorkbookModel.fromGrid(source));
    await apply(double);
    for (const g of source.sheets) {
      const s = double.model.sheet(g.name)!;
      const r0 = g.origin?.row ?? 0;
      const c0 = g.origin?.col ?? 0;
      g.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const expected = v === null ? '' : typeof v === 'object' ? v.error : v;
          expect(s.get(r0 + r, c0 + c)).toEqual(expected);
        }),
      );
    }
  });

  it('is idempotent: applying again, after reading its own output, gives the same workbook', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(messyGrid()));
    await apply(double);
    const once = double.model.snapshot();
    await apply(double);
    expect(double.model.snapshot()).toEqual(once);
  });

  it('restores fills the official had and clears results that are no longer planned', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    model.sheet('Chi bộ')!.fills.set(10 * 16384 + 2, '#00B0F0');
    const double = new ExcelDouble(model);
    await apply(double);
    expect(model.sheet('Chi bộ')!.fills.get(10 * 16384 + 2)).toBe('#FFF2CC');
    const empty = { version: 2 as const, resultColumns: [], highlights: [], sheets: [] };
    await apply(double, empty);
    const s = double.model.sheet('Chi bộ')!;
    expect(s.fills.get(10 * 16384 + 2)).toBe('#00B0F0');
    expect(s.fills.get(9 * 16384 + 5)).toBeUndefined();
    expect(s.get(4, 6)).toBe('');
    expect(s.get(9, 7)).toBe('');
    expect(s.notes.size).toBe(0);
    expect(double.model.sheet(RESULT_SHEETS.issues)).toBeUndefined();
    // Back to the workbook as the official left it, column widths included.
    const original = WorkbookModel.fromGrid(messyGrid());
    original.sheet('Chi bộ')!.fills.set(10 * 16384 + 2, '#00B0F0');
    double.model.deleteSheet(STATE_SHEET);
    expect(double.model.snapshot()).toEqual(original.snapshot());
  });

  it('appends its note after the official’s own note, and cuts it off again next time', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    const own = 'Bản ở xa, mùa mưa không họp được';
    model.sheet('Chi bộ')!.notes.set('F10', own);
    const double = new ExcelDouble(model);
    await apply(double);
    expect(model.sheet('Chi bộ')!.notes.get('F10')).toBe(
      `${own}\n\n${NOTE_PREFIX} 6 kỳ sinh hoạt / 12 kỳ yêu cầu`,
    );
    expect(model.sheet('Chi bộ')!.notes.get('C11')).toContain(NOTE_PREFIX);
    const once = model.snapshot();
    await apply(double);
    expect(model.snapshot()).toEqual(once);
    await apply(double, { version: 2, resultColumns: [], highlights: [], sheets: [] });
    expect([...model.sheet('Chi bộ')!.notes.entries()]).toEqual([['F10', own]]);
  });

  it('writes no result columns over a cell the official typed in their area', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    // H10 lies in the plan's block (G5:H12): typed there after the check, for instance.
    model.sheet('Chi bộ')!.set(9, 7, 'ghi chú tay');
    const double = new ExcelDouble(model);
    const stats = await apply(double);
    expect(stats.blocksSkipped).toBe(1);
    const { grid } = await read(double);
    const sheet = grid.sheets.find((s) => s.name === 'Chi bộ')!;
    expect(cellAt(sheet, 9, 7)).toBe('ghi chú tay');
    expect(cellAt(sheet, 4, 6)).toBeNull();
    // The rest of the plan is written.
    expect(model.sheet('Chi bộ')!.notes.get('F10')).toContain(NOTE_PREFIX);
    // Earlier result columns are ours: a second run writes over them.
    model.sheet('Chi bộ')!.set(9, 7, '');
    expect((await apply(double)).blocksSkipped).toBe(0);
    expect((await apply(double)).blocksSkipped).toBe(0);
    const again = (await read(double)).grid.sheets.find((s) => s.name === 'Chi bộ')!;
    expect(cellAt(again, 4, 6)).toBe('[KT] Kết quả');
  });

  it('does not write into an official’s threaded comment (ExcelApi 1.10–1.17)', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    model.sheet('Chi bộ')!.comments.set('F10', 'Đã nhắc chi bộ');
    const stats = await apply(new ExcelDouble(model, { apiMinor: 12 }));
    expect(stats.notesSkipped).toBe(1);
    expect(model.sheet('Chi bộ')!.comments.get('F10')).toBe('Đã nhắc chi bộ');
    expect(model.sheet('Chi bộ')!.comments.get('C11')).toContain(NOTE_PREFIX);
  });

  it('in reduced mode (ExcelApi 1.8) writes without notes, merges read or screen suspension', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(messyGrid()), { apiMinor: 8 });
    expect(caps(8).reduced).toBe(true);
    const { grid } = await read(double);
    expect(grid.sheets[0]!.merges).toBeUndefined();
    await apply(double);
    expect(double.model.sheet('Chi bộ')!.notes.size).toBe(0);
    expect(double.model.sheet('Chi bộ')!.get(9, 6)).toBe('Lỗi');
    expect(double.screenUpdatingSuspensions).toBe(0);
  });

  it('with comments (ExcelApi 1.10–1.17) explains flagged cells in comments and removes its own next time', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(messyGrid()), { apiMinor: 12 });
    await apply(double);
    expect(double.model.sheet('Chi bộ')!.comments.get('F10')).toContain(NOTE_PREFIX);
    await apply(double);
    expect(double.model.sheet('Chi bộ')!.comments.size).toBe(2);
  });
});
