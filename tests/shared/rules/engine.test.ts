import { describe, expect, it } from 'vitest';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { RULES } from '../../../shared/src/rules/index.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import { buildTable, buildWorkbook, type RowSpec } from '../../helpers/records.ts';
import { byRule, one, run, withThresholds } from './run.ts';

const cells = one(
  'partyCells',
  [
    'name',
    'membersTotal',
    'membersOfficial',
    'hasCommittee',
    'meetingsRegular',
    'admitted',
    'lastAdmissionYear',
  ],
  [
    ['Chi bộ bản Nặm Bao', 8, 8, false, 10, 0, 2016],
    ['Chi bộ bản Pò Cại', 12, 12, true, 12, 1, 2023],
  ],
);

describe('thresholds come from the rulebook', () => {
  it('regular meetings: 10 of 12 fires by default, not when the rulebook asks for 10', () => {
    expect(byRule(run(cells).issues, 'cell.meetings.regular')).toHaveLength(1);
    const r = run(cells, { rulebook: withThresholds({ regularMeetingsPerYear: 10 }) });
    expect(byRule(r.issues, 'cell.meetings.regular')).toHaveLength(0);
  });

  it('committee: 8 official members without a committee fires when the threshold is 8', () => {
    expect(byRule(run(cells).issues, 'cell.committee.missing')).toHaveLength(0);
    const found = byRule(
      run(cells, { rulebook: withThresholds({ committeeMinOfficialMembers: 8 }) }).issues,
      'cell.committee.missing',
    );
    expect(found.map((i) => [i.cell, i.values['required']])).toEqual([['D5', 8]]);
    expect(found[0]!.message.vi).toContain('(từ 8 đảng viên chính thức thì bầu chi ủy)');
  });

  it('few members, severe, minimum: moved thresholds move the flags', () => {
    const r = run(cells, {
      rulebook: withThresholds({ fewMembersWarning: 13, fewMembersSevere: 10, minOfficialMembers: 9 }),
    });
    expect(byRule(r.issues, 'cell.members.few').map((i) => i.cell)).toEqual(['B6']);
    expect(byRule(r.issues, 'cell.members.veryFew').map((i) => i.cell)).toEqual(['B5']);
    expect(byRule(r.issues, 'cell.members.belowMinimum').map((i) => i.values['required'])).toEqual([9]);
  });

  it('years without admission: 7 years flags at 2, not at 8', () => {
    expect(byRule(run(cells).issues, 'cell.admission.stalled')).toHaveLength(1);
    const r = run(cells, { rulebook: withThresholds({ yearsWithoutAdmission: 8 }) });
    expect(byRule(r.issues, 'cell.admission.stalled')).toHaveLength(0);
  });

  it('thematic meetings and score scale', () => {
    const d = one('partyCells', ['name', 'meetingsThematic', 'score'], [['Chi bộ 1', 4, 95]]);
    const r = run(d, { rulebook: withThresholds({ thematicMeetingsPerQuarter: 2, maxScore: 90 }) });
    expect(byRule(r.issues, 'cell.meetings.thematic')[0]!.values).toMatchObject({ held: 4, required: 8 });
    expect(byRule(r.issues, 'data.range.score')[0]!.values).toMatchObject({ score: 95, max: 90 });
  });
});

describe('severity overrides and disabled rules', () => {
  it('takes the severity from rulebook.severities', () => {
    const r = run(cells, {
      rulebook: { ...DEFAULT_RULEBOOK, severities: { 'cell.meetings.regular': 'error' } },
    });
    expect(byRule(r.issues, 'cell.meetings.regular').map((i) => i.severity)).toEqual(['error']);
    expect(byRule(r.issues, 'cell.members.few').map((i) => i.severity)).toEqual(['info']);
  });

  it('skips disabled rules entirely, by id or by prefix', () => {
    const r = run(cells, {
      rulebook: { ...DEFAULT_RULEBOOK, disabledRules: ['cell.meetings.regular', 'cell.admission.*'] },
    });
    const ids = new Set([...r.issues.map((i) => i.ruleId), ...r.passed.map((p) => p.ruleId)]);
    expect(ids.has('cell.meetings.regular')).toBe(false);
    expect(ids.has('cell.admission.stalled')).toBe(false);
    expect(byRule(r.issues, 'cell.members.few')).toHaveLength(1);
  });
});

