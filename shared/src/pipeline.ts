/**
 * The engine end to end: grid → tables and records → ratings, counts, rules, targets →
 * justifications → write plan. Each step is a pure function; this file only composes them.
 */
import type { WorkbookGrid } from './grid.ts';
import { bi } from './i18n.ts';
import type { Issue } from './issue.ts';
import { SEVERITY_ORDER } from './issue.ts';
import type { Period } from './period.ts';
import type { CheckReport, PassedCheck, RatingResult, RowResult, TargetResult } from './report.ts';
import { REPORT_SCHEMA_VERSION } from './report.ts';
import type { Rulebook } from './rulebook/schema.ts';
import { DEFAULT_RULEBOOK } from './rulebook/default.ts';
import type { UnitRef, UnitSummary } from './summary.ts';
import type { WorkbookData } from './workbook-data.ts';
import { fieldValue, type RowRecord } from './table.ts';
import { readWorkbook } from './detect/index.ts';
import { foldingCache } from './text.ts';
import { recordRefNumber, refNumber } from './detect/records.ts';
import { computeRatings } from './rating/index.ts';
import { summarize } from './summarize/index.ts';
import { runRules, applyJustifications } from './rules/index.ts';
import { evaluateTargets, reportedIssues, targetsInForce } from './targets/index.ts';
import { planWrites } from './plan/index.ts';

export interface CheckOptions {
  rulebook?: Rulebook;
  /** Last period's summary for the same unit, for period-to-period checks and trends. */
  previous?: UnitSummary;
  /** Used when the workbook's header block does not name the unit. */
  unit?: UnitRef;
  /** Used when the workbook's title does not name the period. */
  period?: Period;
}

export interface Evaluation {
  rulebook: Rulebook;
  unit: UnitRef;
  period: Period;
  /** Every issue, justified ones marked, sorted by severity, sheet and position. */
  issues: Issue[];
  ratings: RatingResult[];
  targets: TargetResult[];
  summary: UnitSummary;
  passed: PassedCheck[];
  /** The data rows with something to say (an issue or a rating); the others are clean. */
  rows: RowResult[];
}

/** Used when neither the workbook nor the caller names a period: a year, key "unknown". */
export const UNKNOWN_PERIOD: Period = { kind: 'year', key: 'unknown', fromYear: 0, toYear: 0, months: 12 };

export function evaluate(data: WorkbookData, options: CheckOptions = {}): Evaluation {
  const rulebook = options.rulebook ?? DEFAULT_RULEBOOK;
  const unit = data.unit ?? options.unit ?? { name: data.workbook };
  const period = data.period ?? options.period ?? UNKNOWN_PERIOD;

  const { ratings, issues: ratingIssues } = computeRatings(data, rulebook);
  // Counting and the rules fold the same names: one cache for the check.
  const fold = foldingCache();
  const summary = summarize(data, ratings, {
    unit,
    period,
    rulebookVersion: rulebook.version,
    thresholds: rulebook.thresholds,
    fold,
  });
  const { issues: ruleIssues, passed } = runRules({
    data,
    rulebook,
    period,
    summary,
    fold,
    ...(options.previous ? { previous: options.previous } : {}),
  });
  const inForce = targetsInForce(data, rulebook);
  const targets = evaluateTargets(summary, inForce.targets, rulebook, {
    ...(unit.level ? { level: unit.level } : {}),
    ...(options.previous ? { previous: [options.previous] } : {}),
  });

  const targetIssues = [...inForce.issues, ...reportedIssues(targets, inForce.reported, rulebook)];
  const issues = sortIssues(
    applyJustifications([...data.issues, ...ratingIssues, ...targetIssues, ...ruleIssues], data),
  );
  const open = issues.filter((i) => !i.justified);
  summary.openErrors = open.filter((i) => i.severity === 'error').length;
  summary.openWarnings = open.filter((i) => i.severity === 'warning').length;
  summary.targetsMissed = targets.filter((t) => t.status === 'notMet').map((t) => t.targetId);

  return {
    rulebook,
    unit,
    period,
    issues,
    ratings,
    targets,
    summary,
    passed,
    rows: rowResults(data, issues, ratings),
  };
}

export function checkWorkbook(grid: WorkbookGrid, options: CheckOptions = {}): CheckReport {
  const data = readWorkbook(grid);
  const evaluation = evaluate(data, options);
  return buildReport(data, evaluation);
}

