/**
 * Rules on a workbook's own target table written as a report ("Kế hoạch | Thực hiện | Tỷ lệ"):
 * the figures of one row must agree with each other, whatever the target measures.
 */
import { formatCount, formatPercent } from '../format.ts';
import { bi, type Lang } from '../i18n.ts';
import type { RowRecord } from '../table.ts';
import { agreesAsTyped, percentAsTyped } from '../targets/reported.ts';
import { BASIS } from './basis.ts';
import type { RuleHelpers } from './helpers.ts';
import { rowRule, type RuleDef } from './types.ts';

/**
 * A row's plan and achievement on one scale. "92,45%" is read as 0.9245, so in a row about
 * percentages (a unit of measure "%", or either figure typed with "%") a bare 92,45 is too.
 */
function planAndAchievement(
  rec: RowRecord,
  h: RuleHelpers,
): { planned: number; achieved: number; percent: boolean } | undefined {
  const planned = h.num(rec, 'value');
  const achieved = h.num(rec, 'reported');
  if (planned === undefined || achieved === undefined) return undefined;
  const typedPercent = (field: string): boolean => {
    const raw = rec.cells[field]?.raw;
    return typeof raw === 'string' && raw.includes('%');
  };
  const percent =
    (h.text(rec, 'unitOfMeasure') ?? '').includes('%') || typedPercent('value') || typedPercent('reported');
  const scaled = (v: number, field: string): number => (percent && !typedPercent(field) ? v / 100 : v);
  return { planned: scaled(planned, 'value'), achieved: scaled(achieved, 'reported'), percent };
}

/** A plan or achievement as the report shows it. */
function shown(v: number, percent: boolean, lang: Lang): string {
  return percent ? percentAsTyped(v, lang) : formatCount(v, lang);
}

export const TARGET_TABLE_RULES: RuleDef[] = [
  rowRule({
    id: 'targets.attainment',
    severity: 'warning',
    title: bi(
      'Tỷ lệ thực hiện khác thực hiện chia kế hoạch',
      'Attainment rate differs from achieved over planned',
    ),
    basis: BASIS.consistency,
    kinds: ['targets'],
    needs: ['value', 'reported', 'reportedAttainment'],
    when: (rec, h) => (planAndAchievement(rec, h)?.planned ?? 0) > 0,
    row(rec, h) {
      const { planned, achieved, percent } = planAndAchievement(rec, h)!;
      const rate = h.num(rec, 'reportedAttainment')!;
      const computed = achieved / planned;
      if (agreesAsTyped(rate, computed)) return undefined;
      const measure = h.text(rec, 'measure') ?? '';
      const figures = (lang: Lang): string =>
        `${shown(achieved, percent, lang)} / ${shown(planned, percent, lang)} = ${formatPercent(computed, { decimals: 2, rounding: 'halfUp', trimZeros: true }, lang)}`;
      return h.finding(
        rec,
        'reportedAttainment',
        bi(
          `Chỉ tiêu «${measure}»: tỷ lệ ghi ${percentAsTyped(rate, 'vi')}, nhưng thực hiện / kế hoạch = ${figures('vi')}`,
          `Target “${measure}”: the rate reads ${percentAsTyped(rate, 'en')}, but achieved / planned = ${figures('en')}`,
        ),
        { reportedAttainment: rate, computed },
        bi(
          'Tính lại tỷ lệ, hoặc sửa số kế hoạch, thực hiện.',
          'Recompute the rate, or correct the planned or achieved figure.',
        ),
      );
    },
  }),
];
