import { describe, expect, it } from 'vitest';
import { computeRatings, rateScore, type RatingInput } from '../../../shared/src/rating/index.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import type { Rulebook } from '../../../shared/src/rulebook/schema.ts';
import { addressOf, workbookOf } from '../summarize/records.ts';

const model = DEFAULT_RULEBOOK.rating;
/** All conditions of every level hold: 10 tasks, all on time, 4 exceeded, no discipline. */
const perfect: Omit<RatingInput, 'score'> = {
  tasksTotal: 10,
  tasksOnTime: 10,
  tasksLate: 0,
  tasksUndone: 0,
  tasksExceeded: 4,
  disciplinedLeaders: 0,
};

describe('rateScore: score bands from the rating model', () => {
  it.each([
    [100, 'HTXSNV'],
    [90, 'HTXSNV'],
    [89.99, 'HTTNV'],
    [70, 'HTTNV'],
    [69.99, 'HTNV'],
    [50, 'HTNV'],
    [49.99, 'KHTNV'],
    [0, 'KHTNV'],
  ] as const)('score %s → %s when every condition holds', (score, rating) => {
    expect(rateScore({ score, ...perfect }, model).rating).toBe(rating);
  });

  it('reads the bands from the model, not from literals', () => {
    const strict = {
      ...model,
      scoreBands: [
        { rating: 'HTXSNV' as const, minScore: 95 },
        { rating: 'HTTNV' as const, minScore: 80 },
        { rating: 'HTNV' as const, minScore: 60 },
      ],
    };
    expect(rateScore({ score: 92, ...perfect }, strict).rating).toBe('HTTNV');
    expect(rateScore({ score: 75, ...perfect }, strict).rating).toBe('HTNV');
    expect(rateScore({ score: 55, ...perfect }, strict).rating).toBe('KHTNV');
    expect(rateScore({ score: 55, ...perfect }, strict).reason.vi).toContain('dưới 60');
  });

  it('names the band in the reason', () => {
    const r = rateScore({ score: 92, ...perfect }, model);
    expect(r.reason.vi).toBe('đạt 92 điểm (mức xuất sắc ≥ 90) → Hoàn thành xuất sắc nhiệm vụ');
    expect(r.reason.en).toBe('scored 92 (excellent level ≥ 90) → Excellent');
    expect(rateScore({ score: 89.99, ...perfect }, model).reason.vi).toContain('89,99 điểm (mức tốt ≥ 70)');
  });
});