export function buildReport(data: WorkbookData, evaluation: Evaluation): CheckReport {
  const plan = planWrites(data, evaluation);
  const totals = { error: 0, warning: 0, info: 0, justified: 0 };
  for (const i of evaluation.issues) {
    if (i.justified) totals.justified++;
    else totals[i.severity]++;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    workbook: data.workbook,
    rulebook: { id: evaluation.rulebook.id, version: evaluation.rulebook.version },
    period: evaluation.period,
    unit: evaluation.unit,
    tables: data.tables.map((t) => ({
      id: t.id,
      sheet: t.sheet,
      kind: t.kind,
      kindConfidence: t.kindConfidence,
      range: tableRange(t),
      ...(t.title ? { title: t.title } : {}),
      dataRowCount: t.dataRows.length,
      columns: t.columns,
      unrecognized: t.columns.filter((c) => !c.field && c.header.trim() !== '').map((c) => c.header),
      missingRequired: t.missingRequired,
    })),
    issues: evaluation.issues,
    rows: evaluation.rows,
    ratings: evaluation.ratings,
    targets: evaluation.targets,
    summary: evaluation.summary,
    passed: evaluation.passed,
    totals,
    plan,
  };
}

function tableRange(t: WorkbookData['tables'][number]): string {
  const top = t.headerRows[0] ?? 0;
  return `${colName(t.firstCol)}${top + 1}:${colName(t.lastCol)}${t.lastRow + 1}`;
}

function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.sheet.localeCompare(b.sheet) ||
      rowOf(a.cell) - rowOf(b.cell) ||
      a.cell.localeCompare(b.cell) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function rowOf(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : 0;
}

/** The rules of a row with no issue (a rated row). */
const NO_RULES: readonly string[] = Object.freeze([]);

/**
 * A result for each data row with something to say, in the order of the records: worst open
 * severity, the rules that fired, the rating. Any other data row is clean ('ok'): a province's
 * 100,000 member rows have a few hundred issues, and a result for each row would be 100,000
 * objects to make, keep and send, saying the same thing.
 */
function rowResults(data: WorkbookData, issues: Issue[], ratings: RatingResult[]): RowResult[] {
  const byRow = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!i.rowRef) continue;
    const list = byRow.get(i.rowRef);
    if (list) list.push(i);
    else byRow.set(i.rowRef, [i]);
  }
  const ratingByRow = new Map(ratings.map((r) => [r.rowRef, r]));
  // A detected record's reference is a number until asked for as text: rows whose number no
  // issue or rating names are passed over without making it. An issue or a rating is on the
  // sheet of the row it names, so the rows of other sheets (a province's 100,000 members, when
  // every issue is about cells) are passed over without even that; should a reference not be
  // found on its sheet, every row is looked at.
  const refs = new Set([...byRow.keys(), ...ratingByRow.keys()]);
  const named = new Set<number>();
  for (const ref of refs) {
    const number = refNumber(ref);
    if (number !== undefined) named.add(number);
  }
  const sheets = new Set<string>();
  for (const i of issues) if (i.rowRef) sheets.add(i.sheet);
  for (const r of ratings) sheets.add(r.sheet);
  const met = new Set<string>();
  const rows = namedRows(data.records, byRow, ratingByRow, named, sheets, met);
  return met.size === refs.size ? rows : namedRows(data.records, byRow, ratingByRow, named, undefined, met);
}

/**
 * The results of the records an issue or a rating names, in their order, looking only at the
 * records of `sheets` when given; the references met are added to `met`.
 */
function namedRows(
  records: readonly RowRecord[],
  byRow: ReadonlyMap<string, Issue[]>,
  ratingByRow: ReadonlyMap<string, RatingResult>,
  named: ReadonlySet<number>,
  sheets: ReadonlySet<string> | undefined,
  met: Set<string>,
): RowResult[] {
  const out: RowResult[] = [];
  for (let k = 0; k < records.length; k++) {
    const rec = records[k]!;
    if (sheets !== undefined && !sheets.has(rec.sheet)) continue;
    const number = recordRefNumber(rec);
    if (number !== undefined && !named.has(number)) continue;
    const ref = rec.ref;
    const list = byRow.get(ref);
    const rating = ratingByRow.get(ref);
    if (!list && !rating) continue;
    met.add(ref);
    let status: RowResult['status'] = 'ok';
    let open = 0;
    let ruleIds: readonly string[] = NO_RULES;
    if (list) {
      for (const i of list) {
        if (i.justified) continue;
        open++;
        if (status === 'ok' || SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[status]) status = i.severity;
      }
      ruleIds = [...new Set(list.map((i) => i.ruleId))];
    }
    const justified = list ? list.length - open : 0;
    const name = rec.kind === 'members' ? undefined : fieldValue(rec, 'name');
    // Literals in the order the report has always listed them: unitName sits after rowRef.
    const result: RowResult =
      typeof name === 'string'
        ? {
            tableId: rec.tableId,
            sheet: rec.sheet,
            row: rec.row,
            rowRef: ref,
            unitName: name,
            status,
            ruleIds,
            openIssues: open,
            justifiedIssues: justified,
          }
        : {
            tableId: rec.tableId,
            sheet: rec.sheet,
            row: rec.row,
            rowRef: ref,
            status,
            ruleIds,
            openIssues: open,
            justifiedIssues: justified,
          };
    if (rating) result.rating = rating;
    out.push(result);
  }
  return out;
}

export const ENGINE_NAME = bi('Kiểm tra TCCSĐ', 'kiemtra');
