/**
 * Every figure DOMAIN.md quotes from the seed articles, reproduced from sample workbooks
 * through the whole pipeline (detection, parsing, ratings, counts, targets), never from counts
 * typed into the test.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/src/pipeline.ts';
import { DEFAULT_RULEBOOK } from '../../shared/src/rulebook/default.ts';
import { rulebookSchema, type Rulebook, type Target } from '../../shared/src/rulebook/schema.ts';
import { bi } from '../../shared/src/i18n.ts';
import {
  laoCaiHamlets,
  quangNinhOrganizations2020,
  sonLaCommuneCommittees,
  sopCopAdmissionsTerm,
  sopCopCells,
  vanLangOrganizations2018,
} from '../../shared/src/samples/index.ts';

function withTargets(targets: Partial<Target>[], base: Rulebook = DEFAULT_RULEBOOK): Rulebook {
  return rulebookSchema.parse({
    ...base,
    targets: [
      ...base.targets,
      ...targets.map((t) => ({
        comparator: '>=',
        value: 0,
        levels: [],
        period: { kind: 'year' },
        label: bi(t.measure!, t.measure!),
        basis: bi('bài báo', 'seed article'),
        ...t,
      })),
    ],
  });
}

describe('figures the seeds report, from sample workbooks', () => {
  it('seed 000: Sốp Cộp admitted 746 members over 2015–2020 against 600 → 124,3%', () => {
    const report = checkWorkbook(sopCopAdmissionsTerm());
    expect(report.period?.key).toBe('2015-2020');
    expect(report.summary.counts.membersAdmitted).toBe(746);
    const t = report.targets.find((x) => x.targetId === 'sopcop.membersAdmitted')!;
    expect(t.required).toBe(600);
    expect(t.display.actual).toBe('746');
    expect(t.display.attainment).toBe('124,3%');
    expect(t.status).toBe('met');
    // The workbook's own "Chỉ tiêu" sheet restates the target: its basis is the one shown.
    expect(t.basis.vi).toContain('Sốp Cộp');
    expect(report.tables.some((x) => x.kind === 'targets')).toBe(true);
  });

  it('seed 002: Văn Lãng 2018, 49 of 53 organizations good or better → 92,45%', () => {
    const report = checkWorkbook(vanLangOrganizations2018());
    expect(report.summary.counts.orgsRated).toBe(53);
    const t = report.targets.find((x) => x.targetId === 'laocai.orgsGoodOrBetter')!;
    expect([t.numerator, t.denominator]).toEqual([49, 53]);
    expect(t.display.actual).toBe('92,45%');
    expect(t.status).toBe('met');
    // The district's report of its targets ("Kế hoạch: Trên 90 | Thực hiện: 92,45") agrees.
    expect([t.comparator, t.required]).toEqual(['>', 0.9]);
    const reportTable = report.tables.find((x) => x.kind === 'targets')!;
    expect(reportTable.columns.map((c) => c.field)).toContain('reported');
    expect(report.issues.filter((i) => i.ruleId.startsWith('targets.'))).toEqual([]);
    expect(report.passed.map((p) => p.ruleId)).toContain('targets.attainment');
  });

  it('seed 000: Sơn La commune committees good or better 90,19% (2021) and 91,66% (2022)', () => {
    const sonLa = rulebookSchema.parse({
      ...DEFAULT_RULEBOOK,
      display: { percentDecimals: 2, rounding: 'truncate' },
    });
    const r2021 = checkWorkbook(sonLaCommuneCommittees(2021), { rulebook: sonLa });
    const r2022 = checkWorkbook(sonLaCommuneCommittees(2022), { rulebook: sonLa, previous: r2021.summary });
    const t2021 = r2021.targets.find((x) => x.targetId === 'sonla02.communeOrgsGoodOrBetter')!;
    const t2022 = r2022.targets.find((x) => x.targetId === 'sonla02.communeOrgsGoodOrBetter')!;
    expect(r2021.summary.counts.communeOrgsRated).toBe(204);
    expect(t2021.display.actual).toBe('90,19%');
    expect(t2022.display.actual).toBe('91,66%');
    expect(t2022.trend?.map((p) => p.periodKey)).toEqual(['2021', '2022']);
  });

  it('seed 003: Sốp Cộp cells with a committee 76 → 82', () => {
    const rulebook = withTargets([
      { id: 'sopcop.cellsWithCommittee', measure: 'cellsWithCommittee', value: 82 },
    ]);
    const r2021 = checkWorkbook(sopCopCells(2021), { rulebook });
    const r2022 = checkWorkbook(sopCopCells(2022), { rulebook, previous: r2021.summary });
    expect(r2021.summary.counts.cells).toBe(136);
    const t = r2022.targets.find((x) => x.targetId === 'sopcop.cellsWithCommittee')!;
    expect(t.trend).toEqual([
      { periodKey: '2021', actual: 76 },
      { periodKey: '2022', actual: 82 },
    ]);
    expect(t.display.actual).toBe('82');
  });

  it('seed 004: Quảng Ninh 2020, organizations 18,8% / 74,7% / 6,4%, members 16,58% / 74,43% / 8,3%', () => {
    const rulebook = withTargets([
      { id: 'qn.orgsExcellent', measure: 'orgsExcellentShare', precision: 1 },
      { id: 'qn.orgsGood', measure: 'orgsGoodShare', precision: 1 },
      { id: 'qn.orgsCompleted', measure: 'orgsCompletedShare', precision: 1 },
      { id: 'qn.membersExcellent', measure: 'membersExcellentShare', precision: 2 },
      { id: 'qn.membersGood', measure: 'membersGoodShare', precision: 2 },
      { id: 'qn.membersCompleted', measure: 'membersCompletedShare', precision: 1 },
    ]);
    const report = checkWorkbook(quangNinhOrganizations2020(), { rulebook });
    expect(report.summary.counts.orgs).toBe(727);
    expect(report.summary.counts.members).toBe(103800);
    const show = (id: string) => report.targets.find((x) => x.targetId === id)!.display.actual;
    expect([show('qn.orgsExcellent'), show('qn.orgsGood'), show('qn.orgsCompleted')]).toEqual([
      '18,8%',
      '74,7%',
      '6,4%',
    ]);
    expect([show('qn.membersExcellent'), show('qn.membersGood'), show('qn.membersCompleted')]).toEqual([
      '16,58%',
      '74,43%',
      '8,3%',
    ]);
  });

  it('seed 001: Lào Cai members/population 6,8% and 80,31% of hamlet cells with a committee', () => {
    const rulebook = withTargets([
      { id: 'laocai.membersPerPopulation', measure: 'membersPerPopulation', precision: 1 },
    ]);
    const report = checkWorkbook(laoCaiHamlets(), { rulebook });
    const show = (id: string) => report.targets.find((x) => x.targetId === id)!.display.actual;
    expect(show('laocai.membersPerPopulation')).toBe('6,8%');
    expect(show('sonla02.residentialCellsWithCommittee')).toBe('80,31%');
    expect(report.summary.counts.cellsResidentialWithCommittee).toBe(1207);
  });
});
