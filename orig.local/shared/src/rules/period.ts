/**
 * Period-to-period checks: a count that moved a lot since the last period needs explaining
 * (a hamlet losing its members again, admissions falling, a sheet half filled in). The
 * issue sits on the column that carries the count, at its total when the table has one.
 */
import { FIELDS, type TableKind } from '../fields.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { CountId } from '../summary.ts';
import { BASIS } from './basis.ts';
import { fmtPercent, grandTotalCell, headerCell, type RuleHelpers } from './helpers.ts';
import type { RuleDef } from './types.ts';

interface JumpSpec {
  count: CountId;
  label: Bilingual;
  /** A flow over the period (not a stock): only comparable between periods of equal length. */
  flow?: boolean;
  /** Where the count is shown, best first. */
  anchors: [TableKind, string][];
}

const JUMPS: JumpSpec[] = [
  {
    count: 'members',
    label: bi('Số đảng viên', 'Members'),
    anchors: [
      ['partyCells', 'membersTotal'],
      ['organizations', 'membersTotal'],
      ['members', 'cell'],
    ],
  },
  {
    count: 'membersAdmitted',
    label: bi('Số đảng viên kết nạp', 'Members admitted'),
    flow: true,
    anchors: [
      ['partyCells', 'admitted'],
      ['organizations', 'admitted'],
    ],
  },
  {
    count: 'cells',
    label: bi('Số chi bộ', 'Party cells'),
    anchors: [
      ['organizations', 'cells'],
      ['partyCells', 'name'],
    ],
  },
  {
    count: 'cellsWithCommittee',
    label: bi('Số chi bộ có chi ủy', 'Cells with a committee'),
    anchors: [
      ['partyCells', 'hasCommittee'],
      ['partyCells', 'committeeSize'],
    ],
  },
  { count: 'hamlets', label: bi('Số thôn, bản, tổ dân phố', 'Hamlets'), anchors: [['hamlets', 'name']] },
  {
    count: 'hamletsWithMembers',
    label: bi('Số thôn, bản có đảng viên', 'Hamlets with members'),
    anchors: [['hamlets', 'members']],
  },
  {
    count: 'orgs',
    label: bi('Số tổ chức cơ sở đảng', 'Grassroots organizations'),
    anchors: [['organizations', 'name']],
  },
];

/**
 * The first anchor whose column the workbook has: its cell on the grand total row when the
 * field is a count and the table has a total, else its header cell.
 */
function anchorCell(
  h: RuleHelpers,
  anchors: [TableKind, string][],
): { sheet: string; cell: string } | undefined {
  for (const [kind, field] of anchors) {
    const isCount = FIELDS[kind].find((d) => d.id === field)?.type === 'int';
    for (const t of h.tables(kind)) {
      const head = headerCell(t, field);
      if (!head) continue;
      const total = isCount ? grandTotalCell(t, field) : undefined;
      return { sheet: t.sheet, cell: total ?? head };
    }
  }
  return undefined;
}

function jumpRule(spec: JumpSpec): RuleDef {
  return {
    id: `period.jump.${spec.count}`,
    severity: 'warning',
    title: bi(
      `${spec.label.vi} thay đổi lớn so với kỳ trước`,
      `${spec.label.en}: large change since the previous period`,
    ),
    basis: BASIS.seedJump,
    kinds: [...new Set(spec.anchors.map(([k]) => k))],
    check(ctx, h) {
      const prev = ctx.previous;
      if (!prev) return { findings: [], checked: 0 };
      const before = prev.counts[spec.count] ?? 0;
      const now = ctx.summary.counts[spec.count] ?? 0;
      // A zero on either side means the table is absent from one workbook, not a real change.
      if (before <= 0 || now <= 0) return { findings: [], checked: 0 };
      if (spec.flow && prev.period.months !== ctx.summary.period.months) return { findings: [], checked: 0 };
      const change = now - before;
      const share = change / before;
      const { jumpShare, jumpMinAbsolute } = h.thresholds;
      if (Math.abs(change) <= jumpMinAbsolute || Math.abs(share) <= jumpShare)
        return { findings: [], checked: 1 };
      const at = anchorCell(h, spec.anchors) ?? { sheet: ctx.data.sheetNames[0] ?? '', cell: 'A1' };
      const sign = change > 0 ? '+' : '−';
      const pctVi = `${sign}${fmtPercent(Math.abs(share), 'vi')}`;
      const pctEn = `${sign}${fmtPercent(Math.abs(share), 'en')}`;
      const prevKey = prev.period.key;
      return {
        checked: 1,
        findings: [
          {
            ...at,
            message: bi(
              `${spec.label.vi}: ${before} → ${now} (${pctVi}) so với kỳ ${prevKey}`,
              `${spec.label.en}: ${before} → ${now} (${pctEn}) against ${prevKey}`,
            ),
            suggestion: bi(
              'Kiểm tra lại số liệu; nếu đúng, ghi giải trình lý do thay đổi.',
              'Check the figures; if they are right, justify the change.',
            ),
            values: {
              previous: before,
              current: now,
              change,
              share: Math.round(share * 10000) / 10000,
              previousPeriod: prevKey,
            },
            unitName: ctx.summary.unit.name,
          },
        ],
      };
    },
  };
}

export const PERIOD_RULES: RuleDef[] = JUMPS.map(jumpRule);
