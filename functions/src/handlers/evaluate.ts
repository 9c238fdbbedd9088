/** The engine run the server's way: the unit from the tree and the period asked for win. */
import {
  buildReport,
  evaluate,
  type CheckReport,
  type Evaluation,
  type Period,
  type Rulebook,
  type WorkbookData,
} from '@kiemtra/shared';
import { fail } from '../errors.ts';
import { unitRef, type UnitDoc } from '../units.ts';

export function checkPeriodMatches(data: WorkbookData, period: Period): void {
  if (data.period && data.period.key !== period.key) {
    fail(
      'failed-precondition',
      `Biểu mẫu là của kỳ ${data.period.key}, không phải kỳ ${period.key} đang nộp.`,
      `The workbook is for period ${data.period.key}, not ${period.key} being submitted.`,
      { workbookPeriod: data.period.key, period: period.key },
    );
  }
}

export function checkUnitMatches(data: WorkbookData, unit: UnitDoc): void {
  if (data.unit?.code && data.unit.code !== unit.code) {
    fail(
      'failed-precondition',
      `Biểu mẫu là của đơn vị mã ${data.unit.code}, không phải ${unit.code}.`,
      `The workbook is for unit ${data.unit.code}, not ${unit.code}.`,
      { workbookUnit: data.unit.code, unit: unit.code },
    );
  }
}

export function runEngine(
  data: WorkbookData,
  rulebook: Rulebook,
  unit: UnitDoc | undefined,
  period: Period | undefined,
): { data: WorkbookData; evaluation: Evaluation; report: CheckReport } {
  const placed: WorkbookData = {
    ...data,
    ...(unit ? { unit: unitRef(unit) } : {}),
    ...(period ? { period } : {}),
  };
  const evaluation = evaluate(placed, { rulebook });
  return { data: placed, evaluation, report: buildReport(placed, evaluation) };
}
