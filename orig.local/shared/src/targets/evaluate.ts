/**
 * A target evaluated on a unit's counts: the measured value, whether it is met, and the gap in
 * units a person acts on ("3 more commune committees rated good or better"), not only a
 * percentage.
 */
import { formatCount, formatPercent, formatRatio, type PercentFormat } from '../format.ts';
import { bi, type Bilingual, type Lang } from '../i18n.ts';
import type { Period } from '../period.ts';
import type { TargetResult, TargetStatus } from '../report.ts';
import type { Comparator, Rulebook, Target } from '../rulebook/schema.ts';
import type { UnitSummary } from '../summary.ts';
import { foldText } from '../text.ts';
import { measureById, measureValue, type Measure } from './measures.ts';

/** Guards ceil/floor of p·n against binary error (0.95 × 60 = 56.99999…). */
const EPS = 1e-9;

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
};

/** Whether a target applies at a level ("province", "district", …): empty levels apply everywhere. */
export function appliesAtLevel(target: Target, level: string | undefined): boolean {
  if (target.levels.length === 0 || level === undefined) return true;
  const l = foldText(level);
  return target.levels.some((x) => foldText(x) === l);
}

/**
 * Whether a target applies to a period. A term target (members admitted over 2015–2020) applies
 * only to a term's figures, of the same years when the target names them; a yearly target with
 * years applies to the years it names. A period of unknown years is taken as in range.
 */
export function appliesToPeriod(target: Target, period: Period): boolean {
  const known = period.fromYear > 0;
  const { kind, fromYear, toYear } = target.period;
  if (kind === 'term') {
    if (period.kind !== 'term') return false;
    if (!known) return true;
    if (fromYear !== undefined && period.fromYear !== fromYear) return false;
    if (toYear !== undefined && period.toYear !== toYear) return false;
    return true;
  }
  if (kind === 'year') {
    if (period.kind === 'term') return false;
    if (!known) return true;
    if (fromYear !== undefined && period.fromYear < fromYear) return false;
    if (toYear !== undefined && period.fromYear > toYear) return false;
    return true;
  }
  // 'by': progress toward a level to reach (and keep) by a year: measured in any period.
  return true;
}

/** How many units must change for the target to hold; 0 when it holds. */
export function gapUnits(
  comparator: Comparator,
  required: number,
  kind: Measure['kind'],
  numerator: number,
  denominator: number | undefined,
): { units: number; direction: 'more' | 'fewer' } {
  if (kind === 'count' || denominator === undefined) {
    switch (comparator) {
      case '>=':
        return { units: Math.max(0, Math.ceil(required - EPS) - numerator), direction: 'more' };
      case '>':
        return { units: Math.max(0, Math.floor(required + EPS) + 1 - numerator), direction: 'more' };
      case '<=':
        return { units: Math.max(0, numerator - Math.floor(required + EPS)), direction: 'fewer' };
      case '<':
        return { units: Math.max(0, numerator - (Math.ceil(required - EPS) - 1)), direction: 'fewer' };
      case '=': {
        const target = Math.round(required);
        return numerator > target
          ? { units: numerator - target, direction: 'fewer' }
          : { units: target - numerator, direction: 'more' };
      }
    }
  }
  const n = denominator;
  const pn = required * n;
  switch (comparator) {
    case '>=':
      // smallest integer x with (k + x)/n ≥ p
      return { units: clamp(Math.ceil(pn - EPS) - numerator, n - numerator), direction: 'more' };
    case '>':
      // smallest integer x with (k + x)/n > p
      return { units: clamp(Math.floor(pn + EPS) + 1 - numerator, n - numerator), direction: 'more' };
    case '<=':
      return { units: clamp(numerator - Math.floor(pn + EPS), numerator), direction: 'fewer' };
    case '<':
      return { units: clamp(numerator - (Math.ceil(pn - EPS) - 1), numerator), direction: 'fewer' };
    case '=': {
      const target = Math.round(pn);
      return numerator > target
        ? { units: numerator - target, direction: 'fewer' }
        : { units: target - numerator, direction: 'more' };
    }
  }
}

/**
 * At most `cap` units can change (no more cells than exist); a ratio target above 100% stays
 * unmet after every unit, and the gap then says all of them.
 */
function clamp(x: number, cap: number): number {
  return Math.max(0, Math.min(x, Math.max(cap, 0)));
}

export interface EvaluateOptions {
  level?: string;
  previous?: UnitSummary[];
}

