import { describe, expect, it } from 'vitest';
import { halfPeriod, quarterPeriod, yearPeriod } from '../../../shared/src/period.ts';
import { byRule, one, run } from './run.ts';

// Every table starts its header on row 4: the first data row is row 5, fields from column A.

describe('cell.committee.missing', () => {
  const data = one(
    'partyCells',
    ['name', 'membersOfficial', 'hasCommittee'],
    [
      ['Chi bộ bản Nà Mò', 9, false],
      ['Chi bộ bản Pò Cại', 8, false],
      ['Chi bộ bản Khòn Cáy', 12, true],
    ],
  );

  it('fires on a cell with 9 official members and no committee', () => {
    const found = byRule(run(data).issues, 'cell.committee.missing');
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({ severity: 'warning', sheet: 'Biểu 1', cell: 'C5', justified: false });
    expect(i.values).toEqual({ official: 9, required: 9 });
    expect(i.unitName).toBe('Chi bộ bản Nà Mò');
    expect(i.rowRef).toBe('Biểu 1#0:5');
    expect(i.message.vi).toBe(
      'Chi bộ bản Nà Mò: 9 đảng viên chính thức (từ 9 đảng viên chính thức thì bầu chi ủy) nhưng chưa có chi ủy',
    );
    expect(i.message.en).toBe(
      'Nà Mò cell: 9 official members (9 or more elect a committee) but no committee',
    );
    expect(i.basis?.vi).toContain('Điều lệ Đảng');
    expect(i.suggestion?.vi).toBeTruthy();
  });

  it('does not fire at 8 official members', () => {
    expect(byRule(run(data).issues, 'cell.committee.missing').map((i) => i.cell)).not.toContain('C6');
  });

  it('reads a committee size of 0 as no committee, and official = total − probationary', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal', 'membersProbationary', 'committeeSize'],
      [
        ['Bản Hua Lạnh', 11, 1, 0],
        ['Bản Nặm Khún', 10, 2, 0],
      ],
    );
    const found = byRule(run(d).issues, 'cell.committee.missing');
    expect(found.map((i) => i.cell)).toEqual(['D5']);
    expect(found[0]!.values).toEqual({ official: 10, required: 9 });
    expect(found[0]!.message.vi).toContain('Chi bộ Bản Hua Lạnh: 10 đảng viên chính thức');
  });
});

describe('cell.committee.belowMinimum', () => {
  it('fires on a committee with 8 official members, not with 9', () => {
    const d = one(
      'partyCells',
      ['name', 'membersOfficial', 'hasCommittee'],
      [
        ['Chi bộ Tiểu khu 2', 8, true],
        ['Chi bộ Tiểu khu 3', 9, true],
      ],
    );
    const found = byRule(run(d).issues, 'cell.committee.belowMinimum');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', cell: 'C5' });
    expect(found[0]!.values).toEqual({ official: 8, required: 9 });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ Tiểu khu 2: có chi ủy nhưng chỉ có 8 đảng viên chính thức (cần từ 9)',
    );
    expect(found[0]!.message.en).toBe(
      'Tiểu khu 2 cell: has a committee but only 8 official members (9 needed)',
    );
  });
});

describe('cell size', () => {
  const data = one(
    'partyCells',
    ['name', 'membersTotal', 'membersOfficial'],
    [
      ['Chi bộ bản A', 9, 9],
      ['Chi bộ bản B', 8, 7],
      ['Chi bộ bản C', 5, 5],
      ['Chi bộ bản D', 4, 3],
      ['Chi bộ bản E', 3, 2],
    ],
  );
  const { issues } = run(data);

  it('cell.members.few: info from 5 to 8 members, nothing at 9 or below 5', () => {
    const found = byRule(issues, 'cell.members.few');
    expect(found.map((i) => i.cell)).toEqual(['B6', 'B7']);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.values).toEqual({ members: 8, threshold: 9 });
    expect(found[0]!.message.vi).toBe('Chi bộ bản B: 8 đảng viên (dưới 9)');
    expect(found[0]!.message.en).toBe('B cell: 8 members (under 9)');
  });

  it('cell.members.veryFew: warning under 5, not at 5', () => {
    const found = byRule(issues, 'cell.members.veryFew');
    expect(found.map((i) => i.cell)).toEqual(['B8', 'B9']);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.values).toEqual({ members: 4, threshold: 5 });
    expect(found[0]!.message.vi).toBe('Chi bộ bản D: chỉ 4 đảng viên (dưới 5)');
    expect(found[0]!.message.en).toBe('D cell: only 4 members (under 5)');
  });

  it('cell.members.belowMinimum: 2 official members must merge, 3 may stay', () => {
    const found = byRule(issues, 'cell.members.belowMinimum');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', cell: 'C9' });
    expect(found[0]!.values).toEqual({ official: 2, required: 3 });
    expect(found[0]!.message.vi).toBe('Chi bộ bản E: 2 đảng viên chính thức, dưới mức tối thiểu 3');
    expect(found[0]!.message.en).toBe('E cell: 2 official members, below the minimum of 3');
    expect(found[0]!.suggestion?.vi).toContain('Ghép');
  });
});

