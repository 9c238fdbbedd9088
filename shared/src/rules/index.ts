/** Flags and data-quality rules over a workbook's records. */
import type { Issue } from '../issue.ts';
import type { Period } from '../period.ts';
import type { PassedCheck } from '../report.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import type { UnitSummary } from '../summary.ts';
import type { WorkbookData } from '../workbook-data.ts';

export interface RuleContext {
  data: WorkbookData;
  rulebook: Rulebook;
  period?: Period;
  /** This workbook's counts. */
  summary: UnitSummary;
  /** Last period's counts for the same unit, for period-to-period checks. */
  previous?: UnitSummary;
}

export function runRules(_ctx: RuleContext): { issues: Issue[]; passed: PassedCheck[] } {
  throw new Error('not implemented');
}

/** Marks issues the official justified (a "Giải trình" column or a justification sheet). */
export function applyJustifications(_issues: Issue[], _data: WorkbookData): Issue[] {
  throw new Error('not implemented');
}
