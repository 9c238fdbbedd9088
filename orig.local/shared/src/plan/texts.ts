/** The Vietnamese texts the write plan puts into a workbook (the sheets are for officials). */
import type { Severity } from '../issue.ts';
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
