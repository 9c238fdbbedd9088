import { describe, expect, it } from 'vitest';
import { termPeriod, yearPeriod, type Period } from '../../../shared/src/period.ts';
import { readWorkbook } from '../../../shared/src/detect/index.ts';
import type { WorkbookGrid } from '../../../shared/src/grid.ts';
import { checkWorkbook } from '../../../shared/src/pipeline.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { rulebookSchema, type Rulebook, type Target } from '../../../shared/src/rulebook/schema.ts';
import { emptyCounts, type Counts, type UnitSummary } from '../../../shared/src/summary.ts';
import {
  evaluateTargets,
  findMeasure,
  gapUnits,
  MEASURES,
  measureById,
  measureValue,
  parseComparator,
  targetsInForce,
} from '../../../shared/src/targets/index.ts';
import { addressOf, workbookOf } from '../summarize/records.ts';

function summaryOf(
  counts: Partial<Counts>,
  period: Period = yearPeriod(2023),
  level = 'district',
): UnitSummary {
  return {
    unit: { name: 'Huyện Sốp Cộp', level },
    period,
    counts: { ...emptyCounts(), ...counts },
    targetsMissed: [],
    openErrors: 0,
    openWarnings: 0,
    unitsIncluded: 1,
    rulebookVersion: DEFAULT_RULEBOOK.version,
  };
}

function target(
  measure: string,
  comparator: Target['comparator'],
  value: number,
  extra: Partial<Target> = {},
): Target {
  return {
    id: `t.${measure}`,
    measure,
    comparator,
    value,
    levels: [],
    period: { kind: 'year' },
    label: { vi: measure, en: measure },
    basis: { vi: 'thử', en: 'test' },
    precision: 2,
    ...extra,
  };
}

function one(counts: Partial<Counts>, t: Target, rulebook: Rulebook = DEFAULT_RULEBOOK, period?: Period) {
  const [r] = evaluateTargets(summaryOf(counts, period), [t], rulebook);
  if (!r) throw new Error('target not evaluated');
  return r;
}

