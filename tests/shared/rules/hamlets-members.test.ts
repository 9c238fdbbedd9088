import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../shared/src/pipeline.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { byRule, one, run, withThresholds } from './run.ts';

describe('hamlets', () => {
  const data = one(
    'hamlets',
    ['name', 'population', 'members', 'hasIndependentCell', 'hamletHeadIsMember'],
    [
      ['Bản Hua Lạnh', 320, 0, false, false],
      ['Bản Nặm Khún', 280, 1, false, true],
      ['Bản Pu Sút', 410, 14, true, true],
    ],
    'Thôn bản',
  );
  const { issues } = run(data);

  it('hamlet.white fires on 0 members, not on 1', () => {
    const found = byRule(issues, 'hamlet.white');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      sheet: 'Thôn bản',
      cell: 'C5',
      unitName: 'Bản Hua Lạnh',
    });
    expect(found[0]!.values).toEqual({ members: 0 });
    expect(found[0]!.message.vi).toBe('Bản Hua Lạnh: không có đảng viên (bản trắng đảng viên)');
    expect(found[0]!.message.en).toBe('Bản Hua Lạnh: no party member (a "white" hamlet)');
  });

  it('hamlet.noCell fires on a hamlet with members and no cell, not on one with a cell, and leaves white hamlets to hamlet.white', () => {
    const found = byRule(issues, 'hamlet.noCell');
    expect(found.map((i) => i.cell)).toEqual(['D6']);
    expect(found[0]!.values).toEqual({ hasIndependentCell: false, members: 1 });
    expect(found[0]!.message.vi).toBe('Bản Nặm Khún: chưa có chi bộ độc lập (trắng chi bộ); số đảng viên: 1');
    expect(found[0]!.message.en).toBe('Bản Nặm Khún: no party cell of its own; party members: 1');
  });

  it('hamlet.head.notMember fires on "no", not on "yes"', () => {
    const found = byRule(issues, 'hamlet.head.notMember');
    expect(found.map((i) => i.cell)).toEqual(['E5']);
    expect(found[0]!.message.vi).toBe('Bản Hua Lạnh: trưởng thôn/bản chưa là đảng viên');
    expect(found[0]!.message.en).toBe('Bản Hua Lạnh: the hamlet head is not a party member');
  });
});

describe('members', () => {
  const fields = ['fullName', 'birthDate', 'cell', 'admissionDate', 'officialDate', 'taskAssigned'];
  const data = one(
    'members',
    fields,
    [
      ['Lò Văn A', '1990-04-02', 'Chi bộ bản Nặm Bao', '2015-05-19', '2016-05-19', false],
      ['Lò Thị B', '1992-01-10', 'Chi bộ bản Nặm Bao', '2016-03-01', '2015-03-01', true],
      ['Quàng Văn C', '2001-06-01', 'Bản Pu Sút', '2019-05-31', '2020-05-31', true],
      ['Quàng Văn D', '2001-06-01', 'Bản Pu Sút', '2019-06-01', '2020-06-01', true],
      ['Vì Văn E', '2018-01-01', 'Bản Pu Sút', '1990-01-01', undefined, true],
    ],
    'Đảng viên',
  );
  const { issues } = run(data);

  it('member.task.missing fires on "no", not on "yes", naming the row and cell but not the person', () => {
    const found = byRule(issues, 'member.task.missing');
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i).toMatchObject({
      severity: 'warning',
      sheet: 'Đảng viên',
      cell: 'F5',
      unitName: 'Chi bộ bản Nặm Bao',
    });
    expect(i.message.vi).toBe('Đảng viên ở dòng 5 (Chi bộ bản Nặm Bao): chưa được phân công nhiệm vụ');
    expect(i.message.en).toBe('Member on row 5 (Nặm Bao cell): no task assigned');
    expect(JSON.stringify(i)).not.toContain('Lò Văn A');
  });

  it('member.dates.order fires on an official date before admission and an admission before birth', () => {
    const found = byRule(issues, 'member.dates.order');
    expect(found.map((i) => [i.cell, i.severity])).toEqual([
      ['E6', 'error'],
      ['D9', 'error'],
    ]);
    expect(found[0]!.values).toEqual({ admissionDate: '2016-03-01', officialDate: '2015-03-01' });
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 6 (Chi bộ bản Nặm Bao): ngày chính thức 01/03/2015 trước ngày vào Đảng 01/03/2016',
    );
    expect(found[0]!.message.en).toBe(
      'Member on row 6 (Nặm Bao cell): official date 2015-03-01 is before the admission date 2016-03-01',
    );
    expect(found[1]!.message.vi).toContain('ngày vào Đảng 01/01/1990 không sau ngày sinh');
    // Birth dates are personal: never quoted.
    expect(JSON.stringify(found)).not.toContain('2018-01-01');
  });

  it('member.age.atAdmission fires one day before the 18th birthday, not on it', () => {
    const found = byRule(issues, 'member.age.atAdmission');
    expect(found.map((i) => i.cell)).toEqual(['D7']);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.values).toEqual({ age: 17, minimum: 18 });
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 7 (Chi bộ Bản Pu Sút): 17 tuổi khi vào Đảng (tối thiểu 18 tuổi)',
    );
    expect(found[0]!.message.en).toBe(
      'Member on row 7 (Pu Sút cell): 17 years old when admitted (minimum 18)',
    );
  });

  it('member.age.atAdmission follows the rulebook minimum and is off without one', () => {
    const lower = run(data, { rulebook: withThresholds({ minAdmissionAge: 17 }) }).issues;
    expect(byRule(lower, 'member.age.atAdmission')).toHaveLength(0);
    const { minAdmissionAge: _dropped, ...rest } = DEFAULT_RULEBOOK.thresholds;
    const none = run(data, { rulebook: { ...DEFAULT_RULEBOOK, thresholds: rest } });
    expect(byRule(none.issues, 'member.age.atAdmission')).toHaveLength(0);
    expect(none.passed.map((p) => p.ruleId)).not.toContain('member.age.atAdmission');
  });
});

