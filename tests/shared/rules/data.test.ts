import { describe, expect, it } from 'vitest';
import { quarterPeriod } from '../../../shared/src/period.ts';
import { buildTable, buildWorkbook, type RowSpec } from '../../helpers/records.ts';
import { read, sheet } from '../detect/helpers.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { runRules } from '../../../shared/src/rules/index.ts';
import { foldText } from '../../../shared/src/text.ts';
import { summaryWith } from '../../helpers/records.ts';
import { byRule, one, run } from './run.ts';

describe('data.required', () => {
  it('fires on a blank required cell, not on a filled one nor on an unreadable one (the parser reports that)', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal'],
      [
        ['Chi bộ bản Nặm Bao', null],
        ['Chi bộ bản Pò Cại', 12],
        ['Chi bộ bản Nà Mò', { raw: 'mười' }],
        [null, 7],
        ['Chi bộ bản Lạnh', { raw: ' - ' }],
      ],
    );
    const found = byRule(run(d).issues, 'data.required');
    expect(found.map((i) => i.cell)).toEqual(['B5', 'A8', 'B9']);
    expect(found[0]).toMatchObject({ severity: 'error', values: { field: 'membersTotal' } });
    expect(found[0]!.message.vi).toBe('Chi bộ bản Nặm Bao: thiếu "Tổng số đảng viên"');
    expect(found[0]!.message.en).toBe('Nặm Bao cell: "Members, total" is blank');
    expect(found[1]!.message.vi).toBe('Dòng 8: thiếu "Tên chi bộ"');
    expect(found[1]!.message.en).toBe('Row 8: "Party cell" is blank');
  });

  it('does not ask for personal fields, which are removed before data leaves the workbook', () => {
    const d = one(
      'members',
      ['cell', 'rating'],
      [
        ['Chi bộ bản Nặm Bao', 'HTTNV'],
        [null, 'HTNV'],
      ],
    );
    const found = byRule(run(d).issues, 'data.required');
    expect(found.map((i) => [i.cell, i.values['field']])).toEqual([['A6', 'cell']]);
  });
});

describe('data.negative', () => {
  it('fires on −1, not on 0', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal', 'admitted'],
      [
        ['Chi bộ bản A', 10, -1],
        ['Chi bộ bản B', 10, 0],
      ],
    );
    const found = byRule(run(d).issues, 'data.negative');
    expect(found.map((i) => i.cell)).toEqual(['C5']);
    expect(found[0]).toMatchObject({ severity: 'error', values: { field: 'admitted', value: -1 } });
    expect(found[0]!.message.vi).toBe('Chi bộ bản A: "Kết nạp trong kỳ" là số âm (-1)');
    expect(found[0]!.message.en).toBe('A cell: "Members admitted this period" is negative (-1)');
  });
});

describe('data.range.meetings', () => {
  const d = one(
    'partyCells',
    ['name', 'meetingsRegular'],
    [
      ['Chi bộ bản A', 13],
      ['Chi bộ bản B', 12],
      ['Chi bộ bản C', 4],
    ],
  );

  it('fires at 13 meetings in a year, not at 12', () => {
    const found = byRule(run(d).issues, 'data.range.meetings');
    expect(found.map((i) => i.cell)).toEqual(['B5']);
    expect(found[0]).toMatchObject({ severity: 'error', values: { held: 13, maximum: 12 } });
    expect(found[0]!.message.vi).toBe(
      'Chi bộ bản A: 13 kỳ sinh hoạt thường kỳ, nhiều hơn 12 tháng của kỳ báo cáo',
    );
    expect(found[0]!.message.en).toBe('A cell: 13 regular meetings, more than the 12 months of the period');
  });

  it('fires at 4 in a quarter', () => {
    const found = byRule(run(d, { period: quarterPeriod(2024, 3) }).issues, 'data.range.meetings');
    expect(found.map((i) => [i.cell, i.values['held'], i.values['maximum']])).toEqual([
      ['B5', 13, 3],
      ['B6', 12, 3],
      ['B7', 4, 3],
    ]);
  });
});

