/** Detection issues: missing required columns, unreadable values, unrecognized headers. */
import { describe, expect, it } from 'vitest';
import { _, read, sheet } from './helpers.ts';

describe('missing required columns', () => {
  const data = read(
    sheet('Chi bộ', [
      [],
      [],
      [_, 'STT', 'Tên chi bộ', 'Có chi ủy', 'Sinh hoạt thường kỳ', 'Sinh hoạt chuyên đề'],
      [_, 1, 'Chi bộ bản Nà Vạc', 'x', 12, 4],
    ]),
  );

  it('still reads the table and reports the missing fields at its top-left header cell', () => {
    const t = data.tables[0]!;
    expect(t.kind).toBe('partyCells');
    expect(t.missingRequired).toEqual(['membersTotal']);
    const issue = data.issues.find((i) => i.ruleId === 'table.missingRequired')!;
    expect(issue).toMatchObject({
      severity: 'error',
      sheet: 'Chi bộ',
      cell: 'B3',
      range: 'B3:F3',
      justified: false,
    });
    expect(issue.message.vi).toContain('Tổng số đảng viên');
    expect(issue.message.en).toContain('Members, total');
    expect(issue.values).toEqual({ fields: 'membersTotal', kind: 'partyCells' });
    expect(data.records).toHaveLength(1);
  });
});

describe('values that cannot be read', () => {
  const data = read(
    sheet('Chi bộ', [
      ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy', 'Năm kết nạp gần nhất'],
      [1, 'Chi bộ bản Nà Vạc', 'mười hai', 'x', 2021],
      [2, 'Chi bộ bản Pá', 8, 'có lẽ', 'năm ngoái'],
      ['Tổng cộng', _, '2O', _, _],
    ]),
  );

  it('gives value.invalid at the cell, naming the column and quoting the value', () => {
    const invalid = data.issues.filter((i) => i.ruleId === 'value.invalid');
    expect(invalid.map((i) => [i.cell, i.values['field'], i.values['raw']])).toEqual([
      ['C2', 'membersTotal', 'mười hai'],
      ['D3', 'hasCommittee', 'có lẽ'],
      ['E3', 'lastAdmissionYear', 'năm ngoái'],
      ['C4', 'membersTotal', '2O'],
    ]);
    const first = invalid[0]!;
    expect(first.severity).toBe('error');
    expect(first.justified).toBe(false);
    expect(first.message.vi).toContain('Tổng số đảng viên');
    expect(first.message.vi).toContain('mười hai');
    expect(first.message.en).toContain('Tổng số đảng viên');
    expect(first.unitName).toBe('Chi bộ bản Nà Vạc');
    expect(first.rowRef).toBe(data.records[0]!.ref);
  });

  it('leaves unreadable values out of the record but keeps their cells', () => {
    const [a, b] = data.records;
    expect(a!.values['membersTotal']).toBeUndefined();
    expect(a!.cells['membersTotal']).toEqual({ address: 'C2', raw: 'mười hai' });
    expect(b!.values).toEqual({ order: '2', name: 'Chi bộ bản Pá', membersTotal: 8 });
    expect(data.tables[0]!.totalRows[0]!.values).toEqual({});
  });
});

describe('row references', () => {
  it('are stable, pseudonymous and distinct per row', () => {
    const rows = [
      ['STT', 'Họ và tên', 'Chi bộ'],
      [1, 'Nguyễn Văn An', 'Nà Vạc'],
      [2, 'Lò Thị Bình', 'Nà Vạc'],
    ];
    const a = read(sheet('ĐV', rows)).records;
    const b = read(
      sheet(
        'ĐV',
        rows.map((r, i) => (i === 1 ? [1, 'Tên khác', 'Pá'] : r)),
      ),
    ).records;
    expect(a.map((r) => r.ref)).toEqual(b.map((r) => r.ref));
    expect(a[0]!.ref).toMatch(/^r[0-9a-f]{8}$/);
    expect(a[0]!.ref).not.toBe(a[1]!.ref);
    expect(JSON.stringify(a.map((r) => r.ref))).not.toContain('Nguy');
  });
});

describe('headers of no known kind', () => {
  const rows = [
    ['KẾ HOẠCH CÔNG TÁC'],
    ['STT', 'Nội dung công việc', 'Thời gian thực hiện', 'Người phụ trách'],
    [1, 'Rà soát đảng viên', 'Quý I', 'Văn phòng'],
  ];

  it('become an info issue on the sheet, not a table', () => {
    const data = read(sheet('Kế hoạch', rows));
    expect(data.tables).toEqual([]);
    expect(data.issues).toHaveLength(1);
    expect(data.issues[0]).toMatchObject({
      ruleId: 'table.unrecognized',
      severity: 'info',
      sheet: 'Kế hoạch',
      cell: 'A2',
    });
    expect(data.issues[0]!.message.vi).toContain('Nội dung công việc');
  });

  it('are not reported on hidden sheets', () => {
    expect(read(sheet('Kế hoạch', rows, [], { hidden: true })).issues).toEqual([]);
  });
});
