/** Targets (chỉ tiêu) evaluated on a unit's counts, with the gap in units a person acts on. */
import type { TargetResult } from '../report.ts';
import type { Rulebook, Target } from '../rulebook/schema.ts';
import type { UnitSummary } from '../summary.ts';
import type { WorkbookData } from '../workbook-data.ts';
import { evaluateTargets as evaluate } from './evaluate.ts';
import { targetsInForce as inForce, type TargetsInForce } from './in-force.ts';

export { MEASURES, measureById, measureValue, findMeasure, type Measure } from './measures.ts';
export { evaluateTarget, gapUnits, appliesAtLevel, appliesToPeriod, COMPARATOR_SYMBOLS } from './evaluate.ts';
export { parseComparator, parseTargetPeriod, TARGET_RULES, type TargetsInForce } from './in-force.ts';
export { reportedIssues, type ReportedFigure } from './reported.ts';

export function evaluateTargets(
  summary: UnitSummary,
  targets: Target[],
  rulebook: Rulebook,
  opts?: { level?: string; previous?: UnitSummary[] },
): TargetResult[] {
  return evaluate(summary, targets, rulebook, opts);
}

/** The targets in force: the rulebook's, overridden by a workbook's own "Chỉ tiêu" sheet. */
export function targetsInForce(data: WorkbookData, rulebook: Rulebook): TargetsInForce {
  return inForce(data, rulebook);
}
