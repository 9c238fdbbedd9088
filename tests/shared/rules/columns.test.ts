/**
 * Rules that visit every member row read their fields by column (`h.column`): the table's own
 * array when one table holds all the rows of a kind, the fields gathered row by row otherwise.
 * Either way the arrays must stand index for index beside `h.records(kind)`, or a finding
 * would be put on another member's row.
 */
import { describe, expect, it } from 'vitest';
import { tableValues } from '../../../shared/src/detect/records.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { dayNumber } from '../../../shared/src/parse/index.ts';
import { createHelpers } from '../../../shared/src/rules/helpers.ts';
import { fieldValue, plainRecord } from '../../../shared/src/table.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';
import { summaryWith } from '../../helpers/records.ts';
import { read, sheet } from '../detect/helpers.ts';
import { run } from './run.ts';

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng', 'Chi bộ'];

const helpersFor = (data: WorkbookData) =>
  createHelpers({ data, rulebook: DEFAULT_RULEBOOK, summary: summaryWith({}, yearPeriod(2023)) });

/** Every field of every member, read by column and record by record, agree. */
function expectAligned(data: WorkbookData): void {
  const h = helpersFor(data);
  const members = h.records('members');
  for (const field of ['fullName', 'birthDate', 'admissionDate', 'cell', 'rating']) {
    const column = h.column('members', field);
    expect(column.length).toBe(members.length);
    members.forEach((rec, i) => expect(column[i]).toBe(fieldValue(rec, field)));
  }
}

const bản = sheet('Đảng viên', [
  HEADER,
  [1, 'Lò Văn A', '02/03/1990', '05/06/2015', 'Chi bộ bản Nặm Bao'],
  [2, 'Lò Thị B', '', '07/08/2016', 'Chi bộ bản Nặm Bao'],
  [3, 'Cà Văn C', '09/10/1985', '', 'Chi bộ bản Pò Cại'],
]);

describe('member columns', () => {
  it("are the table's own arrays when one table holds every member", () => {
    const data = read(bản);
    const h = helpersFor(data);
    const own = tableValues(h.records('members'))!.columns;
    expect(h.column('members', 'fullName')).toBe(own.get('fullName'));
    expect(h.column('members', 'fullName')).toEqual(['Lò Văn A', 'Lò Thị B', 'Cà Văn C']);
    expectAligned(data);
    // A field no column holds: blank on every row.
    expect(h.column('members', 'rating')).toEqual([undefined, undefined, undefined]);
  });

  it('are gathered row by row over two tables, and over plain records', () => {
    const second = sheet('Đảng viên (2)', [
      HEADER,
      [1, 'Thào A Dua', '01/01/2000', '01/01/2012', 'Chi bộ bản Co Lóng'],
    ]);
    const data = read(bản, second);
    expect(tableValues(data.records.filter((r) => r.kind === 'members'))).toBeUndefined();
    expect(helpersFor(data).column('members', 'fullName')).toEqual([
      'Lò Văn A',
      'Lò Thị B',
      'Cà Văn C',
      'Thào A Dua',
    ]);
    expectAligned(data);
    const plain = { ...data, records: data.records.map(plainRecord) };
    expect(tableValues(plain.records)).toBeUndefined();
    expectAligned(plain);
  });

  it('give dates as yyyymmdd numbers, 0 where a row has no date', () => {
    const yearOnly = sheet('Đảng viên (2)', [
      HEADER,
      [1, 'Thào A Dua', '00/00/1950', '31/12/1999', 'Chi bộ bản Co Lóng'],
    ]);
    for (const data of [read(bản, yearOnly), read(bản)]) {
      const h = helpersFor(data);
      const births = Array.from(h.days('members', 'birthDate'));
      const admissions = Array.from(h.days('members', 'admissionDate'));
      expect(births.slice(0, 3)).toEqual([19900302, 0, 19851009]);
      expect(admissions.slice(0, 3)).toEqual([20150605, 20160807, 0]);
      if (births.length > 3) {
        // The year alone is a number, not a date: the rules read it from the column.
        expect(h.column('members', 'birthDate')[3]).toBe(1950);
        expect([births[3], admissions[3]]).toEqual([0, 19991231]);
      }
      expect(h.days('members', 'birthDate')).toBe(h.days('members', 'birthDate'));
    }
    // One table: the numbers its reading kept beside the dates' texts, not worked out again.
    const h = helpersFor(read(bản));
    expect(h.days('members', 'admissionDate')).toBe(
      tableValues(h.records('members'))!.days.get('admissionDate'),
    );
  });

  it('number a date as its text orders it', () => {
    const dates = ['1999-12-31', '2000-01-01', '2000-01-10', '2000-02-01', '2016-03-05'];
    const days = dates.map((d) => dayNumber(d));
    expect(days).toEqual([19991231, 20000101, 20000110, 20000201, 20160305]);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    for (const notADate of ['2016-3-05', '05/03/2016', '2016-03-0x', '', 1950, true, undefined])
      expect(dayNumber(notADate)).toBe(0);
  });

  it('put the date rules on the right row of the second table', () => {
    const second = sheet('Đảng viên (2)', [
      HEADER,
      [1, 'Thào A Dua', '01/01/2000', '01/01/2012', 'Chi bộ bản Co Lóng'],
      [2, 'Vừ A Sinh', '01/01/1990', '01/01/1989', 'Chi bộ bản Co Lóng'],
    ]);
    const { issues } = run(read(bản, second));
    const age = issues.filter((i) => i.ruleId === 'member.age.atAdmission');
    expect(age.map((i) => [i.sheet, i.cell, i.values['age']])).toEqual([['Đảng viên (2)', 'D2', 12]]);
    const order = issues.filter((i) => i.ruleId === 'member.dates.order');
    expect(order.map((i) => [i.sheet, i.cell])).toEqual([['Đảng viên (2)', 'D3']]);
  });
});
