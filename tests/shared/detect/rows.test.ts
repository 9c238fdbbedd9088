/** Reading down a table: blank rows, where it ends, unnumbered groups, number formats, hidden sheets. */
import { describe, expect, it } from 'vitest';
import { _, mapping, read, rows1, sheet } from './helpers.ts';

describe('blank rows', () => {
  const data = read(
    sheet('Thôn', [
      ['STT', 'Tên thôn', 'Số đảng viên'],
      [1, 'Bản Nà Vạc', 12],
      [],
      [2, 'Bản Pá', 0],
      [],
      [],
      [],
      [3, 'Bản Huổi Lạ', 5],
      [_, _, _],
      ['Tổng số', _, 17],
    ]),
  );

  it('are skipped inside a table, even several of them when no new header follows', () => {
    expect(data.tables).toHaveLength(1);
    const t = data.tables[0]!;
    expect(rows1(t.dataRows)).toEqual([2, 4, 8]);
    expect(t.totalRows.map((x) => [x.row + 1, rows1(x.coversRows), x.values])).toEqual([
      [10, [2, 4, 8], { members: 17 }],
    ]);
    expect(t.lastRow + 1).toBe(10);
  });
});

describe('rows with only an order number', () => {
  it('are template rows, not data', () => {
    const data = read(
      sheet('Thôn', [
        ['STT', 'Tên thôn', 'Số đảng viên'],
        [1, 'Bản Nà Vạc', 12],
        [2, _, _],
        [3, _, _],
      ]),
    );
    expect(rows1(data.tables[0]!.dataRows)).toEqual([2]);
    expect(data.records).toHaveLength(1);
  });
});

describe('unnumbered group rows', () => {
  const data = read(
    sheet(
      'Chi bộ',
      [
        ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy'],
        [_, 'Khối xã:'],
        [1, 'Chi bộ bản Nà Vạc', 12, 'x'],
        [_, 'CÁC CHI BỘ CƠ QUAN'],
        [2, 'Chi bộ Trường Tiểu học', 10, 'x'],
        [_, 'Chi bộ bản Pá', 4, _],
      ],
      [],
    ),
  );
  const t = data.tables[0]!;

  it('are recognized by a colon or capitals, and a name without an order number stays data', () => {
    expect(t.groupRows.map((g) => [g.row + 1, g.label, g.level])).toEqual([
      [2, 'Khối xã', 1],
      [4, 'CÁC CHI BỘ CƠ QUAN', 1],
    ]);
    expect(rows1(t.dataRows)).toEqual([3, 5, 6]);
    expect(data.records.map((r) => r.groups)).toEqual([
      ['Khối xã'],
      ['CÁC CHI BỘ CƠ QUAN'],
      ['CÁC CHI BỘ CƠ QUAN'],
    ]);
  });
});

describe('headers with line breaks and number formats', () => {
  const data = read(
    sheet(
      'Đảng viên',
      [
        ['STT', 'Họ và\ntên', 'Chi\u00a0bộ', 'Ngày vào\nĐảng'],
        [1, 'Nguyễn Văn An', 'Nà Vạc', 40179],
      ],
      [],
      { numberFormats: [[], [null, null, null, 'dd/mm/yyyy']] },
    ),
  );

  it('tidies header text and passes number formats to the parser', () => {
    expect(mapping(data.tables[0]!)).toEqual([
      ['STT', 'order'],
      ['Họ và tên', 'fullName'],
      ['Chi bộ', 'cell'],
      ['Ngày vào Đảng', 'admissionDate'],
    ]);
    expect(data.records[0]!.values['admissionDate']).toBe('2010-01-01');
    expect(data.records[0]!.cells['admissionDate']).toEqual({ address: 'D2', raw: 40179 });
  });
});

describe('hidden sheets', () => {
  it('keep tables that hold data and drop empty ones', () => {
    const withData = read(
      sheet(
        'Ẩn',
        [
          ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
          [1, 'Chi bộ bản Pá', 4],
        ],
        [],
        { hidden: true },
      ),
    );
    expect(withData.tables).toHaveLength(1);
    const empty = read(sheet('Ẩn', [['STT', 'Tên chi bộ', 'Tổng số đảng viên']], [], { hidden: true }));
    expect(empty.tables).toEqual([]);
    expect(empty.issues).toEqual([]);
  });
});