describe('cell.meetings.regular', () => {
  const data = one(
    'partyCells',
    ['name', 'meetingsRegular'],
    [
      ['Chi bộ bản Nặm Bao', 6],
      ['Chi bộ thôn Gia Miễn', 11],
      ['Chi bộ thôn Tân Mỹ', 12],
      ['Chi bộ thôn Thụy Hùng', 3],
      ['Chi bộ thôn Pò Mã', 2],
    ],
  );

  it('fires at 6 and 11 of 12 in a year, not at 12 (seed 002: Nặm Bao held 6)', () => {
    const found = byRule(run(data).issues, 'cell.meetings.regular');
    expect(found.map((i) => i.cell)).toEqual(['B5', 'B6', 'B8', 'B9']);
    const nb = found[0]!;
    expect(nb.severity).toBe('warning');
    expect(nb.message.vi).toBe('Chi bộ bản Nặm Bao: 6 kỳ sinh hoạt / 12 kỳ yêu cầu');
    expect(nb.message.en).toBe('Nặm Bao cell: 6 regular meetings / 12 required');
    expect(nb.values).toMatchObject({ held: 6, required: 12 });
    expect(found[1]!.values).toMatchObject({ held: 11, required: 12 });
  });

  it('prorates a quarter to 3 meetings: 2 fires, 3 does not', () => {
    const found = byRule(run(data, { period: quarterPeriod(2024, 1) }).issues, 'cell.meetings.regular');
    expect(found.map((i) => i.cell)).toEqual(['B9']);
    expect(found[0]!.values).toMatchObject({ held: 2, required: 3, months: 3 });
    expect(found[0]!.message.vi).toBe('Chi bộ thôn Pò Mã: 2 kỳ sinh hoạt / 3 kỳ yêu cầu (3 tháng)');
    expect(found[0]!.message.en).toBe('Pò Mã cell: 2 regular meetings / 3 required (3 months)');
  });

  it('prorates a half-year to 6', () => {
    const found = byRule(run(data, { period: halfPeriod(2024, 1) }).issues, 'cell.meetings.regular');
    expect(found.map((i) => i.values['required'])).toEqual([6, 6]);
    expect(found.map((i) => i.cell)).toEqual(['B8', 'B9']);
  });

  it('takes a year when the period is unknown', () => {
    const found = byRule(run(data, { period: null }).issues, 'cell.meetings.regular');
    expect(found.map((i) => i.values['required'])).toEqual([12, 12, 12, 12]);
  });
});

describe('cell.meetings.thematic', () => {
  const data = one(
    'partyCells',
    ['name', 'meetingsThematic'],
    [
      ['Chi bộ thôn Bản Vược', 3],
      ['Chi bộ thôn Cốc San', 4],
      ['Chi bộ thôn Phìn Ngan', 0],
    ],
  );

  it('needs 4 a year: 3 fires, 4 does not', () => {
    const found = byRule(run(data).issues, 'cell.meetings.thematic');
    expect(found.map((i) => i.cell)).toEqual(['B5', 'B7']);
    expect(found[0]!.values).toMatchObject({ held: 3, required: 4 });
    expect(found[0]!.message.vi).toBe('Chi bộ thôn Bản Vược: 3 kỳ sinh hoạt chuyên đề / 4 kỳ yêu cầu');
    expect(found[0]!.message.en).toBe('Bản Vược cell: 3 thematic meetings / 4 required');
  });

  it('needs 1 a quarter: 0 fires, 3 does not', () => {
    const found = byRule(run(data, { period: quarterPeriod(2024, 2) }).issues, 'cell.meetings.thematic');
    expect(found.map((i) => i.cell)).toEqual(['B7']);
    expect(found[0]!.values).toMatchObject({ held: 0, required: 1 });
  });
});

