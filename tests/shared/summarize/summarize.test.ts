import { describe, expect, it } from 'vitest';
import { yearPeriod, quarterPeriod } from '../../../shared/src/period.ts';
import { computeRatings } from '../../../shared/src/rating/index.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { COUNT_IDS } from '../../../shared/src/summary.ts';
import { isCommuneOrg, isResidentialCell, summarize } from '../../../shared/src/summarize/index.ts';
import { foldText } from '../../../shared/src/text.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';
import { tableRecords, workbookOf, type TableSpec } from './records.ts';

const unit = { name: 'Đảng bộ xã Nậm Lạnh', level: 'commune' };

function run(data: WorkbookData, period = yearPeriod(2023)) {
  const { ratings } = computeRatings(data, DEFAULT_RULEBOOK);
  return summarize(data, ratings, {
    unit,
    period,
    rulebookVersion: DEFAULT_RULEBOOK.version,
    thresholds: DEFAULT_RULEBOOK.thresholds,
  });
}

const cellsTable: TableSpec = {
  kind: 'partyCells',
  rows: [
    // residential, committee, 12 meetings, secretary = head, 2 admitted
    {
      values: {
        name: 'Chi bộ bản Lạnh',
        membersTotal: 15,
        membersOfficial: 13,
        membersProbationary: 2,
        hasCommittee: true,
        meetingsRegular: 12,
        secretaryIsHamletHead: true,
        admitted: 2,
        lastAdmissionYear: 2023,
        proposedRating: 'HTTNV',
        membersExcellent: 2,
        membersGood: 11,
        membersCompleted: 2,
        membersNotCompleted: 0,
        membersWithTask: 15,
        hamletHeadIsMember: true,
      },
    },
    // residential by kind column, eligible (10 official) without committee, 10 meetings
    {
      values: {
        name: 'Chi bộ Hua Lạnh',
        cellType: 'Chi bộ bản',
        membersTotal: 11,
        membersOfficial: 10,
        hasCommittee: false,
        meetingsRegular: 10,
        secretaryIsHamletHead: false,
        admitted: 0,
        lastAdmissionYear: 2019,
        proposedRating: 'HTNV',
        membersExcellent: 0,
        membersGood: 8,
        membersCompleted: 2,
        membersNotCompleted: 1,
        membersWithTask: 10,
        hamletHeadIsMember: false,
      },
    },
    // school cell: not residential; 4 members, 2 official
    {
      values: {
        name: 'Chi bộ Trường THCS xã Nậm Lạnh',
        membersTotal: 4,
        membersOfficial: 2,
        membersProbationary: 2,
        committeeSize: 0,
        meetingsRegular: 12,
        admitted: 1,
        proposedRating: 'HTXSNV',
        membersExcellent: 1,
        membersGood: 3,
      },
    },
    // "Ban Quản lý" is a board, not a hamlet ("bản")
    {
      values: {
        name: 'Chi bộ Ban Quản lý rừng',
        membersTotal: 8,
        membersOfficial: 8,
        committeeSize: 3,
        score: 45,
      },
    },
  ],
};

