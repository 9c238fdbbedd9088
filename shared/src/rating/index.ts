/** Ratings computed from score and conditions, compared with the proposed rating. */
import type { TableKind } from '../fields.ts';
import { formatPercent } from '../format.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { Issue, IssueValue, Severity } from '../issue.ts';
import { RATING_CODES, RATING_LABELS, type RatingCode } from '../rating-codes.ts';
import type { RatingResult } from '../report.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import { fieldValue, type RowRecord } from '../table.ts';
import type { WorkbookData } from '../workbook-data.ts';
import { rateScore, type RatingInput } from './score.ts';

export { rateScore, scoreBand, type RatingInput, type RatingOutcome } from './score.ts';

/**
 * The kinds of rows that are rated units: party cells and grassroots organizations. Compared
 * rather than looked up in a set: it is asked of every record, a province's 100,000 member
 * rows among them.
 */
function isRated(kind: TableKind): boolean {
  return kind === 'partyCells' || kind === 'organizations';
}

export const RATING_RULES = {
  mismatch: 'rating.mismatch',
  excellentQuota: 'rating.quota.excellent',
} as const;

export function computeRatings(
  data: WorkbookData,
  rulebook: Rulebook,
): { ratings: RatingResult[]; issues: Issue[] } {
  const ratings: RatingResult[] = [];
  const issues: Issue[] = [];
  const rated: { record: RowRecord; result: RatingResult }[] = [];
  const outcomes: Outcomes = new Map();

  const records = data.records;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (!isRated(record.kind)) continue;
    const result = rateRecord(record, rulebook, outcomes);
    if (!result) continue;
    ratings.push(result);
    rated.push({ record, result });
    if (result.agrees === false && enabled(rulebook, RATING_RULES.mismatch)) {
      issues.push(mismatchIssue(record, result, rulebook));
    }
  }

  if (rulebook.rating.excellentQuota.enabled && enabled(rulebook, RATING_RULES.excellentQuota)) {
    issues.push(...quotaIssues(rated, rulebook));
  }
  return { ratings, issues };
}

function enabled(rulebook: Rulebook, ruleId: string): boolean {
  return !rulebook.disabledRules.includes(ruleId);
}

function severity(rulebook: Rulebook, ruleId: string, fallback: Severity): Severity {
  return rulebook.severities[ruleId] ?? fallback;
}

