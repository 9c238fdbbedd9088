/**
 * What a unit reports as achieved ("Thực hiện" beside "Kế hoạch" in its target table), checked
 * against what the workbook's own tables give for the same measure: a commune writing 92,45%
 * of its organizations rated good while its organization table gives 90,19% is the mismatch a
 * board looks for when it reads a report.
 */
import { formatCount, formatPercent, formatRatio, roundedPercent } from '../format.ts';
import { bi, type Lang } from '../i18n.ts';
import type { Issue } from '../issue.ts';
import type { TargetResult } from '../report.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import { BASIS } from '../rules/basis.ts';
import { TARGET_RULES } from './in-force.ts';
import { measureById } from './measures.ts';

const REPORTED_RULE = TARGET_RULES.reportedDiffers;

/** A figure a unit reports as achieved for one of its targets, where it sits. */
export interface ReportedFigure {
  targetId: string;
  /** The target as the unit named it. */
  measureText: string;
  /** A fraction for ratio measures, as target values are. */
  value: number;
  sheet: string;
  cell: string;
  rowRef: string;
}

/** Issues for reported figures that the workbook's tables contradict. */
export function reportedIssues(
  results: readonly TargetResult[],
  reported: readonly ReportedFigure[],
  rulebook: Rulebook,
): Issue[] {
  if (rulebook.disabledRules.includes(REPORTED_RULE)) return [];
  const issues: Issue[] = [];
  for (const figure of reported) {
    const result = results.find((r) => r.targetId === figure.targetId);
    // Without the tables behind the measure there is nothing to compare with.
    if (!result || result.actual === undefined || result.numerator === undefined) continue;
    const measure = measureById(result.measure);
    if (!measure) continue;
    const ratio = measure.kind === 'ratio' && result.denominator !== undefined;
    if (ratio ? agreesAsTyped(figure.value, result.actual) : figure.value === result.numerator) continue;
    const said = (lang: Lang): string =>
      ratio ? percentAsTyped(figure.value, lang) : formatCount(figure.value, lang);
    const format = { decimals: rulebook.display.percentDecimals, rounding: rulebook.display.rounding };
    const figures = (lang: Lang): string =>
      ratio
        ? `${formatCount(result.numerator!, lang)}/${formatCount(result.denominator!, lang)} = ${formatRatio(result.numerator!, result.denominator!, format, lang)}`
        : formatCount(result.numerator!, lang);
    issues.push({
      ruleId: REPORTED_RULE,
      severity: rulebook.severities[REPORTED_RULE] ?? 'warning',
      sheet: figure.sheet,
      cell: figure.cell,
      message: bi(
        `Chỉ tiêu «${figure.measureText}»: báo cáo thực hiện ${said('vi')}, số liệu các biểu trong sổ cho ${figures('vi')}`,
        `Target “${figure.measureText}”: reported as ${said('en')} achieved, the workbook's tables give ${figures('en')}`,
      ),
      suggestion: bi(
        'Đối chiếu số báo cáo với các biểu; sửa số sai, hoặc giải trình nếu các biểu chưa đủ đơn vị',
        'Check the reported figure against the tables; correct the wrong one, or justify it if the tables do not list every unit',
      ),
      basis: BASIS.consistency,
      values: { reported: figure.value, computed: ratio ? result.actual : result.numerator },
      rowRef: figure.rowRef,
      justified: false,
    });
  }
  return issues;
}

/** A reported fraction as the percentage typed (0.9245 → 92.45) and its decimal places. */
function typedPercent(fraction: number): { points: number; decimals: number } {
  // Rounded to 6 places: 0.9245 × 100 is 92.45000000000002 in binary.
  const points = Math.round(fraction * 1e8) / 1e6;
  const text = String(points);
  const dot = text.indexOf('.');
  return { points, decimals: dot < 0 ? 0 : text.length - dot - 1 };
}

/**
 * Whether a percentage an official typed (a fraction: 92,45% is 0.9245) is `actual` as they
 * would have written it: to as many decimals as were typed, rounded half up or cut (boards do
 * both).
 */
export function agreesAsTyped(reported: number, actual: number): boolean {
  const { points, decimals } = typedPercent(reported);
  return (
    roundedPercent(actual, decimals, 'halfUp') === points ||
    roundedPercent(actual, decimals, 'truncate') === points
  );
}

/** A typed percentage shown as typed: to as many decimals as the official wrote. */
export function percentAsTyped(fraction: number, lang: Lang): string {
  return formatPercent(fraction, { decimals: typedPercent(fraction).decimals, rounding: 'halfUp' }, lang);
}
