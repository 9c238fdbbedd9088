/** Shared setup for the rule tests: run the rules on literal workbooks. */
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import type { Rulebook, Thresholds } from '../../../shared/src/rulebook/schema.ts';
import { yearPeriod, type Period } from '../../../shared/src/period.ts';
import { runRules } from '../../../shared/src/rules/index.ts';
import type { Issue } from '../../../shared/src/issue.ts';
import type { UnitSummary } from '../../../shared/src/summary.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';
import {
  buildTable,
  buildWorkbook,
  summaryWith,
  type RowSpec,
  type TableSpec,
} from '../../helpers/records.ts';

export interface RunOptions {
  rulebook?: Rulebook;
  /** Omit for a year (2023); pass null for an unknown period. */
  period?: Period | null;
  summary?: UnitSummary;
  previous?: UnitSummary;
}

export function run(data: WorkbookData, opts: RunOptions = {}) {
  const period = opts.period === undefined ? yearPeriod(2023) : (opts.period ?? undefined);
  return runRules({
    data,
    rulebook: opts.rulebook ?? DEFAULT_RULEBOOK,
    ...(period ? { period } : {}),
    summary: opts.summary ?? summaryWith({}, period ?? yearPeriod(2023)),
    ...(opts.previous ? { previous: opts.previous } : {}),
  });
}

/** One table as a workbook. */
export function one(
  kind: TableSpec['kind'],
  fields: string[],
  rows: RowSpec[],
  sheet = 'Biểu 1',
): WorkbookData {
  return buildWorkbook([buildTable({ sheet, kind, fields, rows })]);
}

export function withThresholds(t: Partial<Thresholds>, extra: Partial<Rulebook> = {}): Rulebook {
  return { ...DEFAULT_RULEBOOK, ...extra, thresholds: { ...DEFAULT_RULEBOOK.thresholds, ...t } };
}

export function byRule(issues: Issue[], ruleId: string): Issue[] {
  return issues.filter((i) => i.ruleId === ruleId);
}
