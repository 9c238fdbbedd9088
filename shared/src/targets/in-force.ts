/**
 * The targets in force for a workbook: the rulebook's, overridden or extended by the workbook's
 * own "Chỉ tiêu" table, where a committee writes its resolution's targets in its own words
 * ("Có từ 90% đảng bộ cấp xã HTT trở lên", "không có đảng bộ KHTNV", "trên 90% …").
 */
import { bi } from '../i18n.ts';
import type { Issue } from '../issue.ts';
import type { Comparator, Rulebook, Target } from '../rulebook/schema.ts';
import { fieldValue, type RowRecord } from '../table.ts';
import { foldText } from '../text.ts';
import { recordsByKind, type WorkbookData } from '../workbook-data.ts';
import { COMPARATOR_SYMBOLS } from './evaluate.ts';
import { findMeasure, MEASURES, type Measure } from './measures.ts';
import type { ReportedFigure } from './reported.ts';

export const TARGET_RULES = {
  unknownMeasure: 'targets.unknownMeasure',
  reportedDiffers: 'targets.reportedDiffers',
} as const;

/** Comparator symbols, checked on the text as typed. */
const COMPARATOR_SYMBOLS_TYPED: { pattern: RegExp; comparator: Comparator }[] = [
  { pattern: /≥|>=|=>/, comparator: '>=' },
  { pattern: /≤|<=|=</, comparator: '<=' },
  { pattern: />/, comparator: '>' },
  { pattern: /</, comparator: '<' },
  { pattern: /=/, comparator: '=' },
];

/** Comparator words as officials write them, folded; checked in this order. */
const COMPARATOR_WORDS: { pattern: RegExp; comparator: Comparator; zero?: boolean }[] = [
  { pattern: /\btro len\b|\bit nhat\b|\btoi thieu\b/, comparator: '>=' },
  { pattern: /\btoi da\b|\bkhong qua\b|\bkhong vuot\b/, comparator: '<=' },
  { pattern: /\btren\b|\bhon\b|\bvuot\b/, comparator: '>' },
  { pattern: /\bduoi\b/, comparator: '<' },
  { pattern: /\bkhong\b/, comparator: '=', zero: true },
  { pattern: /\bbang\b/, comparator: '=' },
  { pattern: /\btu\b|\bdat\b/, comparator: '>=' },
];

/**
 * "≥", ">=", "từ … trở lên", "trên", "không", "=": a comparator; undefined when none is named.
 * `zero` says the words imply the value 0 ("không có đảng bộ KHTNV").
 */
export function parseComparator(text: string): { comparator: Comparator; zero: boolean } | undefined {
  for (const s of COMPARATOR_SYMBOLS_TYPED)
    if (s.pattern.test(text)) return { comparator: s.comparator, zero: false };
  const folded = foldText(text);
  for (const w of COMPARATOR_WORDS) {
    if (w.pattern.test(folded)) return { comparator: w.comparator, zero: w.zero === true };
  }
  return undefined;
}

const LEVEL_WORDS: { pattern: RegExp; level: string }[] = [
  { pattern: /\btinh\b|\bprovince\b/, level: 'province' },
  { pattern: /\bhuyen\b|\bdistrict\b|\bthi xa\b|\bthanh pho\b/, level: 'district' },
  { pattern: /\bxa\b|\bphuong\b|\bthi tran\b|\bcommune\b/, level: 'commune' },
];

function parseLevels(scope: string | undefined): string[] {
  if (!scope) return [];
  const folded = foldText(scope);
  return LEVEL_WORDS.filter((l) => l.pattern.test(folded)).map((l) => l.level);
}

