/**
 * The roll-up workbook of `kiemtra aggregate`: the engine's roll-up sheets (planRollup) written
 * as they are, with presentation added here only — data bars on the per-unit percent columns
 * and traffic lights on the attainment of the target table, so that a person sees the picture
 * at a glance, and the total row in bold.
 */
import ExcelJS from 'exceljs';
import {
  RESULT_SHEET_LAYOUT,
  RESULT_SHEETS,
  planRollup,
  type ResultSheet,
  type Rollup,
  type Rulebook,
} from '@kiemtra/shared';
import { writeResultSheet } from './apply.ts';

/** Sheet names stay Vietnamese whatever the language of the terminal: others read them. */
export const ROLLUP_SHEETS = {
  units: RESULT_SHEETS.rollup,
  targets: RESULT_SHEETS.rollupTargets,
  weakest: RESULT_SHEETS.rollupWeakest,
  completeness: RESULT_SHEETS.rollupCompleteness,
} as const;

const FIRST_DATA_ROW = RESULT_SHEET_LAYOUT.firstDataRow + 1;

function percentColumns(sheet: ResultSheet): number[] {
  return sheet.columns.flatMap((c, j) => (c.kind === 'percent' ? [j] : []));
}

/**
 * Data bars from 0 to 100% (a ratio or an attainment: a full bar is the target reached), or to
 * the column's largest value when some unit is above 100%.
 */
function dataBars(ws: ExcelJS.Worksheet, sheet: ResultSheet, rows: number): void {
  if (rows <= 0) return;
  percentColumns(sheet).forEach((j, n) => {
    const values = sheet.rows.slice(0, rows).map((r) => r[j]);
    const over = values.some((v) => typeof v === 'number' && v > 1);
    const letter = ws.getColumn(j + 1).letter;
    ws.addConditionalFormatting({
      ref: `${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + rows - 1}`,
      rules: [
        {
          type: 'dataBar',
          priority: n + 1,
          minLength: 0,
          maxLength: 100,
          cfvo: [{ type: 'num', value: 0 }, over ? { type: 'max', value: 0 } : { type: 'num', value: 1 }],
          // Light enough that the figure on the bar stays readable when printed.
          color: { argb: 'FF9BC2E6' },
          gradient: false,
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
}

/** Red below 90% of the target, amber from 90%, green at 100% and over. */
function trafficLights(ws: ExcelJS.Worksheet, sheet: ResultSheet): void {
  if (sheet.rows.length === 0) return;
  percentColumns(sheet).forEach((j, n) => {
    const letter = ws.getColumn(j + 1).letter;
    ws.addConditionalFormatting({
      ref: `${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + sheet.rows.length - 1}`,
      rules: [
        {
          type: 'iconSet',
          priority: n + 1,
          iconSet: '3TrafficLights1',
          showValue: true,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 0.9 },
            { type: 'num', value: 1 },
          ],
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
}

export function rollupWorkbook(rollup: Rollup, rulebook: Rulebook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of planRollup(rollup, rulebook)) {
    const ws = writeResultSheet(wb, sheet);
    if (sheet.name === ROLLUP_SHEETS.units) {
      // The last row is the parent's total: bars compare the units, not the units with their sum.
      const units = sheet.rows.length - 1;
      dataBars(ws, sheet, units);
      const total = ws.getRow(FIRST_DATA_ROW + units);
      total.eachCell((cell) => (cell.style = { ...cell.style, font: { ...cell.style.font, bold: true } }));
    } else if (sheet.name === ROLLUP_SHEETS.targets) {
      trafficLights(ws, sheet);
    }
  }
  return wb;
}
