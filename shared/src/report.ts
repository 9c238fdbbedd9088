/**
 * The result of checking one workbook: what the engine found, computed and suggests writing
 * back. Plain data (JSON-serializable) so that every host can show, store or send it.
 */
import type { Bilingual } from './i18n.ts';
import type { Issue, Severity } from './issue.ts';
import type { Period } from './period.ts';
import type { RatingCode } from './rating-codes.ts';
import type { UnitRef, UnitSummary } from './summary.ts';
import type { ColumnMapping } from './table.ts';
import type { TableKind } from './fields.ts';
import type { Comparator } from './rulebook/schema.ts';
import type { WritePlan } from './plan/types.ts';

export const REPORT_SCHEMA_VERSION = 2;

export interface TableReport {
  id: string;
  sheet: string;
  kind: TableKind;
  kindConfidence: number;
  /** A1 range of the table as laid out (headers to last row). */
  range: string;
  title?: string;
  dataRowCount: number;
  columns: ColumnMapping[];
  /** Headers that became no field: shown so that nothing is guessed silently. */
  unrecognized: string[];
  missingRequired: string[];
}

/** The rating computed for a unit (cell or organization) and why. */
export interface RatingResult {
  tableId: string;
  sheet: string;
  row: number;
  rowRef: string;
  unitName: string;
  score?: number;
  computed?: RatingCode;
  proposed?: RatingCode;
  /** The rating used in counts: the proposed one when recorded, else the computed one. */
  final?: RatingCode;
  /** Why the computed level is what it is (band reached, conditions that failed). */
  reason: Bilingual;
  agrees?: boolean;
}

/**
 * The result of a data row with something to say: an issue (open or justified) or a rating.
 * A data row of a table in `tables` without one is clean: status 'ok', no rules, no rating.
 */
export interface RowResult {
  tableId: string;
  sheet: string;
  row: number;
  rowRef: string;
  unitName?: string;
  /** Worst open severity on the row, or 'ok'. */
  status: Severity | 'ok';
  ruleIds: readonly string[];
  openIssues: number;
  justifiedIssues: number;
  rating?: RatingResult;
}

export type TargetStatus = 'met' | 'notMet' | 'noData';

export interface TargetResult {
  targetId: string;
  label: Bilingual;
  measure: string;
  unitName: string;
  level?: string;
  comparator: Comparator;
  /** Target value as in the rulebook (fraction for ratios). */
  required: number;
  /** Measured value (fraction for ratios), undefined without data. */
  actual?: number;
  numerator?: number;
  denominator?: number;
  /** actual / required, e.g. 746/600 → 1.2433. */
  attainment?: number;
  status: TargetStatus;
  /** What is missing in units a person acts on: "3 đảng bộ xã nữa xếp loại HTT trở lên". */
  gap?: { units: number; text: Bilingual };
  /** Formatted figures as they appear in reports ("92,45%"). */
  display: { actual: string; required: string; attainment?: string };
  basis: Bilingual;
  /** Trend against previous periods, oldest first. */
  trend?: { periodKey: string; actual?: number }[];
}

/** A rule that ran and found nothing: the positive part of the report. */
export interface PassedCheck {
  ruleId: string;
  title: Bilingual;
  /** How many rows or units it looked at. */
  checked: number;
}

export interface CheckReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  workbook: string;
  rulebook: { id: string; version: string };
  period?: Period;
  unit: UnitRef;
  tables: TableReport[];
  issues: Issue[];
  /** The data rows with something to say; the other data rows are clean. */
  rows: RowResult[];
  ratings: RatingResult[];
  targets: TargetResult[];
  summary: UnitSummary;
  passed: PassedCheck[];
  totals: { error: number; warning: number; info: number; justified: number };
  plan: WritePlan;
}