function num(record: RowRecord, field: string): number | undefined {
  const v = fieldValue(record, field);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function ratingValue(record: RowRecord): RatingCode | undefined {
  const v = fieldValue(record, 'proposedRating');
  return typeof v === 'string' && (RATING_CODES as readonly string[]).includes(v)
    ? (v as RatingCode)
    : undefined;
}

function unitName(record: RowRecord): string {
  const name = fieldValue(record, 'name');
  return typeof name === 'string' && name.trim() ? name.trim() : `${record.sheet}!${record.row + 1}`;
}

/**
 * Ratings worked out so far in one computeRatings, by their figures (see rateRecord): a
 * province's 5,000 cells have a few dozen different scores and task figures, and writing the
 * reason for each cell was most of the work of rating it.
 */
type Outcomes = Map<string, { rating: RatingCode; reason: Bilingual }>;

function rateRecord(record: RowRecord, rulebook: Rulebook, outcomes: Outcomes): RatingResult | undefined {
  const score = num(record, 'score');
  const proposed = ratingValue(record);
  if (score === undefined && proposed === undefined) return undefined;
  const { tableId, sheet, row, ref: rowRef } = record;
  const name = unitName(record);
  // Written out rather than spread from a common part: a province rates thousands of cells,
  // and the keys keep the order the report has always listed them in.
  if (score === undefined) {
    return {
      tableId,
      sheet,
      row,
      rowRef,
      unitName: name,
      proposed,
      final: proposed,
      reason: bi(
        `Không có điểm tự chấm: dùng mức đề nghị ${proposed}`,
        `No score: the proposed rating ${proposed} is used`,
      ),
    };
  }
  // The figures the rating is worked out from, and the same as one key (−0 keyed as 0, which
  // it rates as).
  const input: RatingInput = { score };
  let key = String(score);
  for (const f of CONDITION_FIELDS) {
    const v = num(record, f);
    if (v !== undefined) input[f] = v;
    key += v === undefined ? '|' : `|${v}`;
  }
  let outcome = outcomes.get(key);
  if (outcome === undefined) {
    const rated = rateScore(input, rulebook.rating);
    outcome = { rating: rated.rating, reason: bi(capitalize(rated.reason.vi), capitalize(rated.reason.en)) };
    outcomes.set(key, outcome);
  }
  const { rating: computed, reason } = outcome;
  return proposed
    ? {
        tableId,
        sheet,
        row,
        rowRef,
        unitName: name,
        score,
        computed,
        proposed,
        agrees: proposed === computed,
        final: proposed,
        reason,
      }
    : { tableId, sheet, row, rowRef, unitName: name, score, computed, final: computed, reason };
}

/** Fields of a row the rating conditions read, besides the score. */
const CONDITION_FIELDS = [
  'tasksTotal',
  'tasksOnTime',
  'tasksLate',
  'tasksUndone',
  'tasksExceeded',
  'disciplinedLeaders',
] as const;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The cell that holds a unit's rating: the proposed rating, else the score, else the name. */
function ratingCell(record: RowRecord): string {
  const cells = record.cells;
  return (
    cells['proposedRating']?.address ??
    cells['score']?.address ??
    cells['name']?.address ??
    `A${record.row + 1}`
  );
}

function mismatchIssue(record: RowRecord, result: RatingResult, rulebook: Rulebook): Issue {
  const proposed = result.proposed!;
  const computed = result.computed!;
  return {
    ruleId: RATING_RULES.mismatch,
    severity: severity(rulebook, RATING_RULES.mismatch, 'warning'),
    sheet: record.sheet,
    cell: ratingCell(record),
    message: bi(
      `Tự xếp loại ${proposed} nhưng theo điểm và điều kiện là ${computed}: ${lowerFirst(result.reason.vi)}`,
      `Proposed ${proposed} but score and conditions give ${computed}: ${lowerFirst(result.reason.en)}`,
    ),
    suggestion: bi(
      `Kiểm tra lại điểm, số liệu nhiệm vụ hoặc ghi giải trình cho mức ${RATING_LABELS[proposed].vi}`,
      `Check the score and task figures, or justify the rating ${RATING_LABELS[proposed].en}`,
    ),
    basis: rulebook.rating.basis,
    values: {
      proposed,
      computed,
      score: result.score ?? null,
    },
    unitName: result.unitName,
    rowRef: record.ref,
    justified: false,
  };
}

/**
 * The 2023 quota: within a group of comparable units (same table, same parent group row, same
 * kind), the number rated excellent may not exceed maxShareOfGood × the number rated good.
 * The units over the quota are the excellent ones with the lowest scores (ties: later rows).
 * A group needs at least two rated units: one unit alone is compared with nobody.
 */
function quotaIssues(rated: { record: RowRecord; result: RatingResult }[], rulebook: Rulebook): Issue[] {
  const quota = rulebook.rating.excellentQuota;
  const groups = new Map<string, { record: RowRecord; result: RatingResult }[]>();
  for (const entry of rated) {
    if (!entry.result.final) continue;
    const key = `${entry.record.kind}\u0000${entry.record.tableId}\u0000${entry.record.groups.at(-1) ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  const issues: Issue[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const excellent = list.filter((e) => e.result.final === 'HTXSNV');
    const good = list.filter((e) => e.result.final === 'HTTNV').length;
    const allowed = Math.floor(quota.maxShareOfGood * good + 1e-9);
    if (excellent.length <= allowed) continue;
    const ranked = [...excellent].sort(
      (a, b) =>
        (b.result.score ?? Number.NEGATIVE_INFINITY) - (a.result.score ?? Number.NEGATIVE_INFINITY) ||
        a.record.row - b.record.row,
    );
    const over = ranked.slice(allowed);
    const first = over[0]!;
    const share = {
      vi: formatPercent(quota.maxShareOfGood, { decimals: 2, rounding: 'halfUp', trimZeros: true }, 'vi'),
      en: formatPercent(quota.maxShareOfGood, { decimals: 2, rounding: 'halfUp', trimZeros: true }, 'en'),
    };
    const names = over.map((e) => e.result.unitName).join(', ');
    const group = first.record.groups.at(-1);
    const values: Record<string, IssueValue> = {
      excellent: excellent.length,
      good,
      allowed,
      over: over.length,
      maxShareOfGood: quota.maxShareOfGood,
      units: names,
    };
    if (group) values['group'] = group;
    issues.push({
      ruleId: RATING_RULES.excellentQuota,
      severity: severity(rulebook, RATING_RULES.excellentQuota, 'warning'),
      sheet: first.record.sheet,
      cell: ratingCell(first.record),
      message: bi(
        `${excellent.length} HTXSNV / ${good} HTTNV: tối đa ${allowed} (${share.vi})${group ? ` trong ${group}` : ''}; vượt ${over.length}: ${names}`,
        `${excellent.length} excellent / ${good} good: at most ${allowed} (${share.en})${group ? ` in ${group}` : ''}; ${over.length} over: ${names}`,
      ),
      suggestion: bi(
        'Xem lại xếp loại HTXSNV của các đơn vị vượt tỷ lệ',
        'Review the excellent ratings of the units over the quota',
      ),
      basis: quota.basis,
      values,
      unitName: first.result.unitName,
      rowRef: first.record.ref,
      justified: false,
    });
  }
  return issues;
}