describe('members with only the year of birth ("Năm sinh")', () => {
  const data = one(
    'members',
    ['fullName', 'birthYear', 'cell', 'admissionDate'],
    [
      ['Lò Văn A', 2005, 'Bản Pu Sút', '2023-01-05'],
      ['Lò Văn B', 2006, 'Bản Pu Sút', '2023-12-31'],
      ['Lò Văn C', 1980, 'Bản Pu Sút', '1980-06-01'],
      ['Lò Văn D', 1980, 'Bản Pu Sút', '1979-06-01'],
      ['Lò Văn E', 1925, 'Bản Pu Sút', '1947-06-01'],
    ],
    'Đảng viên',
  );
  const { issues } = run(data);

  it('member.age.atAdmission fires only when even the oldest the member can have been is under age', () => {
    // Born in 2005 and admitted in January 2023: 17 or 18, the year alone cannot tell.
    const found = byRule(issues, 'member.age.atAdmission');
    expect(found.map((i) => i.cell)).toEqual(['D6']);
    expect(found[0]!.values).toEqual({ ageAtMost: 17, minimum: 18 });
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 6 (Chi bộ Bản Pu Sút): nhiều nhất 17 tuổi khi vào Đảng (tối thiểu 18 tuổi)',
    );
    expect(found[0]!.message.en).toBe(
      'Member on row 6 (Pu Sút cell): at most 17 years old when admitted (minimum 18)',
    );
  });

  it('member.dates.order fires on an admission in or before the year of birth, never quoting the year', () => {
    const found = byRule(issues, 'member.dates.order');
    expect(found.map((i) => i.cell)).toEqual(['D7', 'D8']);
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 7 (Chi bộ Bản Pu Sút): ngày vào Đảng 01/06/1980 không sau năm sinh',
    );
    expect(found[1]!.message.en).toBe(
      'Member on row 8 (Pu Sút cell): admission date 1979-06-01 is not after the year of birth',
    );
    // Row 8: born in 1980, admitted in 1979; the year of birth is personal.
    expect(JSON.stringify(found[1])).not.toContain('1980');
  });

  it('a full date of birth, when given, is what the rules read', () => {
    const both = one(
      'members',
      ['fullName', 'birthDate', 'birthYear', 'cell', 'admissionDate'],
      [['Lò Văn A', '2005-01-06', 2006, 'Bản Pu Sút', '2023-01-05']],
      'Đảng viên',
    );
    const found = byRule(run(both).issues, 'member.age.atAdmission');
    expect(found.map((i) => i.values)).toEqual([{ age: 17, minimum: 18 }]);
  });

  it('data.duplicateRow tells members apart by the year of birth when there is no date', () => {
    const twice = one(
      'members',
      ['fullName', 'birthYear', 'cell'],
      [
        ['Lò Văn A', 1980, 'Bản Pu Sút'],
        ['Lò Văn A', 1981, 'Bản Pu Sút'],
        ['Lò Văn A', 1980, 'Bản Pu Sút'],
      ],
      'Đảng viên',
    );
    const found = byRule(run(twice).issues, 'data.duplicateRow');
    expect(found.map((i) => [i.cell, i.values])).toEqual([['C7', { row: 7, firstRow: 5 }]]);
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 7 (Chi bộ Bản Pu Sút): trùng họ tên, năm sinh và chi bộ với dòng 5',
    );
  });
});

describe('a "Ngày sinh" column holding only the year for some members', () => {
  const report = checkWorkbook({
    name: 'danh-sach.xlsx',
    sheets: [
      {
        name: 'Đảng viên',
        rows: [
          ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng'],
          [1, 'Lò Văn A', 'xx/xx/2006', 'Bản Pu Sút', '31/12/2023'],
          [2, 'Lò Văn B', '1980', 'Bản Pu Sút', '01/06/1980'],
          [3, 'Lò Văn C', '12/05/1980', 'Bản Pu Sút', '01/06/2000'],
          [4, 'Lò Văn D', '00/00/1950', 'Bản Pu Sút', '03/02/1975'],
          [5, 'Lò Văn D', '00/00/1950', 'Bản Pu Sút', '03/02/1975'],
        ],
      },
    ],
  });

  it('reads the year rather than refusing the cell', () => {
    expect(byRule(report.issues, 'value.invalid')).toEqual([]);
  });

  it('checks the age and the order of dates against the year', () => {
    const age = byRule(report.issues, 'member.age.atAdmission');
    expect(age.map((i) => [i.cell, i.values])).toEqual([['E2', { ageAtMost: 17, minimum: 18 }]]);
    expect(age[0]!.message.vi).toContain('nhiều nhất 17 tuổi khi vào Đảng');
    const order = byRule(report.issues, 'member.dates.order');
    expect(order.map((i) => i.cell)).toEqual(['E3']);
    expect(order[0]!.message.vi).toContain('ngày vào Đảng 01/06/1980 không sau năm sinh');
  });

  it('finds duplicates by the year, and says so', () => {
    const twice = byRule(report.issues, 'data.duplicateRow');
    expect(twice.map((i) => i.cell)).toEqual(['D6']);
    expect(twice[0]!.message.vi).toContain('trùng họ tên, năm sinh và chi bộ với dòng 5');
  });
});
