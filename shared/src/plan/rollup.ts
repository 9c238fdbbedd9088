/**
 * The roll-up sheets: what a board reads after aggregating its units (the command line's
 * `aggregate` workbook, the add-in's "Kết quả tổng hợp" sheet). Pure data, Vietnamese like every sheet
 * we write; hosts add only presentation (fonts, data bars and icon sets on the `percent`
 * columns).
 *
 * Sheets, in order:
 * 1. RESULT_SHEETS.rollup — one row per unit (sorted by name), then the parent's total row:
 *    rating, open errors and warnings, targets missed, key counts, one column per target (none
 *    for a target no unit has data for), and the labels of the targets missed. A target with a
 *    ≥ or > comparator shows its attainment (actual ÷ required, 1 = reached), one with ≤, < or
 *    = shows the measured value: "attainment" of "0 committees not completed" means nothing.
 * 2. RESULT_SHEETS.rollupTargets — the target table per level with gaps: the parent first,
 *    then each unit.
 * 3. RESULT_SHEETS.rollupCompleteness — missing, not in the list, submitted.
 * 4. RESULT_SHEETS.rollupWeakest — the units to help first, with reasons (seed 002).
 */
import type { Rollup } from '../aggregate/index.ts';
import type { CellValue } from '../grid.ts';
import { RATING_LABELS, type RatingCode } from '../rating-codes.ts';
import type { TargetResult } from '../report.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import type { CountId, UnitRef, UnitSummary } from '../summary.ts';
import { measureById } from '../targets/measures.ts';
import { clip, periodText, TARGET_STATUS_TEXT } from './texts.ts';
import { RESULT_SHEETS, type ResultSheet } from './types.ts';

/** Label of the parent's row, the last of the units sheet. */
export const ROLLUP_TOTAL_LABEL = 'Cộng';

/** Counts shown beside each unit: the size of what it reports on. */
export const ROLLUP_COUNT_COLUMNS: readonly { id: CountId; header: string }[] = [
  { id: 'orgs', header: 'TCCSĐ' },
  { id: 'cells', header: 'Chi bộ' },
  { id: 'members', header: 'Đảng viên' },
  { id: 'membersAdmitted', header: 'Kết nạp' },
  { id: 'hamlets', header: 'Thôn, bản' },
];

const COMPARATOR_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

function ratingText(r: RatingCode | undefined): string {
  return r ? `${r} — ${RATING_LABELS[r].vi}` : '';
}

/** "Đảng bộ huyện Sốp Cộp — năm 2023"; the period left out when unknown. */
function heading(prefix: string, unit: UnitRef, rollup: Rollup): string {
  return [prefix, unit.name, periodText(rollup.summary.period)].filter((s) => s !== '').join(' — ');
}

function attains(t: Pick<TargetResult, 'comparator'>): boolean {
  return t.comparator === '>=' || t.comparator === '>';
}

function isRatio(t: TargetResult): boolean {
  const m = measureById(t.measure);
  return m ? m.kind === 'ratio' : t.denominator !== undefined;
}

/** "≥ 90%" unless the display already names the comparator. */
function requiredText(t: TargetResult): string {
  const shown = t.display.required.trim();
  return /^[≥≤<>=]/.test(shown) ? shown : `${COMPARATOR_TEXT[t.comparator]} ${shown}`;
}

function actualText(t: TargetResult): string | null {
  if (t.status === 'noData') return null;
  const ratio = t.numerator !== undefined && t.denominator !== undefined;
  return ratio ? `${t.display.actual} (${t.numerator}/${t.denominator})` : t.display.actual;
}

/** Targets as columns: the rulebook's order, then any that only a unit's results have. */
function targetColumns(rollup: Rollup, rulebook: Rulebook): TargetResult[] {
  const seen = new Map<string, TargetResult>();
  for (const t of [...rollup.targets, ...rollup.children.flatMap((c) => c.targets)]) {
    if (!seen.has(t.targetId)) seen.set(t.targetId, t);
  }
  const order = new Map(rulebook.targets.map((t, i) => [t.id, i]));
  return [...seen.values()].sort(
    (a, b) => (order.get(a.targetId) ?? Infinity) - (order.get(b.targetId) ?? Infinity),
  );
}

