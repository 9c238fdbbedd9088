/**
 * The roll-up workbook of `kiemtra aggregate`: one row per unit, the target table per level
 * with gaps, the weakest units, completeness against the unit list — with data bars and icon
 * sets on the ratios so that a person sees the picture at a glance. Presentation only: every
 * figure comes from the engine's Rollup.
 */
import ExcelJS from 'exceljs';
import {
  RATING_LABELS,
  RESULT_SHEET_LAYOUT,
  RESULT_SHEETS,
  bi,
  type Bilingual,
  type CellValue,
  type Lang,
  type ResultSheet,
  type Rollup,
  type TargetResult,
  type UnitSummary,
} from '@kiemtra/shared';
import { writeResultSheet } from './apply.ts';

/** Sheet names stay Vietnamese whatever the language of their content: others read them. */
export const ROLLUP_SHEETS = {
  units: RESULT_SHEETS.rollup,
  targets: 'Chỉ tiêu theo cấp',
  weakest: 'Đơn vị yếu nhất',
  completeness: 'Tiến độ nộp',
} as const;

/** Counts shown beside each unit: the size of what it reports on. */
const COUNT_COLUMNS: { id: keyof UnitSummary['counts']; label: Bilingual }[] = [
  { id: 'orgs', label: bi('TCCSĐ', 'Grassroots orgs') },
  { id: 'cells', label: bi('Chi bộ', 'Party cells') },
  { id: 'members', label: bi('Đảng viên', 'Members') },
  { id: 'membersAdmitted', label: bi('Kết nạp', 'Admitted') },
  { id: 'hamlets', label: bi('Thôn, bản', 'Hamlets') },
];

function isPercent(t: TargetResult): boolean {
  return t.display.actual.trim().endsWith('%') || t.display.required.trim().endsWith('%');
}

function ratingText(r: UnitSummary['rating'], lang: Lang): string {
  return r ? `${r} — ${RATING_LABELS[r][lang]}` : '';
}

