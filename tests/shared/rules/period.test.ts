import { describe, expect, it } from 'vitest';
import { quarterPeriod, yearPeriod } from '../../../shared/src/period.ts';
import { buildTable, buildWorkbook, summaryWith } from '../../helpers/records.ts';
import { byRule, run, withThresholds } from './run.ts';

const data = buildWorkbook([
  buildTable({
    sheet: 'Chi bộ',
    kind: 'partyCells',
    fields: ['name', 'membersTotal', 'admitted'],
    rows: [
      ['Chi bộ bản Lạnh', 60, 2],
      ['Chi bộ bản Co Hịnh', 70, 3],
      { total: 'Tổng cộng', values: [null, 130, 5] },
    ],
  }),
  buildTable({ sheet: 'Thôn bản', kind: 'hamlets', fields: ['name', 'members'], rows: [['Bản Lạnh', 60]] }),
]);

const y2022 = yearPeriod(2022);
const y2023 = yearPeriod(2023);

describe('period.jump.*', () => {
  it('fires on members 100 → 130 (+30%) at the total cell, not on 100 → 119 (+19%)', () => {
    const previous = summaryWith({ members: 100 }, y2022);
    const fired = run(data, { summary: summaryWith({ members: 130 }, y2023), previous });
    const found = byRule(fired.issues, 'period.jump.members');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      sheet: 'Chi bộ',
      cell: 'B7',
      unitName: 'Đảng bộ xã Thử',
    });
    expect(found[0]!.values).toEqual({
      previous: 100,
      current: 130,
      change: 30,
      share: 0.3,
      previousPeriod: '2022',
    });
    expect(found[0]!.message.vi).toBe('Số đảng viên: 100 → 130 (+30%) so với kỳ 2022');
    expect(found[0]!.message.en).toBe('Members: 100 → 130 (+30%) against 2022');

    const quiet = run(data, { summary: summaryWith({ members: 119 }, y2023), previous });
    expect(byRule(quiet.issues, 'period.jump.members')).toHaveLength(0);
    expect(quiet.passed.find((p) => p.ruleId === 'period.jump.members')?.checked).toBe(1);
  });

  it('needs more than jumpMinAbsolute too: 10 → 14 fires, 10 → 13 does not', () => {
    const previous = summaryWith({ hamlets: 10 }, y2022);
    const found = byRule(
      run(data, { summary: summaryWith({ hamlets: 14 }, y2023), previous }).issues,
      'period.jump.hamlets',
    );
    // No total row in the hamlet table: the issue sits on the column header.
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Thôn bản!A4']);
    expect(found[0]!.values).toMatchObject({ previous: 10, current: 14, change: 4, share: 0.4 });
    const quiet = run(data, { summary: summaryWith({ hamlets: 13 }, y2023), previous });
    expect(byRule(quiet.issues, 'period.jump.hamlets')).toHaveLength(0);
  });

  it('reports a fall with a minus sign', () => {
    const previous = summaryWith({ membersAdmitted: 12 }, y2022);
    const found = byRule(
      run(data, { summary: summaryWith({ membersAdmitted: 5 }, y2023), previous }).issues,
      'period.jump.membersAdmitted',
    );
    expect(found.map((i) => i.cell)).toEqual(['C7']);
    expect(found[0]!.message.vi).toBe('Số đảng viên kết nạp: 12 → 5 (−58,3%) so với kỳ 2022');
    expect(found[0]!.values).toMatchObject({ change: -7, share: -0.5833 });
  });

  it('does not compare admissions over periods of different length, nor counts that are zero on one side', () => {
    const r = run(data, {
      period: quarterPeriod(2023, 1),
      summary: summaryWith({ membersAdmitted: 1, hamlets: 0 }, quarterPeriod(2023, 1)),
      previous: summaryWith({ membersAdmitted: 20, hamlets: 40 }, y2022),
    });
    expect(r.issues.filter((i) => i.ruleId.startsWith('period.jump.'))).toHaveLength(0);
    expect(r.passed.filter((p) => p.ruleId.startsWith('period.jump.'))).toHaveLength(0);
  });

  it('follows the rulebook thresholds', () => {
    const previous = summaryWith({ members: 100 }, y2022);
    const summary = summaryWith({ members: 119 }, y2023);
    const found = byRule(
      run(data, { summary, previous, rulebook: withThresholds({ jumpShare: 0.1 }) }).issues,
      'period.jump.members',
    );
    expect(found).toHaveLength(1);
    const none = byRule(
      run(data, {
        summary: summaryWith({ members: 130 }, y2023),
        previous,
        rulebook: withThresholds({ jumpMinAbsolute: 30 }),
      }).issues,
      'period.jump.members',
    );
    expect(none).toHaveLength(0);
  });

  it('does nothing without a previous period', () => {
    const r = run(data, { summary: summaryWith({ members: 130 }, y2023) });
    expect(r.issues.filter((i) => i.ruleId.startsWith('period.jump.'))).toHaveLength(0);
  });
});

describe('every period.jump rule', () => {
  const full = buildWorkbook([
    buildTable({
      sheet: 'Đảng bộ',
      kind: 'organizations',
      fields: ['name', 'cells'],
      rows: [['Đảng bộ xã Nậm Lạnh', 2]],
    }),
    buildTable({
      sheet: 'Chi bộ',
      kind: 'partyCells',
      fields: ['name', 'membersTotal', 'admitted', 'hasCommittee'],
      rows: [
        ['Chi bộ bản Lạnh', 60, 2, true],
        ['Chi bộ bản Co Hịnh', 70, 3, false],
        { total: 'Tổng cộng', values: [null, 130, 5, null] },
      ],
    }),
    buildTable({ sheet: 'Thôn bản', kind: 'hamlets', fields: ['name', 'members'], rows: [['Bản Lạnh', 60]] }),
  ]);
  const where: Record<string, string> = {
    members: 'Chi bộ!B7',
    membersAdmitted: 'Chi bộ!C7',
    cells: 'Đảng bộ!B4',
    cellsWithCommittee: 'Chi bộ!D4',
    hamlets: 'Thôn bản!A4',
    hamletsWithMembers: 'Thôn bản!B4',
    orgs: 'Đảng bộ!A4',
  };

  for (const [count, at] of Object.entries(where)) {
    it(`period.jump.${count}: 100 → 130 fires at ${at}, 100 → 119 does not`, () => {
      const previous = summaryWith({ [count]: 100 }, y2022);
      const fired = byRule(
        run(full, { summary: summaryWith({ [count]: 130 }, y2023), previous }).issues,
        `period.jump.${count}`,
      );
      expect(fired.map((i) => `${i.sheet}!${i.cell}`)).toEqual([at]);
      expect(fired[0]!.message.vi).toContain('100 → 130 (+30%)');
      expect(fired[0]!.message.en).toContain('100 → 130 (+30%)');
      const quiet = run(full, { summary: summaryWith({ [count]: 119 }, y2023), previous });
      expect(byRule(quiet.issues, `period.jump.${count}`)).toHaveLength(0);
    });
  }
});
