/**
 * The roll-up sheets through the Excel double: the engine's planned sheets (planRollup),
 * cell for cell what the command line's `aggregate` workbook holds, plus the add-in's
 * presentation: the attainment chart from the planned percent columns, data bars and
 * traffic lights when Excel has conditional formats, the total row in bold.
 */
import { describe, expect, it } from 'vitest';
import type { Rollup, UnitRef } from '@kiemtra/shared';
import {
  DEFAULT_RULEBOOK,
  RESULT_SHEETS,
  RESULT_SHEET_LAYOUT,
  a1,
  aggregate,
  checkWorkbook,
  planRollup,
} from '@kiemtra/shared';
import { districtWorkbooks } from '@kiemtra/shared/samples';
import { rollupWorkbook } from '../../cli/src/xlsx/rollup.ts';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { ROLLUP_CHART_TITLE, writeRollupSheets } from '../../addin/src/excel/rollup-sheet.ts';
import type { RollupResult } from '../../addin/src/services/backend.ts';
import { ExcelDouble } from '../../addin/src/testing/excel-double.ts';
import { WorkbookModel, cellKey, rectA1, toExcelValue } from '../../addin/src/testing/workbook-model.ts';

const caps = detectCapabilities(() => true);

/** Three of four communes of the sample district submitted. */
function districtRollup(): RollupResult {
  const d = districtWorkbooks(4);
  const district = d.units.find((u) => !d.units.some((p) => p.code === u.parentCode))!;
  const communes = d.units.filter((u) => u.parentCode === district.code);
  const ref = (u: { code: string; name: string; level: string }): UnitRef => ({
    code: u.code,
    name: u.name,
    level: u.level,
  });
  const summaries = d.communes.slice(0, 3).map((c) => checkWorkbook(c.grid).summary);
  const period = summaries[0]!.period;
  const rollup: Rollup = aggregate(summaries, {
    parent: ref(district),
    period,
    rulebook: DEFAULT_RULEBOOK,
    expected: communes.map(ref),
  });
  return {
    unit: ref(district),
    period,
    rulebook: { id: DEFAULT_RULEBOOK.id, version: DEFAULT_RULEBOOK.version },
    // What the callable sends is JSON: the sheets must come from that, not from live objects.
    rollup: JSON.parse(JSON.stringify(rollup)) as Rollup,
    children: [],
    timeliness: { dueAt: null, late: [], onTime: [], missing: [] },
  };
}

async function write(double: ExcelDouble, r: RollupResult, c = caps) {
  return double.run((ctx) => writeRollupSheets(ctx as unknown as Excel.RequestContext, r, c));
}

describe('the roll-up sheets in the workbook', () => {
  const result = districtRollup();
  const planned = planRollup(result.rollup, DEFAULT_RULEBOOK);

  it('writes the engine’s four sheets, cell for cell the command line’s roll-up workbook', async () => {
    const double = new ExcelDouble(new WorkbookModel());
    double.model.addSheet('Sheet1');
    await write(double, result);
    expect(double.model.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      RESULT_SHEETS.rollup,
      RESULT_SHEETS.rollupTargets,
      RESULT_SHEETS.rollupCompleteness,
      RESULT_SHEETS.rollupWeakest,
    ]);
    const cli = rollupWorkbook(result.rollup, DEFAULT_RULEBOOK);
    for (const sheet of planned) {
      const s = double.model.sheet(sheet.name)!;
      const ws = cli.getWorksheet(sheet.name)!;
      const { headerRow, firstDataRow } = RESULT_SHEET_LAYOUT;
      const lastRow = firstDataRow + sheet.rows.length - 1;
      for (let r = headerRow; r <= lastRow; r++) {
        for (let c = 0; c < sheet.columns.length; c++) {
          const v = ws.getCell(r + 1, c + 1).value;
          expect(s.get(r, c), `${sheet.name}!${a1(r, c)}`).toEqual(toExcelValue(v as never));
        }
      }
      expect(s.get(0, 0)).toBe(sheet.title);
      sheet.columns.forEach((col, j) => {
        if (col.kind === 'percent' && sheet.rows.length > 0)
          expect(s.numberFormat(firstDataRow, j), `${sheet.name} column ${j}`).toBe('0.00%');
      });
    }
    const completeness = double.model.sheet(RESULT_SHEETS.rollupCompleteness)!;
    expect(completeness.get(RESULT_SHEET_LAYOUT.firstDataRow, 0)).toBe('Chưa nộp');
    expect(completeness.get(RESULT_SHEET_LAYOUT.firstDataRow, 2)).toBe(
      result.rollup.completeness.missing[0]!.name,
    );
    expect(result.rollup.completeness.missing).toHaveLength(1);
  });

  it('draws the attainment chart from the planned percent columns, per unit, without the total', async () => {
    const double = new ExcelDouble(new WorkbookModel());
    await write(double, result);
    const units = planned[0]!;
    const s = double.model.sheet(RESULT_SHEETS.rollup)!;
    const top = RESULT_SHEET_LAYOUT.firstDataRow;
    const count = units.rows.length - 1;
    expect(count).toBe(3);
    const percent = units.columns.flatMap((c, j) => (c.kind === 'percent' ? [j] : []));
    expect(percent.length).toBeGreaterThan(0);
    const names = units.columns.findIndex((c) => c.header === 'Đơn vị');
    const column = (j: number) => rectA1({ top, left: j, rows: count, cols: 1 });
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]!.type).toBe('ColumnClustered');
    expect(s.charts[0]!.title).toBe(ROLLUP_CHART_TITLE);
    expect(s.charts[0]!.series).toEqual(
      percent.map((j) => ({ name: units.columns[j]!.header, values: column(j), xValues: column(names) })),
    );
    // The figures under the chart's axis are the units, in the planned order.
    expect(Array.from({ length: count }, (_, i) => s.get(top + i, names))).toEqual(
      units.rows.slice(0, count).map((r) => r[names]),
    );
    expect(s.conditionalFormats.map((f) => [f.type, f.range])).toEqual(
      percent.map((j) => ['DataBar', column(j)]),
    );
    const total = top + count;
    expect(s.get(total, 0)).toBe('Cộng');
    expect(s.bold.has(cellKey(total, names))).toBe(true);
    expect(s.bold.has(cellKey(top, names))).toBe(false);
    const targets = double.model.sheet(RESULT_SHEETS.rollupTargets)!;
    const attainment = planned[1]!.columns.findIndex((c) => c.kind === 'percent');
    expect(targets.conditionalFormats).toEqual([
      {
        type: 'IconSet',
        range: rectA1({ top, left: attainment, rows: planned[1]!.rows.length, cols: 1 }),
        props: expect.objectContaining({ 'iconSet.style': 'ThreeTrafficLights1' }),
      },
    ]);
  });

  it('pulling again replaces the sheets; without conditional formats there are no bars', async () => {
    const double = new ExcelDouble(new WorkbookModel());
    await write(double, result);
    const once = double.model.snapshot();
    await write(double, result);
    expect(double.model.snapshot()).toEqual(once);
    await write(double, result, { ...caps, conditionalFormats: false });
    expect(double.model.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
    expect(double.model.sheet(RESULT_SHEETS.rollup)!.charts).toHaveLength(1);
  });
});