/** Labels of the targets a unit missed: its own results, and those its summary names. */
function missedLabels(summary: UnitSummary, targets: TargetResult[], labels: Map<string, string>): string[] {
  const ids = new Set(summary.targetsMissed);
  for (const t of targets) if (t.status === 'notMet') ids.add(t.targetId);
  return [...ids].map((id) => labels.get(id) ?? id);
}

export function planRollup(rollup: Rollup, rulebook: Rulebook): ResultSheet[] {
  return [
    unitsSheet(rollup, rulebook),
    targetsSheet(rollup),
    completenessSheet(rollup),
    weakestSheet(rollup),
  ];
}

function unitsSheet(rollup: Rollup, rulebook: Rulebook): ResultSheet {
  // A target no unit has data for gets no column: the targets sheet says "no data" for it.
  const hasValue = (t: TargetResult) => (attains(t) ? t.attainment : t.actual) !== undefined;
  const columns = targetColumns(rollup, rulebook).filter((col) =>
    [rollup.targets, ...rollup.children.map((c) => c.targets)].some((list) =>
      list.some((t) => t.targetId === col.targetId && hasValue(t)),
    ),
  );
  const labels = new Map<string, string>(rulebook.targets.map((t) => [t.id, t.label.vi]));
  for (const t of columns) labels.set(t.targetId, t.label.vi);

  const row = (s: UnitSummary, targets: TargetResult[], first: CellValue): CellValue[] => {
    const missed = missedLabels(s, targets, labels);
    return [
      first,
      s.unit.name,
      s.unit.code ?? null,
      ratingText(s.rating) || null,
      s.openErrors,
      s.openWarnings,
      missed.length,
      ...ROLLUP_COUNT_COLUMNS.map((c) => s.counts[c.id]),
      ...columns.map((col) => {
        const t = targets.find((x) => x.targetId === col.targetId);
        if (!t) return null;
        return (attains(t) ? t.attainment : t.actual) ?? null;
      }),
      missed.length > 0 ? clip(missed.join('; '), 1000) : null,
    ];
  };
  const children = [...rollup.children].sort((a, b) =>
    a.summary.unit.name.localeCompare(b.summary.unit.name, 'vi'),
  );
  const { completeness } = rollup;
  const submittedText =
    completeness.expected > 0
      ? `đã nộp ${completeness.submitted.length}/${completeness.expected}`
      : `${rollup.children.length} đơn vị`;
  return {
    name: RESULT_SHEETS.rollup,
    role: 'rollup',
    title: `${heading('TỔNG HỢP', rollup.summary.unit, rollup)} (${submittedText})`,
    columns: [
      { header: 'STT', width: 6, kind: 'number' },
      { header: 'Đơn vị', width: 30 },
      { header: 'Mã', width: 10 },
      { header: 'Xếp loại', width: 24 },
      { header: 'Lỗi chưa xử lý', width: 9, kind: 'number' },
      { header: 'Cảnh báo', width: 10, kind: 'number' },
      { header: 'Số chỉ tiêu chưa đạt', width: 11, kind: 'number' },
      ...ROLLUP_COUNT_COLUMNS.map((c) => ({ header: c.header, width: 11, kind: 'number' as const })),
      ...columns.map((t) => ({
        header: `${t.label.vi} (${attains(t) ? 'mức đạt so với chỉ tiêu' : `thực hiện, yêu cầu ${requiredText(t)}`})`,
        width: 18,
        kind: attains(t) || isRatio(t) ? ('percent' as const) : ('number' as const),
      })),
      { header: 'Chỉ tiêu chưa đạt', width: 50 },
    ],
    rows: [
      ...children.map((c, i) => row(c.summary, c.targets, i + 1)),
      row(rollup.summary, rollup.targets, ROLLUP_TOTAL_LABEL),
    ],
    rowStatus: [
      ...children.map((c) =>
        c.summary.openErrors > 0
          ? ('error' as const)
          : missedLabels(c.summary, c.targets, labels).length > 0
            ? ('warning' as const)
            : ('ok' as const),
      ),
      null,
    ],
    links: [],
  };
}