export function rollupWorkbook(rollup: Rollup, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const tx = (b: Bilingual) => b[lang];
  const parentName = rollup.summary.unit.name;
  const periodKey = rollup.summary.period.key;

  // Target columns in the parent's order, then any a child alone has.
  const targetCols: TargetResult[] = [...rollup.targets];
  for (const c of rollup.children) {
    for (const t of c.targets) if (!targetCols.some((x) => x.targetId === t.targetId)) targetCols.push(t);
  }
  const targetOf = (list: TargetResult[], id: string) => list.find((t) => t.targetId === id);
  const unitRow = (s: UnitSummary, targets: TargetResult[], index: number | string): CellValue[] => [
    index,
    s.unit.name,
    s.unit.code ?? '',
    ratingText(s.rating, lang),
    s.openErrors,
    s.openWarnings,
    s.targetsMissed.length,
    ...COUNT_COLUMNS.map((c) => s.counts[c.id]),
    ...targetCols.map((t) => targetOf(targets, t.targetId)?.actual ?? null),
  ];
  const children = [...rollup.children].sort((a, b) =>
    a.summary.unit.name.localeCompare(b.summary.unit.name, 'vi'),
  );
  const units: ResultSheet = {
    name: ROLLUP_SHEETS.units,
    role: 'rollup',
    title: `${tx(bi('Tổng hợp', 'Roll-up'))}: ${parentName} — ${tx(bi('kỳ', 'period'))} ${periodKey}`,
    columns: [
      { header: tx(bi('STT', 'No.')), width: 6, kind: 'number' },
      { header: tx(bi('Đơn vị', 'Unit')), width: 30 },
      { header: tx(bi('Mã', 'Code')), width: 10 },
      { header: tx(bi('Xếp loại', 'Rating')), width: 24 },
      { header: tx(bi('Lỗi', 'Errors')), width: 8, kind: 'number' },
      { header: tx(bi('Cảnh báo', 'Warnings')), width: 10, kind: 'number' },
      { header: tx(bi('Chỉ tiêu chưa đạt', 'Targets missed')), width: 11, kind: 'number' },
      ...COUNT_COLUMNS.map((c) => ({ header: tx(c.label), width: 11, kind: 'number' as const })),
      ...targetCols.map((t) => ({
        header: tx(t.label),
        width: 16,
        kind: isPercent(t) ? ('percent' as const) : ('number' as const),
      })),
    ],
    rows: [
      ...children.map((c, i) => unitRow(c.summary, c.targets, i + 1)),
      unitRow(rollup.summary, rollup.targets, tx(bi('Cộng', 'Total'))),
    ],
    rowStatus: [
      ...children.map((c) =>
        c.summary.openErrors > 0 ? 'error' : c.summary.targetsMissed.length > 0 ? 'warning' : 'ok',
      ),
      null,
    ] as ResultSheet['rowStatus'],
    links: [],
  };

  const targetRows: CellValue[][] = [];
  const targetStatus: ResultSheet['rowStatus'] = [];
  const levels: { summary: UnitSummary; targets: TargetResult[] }[] = [
    { summary: rollup.summary, targets: rollup.targets },
    ...children,
  ];
  for (const level of levels) {
    for (const t of level.targets) {
      targetRows.push([
        level.summary.unit.name,
        level.summary.unit.level ?? '',
        tx(t.label),
        t.display.required,
        t.display.actual,
        t.attainment ?? null,
        t.gap ? tx(t.gap.text) : '',
        tx(
          t.status === 'met'
            ? bi('Đạt', 'Met')
            : t.status === 'notMet'
              ? bi('Chưa đạt', 'Not met')
              : bi('Chưa có số liệu', 'No data'),
        ),
      ]);
      targetStatus.push(t.status === 'noData' ? null : t.status);
    }
  }
  const targets: ResultSheet = {
    name: ROLLUP_SHEETS.targets,
    role: 'rollup',
    title: `${tx(bi('Chỉ tiêu theo cấp', 'Targets by level'))}: ${parentName} — ${periodKey}`,
    columns: [
      { header: tx(bi('Đơn vị', 'Unit')), width: 28 },
      { header: tx(bi('Cấp', 'Level')), width: 10 },
      { header: tx(bi('Chỉ tiêu', 'Target')), width: 40 },
      { header: tx(bi('Yêu cầu', 'Required')), width: 12 },
      { header: tx(bi('Thực hiện', 'Actual')), width: 12 },
      { header: tx(bi('Mức đạt', 'Attainment')), width: 12, kind: 'percent' },
      { header: tx(bi('Còn thiếu', 'Gap')), width: 44 },
      { header: tx(bi('Kết quả', 'Status')), width: 14 },
    ],
    rows: targetRows,
    rowStatus: targetStatus,
    links: [],
  };

  const weakest: ResultSheet = {
    name: ROLLUP_SHEETS.weakest,
    role: 'rollup',
    title: `${tx(bi('Các đơn vị cần giúp đỡ trước', 'Units to help first'))}: ${parentName}`,
    columns: [
      { header: tx(bi('Thứ tự', 'Rank')), width: 8, kind: 'number' },
      { header: tx(bi('Đơn vị', 'Unit')), width: 30 },
      { header: tx(bi('Xếp loại', 'Rating')), width: 26 },
      { header: tx(bi('Chỉ tiêu chưa đạt', 'Targets missed')), width: 12, kind: 'number' },
      { header: tx(bi('Lỗi', 'Errors')), width: 8, kind: 'number' },
      { header: tx(bi('Lý do', 'Why')), width: 60 },
    ],
    rows: rollup.weakest.map((w, i) => [
      i + 1,
      w.unit.name,
      ratingText(w.rating, lang),
      w.targetsMissed,
      w.openErrors,
      tx(w.reason),
    ]),
    rowStatus: rollup.weakest.map((w) => (w.openErrors > 0 ? 'error' : 'warning')),
    links: [],
  };

  const { completeness } = rollup;
  const listRows: CellValue[][] = [
    ...completeness.missing.map((u) => [tx(bi('Chưa nộp', 'Missing')), u.code ?? '', u.name]),
    ...completeness.unexpected.map((u) => [
      tx(bi('Không có trong danh sách', 'Not in the list')),
      u.code ?? '',
      u.name,
    ]),
    ...completeness.submitted.map((u) => [tx(bi('Đã nộp', 'Submitted')), u.code ?? '', u.name]),
  ];
  const completenessSheet: ResultSheet = {
    name: ROLLUP_SHEETS.completeness,
    role: 'rollup',
    title:
      `${tx(bi('Đã nộp', 'Submitted'))} ${completeness.submitted.length}` +
      (completeness.expected > 0 ? ` / ${completeness.expected}` : '') +
      ` — ${tx(bi('còn thiếu', 'missing'))} ${completeness.missing.length}`,
    columns: [
      { header: tx(bi('Tình trạng', 'Status')), width: 24 },
      { header: tx(bi('Mã', 'Code')), width: 12 },
      { header: tx(bi('Đơn vị', 'Unit')), width: 40 },
    ],
    rows: listRows,
    rowStatus: [
      ...completeness.missing.map(() => 'error' as const),
      ...completeness.unexpected.map(() => 'warning' as const),
      ...completeness.submitted.map(() => 'ok' as const),
    ],
    links: [],
  };

  const unitsWs = writeResultSheet(wb, units);
  const first = RESULT_SHEET_LAYOUT.firstDataRow + 1;
  const lastChild = first + children.length - 1;
  if (children.length > 0) {
    targetCols.forEach((t, j) => {
      const col = 7 + COUNT_COLUMNS.length + j + 1;
      const letter = unitsWs.getColumn(col).letter;
      unitsWs.addConditionalFormatting({
        ref: `${letter}${first}:${letter}${lastChild}`,
        rules: [
          {
            type: 'dataBar',
            priority: j + 1,
            minLength: 0,
            maxLength: 100,
            cfvo: [
              { type: 'num', value: 0 },
              { type: isPercent(t) ? 'num' : 'max', value: isPercent(t) ? 1 : 0 },
            ],
            color: { argb: 'FF5B9BD5' },
            gradient: false,
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    });
    const totalRow = unitsWs.getRow(lastChild + 1);
    totalRow.eachCell((cell) => (cell.style = { ...cell.style, font: { ...cell.style.font, bold: true } }));
  }
  const targetsWs = writeResultSheet(wb, targets);
  if (targetRows.length > 0) {
    targetsWs.addConditionalFormatting({
      ref: `F${first}:F${first + targetRows.length - 1}`,
      rules: [
        {
          type: 'iconSet',
          priority: 1,
          iconSet: '3TrafficLights1',
          showValue: true,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 0.9 },
            { type: 'num', value: 1 },
          ],
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  writeResultSheet(wb, weakest);
  writeResultSheet(wb, completenessSheet);
  return wb;
}
