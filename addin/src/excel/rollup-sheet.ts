/**
 * The roll-up sheets: the engine plans them (planRollup — "Kết quả tổng hợp", "… chỉ tiêu theo
 * cấp", "… tiến độ nộp", "… đơn vị yếu nhất", the same as the command line's `aggregate` workbook) from
 * the Rollup the `rollup` callable returns; this module adds presentation only: the Excel
 * chart of target attainment per unit drawn from the planned percent columns, data bars and
 * traffic lights where the running Excel has conditional formats, and the total row in bold.
 */
import type { ResultSheet, Rulebook } from '@kiemtra/shared';
import { DEFAULT_RULEBOOK, RESULT_SHEETS, planRollup } from '@kiemtra/shared';
import type { RollupResult } from '../services/backend.ts';
import { RESULT_SHEET_LAYOUT, writeResultSheet } from './apply.ts';
import { WriteBatch } from './batch.ts';
import type { ExcelCapabilities } from './capabilities.ts';

/** Sheet names and chart title stay Vietnamese whatever the pane's language: others read them. */
export const ROLLUP_CHART_TITLE = 'Mức đạt chỉ tiêu theo đơn vị';
/** Light enough that the figure on the bar stays readable when printed. */
const DATA_BAR_COLOR = '#9BC2E6';
/** Rows the chart takes below the table. */
const CHART_ROWS = 18;

/**
 * The planned sheets. The rulebook orders the target columns and names targets that only a
 * summary mentions; the labels of evaluated targets travel with the results, so the bundled
 * rulebook serves even when the server's version differs.
 */
export function rollupSheets(r: RollupResult, rulebook: Rulebook = DEFAULT_RULEBOOK): ResultSheet[] {
  return planRollup(r.rollup, rulebook);
}

/** Where the chart's data sits in the units sheet (0-based sheet rows and columns). */
export interface AttainmentChart {
  /** First unit row, and how many units (the parent's total row is left out). */
  top: number;
  rows: number;
  /** Column of the unit names: the axis labels. */
  nameCol: number;
  /** One series per percent column, named by its header. */
  series: { col: number; name: string }[];
}

export function attainmentChart(units: ResultSheet): AttainmentChart | undefined {
  const rows = units.rows.length - 1;
  const nameCol = units.columns.findIndex((c) => (c.kind ?? 'text') === 'text');
  const series = units.columns.flatMap((c, col) => (c.kind === 'percent' ? [{ col, name: c.header }] : []));
  if (rows <= 0 || nameCol < 0 || series.length === 0) return undefined;
  return { top: RESULT_SHEET_LAYOUT.firstDataRow, rows, nameCol, series };
}

function percentColumns(sheet: ResultSheet): number[] {
  return sheet.columns.flatMap((c, j) => (c.kind === 'percent' ? [j] : []));
}

export async function writeRollupSheets(
  context: Excel.RequestContext,
  r: RollupResult,
  caps: ExcelCapabilities,
  rulebook: Rulebook = DEFAULT_RULEBOOK,
): Promise<ResultSheet[]> {
  const sheets = rollupSheets(r, rulebook);
  const wb = context.workbook;
  const existing = sheets.map((s) => wb.worksheets.getItemOrNullObject(s.name));
  await context.sync();
  const batch = new WriteBatch(context, caps);
  for (const w of existing) {
    if (w.isNullObject) continue;
    await batch.reserve(32);
    w.delete();
  }
  let first: Excel.Worksheet | undefined;
  for (const s of sheets) {
    await batch.reserve(64);
    const ws = wb.worksheets.add(s.name);
    first ??= ws;
    await writeResultSheet(batch, ws, s);
    if (s.name === RESULT_SHEETS.rollup) await presentUnits(batch, ws, s, caps);
    else if (s.name === RESULT_SHEETS.rollupTargets) await trafficLights(batch, ws, s, caps);
  }
  first?.activate();
  await batch.flush();
  await context.sync();
  return sheets;
}

/** The units sheet: the total row in bold, data bars, and the attainment chart below. */
async function presentUnits(
  batch: WriteBatch,
  ws: Excel.Worksheet,
  s: ResultSheet,
  caps: ExcelCapabilities,
): Promise<void> {
  const { firstDataRow } = RESULT_SHEET_LAYOUT;
  const units = s.rows.length - 1;
  if (units >= 0) {
    await batch.reserve(40);
    ws.getRangeByIndexes(firstDataRow + units, 0, 1, Math.max(1, s.columns.length)).format.font.bold = true;
  }
  if (caps.conditionalFormats && units > 0) {
    for (const j of percentColumns(s)) {
      // A full bar is the target reached; when some unit is above it, the largest value is.
      const over = s.rows.slice(0, units).some((row) => typeof row[j] === 'number' && row[j] > 1);
      await batch.reserve(200);
      const bar = ws.getRangeByIndexes(firstDataRow, j, units, 1).conditionalFormats.add('DataBar').dataBar;
      bar.barDirection = 'LeftToRight';
      bar.lowerBoundRule = { type: 'Number', formula: '0' };
      bar.upperBoundRule = over ? { type: 'HighestValue' } : { type: 'Number', formula: '1' };
      bar.positiveFormat.fillColor = DATA_BAR_COLOR;
      bar.positiveFormat.gradientFill = false;
    }
  }
  const chart = attainmentChart(s);
  if (!chart) return;
  const column = (col: number) => ws.getRangeByIndexes(chart.top, col, chart.rows, 1);
  const names = column(chart.nameCol);
  const [head, ...rest] = chart.series;
  await batch.reserve(200 + 120 * chart.series.length);
  const c = ws.charts.add('ColumnClustered', column(head!.col), 'Columns');
  c.title.text = ROLLUP_CHART_TITLE;
  const firstSeries = c.series.getItemAt(0);
  firstSeries.name = head!.name;
  firstSeries.setXAxisValues(names);
  for (const x of rest) {
    const series = c.series.add(x.name);
    series.setValues(column(x.col));
    series.setXAxisValues(names);
  }
  const below = firstDataRow + s.rows.length + 1;
  c.setPosition(`A${below + 1}`, `H${below + CHART_ROWS}`);
}

/** Red below 90% of a target, amber from 90%, green when reached: the table read at a glance. */
async function trafficLights(
  batch: WriteBatch,
  ws: Excel.Worksheet,
  s: ResultSheet,
  caps: ExcelCapabilities,
): Promise<void> {
  if (!caps.conditionalFormats || s.rows.length === 0) return;
  for (const j of percentColumns(s)) {
    await batch.reserve(300);
    const icons = ws
      .getRangeByIndexes(RESULT_SHEET_LAYOUT.firstDataRow, j, s.rows.length, 1)
      .conditionalFormats.add('IconSet').iconSet;
    icons.style = 'ThreeTrafficLights1';
    icons.criteria = [
      {} as Excel.ConditionalIconCriterion,
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0.9' },
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=1' },
    ];
  }
}
