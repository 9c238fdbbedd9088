import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../shared/src/aggregate/index.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import { ROLLUP_COUNT_COLUMNS, ROLLUP_TOTAL_LABEL, planRollup } from '../../../shared/src/plan/rollup.ts';
import { RESULT_SHEETS, type ResultSheet } from '../../../shared/src/plan/types.ts';
import type { RatingCode } from '../../../shared/src/rating-codes.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { emptyCounts, type Counts, type UnitSummary } from '../../../shared/src/summary.ts';

const period = yearPeriod(2023);

function commune(name: string, rating: RatingCode, counts: Partial<Counts>, openErrors = 0): UnitSummary {
  const is = (r: RatingCode) => (rating === r ? 1 : 0);
  return {
    unit: { name, level: 'commune' },
    period,
    counts: {
      ...emptyCounts(),
      orgs: 1,
      orgsRated: 1,
      communeOrgs: 1,
      communeOrgsRated: 1,
      orgsExcellent: is('HTXSNV'),
      orgsGood: is('HTTNV'),
      orgsCompleted: is('HTNV'),
      orgsNotCompleted: is('KHTNV'),
      communeOrgsExcellent: is('HTXSNV'),
      communeOrgsGood: is('HTTNV'),
      communeOrgsCompleted: is('HTNV'),
      communeOrgsNotCompleted: is('KHTNV'),
      ...counts,
    },
    rating,
    targetsMissed: [],
    openErrors,
    openWarnings: 2,
    unitsIncluded: 1,
    rulebookVersion: DEFAULT_RULEBOOK.version,
  };
}

// Nậm Lạnh: 21 of 24 cells held all meetings; Mường Lèo: all 10; Sốp Cộp rated "not completed".
const namLanh = commune(
  'ĐẢNG ỦY XÃ NẬM LẠNH',
  'HTTNV',
  {
    cells: 24,
    members: 310,
    membersAdmitted: 9,
    hamlets: 20,
    cellsWithMeetingData: 24,
    cellsAllRegularMeetings: 21,
  },
  3,
);
const muongLeo = commune('ĐẢNG ỦY XÃ MƯỜNG LÈO', 'HTXSNV', {
  cells: 10,
  members: 150,
  hamlets: 9,
  hamletsWithMembers: 9,
  hamletsIndependentCellKnown: 9,
  hamletsWithIndependentCell: 9,
  cellsWithMeetingData: 10,
  cellsAllRegularMeetings: 10,
});
const sopCop = commune('ĐU xã Sốp Cộp', 'KHTNV', {
  cells: 6,
  members: 80,
  hamlets: 6,
  cellsWithMeetingData: 6,
  cellsAllRegularMeetings: 5,
});

const rollup = aggregate([namLanh, muongLeo, sopCop], {
  parent: { name: 'Đảng bộ huyện Sốp Cộp', code: 'SC', level: 'district' },
  period,
  rulebook: DEFAULT_RULEBOOK,
  expected: [
    { code: 'SC01', name: 'Đảng bộ xã Nậm Lạnh' },
    { code: 'SC02', name: 'Đảng bộ xã Mường Lèo' },
    { code: 'SC03', name: 'Đảng bộ xã Mường Và' },
  ],
});
const sheets = planRollup(rollup, DEFAULT_RULEBOOK);
const sheet = (name: string): ResultSheet => sheets.find((s) => s.name === name)!;
const col = (s: ResultSheet, header: string) => s.columns.findIndex((c) => c.header === header);