export function evaluateTarget(
  summary: UnitSummary,
  target: Target,
  rulebook: Rulebook,
  previous: UnitSummary[] = [],
): TargetResult {
  const measure = measureById(target.measure);
  const pctFormat: PercentFormat = { decimals: target.precision, rounding: rulebook.display.rounding };
  const requiredFormat: PercentFormat = { ...pctFormat, trimZeros: true };
  const symbol = COMPARATOR_SYMBOLS[target.comparator];
  const base = {
    targetId: target.id,
    label: target.label,
    measure: target.measure,
    unitName: summary.unit.name,
    ...(summary.unit.level ? { level: summary.unit.level } : {}),
    comparator: target.comparator,
    required: target.value,
    basis: target.basis,
  };
  const requiredText = (lang: Lang): string =>
    `${symbol} ${
      measure?.kind === 'ratio'
        ? formatPercent(target.value, requiredFormat, lang)
        : formatCount(target.value, lang)
    }`;

  if (!measure) {
    return {
      ...base,
      status: 'noData',
      display: { actual: '—', required: requiredText('vi') },
    };
  }

  const value = measureValue(measure, summary.counts);
  const trend = trendOf(measure, summary, previous);
  const withTrend = trend.length > 1 ? { trend } : {};
  if (value.actual === undefined) {
    return {
      ...base,
      numerator: value.numerator,
      ...(value.denominator !== undefined ? { denominator: value.denominator } : {}),
      status: 'noData',
      display: { actual: '—', required: requiredText('vi') },
      ...withTrend,
    };
  }

  const gap = gapUnits(target.comparator, target.value, measure.kind, value.numerator, value.denominator);
  const status: TargetStatus = gap.units === 0 ? 'met' : 'notMet';
  const attainment = target.value !== 0 ? value.actual / target.value : undefined;
  const actualText = (lang: Lang): string =>
    measure.kind === 'ratio'
      ? formatRatio(value.numerator, value.denominator!, pctFormat, lang)
      : formatCount(value.numerator, lang);
  const attainmentText =
    attainment === undefined
      ? undefined
      : measure.kind === 'count'
        ? formatRatio(value.numerator, target.value, pctFormat, 'vi')
        : formatPercent(attainment, pctFormat, 'vi');

  const result: TargetResult = {
    ...base,
    actual: value.actual,
    numerator: value.numerator,
    ...(value.denominator !== undefined ? { denominator: value.denominator } : {}),
    ...(attainment !== undefined ? { attainment } : {}),
    status,
    display: {
      actual: actualText('vi'),
      required: requiredText('vi'),
      ...(attainmentText !== undefined ? { attainment: attainmentText } : {}),
    },
    ...withTrend,
  };
  if (status === 'notMet') {
    const figures = (lang: Lang): string =>
      measure.kind === 'ratio'
        ? `${formatCount(value.numerator, lang)}/${formatCount(value.denominator!, lang)} = ${actualText(lang)}`
        : actualText(lang);
    result.gap = {
      units: gap.units,
      text: gapText(measure, gap, figures, requiredText),
    };
  }
  return result;
}

function gapText(
  measure: Measure,
  gap: { units: number; direction: 'more' | 'fewer' },
  figures: (lang: Lang) => string,
  required: (lang: Lang) => string,
): Bilingual {
  const n = { vi: formatCount(gap.units, 'vi'), en: formatCount(gap.units, 'en') };
  if (gap.direction === 'more') {
    return bi(
      `Cần thêm ${n.vi} ${measure.actionNoun.vi} (đang ${figures('vi')}, yêu cầu ${required('vi')})`,
      `${n.en} more ${measure.actionNoun.en} needed (${figures('en')}, required ${required('en')})`,
    );
  }
  return bi(
    `${n.vi} ${measure.actionNoun.vi} cần khắc phục (đang ${figures('vi')}, yêu cầu ${required('vi')})`,
    `${n.en} ${measure.actionNoun.en} to remedy (${figures('en')}, required ${required('en')})`,
  );
}

/** The measure over earlier periods and this one, oldest first; periods without data included. */
function trendOf(
  measure: Measure,
  summary: UnitSummary,
  previous: UnitSummary[],
): { periodKey: string; actual?: number }[] {
  const points = [summary, ...previous]
    .filter((s, i, all) => all.findIndex((o) => o.period.key === s.period.key) === i)
    .sort((a, b) => a.period.fromYear - b.period.fromYear || a.period.key.localeCompare(b.period.key));
  return points.map((s) => {
    const v = measureValue(measure, s.counts);
    return v.actual === undefined
      ? { periodKey: s.period.key }
      : { periodKey: s.period.key, actual: v.actual };
  });
}

export function evaluateTargets(
  summary: UnitSummary,
  targets: Target[],
  rulebook: Rulebook,
  opts: EvaluateOptions = {},
): TargetResult[] {
  return targets
    .filter((t) => appliesAtLevel(t, opts.level) && appliesToPeriod(t, summary.period))
    .map((t) => evaluateTarget(summary, t, rulebook, opts.previous ?? []));
}