describe('cell.admission.stalled', () => {
  const data = one(
    'partyCells',
    ['name', 'admitted', 'lastAdmissionYear'],
    [
      ['Chi bộ Pò Cại', 0, 2014],
      ['Chi bộ Nà Mò', 0, 2016],
      ['Chi bộ Nà Thang', 0, 2017],
      ['Chi bộ Khòn Pổ', 1, 2014],
    ],
  );

  it('fires for Pò Cại (4 years) and Nà Mò (2 years) in 2018, not after 1 year or with an admission', () => {
    const found = byRule(run(data, { period: yearPeriod(2018) }).issues, 'cell.admission.stalled');
    expect(found.map((i) => i.cell)).toEqual(['C5', 'C6']);
    expect(found[0]).toMatchObject({ severity: 'warning', unitName: 'Chi bộ Pò Cại' });
    expect(found[0]!.values).toEqual({ years: 4, lastAdmissionYear: 2014, threshold: 2 });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ Pò Cại: 4 năm không kết nạp đảng viên (lần gần nhất năm 2014; ngưỡng 2 năm)',
    );
    expect(found[0]!.message.en).toBe(
      'Pò Cại cell: 4 years without admitting a member (last in 2014; threshold 2 years)',
    );
    expect(found[1]!.values).toEqual({ years: 2, lastAdmissionYear: 2016, threshold: 2 });
  });

  it('does not run without the period year', () => {
    const r = run(data, { period: null });
    expect(byRule(r.issues, 'cell.admission.stalled')).toHaveLength(0);
    expect(r.passed.map((p) => p.ruleId)).not.toContain('cell.admission.stalled');
  });
});

describe('roles and tasks in the cell table', () => {
  const data = one(
    'partyCells',
    ['name', 'membersTotal', 'secretaryIsHamletHead', 'hamletHeadIsMember', 'membersWithTask'],
    [
      ['Chi bộ bản Lạnh', 12, false, false, 10],
      ['Chi bộ bản Pu Sút', 12, true, true, 12],
    ],
  );
  const { issues } = run(data);

  it('cell.secretary.notHamletHead fires on "no", not on "yes"', () => {
    const found = byRule(issues, 'cell.secretary.notHamletHead');
    expect(found.map((i) => i.cell)).toEqual(['C5']);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message.vi).toBe('Chi bộ bản Lạnh: bí thư chi bộ chưa đồng thời là trưởng thôn/bản');
    expect(found[0]!.message.en).toBe('Lạnh cell: the secretary is not also the hamlet head');
    expect(found[0]!.values).toEqual({ secretaryIsHamletHead: false });
  });

  it('cell.hamletHead.notMember fires on "no", not on "yes"', () => {
    const found = byRule(issues, 'cell.hamletHead.notMember');
    expect(found.map((i) => i.cell)).toEqual(['D5']);
    expect(found[0]!.message.vi).toBe('Chi bộ bản Lạnh: trưởng thôn/bản chưa là đảng viên');
    expect(found[0]!.message.en).toBe('Lạnh cell: the hamlet head is not a party member');
  });

  it('cell.members.withoutTask fires at 10 of 12, not at 12 of 12', () => {
    const found = byRule(issues, 'cell.members.withoutTask');
    expect(found.map((i) => i.cell)).toEqual(['E5']);
    expect(found[0]!.values).toEqual({ withTask: 10, total: 12, without: 2 });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ bản Lạnh: 2 đảng viên chưa được phân công nhiệm vụ (10/12 được phân công)',
    );
    expect(found[0]!.message.en).toBe('Lạnh cell: 2 members without an assigned task (10/12 assigned)');
  });
});