describe('passed checks', () => {
  it('lists the rules that looked at rows and found nothing, with the rows looked at', () => {
    const { issues, passed } = run(cells);
    const fired = new Set(issues.map((i) => i.ruleId));
    const byId = new Map(passed.map((p) => [p.ruleId, p]));
    expect(byId.get('cell.committee.missing')).toMatchObject({
      checked: 2,
      title: { vi: 'Chi bộ đủ điều kiện nhưng chưa có chi ủy', en: 'Cell eligible for a committee has none' },
    });
    expect(byId.get('data.range.meetings')?.checked).toBe(2);
    expect(byId.get('cell.admission.stalled')).toBeUndefined();
    expect(fired.has('cell.admission.stalled')).toBe(true);
    // Rules about absent tables or columns looked at nothing and are not listed.
    expect(byId.has('hamlet.white')).toBe(false);
    expect(byId.has('cell.meetings.thematic')).toBe(false);
    for (const p of passed) expect(fired.has(p.ruleId)).toBe(false);
  });
});

describe('the RULES catalogue', () => {
  const ids = RULES.map((r) => r.id);

  it('has unique dotted ids, bilingual titles and bases, and a severity each', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.title.vi.length).toBeGreaterThan(0);
      expect(r.title.en.length).toBeGreaterThan(0);
      expect(r.basis.vi.length).toBeGreaterThan(0);
      expect(r.basis.en.length).toBeGreaterThan(0);
      expect(r.kinds.length).toBeGreaterThan(0);
    }
  });

  it('holds every rule the domain names', () => {
    for (const id of [
      'cell.committee.missing',
      'cell.committee.belowMinimum',
      'cell.members.few',
      'cell.members.veryFew',
      'cell.members.belowMinimum',
      'cell.meetings.regular',
      'cell.meetings.thematic',
      'cell.admission.stalled',
      'cell.secretary.notHamletHead',
      'cell.hamletHead.notMember',
      'cell.members.withoutTask',
      'hamlet.white',
      'hamlet.noCell',
      'hamlet.head.notMember',
      'member.task.missing',
      'member.dates.order',
      'member.age.atAdmission',
      'data.required',
      'data.negative',
      'data.range.meetings',
      'data.range.score',
      'data.range.tasks',
      'data.members.sum',
      'data.duplicateRow',
      'data.total.mismatch',
      'data.members.balance',
      'cross.cell.memberCount',
      'cross.cell.memberRatings',
      'cross.org.totals',
      'period.jump.members',
      'period.jump.cells',
      'period.jump.hamlets',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('makes data contradictions errors', () => {
    for (const r of RULES) {
      if (r.id.startsWith('data.') && r.id !== 'data.duplicateRow') expect(r.severity).toBe('error');
      if (r.id.startsWith('cross.')) expect(r.severity).toBe('error');
    }
  });
});

describe('province scale', () => {
  function province(cellCount: number, perCell: number) {
    const cellRows: RowSpec[] = [];
    const memberRows: RowSpec[] = [];
    for (let c = 0; c < cellCount; c++) {
      const name = `Chi bộ thôn ${c}`;
      cellRows.push([name, perCell + (c % 2), perCell, 0, 11, 0, 2015, 3]);
      for (let m = 0; m < perCell; m++) {
        memberRows.push([
          `Người ${c}-${m}`,
          `${1980 + (m % 20)}-01-0${1 + (m % 9)}`,
          name,
          'HTTNV',
          m % 7 !== 0,
        ]);
      }
    }
    return buildWorkbook([
      buildTable({
        sheet: 'Chi bộ',
        kind: 'partyCells',
        fields: [
          'name',
          'membersTotal',
          'membersOfficial',
          'membersProbationary',
          'meetingsRegular',
          'admitted',
          'lastAdmissionYear',
          'meetingsThematic',
        ],
        rows: cellRows,
      }),
      buildTable({
        sheet: 'Đảng viên',
        kind: 'members',
        fields: ['fullName', 'birthDate', 'cell', 'rating', 'taskAssigned'],
        rows: memberRows,
      }),
    ]);
  }

  it('checks 5,000 cells and 100,000 members: every cell and every member list row accounted for', () => {
    const large = province(5000, 20);
    expect(large.records).toHaveLength(105_000);
    const r = run(large, { period: yearPeriod(2023) });
    expect(byRule(r.issues, 'cross.cell.memberCount')).toHaveLength(2500);
    expect(byRule(r.issues, 'cell.meetings.regular')).toHaveLength(5000);
  });
});
