/**
 * The Office.js host with the real engine on the sample commune workbook: read through the
 * Excel double, check, write back; the result must match the engine's reference host
 * (applyPlanToGrid) cell by cell, and a second run must change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '@kiemtra/shared';
import { STATE_SHEET, applyPlanToGrid, cellAt, sheetBounds } from '@kiemtra/shared';
import { communeWorkbook } from '@kiemtra/shared/samples';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { runCheck } from '../../addin/src/services/check.ts';
import { ExcelDouble } from '../../addin/src/testing/excel-double.ts';
import { WorkbookModel, toExcelValue } from '../../addin/src/testing/workbook-model.ts';

const caps = detectCapabilities(() => true);
const deps = (double: ExcelDouble) => ({
  excelRun: double.run as unknown as typeof Excel.run,
  caps,
  online: () => false,
  workbookName: double.model.name,
});

function valuesOf(grid: WorkbookGrid, name: string): unknown[][] {
  const s = grid.sheets.find((x) => x.name === name)!;
  const b = sheetBounds(s);
  const out: unknown[][] = [];
  for (let r = 0; r < b.rowEnd; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < b.colEnd; c++) row.push(toExcelValue(cellAt(s, r, c)));
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  while (out.length && (out[out.length - 1] as unknown[]).length === 0) out.pop();
  return out;
}

describe('the add-in host with the engine, on the sample commune workbook', () => {
  it('writes what the engine’s reference host writes, and nothing over the official’s cells', async () => {
    const source = communeWorkbook();
    const double = new ExcelDouble(WorkbookModel.fromGrid(source));
    const run = await runCheck(deps(double));
    expect(run.engine).toEqual({ where: 'local', reason: 'signedOut' });
    expect(run.report.issues.length).toBeGreaterThan(0);
    expect(run.report.plan.resultColumns.length).toBeGreaterThan(0);

    const expected = applyPlanToGrid(run.grid, run.report.plan);
    expect(expected.sheets.length).toBeGreaterThan(source.sheets.length);
    for (const s of expected.sheets) {
      const model = double.model.sheet(s.name);
      expect(model, s.name).toBeDefined();
      const got = valuesOf(
        {
          name: '',
          sheets: [{ name: s.name, rows: model!.values.map((r) => r.map((v) => (v === '' ? null : v))) }],
        },
        s.name,
      );
      expect(got, s.name).toEqual(valuesOf(expected, s.name));
      expect(Object.fromEntries(model!.notes), s.name).toEqual(s.notes ?? {});
    }
    expect(double.model.sheet(STATE_SHEET)?.visibility).toBe('VeryHidden');
    expect(double.formulasWritten).toBe(0);
  });

  it('a second check changes nothing (idempotence through Office.js)', async () => {
    const double = new ExcelDouble(WorkbookModel.fromGrid(communeWorkbook()));
    await runCheck(deps(double));
    const once = double.model.snapshot();
    await runCheck(deps(double));
    expect(double.model.snapshot()).toEqual(once);
  });
});