describe('rateScore: conditions on both sides', () => {
  it('exceeded share: 30% holds, 20% drops excellent to good, with the numbers', () => {
    expect(rateScore({ score: 92, ...perfect, tasksExceeded: 3 }, model).rating).toBe('HTXSNV');
    const r = rateScore({ score: 92, ...perfect, tasksExceeded: 2 }, model);
    expect(r.rating).toBe('HTTNV');
    expect(r.band).toBe('HTXSNV');
    expect(r.reason.vi).toBe(
      'đạt 92 điểm (mức xuất sắc ≥ 90) nhưng chưa đủ điều kiện mức xuất sắc: chỉ 20% nhiệm vụ vượt (cần ≥ 30%) → Hoàn thành tốt nhiệm vụ',
    );
    expect(r.reason.en).toContain('only 20% of tasks exceeded (needs ≥ 30%)');
  });

  it('disciplined leaders: 0 holds, 1 drops excellent to good', () => {
    expect(rateScore({ score: 95, ...perfect, disciplinedLeaders: 0 }, model).rating).toBe('HTXSNV');
    const r = rateScore({ score: 95, ...perfect, disciplinedLeaders: 1 }, model);
    expect(r.rating).toBe('HTTNV');
    expect(r.reason.vi).toContain('1 cán bộ lãnh đạo bị kỷ luật (tối đa 0)');
    expect(r.reason.en).toContain('1 member of the leadership disciplined (at most 0)');
    const two = rateScore({ score: 95, ...perfect, disciplinedLeaders: 2 }, model);
    expect(two.reason.en).toContain('2 members of the leadership disciplined (at most 0)');
  });

  it('on-time share: 100% keeps good, 90% drops good to completed', () => {
    expect(rateScore({ score: 80, ...perfect }, model).rating).toBe('HTTNV');
    const r = rateScore({ score: 80, ...perfect, tasksOnTime: 9, tasksLate: 1 }, model);
    expect(r.rating).toBe('HTNV');
    expect(r.reason.vi).toContain('chỉ 90% nhiệm vụ hoàn thành đúng hạn (cần ≥ 100%)');
  });

  it('late share: 20% keeps completed, 30% drops completed to not completed', () => {
    expect(rateScore({ score: 60, ...perfect, tasksOnTime: 8, tasksLate: 2 }, model).rating).toBe('HTNV');
    const r = rateScore({ score: 60, ...perfect, tasksOnTime: 7, tasksLate: 3 }, model);
    expect(r.rating).toBe('KHTNV');
    expect(r.reason.vi).toContain('30% nhiệm vụ hoàn thành chậm (tối đa 20%)');
  });

  it('done share: all done keeps completed, one undone drops to not completed', () => {
    const r = rateScore({ score: 60, ...perfect, tasksOnTime: 9, tasksLate: 0, tasksUndone: 1 }, model);
    expect(r.rating).toBe('KHTNV');
    expect(r.reason.vi).toContain('chỉ 90% nhiệm vụ hoàn thành (cần ≥ 100%)');
  });

  it('drops two levels when neither excellent nor good conditions hold, naming both', () => {
    const r = rateScore({ score: 92, ...perfect, tasksOnTime: 9, tasksLate: 1, tasksExceeded: 2 }, model);
    expect(r.rating).toBe('HTNV');
    expect(r.reason.vi).toContain(
      'chưa đủ điều kiện mức xuất sắc: chỉ 90% nhiệm vụ hoàn thành đúng hạn (cần ≥ 100%), chỉ 20% nhiệm vụ vượt (cần ≥ 30%)',
    );
    expect(r.reason.vi).toContain('chưa đủ điều kiện mức tốt: chỉ 90% nhiệm vụ hoàn thành đúng hạn');
    expect(r.reason.vi.endsWith('→ Hoàn thành nhiệm vụ')).toBe(true);
  });

  it('drops three levels to not completed', () => {
    const r = rateScore({ score: 95, ...perfect, tasksOnTime: 5, tasksLate: 4, tasksUndone: 1 }, model);
    expect(r.rating).toBe('KHTNV');
  });

  it('conditions come from the model', () => {
    const lenient = { ...model, excellent: { ...model.excellent, minExceededShare: 0.2 } };
    expect(rateScore({ score: 92, ...perfect, tasksExceeded: 2 }, lenient).rating).toBe('HTXSNV');
  });

  it('without task figures it rates by score alone and says so', () => {
    const r = rateScore({ score: 91 }, model);
    expect(r.rating).toBe('HTXSNV');
    expect(r.reason.vi).toContain('không có số liệu nhiệm vụ nên xếp theo điểm');
    expect(r.reason.en).toContain('rated by score alone');
  });

  it('names conditions it could not check', () => {
    const r = rateScore({ score: 91, tasksTotal: 10, tasksOnTime: 10, tasksExceeded: 5 }, model);
    expect(r.rating).toBe('HTXSNV');
    expect(r.reason.vi).toContain('chưa kiểm tra được: không có số liệu cán bộ lãnh đạo bị kỷ luật');
    expect(r.reason.en).toContain('not checked: no figures for disciplined leaders');
    const done = rateScore({ score: 60, tasksTotal: 10 }, model);
    expect(done.reason.en).toContain('no figures for tasks done, no figures for tasks done late');
  });
});

