/**
 * Every check the engine makes, in one list: the rules over records (rules/RULES) and the
 * checks made while reading tables, rating units, reading a workbook's own targets and a
 * unit list. The
 * documentation (docs/rules.md) is generated from it.
 */
import { bi, type Bilingual } from './i18n.ts';
import type { Severity } from './issue.ts';
import { RATING_RULES } from './rating/index.ts';
import { RULES } from './rules/index.ts';
import { TARGET_RULES } from './targets/index.ts';
import { UNIT_LIST_CHECKS } from './units.ts';

export interface CheckInfo {
  id: string;
  severity: Severity;
  title: Bilingual;
  basis: Bilingual;
}

const consistency = bi('Tính nhất quán của số liệu', 'Data consistency');

const READING_CHECKS: CheckInfo[] = [
  {
    id: 'value.invalid',
    severity: 'error',
    title: bi('Giá trị không đọc được theo kiểu của cột', 'A value that cannot be read as its column’s type'),
    basis: consistency,
  },
  {
    id: 'table.missingRequired',
    severity: 'error',
    title: bi('Bảng thiếu cột bắt buộc', 'A table lacks a required column'),
    basis: consistency,
  },
  {
    id: 'table.beside',
    severity: 'warning',
    title: bi(
      'Bảng nằm cạnh một bảng khác trên cùng các dòng: chưa đọc được',
      'A table beside another on the same rows: not read',
    ),
    basis: consistency,
  },
  {
    id: 'table.unrecognized',
    severity: 'info',
    title: bi(
      'Vùng giống bảng nhưng không nhận dạng được',
      'A region that looks like a table but was not recognized',
    ),
    basis: consistency,
  },
  {
    id: 'sheet.noTable',
    severity: 'info',
    title: bi(
      'Trang tính có số liệu nhưng không có bảng nhận dạng được',
      'A sheet with figures but no recognizable table',
    ),
    basis: consistency,
  },
];

const RATING_CHECKS: CheckInfo[] = [
  {
    id: RATING_RULES.mismatch,
    severity: 'warning',
    title: bi(
      'Xếp loại đề nghị khác xếp loại tính từ điểm và điều kiện',
      'Proposed rating differs from the computed one',
    ),
    basis: bi('Quy định 366-QĐ/TW năm 2025', 'Regulation 366-QĐ/TW of 2025'),
  },
  {
    id: RATING_RULES.excellentQuota,
    severity: 'warning',
    title: bi(
      'Số HTXSNV vượt tỉ lệ so với số HTTNV trong nhóm',
      'Excellent ratings over the quota of good ones in a group',
    ),
    basis: bi('Quy định 124-QĐ/TW năm 2023', 'Regulation 124-QĐ/TW of 2023'),
  },
];

const TARGET_CHECKS: CheckInfo[] = [
  {
    id: TARGET_RULES.unknownMeasure,
    severity: 'warning',
    title: bi('Chỉ tiêu của sổ không khớp thước đo nào', 'A workbook target names no known measure'),
    basis: consistency,
  },
  {
    id: TARGET_RULES.reportedDiffers,
    severity: 'warning',
    title: bi(
      'Số thực hiện đơn vị báo cáo khác số liệu các biểu',
      'A reported achievement differs from the workbook’s tables',
    ),
    basis: consistency,
  },
];

export const CHECK_CATALOGUE: readonly CheckInfo[] = [
  ...READING_CHECKS,
  ...RULES.map(({ id, severity, title, basis }) => ({ id, severity, title, basis })),
  ...RATING_CHECKS,
  ...TARGET_CHECKS,
  ...UNIT_LIST_CHECKS,
];
