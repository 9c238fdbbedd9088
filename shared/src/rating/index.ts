/** Ratings computed from score and conditions, compared with the proposed rating. */
import type { Issue } from '../issue.ts';
import type { RatingResult } from '../report.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import type { WorkbookData } from '../workbook-data.ts';

export function computeRatings(_data: WorkbookData, _rulebook: Rulebook): { ratings: RatingResult[]; issues: Issue[] } {
  throw new Error('not implemented');
}
