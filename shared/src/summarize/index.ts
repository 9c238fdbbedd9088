/** A workbook's counts: what leaves it. */
import type { Period } from '../period.ts';
import type { RatingResult } from '../report.ts';
import type { UnitRef, UnitSummary } from '../summary.ts';
import type { WorkbookData } from '../workbook-data.ts';

export function summarize(
  _data: WorkbookData,
  _ratings: RatingResult[],
  _opts: { unit: UnitRef; period: Period; rulebookVersion: string },
): UnitSummary {
  throw new Error('not implemented');
}