describe('planRollup: the units sheet', () => {
  const units = sheet(RESULT_SHEETS.rollup);
  const meetingsCol = units.columns.findIndex((c) => c.header.startsWith('100% chi bộ sinh hoạt đủ 12 kỳ'));
  const notCompletedCol = units.columns.findIndex((c) =>
    c.header.startsWith('Không có đảng bộ cấp xã không hoàn thành'),
  );

  it('comes first, with the rollup role, Vietnamese headers and the parent and period in its title', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      RESULT_SHEETS.rollup,
      RESULT_SHEETS.rollupTargets,
      RESULT_SHEETS.rollupCompleteness,
      RESULT_SHEETS.rollupWeakest,
    ]);
    expect(sheets.every((s) => s.role === 'rollup')).toBe(true);
    expect(units.title).toBe('TỔNG HỢP — Đảng bộ huyện Sốp Cộp — năm 2023 (đã nộp 2/3)');
    expect(units.columns.slice(0, 7).map((c) => c.header)).toEqual([
      'STT',
      'Đơn vị',
      'Mã',
      'Xếp loại',
      'Lỗi chưa xử lý',
      'Cảnh báo',
      'Số chỉ tiêu chưa đạt',
    ]);
    expect(units.columns.at(-1)!.header).toBe('Chỉ tiêu chưa đạt');
  });

  it('has one row per unit, sorted by name, and the total last', () => {
    expect(units.rows.map((r) => r[1])).toEqual([
      'ĐẢNG ỦY XÃ MƯỜNG LÈO',
      'ĐẢNG ỦY XÃ NẬM LẠNH',
      'ĐU xã Sốp Cộp',
      'Đảng bộ huyện Sốp Cộp',
    ]);
    expect(units.rows.map((r) => r[0])).toEqual([1, 2, 3, ROLLUP_TOTAL_LABEL]);
    const members = col(units, 'Đảng viên');
    expect(ROLLUP_COUNT_COLUMNS.map((c) => c.header)).toContain('Đảng viên');
    expect(units.rows.map((r) => r[members])).toEqual([150, 310, 80, 540]);
    expect(units.rows[1]![3]).toBe('HTTNV — Hoàn thành tốt nhiệm vụ');
    expect(units.rows[1]![4]).toBe(3);
    expect(units.rows[3]![4]).toBe(3);
    expect(units.rows[3]![2]).toBe('SC');
    expect(units.rowStatus).toEqual(['ok', 'error', 'warning', null]);
  });

  it('shows each ≥ target as its attainment, a ratio in a percent column', () => {
    expect(units.columns[meetingsCol]!.kind).toBe('percent');
    expect(units.columns[meetingsCol]!.header).toContain('mức đạt so với chỉ tiêu');
    // Required 100%: the attainment is the share itself.
    expect(units.rows.map((r) => r[meetingsCol])).toEqual([1, 21 / 24, 5 / 6, 36 / 40]);
  });

  it('shows an "= 0" target as the measured value, since attainment of zero means nothing', () => {
    expect(units.columns[notCompletedCol]!.header).toContain('thực hiện, yêu cầu = 0');
    const parent = rollup.targets.find((t) => t.targetId === 'sonla02.communeOrgsNotCompleted')!;
    expect(units.rows[3]![notCompletedCol]).toBe(parent.actual);
    expect(units.rows[2]![notCompletedCol]).not.toBeNull();
  });

  it('lists the targets each unit missed by label, and counts them', () => {
    const missed = units.rows[2]!.at(-1) as string;
    expect(missed).toContain('Không có đảng bộ cấp xã không hoàn thành nhiệm vụ');
    expect(missed).toContain('100% chi bộ sinh hoạt đủ 12 kỳ/năm');
    expect(units.rows[2]![6]).toBe(missed.split('; ').length);
    expect(units.rows[0]!.at(-1)).toBeNull();
    expect(units.rows[0]![6]).toBe(0);
  });

  it('orders target columns as the rulebook does', () => {
    const ids = DEFAULT_RULEBOOK.targets.map((t) => t.label.vi);
    const shown = units.columns
      .slice(7 + ROLLUP_COUNT_COLUMNS.length, -1)
      .map((c) => ids.findIndex((label) => c.header.startsWith(label)));
    expect(shown.every((i) => i >= 0)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
  });
});

describe('planRollup: targets, completeness, weakest', () => {
  it('gives the target table per level, the parent first, with gaps', () => {
    const t = sheet(RESULT_SHEETS.rollupTargets);
    const first = t.rows.filter((r) => r[0] === 'Đảng bộ huyện Sốp Cộp');
    expect(first).toHaveLength(rollup.targets.length);
    expect(t.rows[0]![0]).toBe('Đảng bộ huyện Sốp Cộp');
    const meetings = first.find((r) => r[2] === '100% chi bộ sinh hoạt đủ 12 kỳ/năm')!;
    expect(meetings[3]).toBe('≥ 100%');
    expect(meetings[4]).toBe('90,00% (36/40)');
    expect(meetings[5]).toBe(0.9);
    expect(meetings[6]).toContain('4');
    expect(meetings[7]).toBe('Chưa đạt');
    expect(t.columns[5]!.kind).toBe('percent');
    expect(t.rows).toHaveLength(
      rollup.targets.length + rollup.children.reduce((n, c) => n + c.targets.length, 0),
    );
  });

  it('lists missing units first, then those not in the list, then the submitted', () => {
    const c = sheet(RESULT_SHEETS.rollupCompleteness);
    expect(c.title).toContain('đã nộp 2/3, còn thiếu 1, không có trong danh sách 1');
    expect(c.rows).toEqual([
      ['Chưa nộp', 'SC03', 'Đảng bộ xã Mường Và'],
      ['Không có trong danh sách', null, 'ĐU xã Sốp Cộp'],
      ['Đã nộp', null, 'ĐẢNG ỦY XÃ NẬM LẠNH'],
      ['Đã nộp', null, 'ĐẢNG ỦY XÃ MƯỜNG LÈO'],
    ]);
    expect(c.rowStatus).toEqual(['error', 'warning', 'ok', 'ok']);
  });

  it('ranks the weakest with their reasons', () => {
    const w = sheet(RESULT_SHEETS.rollupWeakest);
    expect(w.rows.map((r) => r[1])).toEqual(rollup.weakest.map((u) => u.unit.name));
    expect(w.rows[0]![1]).toBe('ĐU xã Sốp Cộp');
    expect(w.rows[0]![2]).toBe('KHTNV — Không hoàn thành nhiệm vụ');
    expect(w.rows[0]![5]).toMatch(/^Xếp loại Không hoàn thành nhiệm vụ; \d+ chỉ tiêu chưa đạt$/);
    expect(w.rows.map((r) => r[1])).not.toContain('ĐẢNG ỦY XÃ MƯỜNG LÈO');
  });
});
