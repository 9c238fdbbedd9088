/**
 * The "Tổng hợp" sheet: one row per child unit with its status and the attainment of each
 * target the parent is measured on, a column chart of that attainment, and the completeness
 * list (who submitted, who is missing). Figures come from the `rollup` callable as computed
 * by the engine; this module only lays them out.
 */
import type { Lang, ResultSheet } from '@kiemtra/shared';
import { RESULT_SHEETS, bi, pick } from '@kiemtra/shared';
import type { RollupResult } from '../services/backend.ts';
import { RESULT_SHEET_LAYOUT, writeResultSheet } from './apply.ts';
import { WriteBatch } from './batch.ts';
import type { ExcelCapabilities } from './capabilities.ts';

const T = {
  title: bi('TỔNG HỢP', 'ROLL-UP'),
  unit: bi('Đơn vị', 'Unit'),
  status: bi('Tình trạng', 'Status'),
  submittedOf: bi('Đã nộp / phải nộp', 'Submitted / expected'),
  completeness: bi('Đầy đủ báo cáo', 'Completeness'),
  missing: bi('Chưa nộp', 'Not submitted'),
  late: bi('Nộp muộn', 'Late'),
  chart: bi('Mức đạt chỉ tiêu theo đơn vị', 'Target attainment per unit'),
  statuses: {
    approved: bi('Đã duyệt', 'Approved'),
    returned: bi('Trả lại', 'Returned'),
    submitted: bi('Đã nộp', 'Submitted'),
    missing: bi('Chưa nộp', 'Missing'),
  },
};

export interface RollupLayout {
  sheet: ResultSheet;
  /** Rows and columns the chart is drawn from (unit names plus attainment columns). */
  chart?: { top: number; rows: number; cols: number };
}

export function rollupLayout(r: RollupResult, lang: Lang): RollupLayout {
  const targets = r.rollup.targets;
  const columns: ResultSheet['columns'] = [
    { header: pick(T.unit, lang), width: 28 },
    ...targets.map((t) => ({ header: pick(t.label, lang), width: 14, kind: 'percent' as const })),
    { header: pick(T.status, lang), width: 12 },
    { header: pick(T.submittedOf, lang), width: 12 },
  ];
  const childTargets = new Map(
    r.rollup.children.map((c) => [c.summary.unit.code ?? c.summary.unit.name, c.targets]),
  );
  const rows: ResultSheet['rows'] = [];
  const rowStatus: ResultSheet['rowStatus'] = [];
  for (const child of r.children) {
    const own = childTargets.get(child.unit.code ?? child.unit.name) ?? [];
    rows.push([
      child.unit.name,
      ...targets.map((t) => own.find((o) => o.targetId === t.targetId)?.attainment ?? null),
      pick(T.statuses[child.status], lang) + (child.late ? ` (${pick(T.late, lang).toLowerCase()})` : ''),
      `${child.unitsSubmitted}/${child.unitsExpected}`,
    ]);
    rowStatus.push(child.status === 'missing' ? 'error' : child.late ? 'warning' : 'ok');
  }
  rows.push([
    r.unit.name,
    ...targets.map((t) => t.attainment ?? null),
    '',
    `${r.rollup.completeness.submitted.length}/${r.rollup.completeness.expected}`,
  ]);
  rowStatus.push(null);
  const unitRows = rows.length;
  rows.push([]);
  rowStatus.push(null);
  rows.push([
    `${pick(T.completeness, lang)}: ${r.rollup.completeness.submitted.length}/${r.rollup.completeness.expected}`,
  ]);
  rowStatus.push(null);
  for (const m of r.rollup.completeness.missing) {
    rows.push([`${pick(T.missing, lang)}: ${m.name}${m.code ? ` (${m.code})` : ''}`]);
    rowStatus.push('warning');
  }
  const sheet: ResultSheet = {
    name: RESULT_SHEETS.rollup,
    role: 'rollup',
    title: `${pick(T.title, lang)} — ${r.unit.name} — ${r.period.key}`,
    columns,
    rows,
    rowStatus,
    links: [],
  };
  return {
    sheet,
    ...(targets.length > 0
      ? { chart: { top: RESULT_SHEET_LAYOUT.headerRow, rows: unitRows, cols: 1 + targets.length } }
      : {}),
  };
}

export async function writeRollupSheet(
  context: Excel.RequestContext,
  r: RollupResult,
  lang: Lang,
  caps: ExcelCapabilities,
): Promise<void> {
  const layout = rollupLayout(r, lang);
  const existing = context.workbook.worksheets.getItemOrNullObject(layout.sheet.name);
  await context.sync();
  if (!existing.isNullObject) existing.delete();
  const ws = context.workbook.worksheets.add(layout.sheet.name);
  const batch = new WriteBatch(context, caps);
  await writeResultSheet(batch, ws, layout.sheet);
  if (layout.chart) {
    // Header row plus the child rows (not the parent's own total) feed the chart.
    const source = ws.getRangeByIndexes(layout.chart.top, 0, layout.chart.rows, layout.chart.cols);
    const chart = ws.charts.add('ColumnClustered', source, 'Columns');
    chart.title.text = pick(T.chart, lang);
    const below = RESULT_SHEET_LAYOUT.firstDataRow + layout.sheet.rows.length + 1;
    chart.setPosition(`A${below + 1}`, `H${below + 18}`);
  }
  ws.activate();
  await batch.flush();
  await context.sync();
}