/** "hằng năm", "năm 2025", "đến năm 2025", "nhiệm kỳ 2020-2025". */
export function parseTargetPeriod(text: string | undefined): Target['period'] {
  if (!text) return { kind: 'year' };
  const folded = foldText(text);
  const years = [...folded.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (/\bnhiem ky\b|\bterm\b|\bgiai doan\b/.test(folded) || years.length >= 2) {
    const [from, to] = years;
    return {
      kind: 'term',
      ...(from !== undefined ? { fromYear: from } : {}),
      ...(to !== undefined ? { toYear: to } : {}),
    };
  }
  if (/\bden\b|\bby\b|\bphan dau\b/.test(folded) && years.length === 1)
    return { kind: 'by', toYear: years[0]! };
  if (years.length === 1) return { kind: 'year', fromYear: years[0]!, toYear: years[0]! };
  return { kind: 'year' };
}

function text(record: RowRecord, field: string): string | undefined {
  const v = fieldValue(record, field);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The value cell as the official typed it, when typed as text ("Trên 90%"). */
function valueAsTyped(record: RowRecord): string | undefined {
  const raw = record.cells['value']?.raw;
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * A ratio's figure as a fraction: "95%" (parsed as 0.95), 95 and 0.95 all mean 95%. A unit of
 * measure "%" does not change this: a cell Excel shows as "92,45%" holds 0.9245.
 */
function asMeasured(record: RowRecord, field: 'value' | 'reported', measure: Measure): number | undefined {
  const v = fieldValue(record, field);
  if (typeof v !== 'number') return undefined;
  return measure.kind === 'ratio' && v > 1 ? v / 100 : v;
}

export interface TargetsInForce {
  targets: Target[];
  issues: Issue[];
  /** What the unit reports as achieved, beside its targets ("Thực hiện"). */
  reported: ReportedFigure[];
}

export function targetsInForce(data: WorkbookData, rulebook: Rulebook): TargetsInForce {
  const targets = [...rulebook.targets];
  const issues: Issue[] = [];
  const reported: ReportedFigure[] = [];
  for (const record of recordsByKind(data.records).get('targets') ?? []) {
    const measureText = text(record, 'measure');
    if (!measureText) continue;
    const measure = findMeasure(measureText);
    if (!measure) {
      if (!rulebook.disabledRules.includes(TARGET_RULES.unknownMeasure))
        issues.push(unknownMeasure(record, measureText, rulebook));
      continue;
    }
    // The comparison: its own column, else written with the value ("Trên 90%"), else in the
    // measure's own words ("… từ 90% trở lên").
    const comparatorText = text(record, 'comparator');
    const typed = valueAsTyped(record);
    const parsed =
      (comparatorText ? parseComparator(comparatorText) : undefined) ??
      (typed ? parseComparator(typed) : undefined) ??
      parseComparator(withoutMeasurePhrase(measureText, measure));
    let value = asMeasured(record, 'value', measure);
    if (value === undefined && parsed?.zero) value = 0;
    if (value === undefined) continue;
    const comparator = parsed?.comparator ?? '>=';

    const scope = text(record, 'scope');
    const levels = parseLevels(scope);
    // The period: its own column, else in the target's words ("Đến năm 2025, …", "trong nhiệm kỳ").
    const period = parseTargetPeriod(text(record, 'period') ?? measureText);
    const basisText = text(record, 'basis');
    // A yearly target and a term target for the same measure are two targets ("Kết nạp 120
    // đảng viên mỗi năm", "600 trong nhiệm kỳ"): each replaces only its own kind.
    const replaced = targets.findIndex(
      (t) =>
        t.measure === measure.id &&
        sameDirection(t.comparator, comparator) &&
        (t.period.kind === 'term') === (period.kind === 'term'),
    );
    const symbol = COMPARATOR_SYMBOLS[comparator];
    const valueText = measure.kind === 'ratio' ? `${round(value * 100)}%` : String(value);
    const own: Target = {
      id: replaced >= 0 ? targets[replaced]!.id : `workbook.${measure.id}.${record.sheet}.${record.row + 1}`,
      measure: measure.id,
      comparator,
      value,
      levels,
      period,
      label: bi(measureText, `${measure.label.en} ${symbol} ${valueText}`),
      basis: basisText
        ? bi(basisText, basisText)
        : bi(`Bảng chỉ tiêu của đơn vị (${record.sheet})`, `The unit's own target table (${record.sheet})`),
      precision: replaced >= 0 ? targets[replaced]!.precision : rulebook.display.percentDecimals,
    };
    if (replaced >= 0) targets[replaced] = own;
    else targets.push(own);
    const achieved = asMeasured(record, 'reported', measure);
    if (achieved !== undefined) {
      reported.push({
        targetId: own.id,
        measureText,
        value: achieved,
        sheet: record.sheet,
        cell: record.cells['reported']!.address,
        rowRef: record.ref,
      });
    }
  }
  return { targets, issues, reported };
}

/**
 * The words around the measure's own phrase: "Không có đảng bộ cấp xã không hoàn thành nhiệm vụ"
 * keeps "không có", and the "không" inside the measure's name is not read as a comparator.
 */
function withoutMeasurePhrase(measureText: string, measure: Measure): string {
  let folded = ` ${foldText(measureText)} `;
  const phrases = [foldText(measure.label.vi), foldText(measure.label.en), ...measure.aliases].sort(
    (a, b) => b.length - a.length,
  );
  for (const p of phrases) if (p) folded = folded.split(` ${p} `).join('  ');
  return folded.trim();
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** "≥ 90%" in a workbook replaces the rulebook's "≥ 90%" or "> 90%", not its "≤". */
function sameDirection(a: Comparator, b: Comparator): boolean {
  const dir = (c: Comparator): number => (c === '>=' || c === '>' ? 1 : c === '<=' || c === '<' ? -1 : 0);
  return dir(a) === dir(b);
}

function unknownMeasure(record: RowRecord, measureText: string, rulebook: Rulebook): Issue {
  const known = MEASURES.map((m) => m.label);
  return {
    ruleId: TARGET_RULES.unknownMeasure,
    severity: rulebook.severities[TARGET_RULES.unknownMeasure] ?? 'warning',
    sheet: record.sheet,
    cell: record.cells['measure']?.address ?? `A${record.row + 1}`,
    message: bi(
      `Không nhận ra chỉ tiêu "${measureText}". Các chỉ tiêu tính được: ${known.map((k) => k.vi).join('; ')}`,
      `Unrecognized target "${measureText}". Measures the engine computes: ${known.map((k) => k.en).join('; ')}`,
    ),
    suggestion: bi(
      'Ghi tên chỉ tiêu theo một trong các tên trên để chỉ tiêu được tính',
      'Name the target as one of the measures above so that it can be evaluated',
    ),
    values: { measure: measureText },
    rowRef: record.ref,
    justified: false,
  };
}