describe('summarize: party cells, members, hamlets', () => {
  const hamlets: TableSpec = {
    kind: 'hamlets',
    rows: [
      {
        values: {
          name: 'Bản Lạnh',
          population: 600,
          members: 15,
          hasIndependentCell: true,
          hamletHeadIsMember: true,
        },
      },
      {
        values: {
          name: 'Bản Hua Lạnh',
          population: 400,
          members: 11,
          hasIndependentCell: true,
          hamletHeadIsMember: true,
        },
      },
      {
        values: {
          name: 'Bản Nặm Khún',
          population: 250,
          members: 0,
          hasIndependentCell: false,
          hamletHeadIsMember: false,
        },
      },
    ],
  };
  const s = run(workbookOf(cellsTable, hamlets));
  const c = s.counts;

  it('has every count id', () => {
    expect(Object.keys(c).sort()).toEqual([...COUNT_IDS].sort());
  });

  it('folds names through the fold it is given (the check shares one with the rules)', () => {
    const data = workbookOf(cellsTable, hamlets);
    const { ratings } = computeRatings(data, DEFAULT_RULEBOOK);
    const asked: string[] = [];
    const shared = summarize(data, ratings, {
      unit,
      period: yearPeriod(2023),
      rulebookVersion: DEFAULT_RULEBOOK.version,
      fold: (text) => {
        asked.push(text);
        return foldText(text);
      },
    });
    expect(shared).toEqual(s);
    expect(asked).toContain('Chi bộ bản Lạnh');
  });

  it('counts cells, residential cells and committees', () => {
    expect(c.cells).toBe(4);
    expect(c.cellsResidential).toBe(2);
    expect(c.cellsResidentialWithCommittee).toBe(1);
    expect(c.cellsWithCommittee).toBe(2); // bản Lạnh (yes) and Ban Quản lý (committee size 3)
    expect(c.cellsEligibleForCommittee).toBe(2); // 13 and 10 official
    expect(c.cellsEligibleWithoutCommittee).toBe(1);
    expect(c.cellsCommitteeKnown).toBe(4);
    expect(c.cellsResidentialCommitteeKnown).toBe(2);
  });

  it('leaves cells that say nothing about a committee out of the committee counts', () => {
    const c2 = run(
      workbookOf({
        kind: 'partyCells',
        rows: [
          { values: { name: 'Chi bộ bản A', membersTotal: 12, membersOfficial: 12 } },
          { values: { name: 'Chi bộ bản B', membersTotal: 10, membersOfficial: 10, hasCommittee: false } },
        ],
      }),
    ).counts;
    expect(c2.cellsResidential).toBe(2);
    expect(c2.cellsResidentialCommitteeKnown).toBe(1);
    expect(c2.cellsCommitteeKnown).toBe(1);
    expect(c2.cellsEligibleForCommittee).toBe(2);
    expect(c2.cellsEligibleWithoutCommittee).toBe(1);
  });

  it('counts small cells against the rulebook thresholds', () => {
    expect(c.cellsUnder9).toBe(2); // 4 and 8 members
    expect(c.cellsUnder5).toBe(1);
    expect(c.cellsUnder3).toBe(1); // 2 official
  });

  it('counts meetings, secretaries and admissions', () => {
    expect(c.cellsWithMeetingData).toBe(3);
    expect(c.cellsAllRegularMeetings).toBe(2);
    expect(c.cellsWithSecretaryData).toBe(2);
    expect(c.cellsSecretaryIsHamletHead).toBe(1);
    expect(c.membersAdmitted).toBe(3);
    expect(c.cellsWithoutRecentAdmission).toBe(1); // last admission 2019, none in 2023
  });

  it('counts cell ratings from the final rating (proposed, else computed)', () => {
    expect(c.cellsRated).toBe(4);
    expect(c.cellsExcellent).toBe(1);
    expect(c.cellsGood).toBe(1);
    expect(c.cellsCompleted).toBe(1);
    expect(c.cellsNotCompleted).toBe(1); // score 45
  });

  it('sums members, deriving official/probationary where two of three are given', () => {
    expect(c.members).toBe(38);
    expect(c.membersOfficial).toBe(13 + 10 + 2 + 8);
    expect(c.membersProbationary).toBe(2 + 1 + 2 + 0);
    expect(c.membersExcellent).toBe(3);
    expect(c.membersGood).toBe(22);
    expect(c.membersCompleted).toBe(4);
    expect(c.membersNotCompleted).toBe(1);
    expect(c.membersRated).toBe(30);
    expect(c.membersWithTaskKnown).toBe(26);
    expect(c.membersWithTask).toBe(25);
  });

  it('counts hamlets from the hamlets table, and hamlet heads from it rather than from the cells', () => {
    expect(c.hamlets).toBe(3);
    expect(c.hamletsWithMembers).toBe(2);
    expect(c.hamletsWithIndependentCell).toBe(2);
    expect(c.hamletsIndependentCellKnown).toBe(3);
    expect(c.population).toBe(1250);
    expect(c.hamletHeadsKnown).toBe(3);
    expect(c.hamletHeadsNotMembers).toBe(1);
  });

  it('is a leaf summary without a rating of its own (no organizations table)', () => {
    expect(s.unitsIncluded).toBe(1);
    expect(s.rating).toBeUndefined();
    expect(s.unit).toEqual(unit);
    expect(s.rulebookVersion).toBe(DEFAULT_RULEBOOK.version);
  });

  it('prorates the regular meetings due in a quarter', () => {
    const q = run(
      workbookOf({
        kind: 'partyCells',
        rows: [
          { values: { name: 'Chi bộ bản A', membersTotal: 10, meetingsRegular: 3 } },
          { values: { name: 'Chi bộ bản B', membersTotal: 10, meetingsRegular: 2 } },
        ],
      }),
      quarterPeriod(2024, 1),
    );
    expect(q.counts.cellsAllRegularMeetings).toBe(1);
  });

  it('uses the thresholds it is given', () => {
    const data = workbookOf(cellsTable);
    const { ratings } = computeRatings(data, DEFAULT_RULEBOOK);
    const strict = summarize(data, ratings, {
      unit,
      period: yearPeriod(2023),
      rulebookVersion: 'x',
      thresholds: { ...DEFAULT_RULEBOOK.thresholds, committeeMinOfficialMembers: 12, fewMembersWarning: 12 },
    });
    expect(strict.counts.cellsEligibleForCommittee).toBe(1);
    expect(strict.counts.cellsUnder9).toBe(3);
  });
});

