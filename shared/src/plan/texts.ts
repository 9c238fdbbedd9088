/** The Vietnamese texts the write plan puts into a workbook (the sheets are for officials). */
import { FIELDS, TABLE_KIND_LABELS, type TableKind } from '../fields.ts';
import { formatDecimal, formatPercent } from '../format.ts';
import type { IssueValue, Severity } from '../issue.ts';
import type { Period } from '../period.ts';
import type { TargetStatus } from '../report.ts';

export const SEVERITY_TEXT: Record<Severity, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Lưu ý',
};

export const TARGET_STATUS_TEXT: Record<TargetStatus, string> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  noData: 'Chưa có số liệu',
};

export const OK_TEXT = 'Đạt';
export const JUSTIFIED_TEXT = 'đã giải trình';

/**
 * A row's status: "Đạt", "Đạt (đã giải trình: 1)", "Lỗi: 2, cảnh báo: 1".
 * Open counts only; justified issues are mentioned, not counted against the row.
 */
export function rowStatusText(open: Record<Severity, number>, justified: number): string {
  const parts: string[] = [];
  for (const s of ['error', 'warning', 'info'] as const) {
    if (open[s] > 0)
      parts.push(`${parts.length === 0 ? SEVERITY_TEXT[s] : SEVERITY_TEXT[s].toLowerCase()}: ${open[s]}`);
  }
  if (parts.length === 0) return justified > 0 ? `${OK_TEXT} (${JUSTIFIED_TEXT}: ${justified})` : OK_TEXT;
  return justified > 0 ? `${parts.join(', ')} (${JUSTIFIED_TEXT}: ${justified})` : parts.join(', ');
}

const STATUS_PATTERN = /^(Đạt|Lỗi: \d+|Cảnh báo: \d+|Lưu ý: \d+)/;

/** Whether a cell holds a row status we wrote: how a host finds how far our columns go. */
export function isRowStatusText(v: unknown): boolean {
  return typeof v === 'string' && STATUS_PATTERN.test(v);
}

/** "năm 2023", "quý 1 năm 2024", "nhiệm kỳ 2015-2020"; empty when the period is unknown. */
export function periodText(p: Period): string {
  if (p.fromYear <= 0) return '';
  switch (p.kind) {
    case 'year':
      return `năm ${p.fromYear}`;
    case 'term':
      return `nhiệm kỳ ${p.fromYear}-${p.toYear}`;
    case 'quarter':
      return `quý ${p.key.slice(-1)} năm ${p.fromYear}`;
    case 'half':
      return `${p.key.endsWith('1') ? '6 tháng đầu' : '6 tháng cuối'} năm ${p.fromYear}`;
    case 'month':
      return `tháng ${Number(p.key.slice(-2))} năm ${p.fromYear}`;
  }
}

/** Excel refuses cells over 32,767 characters; long lists are cut well before that. */
export function clip(text: string, max = 2000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Vietnamese names of the keys rules, ratings, targets and reading put in `Issue.values`. A key
 * not here that is a field id reads as the field's label; any other key is shown as it is.
 */
export const VALUE_LABELS: Record<string, string> = {
  held: 'đã sinh hoạt',
  actual: 'thực hiện',
  required: 'yêu cầu',
  months: 'số tháng của kỳ',
  maximum: 'tối đa',
  minimum: 'tối thiểu',
  min: 'thấp nhất',
  max: 'cao nhất',
  threshold: 'ngưỡng',
  members: 'số đảng viên',
  official: 'đảng viên chính thức',
  probationary: 'đảng viên dự bị',
  total: 'tổng ghi',
  sum: 'cộng lại',
  difference: 'chênh lệch',
  expected: 'tính ra',
  field: 'cột',
  fields: 'các cột',
  kind: 'loại bảng',
  headers: 'tiêu đề',
  raw: 'giá trị đã nhập',
  value: 'giá trị',
  personal: 'dữ liệu cá nhân',
  measure: 'chỉ tiêu',
  years: 'số năm',
  lastAdmissionYear: 'năm kết nạp gần nhất',
  withTask: 'được phân công nhiệm vụ',
  without: 'chưa được phân công',
  taskAssigned: 'được phân công nhiệm vụ',
  hamletHeadIsMember: 'trưởng thôn, bản là đảng viên',
  secretaryIsHamletHead: 'bí thư đồng thời là trưởng thôn, bản',
  cellTable: 'ở bảng chi bộ',
  memberList: 'ở danh sách đảng viên',
  organization: 'ở bảng tổ chức cơ sở đảng',
  cells: 'các chi bộ cộng lại',
  rating: 'xếp loại',
  proposed: 'xếp loại đề nghị',
  computed: 'xếp loại tính được',
  score: 'điểm',
  excellent: 'số HTXSNV',
  good: 'số HTTNV',
  allowed: 'được phép',
  over: 'vượt',
  maxShareOfGood: 'tối đa so với số HTTNV',
  units: 'các đơn vị',
  group: 'nhóm',
  previous: 'kỳ trước',
  current: 'kỳ này',
  change: 'thay đổi',
  share: 'tỉ lệ thay đổi',
  previousPeriod: 'kỳ so sánh',
  age: 'tuổi',
  ageAtMost: 'tuổi nhiều nhất',
  admissionDate: 'ngày vào Đảng',
  officialDate: 'ngày chính thức',
  row: 'dòng',
  firstRow: 'trùng với dòng',
  code: 'mã đơn vị',
  parentCode: 'mã đơn vị cấp trên',
};

/** Keys whose values are fractions, shown as percentages. */
const PERCENT_VALUES = new Set(['share', 'maxShareOfGood']);
/** Keys whose values are field ids or table kinds, shown by their Vietnamese labels. */
const FIELD_VALUES = new Set(['field', 'fields']);

const FIELD_LABELS: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const defs of Object.values(FIELDS)) for (const d of defs) if (!m.has(d.id)) m.set(d.id, d.label.vi);
  return m;
})();

function valueText(key: string, v: IssueValue): string {
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'number') {
    if (PERCENT_VALUES.has(key))
      return formatPercent(v, { decimals: 2, rounding: 'halfUp', trimZeros: true }, 'vi');
    // Years and row numbers are not quantities: no thousands dot in "2019" or "row 1234".
    if (/year|row$|^row/i.test(key)) return String(v);
    return formatDecimal(v, 'vi');
  }
  const s = String(v);
  if (FIELD_VALUES.has(key))
    return s
      .split(',')
      .map((id) => FIELD_LABELS.get(id.trim()) ?? id)
      .join(', ');
  if (key === 'kind' && Object.hasOwn(TABLE_KIND_LABELS, s)) return TABLE_KIND_LABELS[s as TableKind].vi;
  return s;
}

/**
 * An issue's values for the issues sheet, in Vietnamese: "đã sinh hoạt: 6; yêu cầu: 12; số
 * tháng của kỳ: 12", numbers as officials write them ("1.922", "20%"). Blank values are left out.
 */
export function issueValuesText(values: Record<string, IssueValue>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${VALUE_LABELS[k] ?? FIELD_LABELS.get(k) ?? k}: ${valueText(k, v)}`)
    .join('; ');
}
