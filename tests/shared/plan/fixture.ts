/** A small literal workbook, its detection and an evaluation of it, for planner tests. */
import type { SheetGrid, WorkbookGrid } from '../../../shared/src/grid.ts';
import { bi } from '../../../shared/src/i18n.ts';
import type { Issue } from '../../../shared/src/issue.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import type { Evaluation } from '../../../shared/src/pipeline.ts';
import type { RowResult, TargetResult } from '../../../shared/src/report.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { emptyCounts } from '../../../shared/src/summary.ts';
import type { DetectedTable, RowRecord } from '../../../shared/src/table.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';

export const SHEET = 'Chi bộ';

export function literalSheet(): SheetGrid {
  return {
    name: SHEET,
    rows: [
      ['ĐẢNG ỦY XÃ NẬM LẠNH', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      [],
      ['BIỂU TỔNG HỢP CHI BỘ NĂM 2023'],
      ['STT', 'Tên chi bộ', 'Số đảng viên', null, null],
      [null, null, 'Tổng số', 'Chính thức', 'Dự bị'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      [1, 'Chi bộ bản Nặm Bao', 8, 7, '1'],
      [2, 'Chi bộ bản Pò Cại', 10, 10, 0],
      [null, 'Tổng cộng', 19, 17, 1],
      [],
      [null, 'NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY'],
    ],
    merges: [
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 4 },
    ],
    notes: { B7: 'Chi bộ ghép từ tháng 7' },
  };
}

export function literalGrid(): WorkbookGrid {
  return { name: 'nam-lanh.xlsx', sheets: [literalSheet()] };
}

export const TABLE: DetectedTable = {
  id: `${SHEET}#0`,
  sheet: SHEET,
  kind: 'partyCells',
  kindConfidence: 0.9,
  title: 'BIỂU TỔNG HỢP CHI BỘ NĂM 2023',
  headerRows: [3, 4],
  columnNumberRow: 5,
  dataRows: [6, 7],
  groupRows: [],
  totalRows: [{ row: 8, label: 'Tổng cộng', coversRows: [6, 7], values: { membersTotal: 19 } }],
  firstCol: 0,
  lastCol: 4,
  lastRow: 8,
  resultCol: 5,
  columns: [
    { col: 0, header: 'STT', field: 'order', confidence: 1 },
    { col: 1, header: 'Tên chi bộ', field: 'name', confidence: 1 },
    { col: 2, header: 'Số đảng viên / Tổng số', field: 'membersTotal', confidence: 1 },
    { col: 3, header: 'Số đảng viên / Chính thức', field: 'membersOfficial', confidence: 1 },
    { col: 4, header: 'Số đảng viên / Dự bị', field: 'membersProbationary', confidence: 1 },
  ],
  missingRequired: [],
};

function record(row: number, name: string, total: number, official: number, probationary: number): RowRecord {
  return {
    tableId: TABLE.id,
    kind: 'partyCells',
    sheet: SHEET,
    row,
    values: { name, membersTotal: total, membersOfficial: official, membersProbationary: probationary },
    cells: {
      name: { address: `B${row + 1}`, raw: name },
      membersTotal: { address: `C${row + 1}`, raw: total },
      membersOfficial: { address: `D${row + 1}`, raw: official },
      membersProbationary: { address: `E${row + 1}`, raw: probationary },
    },
    groups: [],
    ref: `r${row}`,
  };
}

export function literalData(): WorkbookData {
  return {
    workbook: 'nam-lanh.xlsx',
    sheetNames: [SHEET],
    tables: [TABLE],
    records: [record(6, 'Chi bộ bản Nặm Bao', 8, 7, 1), record(7, 'Chi bộ bản Pò Cại', 10, 10, 0)],
    issues: [],
    period: yearPeriod(2023),
    unit: { name: 'Đảng bộ xã Nậm Lạnh', level: 'commune' },
  };
}

function issue(partial: Partial<Issue> & Pick<Issue, 'ruleId' | 'severity' | 'cell' | 'message'>): Issue {
  return { sheet: SHEET, values: {}, justified: false, ...partial };
}

export const ISSUES: Issue[] = [
  issue({
    ruleId: 'cell.total.row',
    severity: 'error',
    cell: 'C9',
    message: bi('Dòng tổng cộng ghi 19, cộng các dòng được 18', 'Total row says 19, rows add up to 18'),
    values: { written: 19, computed: 18 },
  }),
  issue({
    ruleId: 'cell.meetings.regular',
    severity: 'error',
    cell: 'D7',
    message: bi('6 kỳ sinh hoạt / 12 kỳ yêu cầu', '6 meetings / 12 required'),
    values: { actual: 6, required: 12 },
    unitName: 'Chi bộ bản Nặm Bao',
    rowRef: 'r6',
    basis: bi('Điều lệ Đảng', 'Party Statute'),
  }),
  issue({
    ruleId: 'cell.members.few',
    severity: 'warning',
    cell: 'D7',
    message: bi('Chi bộ có 7 đảng viên chính thức, dưới 9', '7 official members, under 9'),
    values: { official: 7 },
    unitName: 'Chi bộ bản Nặm Bao',
    rowRef: 'r6',
    suggestion: bi('Xem xét ghép chi bộ', 'Consider merging'),
  }),
  issue({
    ruleId: 'cell.admission.none',
    severity: 'warning',
    cell: 'C8',
    message: bi('4 năm không kết nạp đảng viên', 'No admission for 4 years'),
    values: { years: 4 },
    unitName: 'Chi bộ bản Pò Cại',
    rowRef: 'r7',
    justified: true,
    justification: 'Bản có 100% hộ là đảng viên hoặc người cao tuổi',
  }),
];

export function literalEvaluation(issues: Issue[] = ISSUES): Evaluation {
  const rows: RowResult[] = [
    {
      tableId: TABLE.id,
      sheet: SHEET,
      row: 6,
      rowRef: 'r6',
      unitName: 'Chi bộ bản Nặm Bao',
      status: issues.some((i) => i.rowRef === 'r6' && !i.justified) ? 'error' : 'ok',
      ruleIds: ['cell.meetings.regular', 'cell.members.few'],
      openIssues: 2,
      justifiedIssues: 0,
      rating: {
        tableId: TABLE.id,
        sheet: SHEET,
        row: 6,
        rowRef: 'r6',
        unitName: 'Chi bộ bản Nặm Bao',
        score: 60,
        computed: 'HTNV',
        proposed: 'HTNV',
        final: 'HTNV',
        reason: bi('điểm 60 trong khoảng 50–<70', 'score 60 in 50–<70'),
        agrees: true,
      },
    },
    {
      tableId: TABLE.id,
      sheet: SHEET,
      row: 7,
      rowRef: 'r7',
      unitName: 'Chi bộ bản Pò Cại',
      status: 'ok',
      ruleIds: ['cell.admission.none'],
      openIssues: 0,
      justifiedIssues: 1,
    },
  ];
  const targets: TargetResult[] = [
    {
      targetId: 'members-good',
      label: bi('Đảng viên xếp loại HTT trở lên', 'Members rated good or better'),
      measure: 'membersGoodOrBetterShare',
      unitName: 'Đảng bộ xã Nậm Lạnh',
      comparator: '>=',
      required: 0.85,
      actual: 16 / 18,
      numerator: 16,
      denominator: 18,
      attainment: 16 / 18 / 0.85,
      status: 'met',
      display: { actual: '88,89%', required: '85%', attainment: '104,58%' },
      basis: bi('Nghị quyết 02-NQ/TU', 'Resolution 02-NQ/TU'),
    },
    {
      targetId: 'cells-committee',
      label: bi('Chi bộ có chi ủy', 'Cells with a committee'),
      measure: 'cellsResidentialWithCommitteeShare',
      unitName: 'Đảng bộ xã Nậm Lạnh',
      comparator: '>',
      required: 0.9,
      actual: 0.5,
      numerator: 1,
      denominator: 2,
      attainment: 0.5 / 0.9,
      status: 'notMet',
      gap: { units: 1, text: bi('1 chi bộ nữa cần có chi ủy', '1 more cell needs a committee') },
      display: { actual: '50,00%', required: '90%', attainment: '55,56%' },
      basis: bi('Nghị quyết 02-NQ/TU', 'Resolution 02-NQ/TU'),
    },
  ];
  return {
    rulebook: DEFAULT_RULEBOOK,
    unit: { name: 'Đảng bộ xã Nậm Lạnh', level: 'commune' },
    period: yearPeriod(2023),
    issues,
    ratings: rows.flatMap((r) => (r.rating ? [r.rating] : [])),
    targets,
    summary: {
      unit: { name: 'Đảng bộ xã Nậm Lạnh' },
      period: yearPeriod(2023),
      counts: emptyCounts(),
      targetsMissed: ['cells-committee'],
      openErrors: 2,
      openWarnings: 1,
      unitsIncluded: 1,
      rulebookVersion: DEFAULT_RULEBOOK.version,
    },
    passed: [],
    rows,
  };
}
