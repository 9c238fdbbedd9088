/** Targets (chỉ tiêu) evaluated on a unit's counts, with the gap in units a person acts on. */
import type { Issue } from '../issue.ts';
import type { TargetResult } from '../report.ts';
import type { Rulebook, Target } from '../rulebook/schema.ts';
import type { UnitSummary } from '../summary.ts';
import type { WorkbookData } from '../workbook-data.ts';

export function evaluateTargets(
  _summary: UnitSummary,
  _targets: Target[],
  _rulebook: Rulebook,
  _opts?: { level?: string; previous?: UnitSummary[] },
): TargetResult[] {
  throw new Error('not implemented');
}

/** The targets in force: the rulebook's, overridden by a workbook's own "Chỉ tiêu" sheet. */
export function targetsInForce(_data: WorkbookData, _rulebook: Rulebook): { targets: Target[]; issues: Issue[] } {
  throw new Error('not implemented');
}
