import { describe, expect, it } from 'vitest';
import { buildTable, buildWorkbook, type RowSpec } from '../../helpers/records.ts';
import { byRule, run } from './run.ts';

function memberRows(cell: string, ratings: (string | null)[]): RowSpec[] {
  return ratings.map((r, i) => [`Người ${cell} ${i}`, cell, r]);
}

function workbook(cellRows: RowSpec[], members: RowSpec[]) {
  return buildWorkbook([
    buildTable({
      sheet: 'Chi bộ',
      kind: 'partyCells',
      fields: [
        'name',
        'membersTotal',
        'membersExcellent',
        'membersGood',
        'membersCompleted',
        'membersNotCompleted',
      ],
      rows: cellRows,
    }),
    buildTable({
      sheet: 'Đảng viên',
      kind: 'members',
      fields: ['fullName', 'cell', 'rating'],
      rows: members,
    }),
  ]);
}

describe('cross.cell.memberCount', () => {
  const data = workbook(
    [
      ['Chi bộ bản Nặm Bao', 3, null, null, null, null],
      ['Chi bộ bản Pò Cại', 2, null, null, null, null],
      ['Chi bộ bản Nà Mò', 4, null, null, null, null],
    ],
    [
      ...memberRows('Bản Nặm Bao', [null, null]),
      ...memberRows('chi bo ban po cai', [null, null]),
      // Only the loose name: matched because no other cell shares it.
      ...memberRows('Nà Mò', [null, null, null, null]),
    ],
  );

  it('fires when the member list has fewer rows than the cell table says, matching names folded', () => {
    const found = byRule(run(data).issues, 'cross.cell.memberCount');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      sheet: 'Chi bộ',
      cell: 'B5',
      unitName: 'Chi bộ bản Nặm Bao',
    });
    expect(found[0]!.values).toEqual({ cellTable: 3, memberList: 2 });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ bản Nặm Bao: 3 đảng viên ở bảng chi bộ, 2 dòng ở danh sách đảng viên',
    );
    expect(found[0]!.message.en).toBe('Nặm Bao cell: 3 members in the cell table, 2 rows in the member list');
  });

  it('counts the cells it compared', () => {
    const passedOrFired = run(data);
    expect(passedOrFired.passed.map((p) => p.ruleId)).not.toContain('cross.cell.memberCount');
    const fixed = workbook(
      [['Chi bộ bản Nặm Bao', 2, null, null, null, null]],
      memberRows('Bản Nặm Bao', [null, null]),
    );
    const r = run(fixed);
    expect(byRule(r.issues, 'cross.cell.memberCount')).toHaveLength(0);
    expect(r.passed.find((p) => p.ruleId === 'cross.cell.memberCount')?.checked).toBe(1);
  });

  it('leaves out cells whose name appears twice in the cell table', () => {
    const d = workbook(
      [
        { group: 'I. Đảng bộ xã Nậm Lạnh' },
        ['Chi bộ Quân sự', 5, null, null, null, null],
        { group: 'II. Đảng bộ xã Mường Lèo' },
        ['Chi bộ Quân sự', 6, null, null, null, null],
      ],
      memberRows('Chi bộ Quân sự', [null, null]),
    );
    expect(byRule(run(d).issues, 'cross.cell.memberCount')).toHaveLength(0);
  });
});

describe('cross.cell.memberRatings', () => {
  it('fires per rating whose count differs from the member list, not where it agrees', () => {
    const data = workbook(
      [['Chi bộ bản Nặm Bao', 4, 1, 2, 1, 0]],
      memberRows('Bản Nặm Bao', ['HTXSNV', 'HTTNV', 'HTNV', 'HTNV']),
    );
    const found = byRule(run(data).issues, 'cross.cell.memberRatings');
    expect(found.map((i) => i.cell)).toEqual(['D5', 'E5']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      values: { rating: 'HTTNV', cellTable: 2, memberList: 1 },
    });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ bản Nặm Bao: 2 đảng viên HTTNV ở bảng chi bộ, 1 ở danh sách đảng viên',
    );
    expect(found[0]!.message.en).toBe(
      'Nặm Bao cell: 2 members rated HTTNV in the cell table, 1 in the member list',
    );
    expect(found[1]!.values).toEqual({ rating: 'HTNV', cellTable: 1, memberList: 2 });
  });

  it('does not fire when the counts agree', () => {
    const data = workbook(
      [['Chi bộ bản Nặm Bao', 4, 1, 1, 2, 0]],
      memberRows('Bản Nặm Bao', ['HTXSNV', 'HTTNV', 'HTNV', 'HTNV']),
    );
    const r = run(data);
    expect(byRule(r.issues, 'cross.cell.memberRatings')).toHaveLength(0);
    expect(r.passed.map((p) => p.ruleId)).toContain('cross.cell.memberRatings');
  });
});

describe('cross.org.totals', () => {
  function orgWorkbook(orgMembers: number, orgCells: number) {
    return buildWorkbook([
      buildTable({
        sheet: 'Đảng bộ',
        kind: 'organizations',
        fields: ['name', 'cells', 'membersTotal'],
        rows: [
          ['Đảng bộ xã Nậm Lạnh', orgCells, orgMembers],
          ['Đảng bộ xã Mường Lèo', 1, 7],
        ],
      }),
      buildTable({
        sheet: 'Chi bộ',
        kind: 'partyCells',
        fields: ['name', 'membersTotal'],
        rows: [
          { group: 'I. Đảng bộ xã Nậm Lạnh' },
          ['Chi bộ bản Lạnh', 8],
          ['Chi bộ bản Co Hịnh', 11],
          { group: 'II. ĐẢNG BỘ XÃ MƯỜNG LÈO' },
          ['Chi bộ bản Nặm Khún', 7],
        ],
      }),
    ]);
  }

  it('fires on members 20 against cells adding up to 19, and on 3 cells against 2 rows', () => {
    const found = byRule(run(orgWorkbook(20, 3)).issues, 'cross.org.totals');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Đảng bộ!B5', 'Đảng bộ!C5']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      values: { field: 'cells', organization: 3, cells: 2 },
    });
    expect(found[1]!.values).toEqual({ field: 'membersTotal', organization: 20, cells: 19 });
    expect(found[1]!.message.vi).toBe(
      'Đảng bộ xã Nậm Lạnh: "Tổng số đảng viên" ghi 20, các chi bộ trực thuộc cộng lại 19',
    );
    expect(found[1]!.message.en).toBe(
      'Đảng bộ xã Nậm Lạnh: "Members, total" shows 20, its cells add up to 19',
    );
  });

  it('does not fire when they agree', () => {
    const r = run(orgWorkbook(19, 2));
    expect(byRule(r.issues, 'cross.org.totals')).toHaveLength(0);
    expect(r.passed.find((p) => p.ruleId === 'cross.org.totals')?.checked).toBe(2);
  });

  it('attributes every cell to the only organization when cells have no group rows', () => {
    const data = buildWorkbook([
      buildTable({
        sheet: 'Đảng bộ',
        kind: 'organizations',
        fields: ['name', 'membersTotal'],
        rows: [['Đảng bộ xã Bó Sinh', 30]],
      }),
      buildTable({
        sheet: 'Chi bộ',
        kind: 'partyCells',
        fields: ['name', 'membersTotal'],
        rows: [
          ['Chi bộ bản A', 12],
          ['Chi bộ bản B', 17],
        ],
      }),
    ]);
    const found = byRule(run(data).issues, 'cross.org.totals');
    expect(found.map((i) => [i.cell, i.values['organization'], i.values['cells']])).toEqual([['B5', 30, 29]]);
  });
});
