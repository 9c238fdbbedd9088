import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../shared/src/aggregate/index.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import type { RatingCode } from '../../../shared/src/rating-codes.ts';
import { computeRatings } from '../../../shared/src/rating/index.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { COUNT_IDS, emptyCounts, type Counts, type UnitSummary } from '../../../shared/src/summary.ts';
import { summarize } from '../../../shared/src/summarize/index.ts';
import { workbookOf } from '../summarize/records.ts';

const period = yearPeriod(2022);

function child(
  name: string,
  counts: Partial<Counts>,
  extra: {
    code?: string;
    rating?: RatingCode;
    openErrors?: number;
    targetsMissed?: string[];
    unitsIncluded?: number;
  } = {},
): UnitSummary {
  return {
    unit: { name, level: 'commune', ...(extra.code ? { code: extra.code } : {}) },
    period,
    counts: { ...emptyCounts(), ...counts },
    ...(extra.rating ? { rating: extra.rating } : {}),
    targetsMissed: extra.targetsMissed ?? [],
    openErrors: extra.openErrors ?? 0,
    openWarnings: 1,
    unitsIncluded: extra.unitsIncluded ?? 1,
    rulebookVersion: DEFAULT_RULEBOOK.version,
  };
}

/** A commune committee's own counts: one commune organization with its rating. */
function commune(
  name: string,
  rating: RatingCode,
  counts: Partial<Counts>,
  extra: Parameters<typeof child>[2] = {},
) {
  const rated = {
    communeOrgs: 1,
    communeOrgsRated: 1,
    orgs: 1,
    orgsRated: 1,
    communeOrgsExcellent: rating === 'HTXSNV' ? 1 : 0,
    communeOrgsGood: rating === 'HTTNV' ? 1 : 0,
    communeOrgsCompleted: rating === 'HTNV' ? 1 : 0,
    communeOrgsNotCompleted: rating === 'KHTNV' ? 1 : 0,
    orgsExcellent: rating === 'HTXSNV' ? 1 : 0,
    orgsGood: rating === 'HTTNV' ? 1 : 0,
    orgsCompleted: rating === 'HTNV' ? 1 : 0,
    orgsNotCompleted: rating === 'KHTNV' ? 1 : 0,
  };
  return child(name, { ...rated, ...counts }, { rating, ...extra });
}

