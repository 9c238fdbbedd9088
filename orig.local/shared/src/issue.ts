/**
 * An issue is data with a position, never an exception. Issues from every step (detection,
 * parsing, rules, ratings, targets) share this shape.
 */
import type { Bilingual } from './i18n.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type IssueValue = number | string | boolean | null;

export interface Issue {
  /** Stable rule id, e.g. "cell.meetings.regular". */
  ruleId: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the issue is about (the first cell of a range). */
  cell: string;
  /** A1 range when the issue concerns several cells (a whole row, a column). */
  range?: string;
  /** Names the values behind it: "6 kỳ sinh hoạt / 12 kỳ yêu cầu". */
  message: Bilingual;
  suggestion?: Bilingual;
  /** Where the rule comes from: a seed article, the Party Statute, a regulation. */
  basis?: Bilingual;
  /** The numbers behind the message, for reports and JSON output. */
  values: Record<string, IssueValue>;
  /** Name of the unit (cell, hamlet, organization) the row is about, when not personal. */
  unitName?: string;
  /** Pseudonymous row reference (RowRecord.ref). */
  rowRef?: string;
  /** The official's justification (giải trình), when one matches this issue. */
  justification?: string;
  justified: boolean;
}