describe('a header directly under another table', () => {
  it('starts a new table after one blank row', () => {
    const data = read(
      sheet('Gộp', [
        ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
        [1, 'Chi bộ bản Pá', 4],
        [],
        ['STT', 'Họ và tên', 'Chi bộ', 'Ngày vào Đảng'],
        [1, 'Nguyễn Văn An', 'Chi bộ bản Pá', '01/01/2010'],
      ]),
    );
    expect(data.tables.map((t) => [t.kind, rows1(t.headerRows), rows1(t.dataRows)])).toEqual([
      ['partyCells', [1], [2]],
      ['members', [4], [5]],
    ]);
  });
});

describe('group rows numbered 1., 2. with an empty STT', () => {
  const data = read(
    sheet('Chi bộ', [
      ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
      ['I', 'Đảng bộ huyện Sốp Cộp'],
      [_, '1. Đảng bộ xã Nậm Lạnh'],
      [1, 'Chi bộ bản Nặm Bao', 12],
      [2, 'Chi bộ bản Huổi Lạ', 9],
      [_, '2) Đảng bộ xã Mường Và'],
      [3, 'Chi bộ bản Pá Khôm', 7],
      ['II', 'Đảng bộ huyện Mai Sơn'],
      [4, 'Chi bộ bản Cò Nòi', 15],
      [_, '5. Chi bộ bản Cò Chịa', 4],
      ['Tổng cộng', _, 47],
    ]),
  );
  const t = data.tables[0]!;

  it('are groups inside the Roman-numbered ones, not party cells', () => {
    expect(rows1(t.dataRows)).toEqual([4, 5, 7, 9, 10]);
    expect(t.groupRows.map((g) => [g.row + 1, g.label, g.level])).toEqual([
      [2, 'Đảng bộ huyện Sốp Cộp', 1],
      [3, 'Đảng bộ xã Nậm Lạnh', 2],
      [6, 'Đảng bộ xã Mường Và', 2],
      [8, 'Đảng bộ huyện Mai Sơn', 1],
    ]);
    expect(data.records.map((r) => r.groups)).toEqual([
      ['Đảng bộ huyện Sốp Cộp', 'Đảng bộ xã Nậm Lạnh'],
      ['Đảng bộ huyện Sốp Cộp', 'Đảng bộ xã Nậm Lạnh'],
      ['Đảng bộ huyện Sốp Cộp', 'Đảng bộ xã Mường Và'],
      ['Đảng bộ huyện Mai Sơn'],
      ['Đảng bộ huyện Mai Sơn'],
    ]);
  });

  it('need a unit or group word after the number: a cell typed with its number stays a cell', () => {
    expect(data.records[4]!.values['name']).toBe('5. Chi bộ bản Cò Chịa');
    expect(t.groupRows.some((g) => g.label.includes('Cò Chịa'))).toBe(false);
    expect(t.totalRows.map((x) => rows1(x.coversRows))).toEqual([[4, 5, 7, 9, 10]]);
  });

  it('are data in a table of organizations, where each such line is a listed unit', () => {
    const orgs = read(
      sheet('TCCSĐ', [
        ['STT', 'Tên tổ chức cơ sở đảng', 'Số chi bộ', 'Số đảng viên'],
        [_, '1. Đảng bộ xã Nậm Lạnh', 12, 230],
        [_, '2. Đảng bộ xã Mường Và', 9, 180],
      ]),
    );
    expect(orgs.tables[0]!.groupRows).toEqual([]);
    expect(orgs.records).toHaveLength(2);
  });
});

describe('group totals written at the top of their group', () => {
  const data = read(
    sheet('TCCSĐ', [
      ['STT', 'Tên tổ chức cơ sở đảng', 'Số đảng viên'],
      ['A', 'Khối xã, thị trấn'],
      [_, 'Cộng khối xã, thị trấn', 600],
      [1, 'Đảng bộ xã Nậm Lạnh', 320],
      [2, 'Đảng bộ xã Mường Lèo', 280],
      ['B', 'Khối cơ quan'],
      [_, 'Cộng khối cơ quan', 40],
      [3, 'Chi bộ Công an huyện', 40],
      [_, 'Cộng toàn huyện', 640],
    ]),
  );

  it('cover the rows that follow, up to the next group', () => {
    const t = data.tables[0]!;
    expect(rows1(t.dataRows)).toEqual([4, 5, 8]);
    expect(t.totalRows.map((x) => [x.row + 1, x.label, rows1(x.coversRows)])).toEqual([
      [3, 'Cộng khối xã, thị trấn', [4, 5]],
      [7, 'Cộng khối cơ quan', [8]],
      [9, 'Cộng toàn huyện', [4, 5, 8]],
    ]);
  });
});