describe('measures', () => {
  /** Counts where every count id has a distinct value, so each measure picks its own. */
  const counts = emptyCounts();
  Object.keys(counts).forEach((k, i) => ((counts as Record<string, number>)[k] = 10 + i));

  const expected: Record<string, [number, number | undefined]> = {
    communeOrgsGoodOrBetter: [counts.communeOrgsExcellent + counts.communeOrgsGood, counts.communeOrgsRated],
    communeOrgsNotCompleted: [counts.communeOrgsNotCompleted, undefined],
    membersGoodOrBetter: [counts.membersExcellent + counts.membersGood, counts.membersRated],
    residentialCellsWithCommittee: [
      counts.cellsResidentialWithCommittee,
      counts.cellsResidentialCommitteeKnown,
    ],
    secretariesChairmenNotLocal: [
      counts.secretariesNotLocal + counts.chairmenNotLocal,
      counts.secretariesKnown + counts.chairmenKnown,
    ],
    communeOfficialsStandard: [counts.communeOfficialsStandard, counts.communeOfficials],
    enterpriseOrgsFounded: [counts.enterpriseOrgsFounded, undefined],
    membersAdmitted: [counts.membersAdmitted, undefined],
    hamletsWithIndependentCell: [counts.hamletsWithIndependentCell, counts.hamletsIndependentCellKnown],
    hamletsWithMembers: [counts.hamletsWithMembers, counts.hamlets],
    cellsSecretaryIsHamletHead: [counts.cellsSecretaryIsHamletHead, counts.cellsWithSecretaryData],
    orgsGoodOrBetter: [counts.orgsExcellent + counts.orgsGood, counts.orgsRated],
    cellsAllRegularMeetings: [counts.cellsAllRegularMeetings, counts.cellsWithMeetingData],
    orgsExcellentShare: [counts.orgsExcellent, counts.orgsRated],
    orgsGoodShare: [counts.orgsGood, counts.orgsRated],
    orgsCompletedShare: [counts.orgsCompleted, counts.orgsRated],
    membersExcellentShare: [counts.membersExcellent, counts.membersRated],
    membersGoodShare: [counts.membersGood, counts.membersRated],
    membersCompletedShare: [counts.membersCompleted, counts.membersRated],
    membersPerPopulation: [counts.members, counts.population],
    cellsWithCommittee: [counts.cellsWithCommittee, undefined],
  };

  it('covers exactly the listed measures', () => {
    expect(MEASURES.map((m) => m.id).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s computes its numerator and denominator', (id, [num, den]) => {
    const m = measureById(id)!;
    const v = measureValue(m, counts);
    expect(v.numerator).toBe(num);
    expect(v.denominator).toBe(den);
    expect(v.actual).toBe(den === undefined ? num : num / den);
    expect(m.actionNoun.vi.length).toBeGreaterThan(0);
    expect(m.actionNoun.en.length).toBeGreaterThan(0);
  });

  it('ratios without a denominator have no value', () => {
    for (const m of MEASURES.filter((x) => x.kind === 'ratio')) {
      expect(measureValue(m, emptyCounts()).actual).toBeUndefined();
    }
  });

  it('finds measures by id, label and alias, with or without diacritics', () => {
    expect(findMeasure('membersAdmitted')?.id).toBe('membersAdmitted');
    expect(findMeasure('Có từ 85% đảng viên hoàn thành tốt nhiệm vụ trở lên')?.id).toBe(
      'membersGoodOrBetter',
    );
    expect(findMeasure('Dang vien hoan thanh tot nhiem vu')?.id).toBe('membersGoodShare');
    expect(findMeasure('Không có đảng bộ cấp xã không hoàn thành nhiệm vụ')?.id).toBe(
      'communeOrgsNotCompleted',
    );
    expect(findMeasure('Trên 90% chi bộ bản, tiểu khu, tổ dân phố có chi ủy')?.id).toBe(
      'residentialCellsWithCommittee',
    );
    expect(findMeasure('Kết nạp đảng viên mới')?.id).toBe('membersAdmitted');
    // The figure inside the words.
    expect(findMeasure('Kết nạp 1.200 đảng viên mới trong nhiệm kỳ')?.id).toBe('membersAdmitted');
    expect(findMeasure('Trồng rừng mới')).toBeUndefined();
    expect(findMeasure('Trồng 500 ha rừng mới')).toBeUndefined();
  });
});

describe('gaps', () => {
  it('≥ p over n units: ceil(p·n) − k', () => {
    expect(gapUnits('>=', 0.95, 'ratio', 45, 50)).toEqual({ units: 3, direction: 'more' });
    expect(gapUnits('>=', 0.95, 'ratio', 48, 50).units).toBe(0);
    expect(gapUnits('>=', 0.95, 'ratio', 47, 50).units).toBe(1); // 47.5 → 48
    // binary error guard: 0.07 × 100 is 7.000000000000001 in floating point, yet 7/100 is 7%.
    expect(gapUnits('>=', 0.07, 'ratio', 7, 100).units).toBe(0);
    // and 0.57 × 100 is 56.99999999999999, yet 57/100 is not over 57%.
    expect(gapUnits('>', 0.57, 'ratio', 57, 100).units).toBe(1);
    expect(gapUnits('>=', 0.9, 'ratio', 9, 10).units).toBe(0);
  });

  it('> p: the smallest count strictly above', () => {
    expect(gapUnits('>', 0.9, 'ratio', 9, 10).units).toBe(1);
    expect(gapUnits('>', 0.9, 'ratio', 10, 10).units).toBe(0);
    expect(gapUnits('>', 0.9, 'ratio', 45, 50).units).toBe(1);
  });

  it('≥ 100% asks for every unit and never more than there are', () => {
    expect(gapUnits('>=', 1, 'ratio', 99, 101).units).toBe(2);
    expect(gapUnits('>', 1, 'ratio', 101, 101).units).toBe(0);
  });

  it('counts: remaining for ≥, excess for = 0 and ≤', () => {
    expect(gapUnits('>=', 600, 'count', 546, undefined)).toEqual({ units: 54, direction: 'more' });
    expect(gapUnits('=', 0, 'count', 2, undefined)).toEqual({ units: 2, direction: 'fewer' });
    expect(gapUnits('<=', 1, 'count', 3, undefined)).toEqual({ units: 2, direction: 'fewer' });
    expect(gapUnits('<', 1, 'count', 0, undefined).units).toBe(0);
  });
});

describe('evaluateTargets', () => {
  it('says what is missing in units a person acts on', () => {
    const r = one(
      { communeOrgsRated: 50, communeOrgsExcellent: 10, communeOrgsGood: 35 },
      target('communeOrgsGoodOrBetter', '>=', 0.95),
    );
    expect(r).toMatchObject({
      status: 'notMet',
      numerator: 45,
      denominator: 50,
      actual: 0.9,
      required: 0.95,
    });
    expect(r.attainment).toBeCloseTo(0.9 / 0.95, 12);
    expect(r.gap?.units).toBe(3);
    expect(r.gap?.text.vi).toBe(
      'Cần thêm 3 đảng bộ cấp xã xếp loại HTT trở lên (đang 45/50 = 90,00%, yêu cầu ≥ 95%)',
    );
    expect(r.gap?.text.en).toBe(
      '3 more commune committees rated good or better needed (45/50 = 90.00%, required ≥ 95%)',
    );
    expect(r.display).toEqual({ actual: '90,00%', required: '≥ 95%', attainment: '94,74%' });
  });

  it('no gap when met', () => {
    const r = one(
      { communeOrgsRated: 50, communeOrgsGood: 48 },
      target('communeOrgsGoodOrBetter', '>=', 0.95),
    );
    expect(r.status).toBe('met');
    expect(r.gap).toBeUndefined();
  });

  it('strict > : 9/10 is not over 90%', () => {
    const r = one(
      { cellsResidential: 10, cellsResidentialCommitteeKnown: 10, cellsResidentialWithCommittee: 9 },
      target('residentialCellsWithCommittee', '>', 0.9),
    );
    expect(r.status).toBe('notMet');
    expect(r.gap?.units).toBe(1);
    expect(r.gap?.text.vi).toContain('Cần thêm 1 chi bộ thôn, bản, tổ dân phố có chi ủy');
    expect(r.gap?.text.vi).toContain('yêu cầu > 90%');
  });

  it('= 0 targets name the excess to remedy', () => {
    const r = one(
      { communeOrgsRated: 8, communeOrgsNotCompleted: 2, communeOrgsGood: 6 },
      target('communeOrgsNotCompleted', '=', 0),
    );
    expect(r.status).toBe('notMet');
    expect(r.gap?.text.vi).toBe('2 đảng bộ cấp xã KHTNV cần khắc phục (đang 2, yêu cầu = 0)');
    expect(r.attainment).toBeUndefined();
    const ok = one({ communeOrgsRated: 8, communeOrgsGood: 8 }, target('communeOrgsNotCompleted', '=', 0));
    expect(ok.status).toBe('met');
  });

  it('no data: a ratio without a denominator and a count never reported', () => {
    const r = one({}, target('communeOrgsGoodOrBetter', '>=', 0.9));
    expect(r.status).toBe('noData');
    expect(r.actual).toBeUndefined();
    expect(r.gap).toBeUndefined();
    expect(r.display.actual).toBe('—');
    expect(one({}, target('communeOrgsNotCompleted', '=', 0)).status).toBe('noData');
    expect(one({}, target('membersAdmitted', '>=', 600)).status).toBe('noData');
  });

  it('count targets show the remaining count', () => {
    const r = one(
      { cells: 100, membersAdmitted: 546 },
      target('membersAdmitted', '>=', 600, { precision: 1 }),
    );
    expect(r.gap?.units).toBe(54);
    expect(r.gap?.text.vi).toBe('Cần thêm 54 đảng viên kết nạp (đang 546, yêu cầu ≥ 600)');
  });

  it('evaluates only targets of the level and period', () => {
    const s = summaryOf({ cells: 10, membersAdmitted: 746, orgs: 41 }, termPeriod(2015, 2020), 'district');
    const ids = evaluateTargets(s, DEFAULT_RULEBOOK.targets, DEFAULT_RULEBOOK, { level: 'district' }).map(
      (t) => t.targetId,
    );
    expect(ids).toContain('sopcop.membersAdmitted');
    expect(ids).not.toContain('sonla02.enterpriseOrgsFounded'); // province only, other term
    expect(ids).not.toContain('sonla02.communeOrgsGoodOrBetter'); // a yearly target
    const yearly = evaluateTargets(
      summaryOf({ cells: 10 }, yearPeriod(2022)),
      DEFAULT_RULEBOOK.targets,
      DEFAULT_RULEBOOK,
      {
        level: 'commune',
      },
    ).map((t) => t.targetId);
    expect(yearly).toContain('sonla02.communeOrgsGoodOrBetter');
    expect(yearly).not.toContain('sopcop.membersAdmitted');
    const before = evaluateTargets(
      summaryOf({}, yearPeriod(2019)),
      DEFAULT_RULEBOOK.targets,
      DEFAULT_RULEBOOK,
    ).map((t) => t.targetId);
    expect(before).not.toContain('sonla02.communeOrgsGoodOrBetter'); // the 2021 resolution
    expect(before).toContain('laocai.orgsGoodOrBetter');
  });
});

describe('figures the seeds report, reproduced from counts', () => {
  it('seed 000: 746 admitted against 600 → 124,3%', () => {
    const s = summaryOf({ cells: 136, membersAdmitted: 746 }, termPeriod(2015, 2020));
    const [r] = evaluateTargets(
      s,
      DEFAULT_RULEBOOK.targets.filter((t) => t.id === 'sopcop.membersAdmitted'),
      DEFAULT_RULEBOOK,
      { level: 'district' },
    );
    expect(r).toMatchObject({ status: 'met', actual: 746, required: 600 });
    expect(r!.display.attainment).toBe('124,3%');
    expect(r!.display.actual).toBe('746');
  });

  it('seed 002: 49 of 53 organizations good or better → 92,45% (Lào Cai’s > 90% met)', () => {
    const [r] = evaluateTargets(
      summaryOf(
        { orgs: 53, orgsRated: 53, orgsExcellent: 9, orgsGood: 40, orgsCompleted: 4 },
        yearPeriod(2018),
      ),
      DEFAULT_RULEBOOK.targets.filter((t) => t.id === 'laocai.orgsGoodOrBetter'),
      DEFAULT_RULEBOOK,
    );
    expect(r!.display.actual).toBe('92,45%');
    expect(r!.status).toBe('met');
  });

  it('seed 000: Sơn La 90,19% (2021) and 91,66% (2022) of 204 commune committees, which the province truncates', () => {
    // 184/204 = 90.196…% and 187/204 = 91.666…%: the reported figures are these truncated to
    // two decimals. A Sơn La rulebook therefore says rounding: truncate; the default rounds half up.
    const sonLa: Rulebook = rulebookSchema.parse({
      ...DEFAULT_RULEBOOK,
      display: { percentDecimals: 2, rounding: 'truncate' },
    });
    const t = DEFAULT_RULEBOOK.targets.filter((x) => x.id === 'sonla02.communeOrgsGoodOrBetter');
    const y2021 = summaryOf(
      { communeOrgsRated: 204, communeOrgsExcellent: 30, communeOrgsGood: 154, communeOrgsCompleted: 20 },
      yearPeriod(2021),
      'province',
    );
    const y2022 = summaryOf(
      { communeOrgsRated: 204, communeOrgsExcellent: 30, communeOrgsGood: 157, communeOrgsCompleted: 17 },
      yearPeriod(2022),
      'province',
    );
    const [r2021] = evaluateTargets(y2021, t, sonLa, { level: 'province' });
    const [r2022] = evaluateTargets(y2022, t, sonLa, { level: 'province', previous: [y2021] });
    expect(r2021!.display.actual).toBe('90,19%');
    expect(r2022!.display.actual).toBe('91,66%');
    expect(r2021!.status).toBe('met');
    expect(r2022!.trend?.map((p) => p.periodKey)).toEqual(['2021', '2022']);
    // Under the default rule the same counts read 90,20% and 91,67%.
    expect(evaluateTargets(y2021, t, DEFAULT_RULEBOOK)[0]!.display.actual).toBe('90,20%');
  });

  it('seed 003: Sốp Cộp cells with a committee 76 → 82, as a trend', () => {
    const y2021 = summaryOf(
      { cells: 136, cellsCommitteeKnown: 136, cellsWithCommittee: 76 },
      yearPeriod(2021),
    );
    const y2022 = summaryOf(
      { cells: 136, cellsCommitteeKnown: 136, cellsWithCommittee: 82 },
      yearPeriod(2022),
    );
    const [r] = evaluateTargets(
      y2022,
      [target('cellsWithCommittee', '>=', 82, { id: 'sopcop.cellsWithCommittee' })],
      DEFAULT_RULEBOOK,
      {
        previous: [y2021],
      },
    );
    expect(r!.trend).toEqual([
      { periodKey: '2021', actual: 76 },
      { periodKey: '2022', actual: 82 },
    ]);
    expect(r!.status).toBe('met');
  });

  it('seed 003: 99 of 101 secretaries also hamlet heads: 2 more needed for 100%', () => {
    const [r] = evaluateTargets(
      summaryOf({ cellsWithSecretaryData: 101, cellsSecretaryIsHamletHead: 99 }),
      DEFAULT_RULEBOOK.targets.filter((t) => t.id === 'cells.secretaryIsHamletHead'),
      DEFAULT_RULEBOOK,
    );
    expect(r!.gap?.units).toBe(2);
    expect(r!.display.actual).toBe('98,02%');
  });

  it('seed 004: Quảng Ninh 2020, organizations 18,8% / 74,7% / 6,4% and members 16,58% / 74,43% / 8,3% at once', () => {
    // 727 organizations, 3 of them too new to be rated; 103,800 members.
    const counts: Partial<Counts> = {
      orgs: 727,
      orgsRated: 724,
      orgsExcellent: 136,
      orgsGood: 541,
      orgsCompleted: 46,
      orgsNotCompleted: 1,
      members: 103800,
      membersRated: 103800,
      membersExcellent: 17205,
      membersGood: 77254,
      membersCompleted: 8611,
      membersNotCompleted: 730,
    };
    const s = summaryOf(counts, yearPeriod(2020), 'province');
    const show = (measure: string, precision: number) =>
      evaluateTargets(s, [target(measure, '>=', 0, { precision })], DEFAULT_RULEBOOK)[0]!.display.actual;
    expect([show('orgsExcellentShare', 1), show('orgsGoodShare', 1), show('orgsCompletedShare', 1)]).toEqual([
      '18,8%',
      '74,7%',
      '6,4%',
    ]);
    expect([
      show('membersExcellentShare', 2),
      show('membersGoodShare', 2),
      show('membersCompletedShare', 1),
    ]).toEqual(['16,58%', '74,43%', '8,3%']);
  });

  it('seed 001: Lào Cai members/population 6,8% and 80,31% of hamlet cells with a committee', () => {
    const s = summaryOf(
      {
        members: 52100,
        population: 765000,
        cellsResidential: 1503,
        cellsResidentialCommitteeKnown: 1503,
        cellsResidentialWithCommittee: 1207,
      },
      yearPeriod(2020),
      'province',
    );
    const [pop] = evaluateTargets(
      s,
      [target('membersPerPopulation', '>=', 0.05, { precision: 1 })],
      DEFAULT_RULEBOOK,
    );
    expect(pop!.display.actual).toBe('6,8%');
    const [committee] = evaluateTargets(
      s,
      DEFAULT_RULEBOOK.targets.filter((t) => t.id === 'sonla02.residentialCellsWithCommittee'),
      DEFAULT_RULEBOOK,
    );
    expect(committee!.display.actual).toBe('80,31%');
    // > 90%: 1353 of 1503 would be 90.02%; 1352 is 89.95%.
    expect(committee!.gap?.units).toBe(1353 - 1207);
  });
});

describe('targetsInForce', () => {
  it('returns the rulebook targets when the workbook has none', () => {
    const r = targetsInForce(workbookOf(), DEFAULT_RULEBOOK);
    expect(r.targets).toEqual(DEFAULT_RULEBOOK.targets);
    expect(r.issues).toEqual([]);
  });

  it('overrides and extends from the workbook’s target table, and flags unknown measures', () => {
    const data = workbookOf({
      kind: 'targets',
      sheet: 'Chỉ tiêu',
      rows: [
        {
          values: {
            measure: 'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
            comparator: 'từ … trở lên',
            value: 88,
            period: 'Hằng năm',
          },
        },
        {
          values: {
            measure: 'Kết nạp đảng viên mới',
            comparator: '>=',
            value: 120,
            period: 'Nhiệm kỳ 2020-2025',
            basis: 'NQ Đại hội huyện',
          },
        },
        { values: { measure: 'Không có đảng bộ cấp xã không hoàn thành nhiệm vụ' } },
        { values: { measure: 'Trồng rừng mới', comparator: '≥', value: 500 } },
      ],
    });
    const { targets, issues } = targetsInForce(data, DEFAULT_RULEBOOK);
    const members = targets.find((t) => t.measure === 'membersGoodOrBetter')!;
    expect(members).toMatchObject({
      id: 'sonla02.membersGoodOrBetter',
      comparator: '>=',
      value: 0.88,
      period: { kind: 'year' },
    });
    expect(targets.filter((t) => t.measure === 'membersGoodOrBetter')).toHaveLength(1);
    const admitted = targets.filter((t) => t.measure === 'membersAdmitted');
    expect(
      admitted.some((t) => t.value === 120 && t.period.kind === 'term' && t.period.fromYear === 2020),
    ).toBe(true);
    expect(admitted.find((t) => t.value === 120)!.basis.vi).toBe('NQ Đại hội huyện');
    const notCompleted = targets.find((t) => t.measure === 'communeOrgsNotCompleted')!;
    expect(notCompleted).toMatchObject({ comparator: '=', value: 0 });

    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      ruleId: 'targets.unknownMeasure',
      severity: 'warning',
      sheet: 'Chỉ tiêu',
      cell: addressOf('targets', 'measure', 3),
    });
    expect(issues[0]!.message.vi).toContain('Trồng rừng mới');
    expect(issues[0]!.message.vi).toContain('Đảng viên kết nạp');
  });

  it('takes the comparison written with the value when the table has no column for it', () => {
    const report = checkWorkbook({
      name: 'chi-tieu.xlsx',
      sheets: [
        {
          name: 'Chỉ tiêu',
          rows: [
            ['STT', 'Chỉ tiêu', 'Giá trị'],
            [1, 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', 'Trên 90%'],
            [2, 'Kết nạp đảng viên mới', 'từ 30 trở lên'],
          ],
        },
      ],
    });
    expect(report.issues.filter((i) => i.ruleId === 'value.invalid')).toEqual([]);
    const own = (measure: string) =>
      report.targets.find((t) => t.measure === measure && t.level === undefined);
    expect([own('membersGoodOrBetter')?.comparator, own('membersGoodOrBetter')?.required]).toEqual([
      '>',
      0.9,
    ]);
    expect([own('membersAdmitted')?.comparator, own('membersAdmitted')?.required]).toEqual(['>=', 30]);
  });

  it('reads a report layout: ĐVT, Kế hoạch, Thực hiện, the period in the target’s words', () => {
    const grid = reportLayout('92,45', [
      ['3', 'Đến năm 2025, trên 90% chi bộ bản có chi ủy', '%', 90, null],
      ['4', 'Kết nạp 120 đảng viên trong nhiệm kỳ', null, 120, null],
    ]);
    const report = checkWorkbook(grid);
    const table = report.tables.find((t) => t.kind === 'targets')!;
    expect(table.columns.map((c) => [c.header, c.field])).toEqual([
      ['TT', 'order'],
      ['Chỉ tiêu', 'measure'],
      ['ĐVT', 'unitOfMeasure'],
      ['Kế hoạch', 'value'],
      ['Thực hiện', 'reported'],
      ['Tỷ lệ (%)', 'reportedAttainment'],
      ['Ghi chú', undefined],
    ]);
    expect(table.unrecognized).toEqual(['Ghi chú']);
    const own = (measure: string) => report.targets.find((t) => t.measure === measure)!;
    expect([own('orgsGoodOrBetter').comparator, own('orgsGoodOrBetter').required]).toEqual(['>=', 0.9]);
    expect(own('residentialCellsWithCommittee')).toMatchObject({
      comparator: '>',
      required: 0.9,
      label: { vi: 'Đến năm 2025, trên 90% chi bộ bản có chi ủy' },
    });
    // The period in the target's words; a yearly and a term target for one measure both kept.
    const { targets } = targetsInForce(readWorkbook(grid), DEFAULT_RULEBOOK);
    const byLabel = (vi: string) => targets.find((t) => t.label.vi === vi)!.period;
    expect(byLabel('Đến năm 2025, trên 90% chi bộ bản có chi ủy')).toEqual({ kind: 'by', toYear: 2025 });
    expect(byLabel('Kết nạp 120 đảng viên trong nhiệm kỳ')).toEqual({ kind: 'term' });
    expect(byLabel('Kết nạp đảng viên mới trong năm')).toEqual({ kind: 'year' });
  });

  it('flags an achievement the workbook’s own tables contradict (targets.reportedDiffers)', () => {
    const issuesFor = (reported: string | number, admitted: number | undefined = 746) =>
      checkWorkbook(reportLayout(reported, [], admitted)).issues.filter(
        (i) => i.ruleId === 'targets.reportedDiffers',
      );
    // 49 of 53 organizations good or better = 92,45%: written to any number of decimals, rounded or cut.
    for (const same of ['92,45', '92.45%', '92,4', '92,5', '92', 0.9245]) expect(issuesFor(same)).toEqual([]);
    const [ratio, ...more] = issuesFor('93');
    expect(more).toEqual([]);
    expect(ratio).toMatchObject({
      severity: 'warning',
      sheet: 'Chỉ tiêu',
      cell: 'E4',
      values: { reported: 0.93, computed: 49 / 53 },
      justified: false,
    });
    expect(ratio!.message.vi).toBe(
      'Chỉ tiêu «Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên»: báo cáo thực hiện 93%, số liệu các biểu trong sổ cho 49/53 = 92,45%',
    );
    expect(ratio!.message.en).toContain(
      "reported as 93% achieved, the workbook's tables give 49/53 = 92.45%",
    );
    // A count: 746 members admitted reported, the cells' column sums to 740.
    expect(issuesFor('92,45', 740)).toMatchObject([{ cell: 'E5', values: { reported: 746, computed: 740 } }]);
    expect(issuesFor('92,45', 740)[0]!.message.vi).toContain(
      'báo cáo thực hiện 746, số liệu các biểu trong sổ cho 740',
    );
    // Nothing to compare with: no admissions in the tables.
    expect(issuesFor('92,45', undefined)).toEqual([]);
  });

  it('checks the rate against achieved over planned, whatever the target (targets.attainment)', () => {
    const issuesFor = (extra: (string | number | null)[][]) =>
      checkWorkbook(reportLayout('92,45', extra)).issues.filter((i) => i.ruleId === 'targets.attainment');
    // Row 5: 746 / 600 = 124,33%, written 124,3.
    expect(issuesFor([])).toEqual([]);
    const found = issuesFor([
      ['3', 'Tỷ lệ chi bộ có chi ủy', '%', '90', '92,45', '102,7', null],
      ['4', 'Trồng rừng mới', 'ha', 500, 450, '95', null],
      ['5', 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', null, '85%', '86,1', '101,3', null],
    ]);
    // Rows 6 and 8 agree (92,45 / 90 = 102,72%; 86,1% / 85% = 101,29%); row 7 does not.
    expect(found.map((i) => [i.sheet, i.cell, i.severity, i.values])).toEqual([
      ['Chỉ tiêu', 'F7', 'warning', { reportedAttainment: 0.95, computed: 0.9 }],
    ]);
    expect(found[0]!.message.vi).toBe(
      'Chỉ tiêu «Trồng rừng mới»: tỷ lệ ghi 95%, nhưng thực hiện / kế hoạch = 450 / 500 = 90%',
    );
    expect(found[0]!.message.en).toBe(
      'Target “Trồng rừng mới”: the rate reads 95%, but achieved / planned = 450 / 500 = 90%',
    );
  });

  it('reads comparators as officials write them', () => {
    expect(parseComparator('≥')?.comparator).toBe('>=');
    expect(parseComparator('>=')?.comparator).toBe('>=');
    expect(parseComparator('từ 90% trở lên')?.comparator).toBe('>=');
    expect(parseComparator('Trên')?.comparator).toBe('>');
    expect(parseComparator('không')).toEqual({ comparator: '=', zero: true });
    expect(parseComparator('=')?.comparator).toBe('=');
    expect(parseComparator('tối đa')?.comparator).toBe('<=');
  });
});

/**
 * A commune's targets as report tables give them ("Kế hoạch | Thực hiện"), beside an
 * organization table (49 of 53 good or better) and a cell table admitting `admitted` members
 * (no such column when undefined).
 */
function reportLayout(
  orgsReported: string | number,
  extraTargets: (string | number | null)[][] = [],
  admitted: number | undefined = 746,
): WorkbookGrid {
  const orgs: (string | number)[][] = [['STT', 'Tên tổ chức cơ sở đảng', 'Xếp loại']];
  for (let i = 1; i <= 53; i++) orgs.push([i, `Đảng bộ xã Số ${i}`, i <= 49 ? 'HTTNV' : 'HTNV']);
  return {
    name: 'bao-cao-chi-tieu.xlsx',
    sheets: [
      { name: 'TCCSĐ', rows: [['DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG'], [], ...orgs] },
      {
        name: 'Chi bộ',
        rows:
          admitted === undefined
            ? [
                ['STT', 'Tên chi bộ', 'Số đảng viên'],
                [1, 'Chi bộ bản Lạnh', 40],
              ]
            : [
                ['STT', 'Tên chi bộ', 'Số đảng viên', 'Kết nạp đảng viên'],
                [1, 'Chi bộ bản Lạnh', 40, admitted],
              ],
      },
      {
        name: 'Chỉ tiêu',
        rows: [
          ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT'],
          [],
          ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Ghi chú'],
          [
            '1',
            'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
            '%',
            '90',
            orgsReported,
            null,
            null,
          ],
          ['2', 'Kết nạp đảng viên mới trong năm', 'đảng viên', 600, 746, '124,3', null],
          ...extraTargets,
        ],
      },
    ],
  };
}