describe('data.range.score', () => {
  it('fires outside 0..100, not at 0 or 100', () => {
    const d = one(
      'organizations',
      ['name', 'score'],
      [
        ['Đảng bộ xã Mường Lèo', 101],
        ['Đảng bộ xã Nậm Lạnh', 100],
        ['Đảng bộ xã Sam Kha', -0.5],
        ['Đảng bộ xã Púng Bánh', 0],
      ],
    );
    const found = byRule(run(d).issues, 'data.range.score');
    expect(found.map((i) => i.cell)).toEqual(['B5', 'B7']);
    expect(found[0]).toMatchObject({ severity: 'error', values: { score: 101, min: 0, max: 100 } });
    expect(found[0]!.message.vi).toBe('Đảng bộ xã Mường Lèo: điểm 101 ngoài thang 0–100');
    expect(found[0]!.message.en).toBe('Đảng bộ xã Mường Lèo: score 101 is outside 0–100');
    expect(found[1]!.message.vi).toContain('điểm -0,5');
    expect(found[1]!.message.en).toContain('score -0.5');
  });
});

describe('data.range.tasks', () => {
  it('fires on a part above the total, on parts adding up above the total, and on more members with a task than members', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal', 'membersWithTask', 'tasksTotal', 'tasksOnTime', 'tasksLate', 'tasksUndone'],
      [
        ['Chi bộ bản A', 12, 12, 10, 11, 0, 0],
        ['Chi bộ bản B', 12, 12, 10, 6, 3, 2],
        ['Chi bộ bản C', 12, 12, 10, 6, 3, 1],
        ['Chi bộ bản D', 12, 13, null, null, null, null],
      ],
    );
    const found = byRule(run(d).issues, 'data.range.tasks');
    expect(found.map((i) => i.cell)).toEqual(['E5', 'D6', 'C8']);
    expect(found.every((i) => i.severity === 'error')).toBe(true);
    expect(found[0]!.values).toEqual({ field: 'tasksOnTime', value: 11, tasksTotal: 10 });
    expect(found[0]!.message.en).toBe('A cell: "Tasks done on time" is 11, more than the 10 tasks assigned');
    expect(found[1]!.values).toEqual({
      tasksOnTime: 6,
      tasksLate: 3,
      tasksUndone: 2,
      sum: 11,
      tasksTotal: 10,
    });
    expect(found[1]!.message.vi).toBe(
      'Chi bộ bản B: đúng hạn 6 + chậm 3 + chưa hoàn thành 2 = 11, nhiều hơn 10 nhiệm vụ được giao',
    );
    expect(found[2]!.values).toEqual({ membersWithTask: 13, membersTotal: 12 });
    expect(found[2]!.message.vi).toBe(
      'Chi bộ bản D: 13 đảng viên được phân công nhiệm vụ, nhiều hơn tổng số 12 đảng viên',
    );
  });
});

describe('data.members.sum', () => {
  it('fires when official + probationary differs from the total, not when it matches', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal', 'membersOfficial', 'membersProbationary'],
      [
        ['Chi bộ bản A', 13, 10, 2],
        ['Chi bộ bản B', 12, 10, 2],
      ],
    );
    const found = byRule(run(d).issues, 'data.members.sum');
    expect(found.map((i) => i.cell)).toEqual(['B5']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      values: { official: 10, probationary: 2, sum: 12, total: 13 },
    });
    expect(found[0]!.message.vi).toBe('Chi bộ bản A: 10 chính thức + 2 dự bị = 12, khác tổng số 13');
    expect(found[0]!.message.en).toBe('A cell: 10 official + 2 probationary = 12, not the total of 13');
  });
});

describe('data.required over two tables of one kind', () => {
  it("asks each table's rows only for the columns that table has", () => {
    const data = read(
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Chi bộ'],
        [1, 'Lò Văn A', 'Chi bộ bản Nặm Bao'],
        [2, 'Lò Văn B', null],
      ]),
      sheet('Đảng viên (2)', [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng'],
        [1, 'Lò Văn C', '02/04/1990', '05/06/2015'],
        [2, 'Lò Văn D', '03/04/1990', '05/06/2016'],
      ]),
    );
    expect(data.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ['Đảng viên', 'members'],
      ['Đảng viên (2)', 'members'],
    ]);
    const found = byRule(run(data).issues, 'data.required');
    expect(found.map((i) => [i.sheet, i.cell, i.values['field']])).toEqual([['Đảng viên', 'C3', 'cell']]);
    // Filled in, the first table's two rows are the ones checked.
    const filled = read(
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Chi bộ'],
        [1, 'Lò Văn A', 'Chi bộ bản Nặm Bao'],
        [2, 'Lò Văn B', 'Chi bộ bản Nặm Bao'],
      ]),
      sheet('Đảng viên (2)', [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng'],
        [1, 'Lò Văn C', '02/04/1990', '05/06/2015'],
        [2, 'Lò Văn D', '03/04/1990', '05/06/2016'],
      ]),
    );
    expect(run(filled).passed.find((p) => p.ruleId === 'data.required')?.checked).toBe(2);
  });
});