describe('aggregate', () => {
  const a = commune(
    'Xã Nậm Lạnh',
    'HTTNV',
    {
      cells: 10,
      cellsResidential: 8,
      cellsResidentialCommitteeKnown: 8,
      cellsResidentialWithCommittee: 8,
      members: 300,
      membersRated: 280,
      membersGood: 250,
      membersExcellent: 20,
    },
    { code: 'NL' },
  );
  const b = commune(
    'Xã Mường Lèo',
    'HTNV',
    {
      cells: 20,
      cellsResidential: 18,
      cellsResidentialCommitteeKnown: 18,
      cellsResidentialWithCommittee: 12,
      members: 410,
      membersRated: 400,
      membersGood: 300,
      membersCompleted: 100,
    },
    { code: 'ML', openErrors: 2 },
  );
  const c = commune(
    'Xã Sam Kha',
    'KHTNV',
    {
      cells: 6,
      cellsResidential: 6,
      cellsResidentialCommitteeKnown: 6,
      cellsResidentialWithCommittee: 1,
      members: 90,
      membersRated: 90,
      membersGood: 40,
      membersCompleted: 50,
    },
    { code: 'SK' },
  );

  const roll = aggregate([a, b, c], {
    parent: { name: 'Huyện Sốp Cộp', level: 'district', code: 'SC' },
    period,
    rulebook: DEFAULT_RULEBOOK,
    expected: [
      { name: 'Xã Nậm Lạnh', code: 'NL' },
      { name: 'Xã Mường Lèo', code: 'ML' },
      { name: 'Xã Sam Kha', code: 'SK' },
      { name: 'Xã Mường Và', code: 'MV' },
    ],
  });

  it('adds every count', () => {
    for (const id of COUNT_IDS)
      expect(roll.summary.counts[id]).toBe(a.counts[id] + b.counts[id] + c.counts[id]);
    expect(roll.summary.unitsIncluded).toBe(3);
    expect(roll.summary.openErrors).toBe(2);
    expect(roll.summary.openWarnings).toBe(3);
    expect(roll.summary.rating).toBeUndefined();
    expect(roll.summary.unit.name).toBe('Huyện Sốp Cộp');
  });

  it('recomputes ratios from the summed counts, never averaging the children’s', () => {
    const r = roll.targets.find((t) => t.measure === 'residentialCellsWithCommittee')!;
    // (8 + 12 + 1) / (8 + 18 + 6) = 21/32 = 65.625%; the mean of 100%, 66.7%, 16.7% would be 61.1%.
    expect(r.numerator).toBe(21);
    expect(r.denominator).toBe(32);
    expect(r.actual).toBe(21 / 32);
    expect(r.display.actual).toBe('65,63%');
    // > 90% of 32: 29 needed
    expect(r.gap?.units).toBe(29 - 21);
    const m = roll.targets.find((t) => t.measure === 'membersGoodOrBetter')!;
    expect(m.numerator).toBe(20 + 250 + 300 + 40);
    expect(m.denominator).toBe(770);
  });

  it('evaluates the parent’s commune committee targets with gaps in committees', () => {
    const g = roll.targets.find((t) => t.targetId === 'sonla02.communeOrgsGoodOrBetter')!;
    expect(g).toMatchObject({ numerator: 1, denominator: 3, status: 'notMet' });
    expect(g.gap?.units).toBe(2); // ceil(0.9 × 3) − 1
    const nc = roll.targets.find((t) => t.targetId === 'sonla02.communeOrgsNotCompleted')!;
    expect(nc.gap?.text.vi).toContain('1 đảng bộ cấp xã KHTNV cần khắc phục');
    expect(roll.summary.targetsMissed).toContain('sonla02.communeOrgsGoodOrBetter');
  });

  it('keeps each child’s own targets', () => {
    expect(roll.children.map((x) => x.summary.unit.name)).toEqual([
      'Xã Nậm Lạnh',
      'Xã Mường Lèo',
      'Xã Sam Kha',
    ]);
    const samKha = roll.children[2]!.targets.find((t) => t.measure === 'residentialCellsWithCommittee')!;
    expect(samKha).toMatchObject({ numerator: 1, denominator: 6, status: 'notMet' });
  });

  it('measures completeness against the unit list', () => {
    expect(roll.completeness.expected).toBe(4);
    expect(roll.completeness.submitted.map((u) => u.code)).toEqual(['NL', 'ML', 'SK']);
    expect(roll.completeness.missing).toEqual([{ name: 'Xã Mường Và', code: 'MV' }]);
    expect(roll.completeness.unexpected).toEqual([]);
  });

  it('matches by folded name when codes are absent, and reports the unexpected', () => {
    const r = aggregate([child('xa nam lanh', {}), child('Xã Chiềng En', {})], {
      parent: { name: 'Huyện', level: 'district' },
      period,
      rulebook: DEFAULT_RULEBOOK,
      expected: [{ name: 'Xã Nậm Lạnh' }, { name: 'Xã Mường Lèo' }],
    });
    expect(r.completeness.submitted.map((u) => u.name)).toEqual(['xa nam lanh']);
    expect(r.completeness.missing.map((u) => u.name)).toEqual(['Xã Mường Lèo']);
    expect(r.completeness.unexpected.map((u) => u.name)).toEqual(['Xã Chiềng En']);
  });

  it('matches header-block names to the unit list as written there, and keeps levels apart', () => {
    const r = aggregate(
      [child('ĐẢNG ỦY XÃ NẬM LẠNH', {}), child('ĐU xã Mường Lèo', {}), child('Chi bộ bản Sốp Cộp', {})],
      {
        parent: { name: 'Huyện ủy Sốp Cộp', level: 'district' },
        period,
        rulebook: DEFAULT_RULEBOOK,
        expected: [
          { name: 'Đảng bộ xã Nậm Lạnh', code: 'SC01', parentCode: 'SC' },
          { name: 'Đảng bộ xã Mường Lèo', code: 'SC02', parentCode: 'SC' },
          { name: 'Đảng bộ xã Sốp Cộp', code: 'SC04', parentCode: 'SC' },
        ],
      },
    );
    expect(r.completeness.submitted.map((u) => u.name)).toEqual(['ĐẢNG ỦY XÃ NẬM LẠNH', 'ĐU xã Mường Lèo']);
    // A hamlet's cell named after the commune is not the commune's committee.
    expect(r.completeness.missing.map((u) => u.code)).toEqual(['SC04']);
    expect(r.completeness.unexpected.map((u) => u.name)).toEqual(['Chi bộ bản Sốp Cộp']);
  });

  it('ranks the weakest: KHTNV, then HTNV, then unrated, then by targets missed and open errors', () => {
    const d = child(
      'Xã Mường Và',
      { cells: 4, cellsResidential: 4, cellsResidentialCommitteeKnown: 4, cellsResidentialWithCommittee: 4 },
      { openErrors: 5 },
    );
    const e = commune('Xã Púng Bánh', 'HTXSNV', {
      cells: 5,
      cellsResidential: 5,
      cellsResidentialCommitteeKnown: 5,
      cellsResidentialWithCommittee: 5,
      membersRated: 10,
      membersGood: 10,
    });
    const f = commune('Xã Dồm Cang', 'HTNV', {
      cells: 5,
      cellsResidential: 5,
      cellsResidentialCommitteeKnown: 5,
      cellsResidentialWithCommittee: 5,
      membersRated: 10,
      membersGood: 10,
    });
    const r = aggregate([e, a, d, b, f, c], {
      parent: { name: 'Huyện Sốp Cộp', level: 'district' },
      period,
      rulebook: DEFAULT_RULEBOOK,
    });
    expect(r.weakest.map((w) => w.unit.name)).toEqual([
      'Xã Sam Kha', // KHTNV
      'Xã Mường Lèo', // HTNV, misses targets
      'Xã Dồm Cang', // HTNV, fewer targets missed, no open errors
      'Xã Mường Và', // unrated, 5 open errors
    ]);
    expect(r.weakest[0]!.reason.vi).toContain('Không hoàn thành nhiệm vụ');
    expect(r.weakest[1]!.targetsMissed).toBeGreaterThan(0);
    expect(r.weakest[3]!.reason.vi).toContain('5 lỗi chưa xử lý');
    expect(r.weakest.some((w) => w.unit.name === 'Xã Púng Bánh')).toBe(false);
  });

  it('nests: a province rolls up district roll-ups, at any depth', () => {
    const district2 = aggregate([commune('Xã Chiềng En', 'HTTNV', { cells: 7, members: 150 })], {
      parent: { name: 'Huyện Sông Mã', level: 'district' },
      period,
      rulebook: DEFAULT_RULEBOOK,
    });
    const province = aggregate([roll.summary, district2.summary], {
      parent: { name: 'Tỉnh Sơn La', level: 'province' },
      period,
      rulebook: DEFAULT_RULEBOOK,
      rating: 'HTTNV',
    });
    expect(province.summary.unitsIncluded).toBe(4);
    expect(province.summary.counts.cells).toBe(36 + 7);
    expect(province.summary.counts.members).toBe(800 + 150);
    expect(province.summary.counts.communeOrgsRated).toBe(4);
    const g = province.targets.find((t) => t.targetId === 'sonla02.communeOrgsGoodOrBetter')!;
    expect([g.numerator, g.denominator]).toEqual([2, 4]);
    expect(province.summary.rating).toBe('HTTNV');
    // Province-only targets are evaluated at the province, not at the districts.
    expect(province.targets.some((t) => t.targetId === 'sonla02.enterpriseOrgsFounded')).toBe(false); // a term target
  });

  it('rolls up real workbooks: 49 of 53 organizations good or better → 92,45% (seed 002)', () => {
    const ratings: RatingCode[] = [
      ...Array<RatingCode>(8).fill('HTXSNV'),
      ...Array<RatingCode>(41).fill('HTTNV'),
      ...Array<RatingCode>(3).fill('HTNV'),
      'KHTNV',
    ];
    const children = ratings.map((rating, i) => {
      const name = `Đảng bộ xã ${i + 1}`;
      const data = workbookOf({
        kind: 'organizations',
        rows: [{ values: { name, proposedRating: rating, membersTotal: 100 } }],
      });
      const s = summarize(data, computeRatings(data, DEFAULT_RULEBOOK).ratings, {
        unit: { name, level: 'commune' },
        period: yearPeriod(2018),
        rulebookVersion: DEFAULT_RULEBOOK.version,
      });
      expect(s.rating).toBe(rating);
      return s;
    });
    const r = aggregate(children, {
      parent: { name: 'Huyện Văn Lãng', level: 'district' },
      period: yearPeriod(2018),
      rulebook: DEFAULT_RULEBOOK,
    });
    const t = r.targets.find((x) => x.targetId === 'laocai.orgsGoodOrBetter')!;
    expect(t.display.actual).toBe('92,45%');
    expect(t.status).toBe('met');
    expect(r.weakest.slice(0, 4).map((w) => w.rating)).toEqual(['KHTNV', 'HTNV', 'HTNV', 'HTNV']);
  });
});