describe('computeRatings', () => {
  const cells = (rows: Record<string, string | number>[], groups?: string[]) => ({
    kind: 'partyCells' as const,
    rows: rows.map((values) => ({ values, ...(groups ? { groups } : {}) })),
  });

  it('rates cells and organizations, compares with the proposal and warns at the proposal cell', () => {
    const data = workbookOf(
      cells([
        {
          name: 'Chi bộ bản Lạnh',
          membersTotal: 12,
          score: 92,
          tasksTotal: 10,
          tasksOnTime: 10,
          tasksExceeded: 2,
          disciplinedLeaders: 0,
          proposedRating: 'HTXSNV',
        },
        { name: 'Chi bộ bản Hua', membersTotal: 9, score: 75, proposedRating: 'HTTNV' },
        { name: 'Chi bộ bản Mòn', membersTotal: 7, proposedRating: 'HTNV' },
        { name: 'Chi bộ bản Ten', membersTotal: 7 },
      ]),
      { kind: 'organizations', rows: [{ values: { name: 'Đảng bộ xã Nậm Lạnh', score: 45 } }] },
    );
    const { ratings, issues } = computeRatings(data, DEFAULT_RULEBOOK);
    expect(ratings).toHaveLength(4);
    const [lanh, hua, mon, org] = ratings;
    expect(lanh).toMatchObject({
      computed: 'HTTNV',
      proposed: 'HTXSNV',
      final: 'HTXSNV',
      agrees: false,
      score: 92,
    });
    expect(hua).toMatchObject({ computed: 'HTTNV', proposed: 'HTTNV', final: 'HTTNV', agrees: true });
    expect(mon).toMatchObject({ proposed: 'HTNV', final: 'HTNV' });
    expect(mon!.computed).toBeUndefined();
    expect(org).toMatchObject({ computed: 'KHTNV', final: 'KHTNV', unitName: 'Đảng bộ xã Nậm Lạnh' });

    const mismatch = issues.filter((i) => i.ruleId === 'rating.mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({
      severity: 'warning',
      sheet: 'partyCells',
      cell: addressOf('partyCells', 'proposedRating', 0),
      unitName: 'Chi bộ bản Lạnh',
      values: { proposed: 'HTXSNV', computed: 'HTTNV', score: 92 },
    });
    expect(mismatch[0]!.message.vi).toContain('HTXSNV');
    expect(mismatch[0]!.message.vi).toContain('chỉ 20% nhiệm vụ vượt (cần ≥ 30%)');
  });

  it('rates each cell by its own figures when many cells share them', () => {
    // Pairs of cells share every figure; every other cell differs from its group's first in
    // one figure only, and that changes its rating or reason.
    const top = { membersTotal: 10, score: 92, ...perfect };
    const mid = { ...top, score: 60 };
    const rows = [
      top,
      top,
      { ...top, score: 75 },
      { ...top, score: 75 },
      { ...top, tasksExceeded: 2 },
      { ...top, disciplinedLeaders: 1 },
      { ...top, tasksOnTime: 9 },
      { ...top, tasksTotal: 20 },
      mid,
      { ...mid, tasksUndone: 1 },
      { ...mid, tasksLate: 3 },
    ].map((r, i) => ({ name: `Chi bộ bản ${i}`, ...r }));
    const { ratings } = computeRatings(workbookOf(cells(rows)), DEFAULT_RULEBOOK);
    const alone = rows.map((r) => rateScore(r, model));
    expect(ratings.map((r) => r.computed)).toEqual(alone.map((o) => o.rating));
    expect(ratings.map((r) => r.reason.en)).toEqual(
      alone.map((o) => o.reason.en.charAt(0).toUpperCase() + o.reason.en.slice(1)),
    );
    expect(new Set(ratings.map((r) => r.reason.en)).size).toBe(9);
  });

  const quotaRows = (excellent: number, good: number) => [
    ...Array.from({ length: excellent }, (_, i) => ({
      name: `Chi bộ X${i + 1}`,
      membersTotal: 10,
      score: 99 - i,
      proposedRating: 'HTXSNV',
    })),
    ...Array.from({ length: good }, (_, i) => ({
      name: `Chi bộ T${i + 1}`,
      membersTotal: 10,
      score: 80,
      proposedRating: 'HTTNV',
    })),
  ];

  it('quota: 4 excellent against 10 good fires, naming the two lowest-scored excellent units', () => {
    const data = workbookOf(cells(quotaRows(4, 10), ['I. Đảng bộ xã Nậm Lạnh']));
    const quota = computeRatings(data, DEFAULT_RULEBOOK).issues.filter(
      (i) => i.ruleId === 'rating.quota.excellent',
    );
    expect(quota).toHaveLength(1);
    const q = quota[0]!;
    expect(q.message.vi).toContain('4 HTXSNV / 10 HTTNV: tối đa 2 (20%)');
    expect(q.message.vi).toContain('Chi bộ X3, Chi bộ X4');
    expect(q.message.vi).not.toContain('Chi bộ X2,');
    expect(q.cell).toBe(addressOf('partyCells', 'proposedRating', 2));
    expect(q.values).toMatchObject({ excellent: 4, good: 10, allowed: 2, over: 2 });
  });

  it('quota: 2 excellent against 10 good does not fire; 3 against 10 does', () => {
    const ok = computeRatings(workbookOf(cells(quotaRows(2, 10))), DEFAULT_RULEBOOK).issues;
    expect(ok.filter((i) => i.ruleId === 'rating.quota.excellent')).toHaveLength(0);
    const over = computeRatings(workbookOf(cells(quotaRows(3, 10))), DEFAULT_RULEBOOK).issues;
    expect(over.filter((i) => i.ruleId === 'rating.quota.excellent')).toHaveLength(1);
  });

  it('quota is counted per group of comparable units (same parent group row)', () => {
    const data = workbookOf({
      kind: 'partyCells',
      rows: [
        ...quotaRows(2, 10).map((values) => ({ values, groups: ['I. Xã A'] })),
        ...quotaRows(2, 10).map((values) => ({ values, groups: ['II. Xã B'] })),
      ],
    });
    // 4 excellent / 20 good overall would pass; per group 2/10 passes too.
    expect(
      computeRatings(data, DEFAULT_RULEBOOK).issues.filter((i) => i.ruleId === 'rating.quota.excellent'),
    ).toHaveLength(0);
    const uneven = workbookOf({
      kind: 'partyCells',
      rows: [
        ...quotaRows(3, 10).map((values) => ({ values, groups: ['I. Xã A'] })),
        ...quotaRows(0, 10).map((values) => ({ values, groups: ['II. Xã B'] })),
      ],
    });
    const issues = computeRatings(uneven, DEFAULT_RULEBOOK).issues.filter(
      (i) => i.ruleId === 'rating.quota.excellent',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.vi).toContain('trong I. Xã A');
  });

  it('quota off when the rulebook disables it', () => {
    const rulebook: Rulebook = {
      ...DEFAULT_RULEBOOK,
      rating: {
        ...DEFAULT_RULEBOOK.rating,
        excellentQuota: { ...DEFAULT_RULEBOOK.rating.excellentQuota, enabled: false },
      },
    };
    const issues = computeRatings(workbookOf(cells(quotaRows(4, 10))), rulebook).issues;
    expect(issues.filter((i) => i.ruleId === 'rating.quota.excellent')).toHaveLength(0);
  });
});