function targetsSheet(rollup: Rollup): ResultSheet {
  const rows: CellValue[][] = [];
  const rowStatus: ResultSheet['rowStatus'] = [];
  const levels = [
    { summary: rollup.summary, targets: rollup.targets },
    ...[...rollup.children].sort((a, b) => a.summary.unit.name.localeCompare(b.summary.unit.name, 'vi')),
  ];
  for (const { summary, targets } of levels) {
    for (const t of targets) {
      rows.push([
        summary.unit.name,
        summary.unit.level ?? null,
        t.label.vi,
        requiredText(t),
        actualText(t),
        attains(t) ? (t.attainment ?? null) : null,
        t.gap && t.gap.units > 0 ? t.gap.text.vi : null,
        TARGET_STATUS_TEXT[t.status],
      ]);
      rowStatus.push(t.status === 'noData' ? null : t.status);
    }
  }
  const met = rollup.targets.filter((t) => t.status === 'met').length;
  return {
    name: RESULT_SHEETS.rollupTargets,
    role: 'rollup',
    title: `${heading('CHỈ TIÊU THEO CẤP', rollup.summary.unit, rollup)} (cấp trên đạt ${met}/${rollup.targets.length})`,
    columns: [
      { header: 'Đơn vị', width: 28 },
      { header: 'Cấp', width: 10 },
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Yêu cầu', width: 12 },
      { header: 'Thực hiện', width: 20 },
      { header: 'Mức đạt', width: 12, kind: 'percent' },
      { header: 'Còn thiếu', width: 44 },
      { header: 'Kết quả', width: 14 },
    ],
    rows,
    rowStatus,
    links: [],
  };
}

function completenessSheet(rollup: Rollup): ResultSheet {
  const c = rollup.completeness;
  const line = (status: string, u: UnitRef): CellValue[] => [status, u.code ?? null, u.name];
  const expected = c.expected > 0 ? `/${c.expected}` : '';
  return {
    name: RESULT_SHEETS.rollupCompleteness,
    role: 'rollup',
    title:
      `${heading('TIẾN ĐỘ NỘP BÁO CÁO', rollup.summary.unit, rollup)}: ` +
      `đã nộp ${c.submitted.length}${expected}, còn thiếu ${c.missing.length}, ` +
      `không có trong danh sách ${c.unexpected.length}`,
    columns: [
      { header: 'Tình trạng', width: 24 },
      { header: 'Mã', width: 12 },
      { header: 'Đơn vị', width: 40 },
    ],
    rows: [
      ...c.missing.map((u) => line('Chưa nộp', u)),
      ...c.unexpected.map((u) => line('Không có trong danh sách', u)),
      ...c.submitted.map((u) => line('Đã nộp', u)),
    ],
    rowStatus: [
      ...c.missing.map(() => 'error' as const),
      ...c.unexpected.map(() => 'warning' as const),
      ...c.submitted.map(() => 'ok' as const),
    ],
    links: [],
  };
}

function weakestSheet(rollup: Rollup): ResultSheet {
  return {
    name: RESULT_SHEETS.rollupWeakest,
    role: 'rollup',
    title: heading('CÁC ĐƠN VỊ CẦN GIÚP ĐỠ TRƯỚC', rollup.summary.unit, rollup),
    columns: [
      { header: 'Thứ tự', width: 8, kind: 'number' },
      { header: 'Đơn vị', width: 30 },
      { header: 'Xếp loại', width: 26 },
      { header: 'Số chỉ tiêu chưa đạt', width: 12, kind: 'number' },
      { header: 'Lỗi chưa xử lý', width: 10, kind: 'number' },
      { header: 'Lý do', width: 60 },
    ],
    rows: rollup.weakest.map((w, i) => [
      i + 1,
      w.unit.name,
      ratingText(w.rating) || null,
      w.targetsMissed,
      w.openErrors,
      w.reason.vi,
    ]),
    rowStatus: rollup.weakest.map((w) => (w.openErrors > 0 || w.rating === 'KHTNV' ? 'error' : 'warning')),
    links: [],
  };
}