describe('summarize: organizations', () => {
  const orgs: TableSpec = {
    kind: 'organizations',
    rows: [
      {
        values: {
          name: 'Đảng bộ xã Nậm Lạnh',
          cells: 15,
          membersTotal: 300,
          admitted: 6,
          secretaryNotLocal: true,
          chairmanNotLocal: false,
          officialsTotal: 22,
          officialsMeetingStandard: 20,
          proposedRating: 'HTTNV',
        },
      },
      {
        values: {
          name: 'Đảng bộ Mường Lèo',
          orgType: 'Đảng bộ xã',
          cells: 20,
          membersTotal: 410,
          admitted: 9,
          secretaryNotLocal: false,
          chairmanNotLocal: false,
          officialsTotal: 21,
          officialsMeetingStandard: 21,
          proposedRating: 'KHTNV',
          enterpriseOrgsFounded: 1,
        },
      },
      {
        values: {
          name: 'Đảng bộ thị trấn Sốp Cộp',
          cells: 12,
          membersTotal: 500,
          secretaryNotLocal: true,
          proposedRating: 'HTXSNV',
        },
      },
      {
        values: {
          name: 'Chi bộ Trường THPT xã Sốp Cộp',
          orgType: 'Chi bộ cơ sở',
          membersTotal: 30,
          proposedRating: 'HTTNV',
          membersExcellent: 5,
          membersGood: 20,
          membersCompleted: 5,
        },
      },
      { values: { name: 'Chi bộ Công an huyện', membersTotal: 25 } },
    ],
  };

  it('tells commune-level committees from other organizations', () => {
    const records = tableRecords(orgs);
    expect(records.map(isCommuneOrg)).toEqual([true, true, true, false, false]);
  });

  it('counts organizations and commune committees by rating, secretaries, officials', () => {
    const c = run(workbookOf(orgs)).counts;
    expect(c.orgs).toBe(5);
    expect(c.orgsRated).toBe(4);
    expect([c.orgsExcellent, c.orgsGood, c.orgsCompleted, c.orgsNotCompleted]).toEqual([1, 2, 0, 1]);
    expect(c.communeOrgs).toBe(3);
    expect(c.communeOrgsRated).toBe(3);
    expect([c.communeOrgsExcellent, c.communeOrgsGood, c.communeOrgsNotCompleted]).toEqual([1, 1, 1]);
    expect(c.secretariesKnown).toBe(3);
    expect(c.secretariesNotLocal).toBe(2);
    expect(c.chairmenKnown).toBe(2);
    expect(c.chairmenNotLocal).toBe(0);
    expect(c.communeOfficials).toBe(43);
    expect(c.communeOfficialsStandard).toBe(41);
    expect(c.enterpriseOrgsFounded).toBe(1);
  });

  it('takes cells, members and admissions from the organizations when there is no cells table', () => {
    const c = run(workbookOf(orgs)).counts;
    expect(c.cells).toBe(47);
    expect(c.members).toBe(1265);
    expect(c.membersAdmitted).toBe(15);
    expect(c.membersRated).toBe(30);
  });

  it('does not count cells or members twice when both tables are present', () => {
    const c = run(workbookOf(orgs, cellsTable)).counts;
    expect(c.cells).toBe(4);
    expect(c.members).toBe(38);
    expect(c.membersAdmitted).toBe(3);
    expect(c.membersRated).toBe(30);
    expect(c.orgs).toBe(5);
  });

  it('carries the unit’s own rating when the workbook’s only organization row is the unit', () => {
    const own = run(workbookOf({ kind: 'organizations', rows: [orgs.rows[0]!] }));
    expect(own.rating).toBe('HTTNV');
    expect(run(workbookOf(orgs)).rating).toBeUndefined();
    const other = run(workbookOf({ kind: 'organizations', rows: [orgs.rows[1]!] }));
    expect(other.rating).toBeUndefined();
  });
});

describe('summarize: member list as the last source', () => {
  it('counts members, statuses, ratings and tasks from the list when no table gives them', () => {
    const data = workbookOf({
      kind: 'members',
      rows: [
        {
          values: {
            fullName: 'A',
            cell: 'Bản Lạnh',
            status: 'official',
            rating: 'HTTNV',
            taskAssigned: true,
          },
        },
        {
          values: {
            fullName: 'B',
            cell: 'Bản Lạnh',
            status: 'probationary',
            rating: 'HTNV',
            taskAssigned: false,
          },
        },
        { values: { fullName: 'C', cell: 'Bản Lạnh', status: 'official', rating: 'HTXSNV' } },
      ],
    });
    const c = run(data).counts;
    expect([c.members, c.membersOfficial, c.membersProbationary]).toEqual([3, 2, 1]);
    expect([c.membersRated, c.membersExcellent, c.membersGood, c.membersCompleted]).toEqual([3, 1, 1, 1]);
    expect([c.membersWithTaskKnown, c.membersWithTask]).toEqual([2, 1]);
  });
});

describe('residential cells', () => {
  it.each([
    ['Chi bộ bản Lạnh', true],
    ['Chi bộ thôn Trại Dọc', true],
    ['Chi bộ tiểu khu 3', true],
    ['Chi bộ tổ dân phố 5', true],
    ['Chi bộ xóm Đồng', true],
    ['Chi bộ Ban Chỉ huy Quân sự', false],
    ['Chi bộ Trạm Y tế', false],
    ['Chi bộ Trường Tiểu học', false],
  ])('%s → %s', (name, expected) => {
    const [r] = tableRecords({ kind: 'partyCells', rows: [{ values: { name, membersTotal: 5 } }] });
    expect(isResidentialCell(r!)).toBe(expected);
  });
});