describe('data.duplicateRow', () => {
  it('fires on the second row with the same cell in the same group, not on the same name in another commune', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal'],
      [
        { group: 'I. Đảng bộ xã Nậm Lạnh' },
        ['Chi bộ Quân sự', 5],
        ['Chi bộ bản Lạnh', 14],
        ['Chi bộ bản lạnh ', 14],
        { group: 'II. Đảng bộ xã Mường Lèo' },
        ['Chi bộ Quân sự', 6],
      ],
    );
    const found = byRule(run(d).issues, 'data.duplicateRow');
    expect(found.map((i) => i.cell)).toEqual(['A8']);
    expect(found[0]).toMatchObject({ severity: 'warning', values: { row: 8, firstRow: 7 } });
    expect(found[0]!.message.vi).toBe('Chi bộ bản lạnh: trùng với dòng 7');
    expect(found[0]!.message.en).toBe('lạnh cell: same as row 7');
  });

  it('compares units by code where they have one, by name otherwise, never a code with a name', () => {
    const d = one(
      'hamlets',
      ['code', 'name', 'population'],
      [
        ['01', 'Bản Lạnh', 300],
        [null, '01', 120],
        [' 01 ', 'Bản Lạnh mới', 80],
        [null, '01 ', 90],
      ],
    );
    const found = byRule(run(d).issues, 'data.duplicateRow');
    expect(found.map((i) => i.values)).toEqual([
      { row: 7, firstRow: 5 },
      { row: 8, firstRow: 6 },
    ]);
  });

  it("folds names through the check's fold when given one (counting shares it)", () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal'],
      [
        ['Chi bộ bản Lạnh', 14],
        ['Chi bộ bản lạnh ', 14],
      ],
    );
    const asked: string[] = [];
    const ctx = { data: d, rulebook: DEFAULT_RULEBOOK, summary: summaryWith({}, quarterPeriod(2023, 4)) };
    const shared = runRules({
      ...ctx,
      fold: (text) => {
        asked.push(text);
        return foldText(text);
      },
    });
    expect(shared).toEqual(runRules(ctx));
    expect(byRule(shared.issues, 'data.duplicateRow')).toHaveLength(1);
    expect(asked).toContain('Chi bộ bản Lạnh');
  });

  it('compares member rows by name, birth date and cell without quoting them', () => {
    const d = one(
      'members',
      ['fullName', 'birthDate', 'cell'],
      [
        ['Lò Văn A', '1990-04-02', 'Chi bộ bản Nặm Bao'],
        ['Lò Văn A', '1991-04-02', 'Chi bộ bản Nặm Bao'],
        ['Lò Văn A', '1990-04-02', 'Chi bộ bản Nặm Bao'],
      ],
    );
    const found = byRule(run(d).issues, 'data.duplicateRow');
    expect(found.map((i) => i.cell)).toEqual(['C7']);
    expect(found[0]!.message.vi).toBe(
      'Đảng viên ở dòng 7 (Chi bộ bản Nặm Bao): trùng họ tên, ngày sinh và chi bộ với dòng 5',
    );
    expect(JSON.stringify(found[0])).not.toContain('Lò Văn A');
  });

  it('finds member duplicates among thousands of rows: names by case and spacing, cells folded, per group', () => {
    // 3,000 distinct members (name × birth date), then repeats that must and must not match.
    const rows: RowSpec[] = [];
    rows.push({ group: 'I. Đảng bộ xã Nậm Lạnh' });
    for (let i = 0; i < 3000; i++)
      rows.push([
        `Lò Văn ${i}`,
        `19${String(50 + (i % 40)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        'Chi bộ bản Nặm Bao',
      ]);
    rows.push(['lò  văn 17', '1967-09-17', 'CHI BỘ BẢN NẶM BAO']); // row 17 again: a duplicate
    rows.push(['Lo\u0300 Va\u0306n 17', '1967-09-17', 'Chi bộ bản Nặm Bao']); // again, marks typed apart
    rows.push(['Lò Văn 17', '1967-09-18', 'Chi bộ bản Nặm Bao']); // another birth date
    rows.push(['Lò Văn 17', '1967-09-17', 'Chi bộ bản Nặm Khún']); // another cell
    rows.push({ group: 'II. Đảng bộ xã Mường Lèo' });
    rows.push(['Lò Văn 17', '1967-09-17', 'Chi bộ bản Nặm Bao']); // another group
    const d = one('members', ['fullName', 'birthDate', 'cell'], rows);
    const found = byRule(run(d).issues, 'data.duplicateRow');
    const members = d.records.filter((r) => r.kind === 'members');
    const first = members.find((r) => r.values['fullName'] === 'Lò Văn 17')!;
    const repeats = [members[3000]!, members[3001]!];
    expect(first.values['birthDate']).toBe('1967-09-17');
    expect(found.map((i) => i.values)).toEqual(
      repeats.map((r) => ({ row: r.row + 1, firstRow: first.row + 1 })),
    );
    expect(found.map((i) => i.cell)).toEqual(repeats.map((r) => r.cells['cell']!.address));
  });
});

describe('data.duplicateRow among members sharing a cell and a birth', () => {
  // Members sharing a cell and a birth date are told apart by their names; a repeat of any of
  // them is found against its own first row, whichever row of the group came first.
  const rows = [
    ['Lò Văn A', '02/04/1990', 'Chi bộ bản Nặm Bao'],
    ['Lò Văn B', '02/04/1990', 'Chi bộ bản Nặm Bao'],
    ['Lò Văn C', '02/04/1990', 'Chi bộ bản Nặm Bao'],
    ['lò  văn b', '02/04/1990', 'Chi bộ bản Nặm Bao'],
    ['Lò Văn A', '02/04/1990', 'Chi bộ bản Nặm Bao'],
    ['Lò Văn A', '02/04/1990', 'Chi bộ bản Pò Cại'],
    ['Lò Văn D', '03/04/1990', 'Chi bộ bản Nặm Bao'],
  ];
  const iso = (d: string) => d.split('/').reverse().join('-');

  it('as read from a sheet', () => {
    const data = read(
      sheet('Đảng viên', [['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ'], ...rows.map((r, i) => [i + 1, ...r])]),
    );
    const found = byRule(run(data).issues, 'data.duplicateRow');
    expect(found.map((i) => [i.cell, i.values])).toEqual([
      ['D5', { row: 5, firstRow: 3 }],
      ['D6', { row: 6, firstRow: 2 }],
    ]);
  });

  it('as plain records, where a blank name is no name', () => {
    const d = one(
      'members',
      ['fullName', 'birthDate', 'cell'],
      [
        ...rows.map(([name, birth, cell]) => [name!, iso(birth!), cell!]),
        ['  ', '1990-04-02', 'Chi bộ bản Nặm Bao'],
        ['  ', '1990-04-02', 'Chi bộ bản Nặm Bao'],
      ],
    );
    const found = byRule(run(d).issues, 'data.duplicateRow');
    expect(found.map((i) => i.values)).toEqual([
      { row: 8, firstRow: 6 },
      { row: 9, firstRow: 5 },
    ]);
  });

  it('by the name alone in a list without births or cells', () => {
    const d = one(
      'members',
      ['fullName'],
      [['Lò Văn A'], ['Lò Văn B'], ['LÒ VĂN A'], ['Lò Văn C'], ['lò văn b']],
    );
    const found = byRule(run(d).issues, 'data.duplicateRow');
    expect(found.map((i) => i.values)).toEqual([
      { row: 7, firstRow: 5 },
      { row: 9, firstRow: 6 },
    ]);
  });
});

describe('data.total.mismatch', () => {
  it('fires at the total cell when the total differs from its rows, per field, and not when it matches', () => {
    const d = one(
      'partyCells',
      ['name', 'membersTotal', 'admitted'],
      [
        { group: 'I. Đảng bộ xã Nậm Lạnh' },
        ['Chi bộ bản Lạnh', 8, 1],
        ['Chi bộ bản Co Hịnh', 11, 0],
        { total: 'Cộng', values: [null, 20, 1], scope: 'group' },
        { group: 'II. Đảng bộ xã Mường Lèo' },
        ['Chi bộ bản Nặm Khún', 7, 2],
        { total: 'Cộng', values: [null, 7, 2], scope: 'group' },
        { total: 'Tổng cộng', values: [null, 26, 4] },
      ],
    );
    const found = byRule(run(d).issues, 'data.total.mismatch');
    expect(found.map((i) => i.cell)).toEqual(['B8', 'C12']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      sheet: 'Biểu 1',
      unitName: 'Cộng',
      values: { field: 'membersTotal', total: 20, sum: 19, difference: 1 },
    });
    expect(found[0]!.message.vi).toBe('Cộng: "Tổng số đảng viên" ghi 20 nhưng cộng 2 dòng được 19');
    expect(found[0]!.message.en).toBe('Cộng: "Members, total" shows 20 but its 2 rows add up to 19');
    expect(found[1]!.values).toEqual({ field: 'admitted', total: 4, sum: 3, difference: 1 });
  });

  it('adds each total over the rows of its own table, the same row numbers on another sheet apart', () => {
    const table = (sheet: string, rows: RowSpec[]) =>
      buildTable({ sheet, kind: 'partyCells', fields: ['name', 'membersTotal'], rows });
    const data = buildWorkbook([
      table('Xã A', [
        ['Chi bộ bản Lạnh', 8],
        ['Chi bộ bản Co Hịnh', 11],
        { total: 'Tổng cộng', values: [null, 19] },
      ]),
      table('Xã B', [
        ['Chi bộ bản Nặm Khún', 7],
        ['Chi bộ bản Pá Hốc', 9],
        { total: 'Tổng cộng', values: [null, 15] },
      ]),
    ]);
    const found = byRule(run(data).issues, 'data.total.mismatch');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Xã B!B7']);
    expect(found[0]!.values).toEqual({ field: 'membersTotal', total: 15, sum: 16, difference: -1 });
  });
});

describe('data.members.balance', () => {
  const fields = [
    'name',
    'membersStart',
    'admitted',
    'transferredIn',
    'transferredOut',
    'deceased',
    'removed',
    'membersEnd',
  ];

  it('fires when start + in − out ≠ end, not when it balances', () => {
    const d = one('organizations', fields, [
      ['Đảng bộ xã Bó Sinh', 100, 5, 2, 1, 1, null, 104],
      ['Đảng bộ xã Chiềng En', 100, 5, 2, 1, 1, 0, 105],
    ]);
    const found = byRule(run(d).issues, 'data.members.balance');
    expect(found.map((i) => i.cell)).toEqual(['H5']);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.values).toEqual({
      membersStart: 100,
      admitted: 5,
      transferredIn: 2,
      transferredOut: 1,
      deceased: 1,
      removed: 0,
      expected: 105,
      membersEnd: 104,
    });
    expect(found[0]!.message.vi).toBe(
      'Đảng bộ xã Bó Sinh: đầu kỳ 100 + kết nạp 5 + chuyển đến 2 − chuyển đi 1 − từ trần 1 − xóa tên, khai trừ 0 = 105, khác cuối kỳ 104',
    );
    expect(found[0]!.message.en).toBe(
      'Đảng bộ xã Bó Sinh: start 100 + admitted 5 + transferred in 2 − transferred out 1 − deceased 1 − removed 0 = 105, not the end-of-period 104',
    );
  });

  it('does not run when a flow column is missing', () => {
    const d = one(
      'organizations',
      fields.filter((f) => f !== 'removed'),
      [['Đảng bộ xã Bó Sinh', 100, 5, 2, 1, 1, 90]],
    );
    const r = run(d);
    expect(byRule(r.issues, 'data.members.balance')).toHaveLength(0);
    expect(r.passed.map((p) => p.ruleId)).not.toContain('data.members.balance');
  });
});

describe('tables on several sheets', () => {
  it('reports each issue on its own sheet', () => {
    const data = buildWorkbook([
      buildTable({
        sheet: 'Xã A',
        kind: 'partyCells',
        fields: ['name', 'meetingsRegular'],
        rows: [['Chi bộ 1', 13]],
      }),
      buildTable({
        sheet: 'Xã B',
        kind: 'partyCells',
        fields: ['name', 'meetingsRegular'],
        rows: [['Chi bộ 2', 14]],
        headerRow: 6,
        firstCol: 2,
      }),
    ]);
    const found = byRule(run(data).issues, 'data.range.meetings');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Xã A!B5', 'Xã B!D8']);
  });
});
