/**
 * Header recognition on officials' layouts as they are: merged multi-row headers, no
 * diacritics, abbreviations, column-number rows, reordered and unknown columns, several
 * tables per sheet, tables away from A1, title and signature blocks, group and total rows.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/src/grid.ts';
import {
  halfPeriod,
  monthPeriod,
  quarterPeriod,
  termPeriod,
  yearPeriod,
} from '../../../shared/src/period.ts';
import { readWorkbook } from '../../../shared/src/detect/index.ts';
import { checkWorkbook } from '../../../shared/src/pipeline.ts';
import { _, fieldCols, m, mapping, read, recordsOf, rows1, sheet } from './helpers.ts';

describe('two-row merged header with title block, column numbers, groups, totals and signature', () => {
  const data = read(
    sheet(
      'Chi bộ',
      [
        ['HUYỆN ỦY SỐP CỘP', _, _, _, _, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
        ['ĐẢNG ỦY XÃ NẬM LẠNH', _, _, _, _, '*'],
        ['Số 125-BC/ĐU', _, _, _, _, 'Nậm Lạnh, ngày 15 tháng 12 năm 2023'],
        [],
        ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023'],
        ['STT', 'Tên chi bộ', 'Số đảng viên', _, _, 'Sinh hoạt chi bộ', _, 'Có chi ủy'],
        [_, _, 'Tổng số', 'Chính thức', 'Dự bị', 'Thường kỳ', 'Chuyên đề', _],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
        ['I', 'Khối thôn, bản'],
        [1, 'Chi bộ bản Nà Vạc', 12, 10, 2, 12, 4, 'x'],
        [2, 'Chi bộ bản Pá Khoang', 8, 7, 1, 10, 2, _],
        ['Cộng', _, 20, 17, 3, 22, 6],
        ['II', 'Khối cơ quan, trường học'],
        [3, 'Chi bộ Trường Tiểu học', 15, 15, 0, 12, 4, 'x'],
        [4, 'Chi bộ Trạm Y tế', 5, 4, 1, 11, 3, _],
        ['Cộng', _, 20, 19, 1, 23, 7],
        ['Tổng cộng', _, 40, 36, 4, 45, 13],
        [],
        [_, 'NGƯỜI LẬP BIỂU', _, _, _, 'T/M ĐẢNG ỦY'],
        [_, _, _, _, _, 'BÍ THƯ'],
        [],
        [_, 'Lò Thị Mai', _, _, _, 'Lường Văn Xuân'],
      ],
      [
        'A1:C1',
        'F1:H1',
        'A2:C2',
        'A3:C3',
        'F3:H3',
        'A5:H5',
        'A6:A7',
        'B6:B7',
        'C6:E6',
        'F6:G6',
        'H6:H7',
        'B9:H9',
        'B13:H13',
        'A17:B17',
      ],
    ),
  );
  const t = data.tables[0]!;

  it('finds one party-cell table with its header rows and column-number row', () => {
    expect(data.tables).toHaveLength(1);
    expect(t.kind).toBe('partyCells');
    expect(t.kindConfidence).toBeGreaterThan(0.8);
    expect(rows1(t.headerRows)).toEqual([6, 7]);
    expect(t.columnNumberRow).toBe(7);
    expect(t.title).toBe('BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023');
  });

  it('joins merged header levels and maps them', () => {
    expect(mapping(t)).toEqual([
      ['STT', 'order'],
      ['Tên chi bộ', 'name'],
      ['Số đảng viên / Tổng số', 'membersTotal'],
      ['Số đảng viên / Chính thức', 'membersOfficial'],
      ['Số đảng viên / Dự bị', 'membersProbationary'],
      ['Sinh hoạt chi bộ / Thường kỳ', 'meetingsRegular'],
      ['Sinh hoạt chi bộ / Chuyên đề', 'meetingsThematic'],
      ['Có chi ủy', 'hasCommittee'],
    ]);
    const official = t.columns.find((c) => c.field === 'membersOfficial')!;
    expect(official.confidence).toBe(1);
    expect(official.matchedAlias).toBe('Đảng viên chính thức');
  });

  it('reads data rows under Roman-numeral groups, skipping group and total rows', () => {
    expect(rows1(t.dataRows)).toEqual([10, 11, 14, 15]);
    expect(t.groupRows).toEqual([
      { row: 8, label: 'Khối thôn, bản', level: 1 },
      { row: 12, label: 'Khối cơ quan, trường học', level: 1 },
    ]);
    const recs = recordsOf(data, t);
    expect(recs.map((r) => r.groups)).toEqual([
      ['Khối thôn, bản'],
      ['Khối thôn, bản'],
      ['Khối cơ quan, trường học'],
      ['Khối cơ quan, trường học'],
    ]);
  });

  it('finds group totals and the grand total with the rows they cover', () => {
    expect(t.totalRows.map((x) => ({ row: x.row + 1, label: x.label, covers: rows1(x.coversRows) }))).toEqual(
      [
        { row: 12, label: 'Cộng', covers: [10, 11] },
        { row: 16, label: 'Cộng', covers: [14, 15] },
        { row: 17, label: 'Tổng cộng', covers: [10, 11, 14, 15] },
      ],
    );
    expect(t.totalRows[2]!.values).toEqual({
      membersTotal: 40,
      membersOfficial: 36,
      membersProbationary: 4,
      meetingsRegular: 45,
      meetingsThematic: 13,
    });
    expect(t.totalRows[0]!.values['membersTotal']).toBe(20);
  });

  it('ends the table at the signature block and places results right of it', () => {
    expect(t.lastRow + 1).toBe(17);
    expect(t.firstCol).toBe(0);
    expect(t.lastCol).toBe(7);
    expect(t.resultCol).toBe(8);
  });

  it('reads records with cell addresses and parsed values', () => {
    const r = recordsOf(data, t)[1]!;
    expect(r.row + 1).toBe(11);
    expect(r.cells['membersOfficial']).toEqual({ address: 'D11', raw: 7 });
    expect(r.cells['hasCommittee']).toEqual({ address: 'H11', raw: null });
    expect(r.values).toEqual({
      order: '2',
      name: 'Chi bộ bản Pá Khoang',
      membersTotal: 8,
      membersOfficial: 7,
      membersProbationary: 1,
      meetingsRegular: 10,
      meetingsThematic: 2,
    });
    expect(recordsOf(data, t)[0]!.values['hasCommittee']).toBe(true);
    expect(data.issues).toEqual([]);
  });

  it('reads the period from the title and the unit from the left header block', () => {
    expect(data.period).toEqual(yearPeriod(2023));
    expect(data.unit).toEqual({ name: 'ĐẢNG ỦY XÃ NẬM LẠNH', level: 'commune' });
  });
});

describe('three-row header: "Số đảng viên" over "Tổng số | Trong đó" over "Chính thức | Dự bị"', () => {
  const data = read(
    sheet(
      'TCCSĐ',
      [
        ['ĐẢNG BỘ TỈNH SƠN LA', _, _, _, _, _, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
        ['BAN TỔ CHỨC HUYỆN ỦY SỐP CỘP'],
        [],
        ['KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN'],
        ['QUÝ I NĂM 2024'],
        ['TT', 'Tên tổ chức cơ sở đảng', 'Số đảng viên', _, _, 'Xếp loại đảng viên', _, _, _],
        [_, _, 'Tổng số', 'Trong đó', _, 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
        [_, _, _, 'Chính thức', 'Dự bị', _, _, _, _],
        [1, 'Đảng bộ xã Nậm Lạnh', 120, 110, 10, 20, 80, 18, 2],
        [2, 'Đảng bộ xã Mường Lạn', 95, 90, 5, 15, 70, 9, 1],
        [3, 'Đảng bộ Công an huyện', 60, 58, 2, 12, 45, 3, 0],
      ],
      ['A6:A8', 'B6:B8', 'C6:E6', 'F6:I6', 'C7:C8', 'D7:E7', 'F7:F8', 'G7:G8', 'H7:H8', 'I7:I8'],
    ),
  );
  const t = data.tables[0]!;

  it('joins three levels and maps rating-count columns', () => {
    expect(t.kind).toBe('organizations');
    expect(rows1(t.headerRows)).toEqual([6, 7, 8]);
    expect(t.columnNumberRow).toBeUndefined();
    expect(mapping(t)).toEqual([
      ['TT', 'order'],
      ['Tên tổ chức cơ sở đảng', 'name'],
      ['Số đảng viên / Tổng số', 'membersTotal'],
      ['Số đảng viên / Trong đó / Chính thức', 'membersOfficial'],
      ['Số đảng viên / Trong đó / Dự bị', 'membersProbationary'],
      ['Xếp loại đảng viên / HTXSNV', 'membersExcellent'],
      ['Xếp loại đảng viên / HTTNV', 'membersGood'],
      ['Xếp loại đảng viên / HTNV', 'membersCompleted'],
      ['Xếp loại đảng viên / KHTNV', 'membersNotCompleted'],
    ]);
  });

  it('reads rows, a quarter period and the district named behind "Ban Tổ chức"', () => {
    expect(rows1(t.dataRows)).toEqual([9, 10, 11]);
    const r = recordsOf(data, t)[2]!;
    expect(r.values['membersExcellent']).toBe(12);
    expect(r.cells['membersNotCompleted']!.address).toBe('I11');
    expect(t.title).toBe('KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN QUÝ I NĂM 2024');
    expect(data.period).toEqual(quarterPeriod(2024, 1));
    expect(data.unit).toEqual({ name: 'HUYỆN ỦY SỐP CỘP', level: 'district' });
  });
});

describe('headers in capitals without diacritics', () => {
  const data = read(
    sheet('Sheet1', [
      ['DANG BO XA CHIENG SO'],
      ['BIEU THONG KE CHI BO 6 THANG DAU NAM 2024'],
      [
        'STT',
        'TEN CHI BO',
        'TONG SO DANG VIEN',
        'DANG VIEN CHINH THUC',
        'DANG VIEN DU BI',
        'CO CHI UY',
        'SO CHI UY VIEN',
        'SO KY SINH HOAT THUONG KY',
        'SO KY SINH HOAT CHUYEN DE',
      ],
      [1, 'CHI BO BAN HUA LA', 10, 9, 1, 'Co', 3, 6, 2],
      [2, 'CHI BO BAN NA HUONG', 7, 7, 0, 'Khong', _, 5, 1],
    ]),
  );
  const t = data.tables[0]!;

  it('maps every column', () => {
    expect(t.kind).toBe('partyCells');
    expect(fieldCols(t)).toEqual({
      order: 'A',
      name: 'B',
      membersTotal: 'C',
      membersOfficial: 'D',
      membersProbationary: 'E',
      hasCommittee: 'F',
      committeeSize: 'G',
      meetingsRegular: 'H',
      meetingsThematic: 'I',
    });
    expect(t.columns.every((c) => c.confidence === 1)).toBe(true);
  });

  it('reads yes/no without diacritics, a half-year period and the commune', () => {
    const recs = recordsOf(data, t);
    expect(recs.map((r) => r.values['hasCommittee'])).toEqual([true, false]);
    expect(recs[1]!.cells['committeeSize']).toEqual({ address: 'G5', raw: null });
    expect(recs[1]!.values['committeeSize']).toBeUndefined();
    expect(data.period).toEqual(halfPeriod(2024, 1));
    expect(data.unit).toEqual({ name: 'DANG BO XA CHIENG SO', level: 'commune' });
  });
});

describe('abbreviations under parents typed once without merging', () => {
  const data = read(
    sheet('SL T3', [
      ['ĐẢNG ỦY THỊ TRẤN SỐP CỘP'],
      ['SỐ LIỆU CHI BỘ THÁNG 3 NĂM 2024'],
      [
        'TT',
        'Chi bộ',
        'Số ĐV',
        _,
        _,
        'SL chi ủy viên',
        'SH thường kỳ',
        'SH chuyên đề',
        'KN trong kỳ',
        'Số ĐV xếp loại',
        _,
        _,
        _,
      ],
      [_, _, 'TS', 'CT', 'DB', _, _, _, _, 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
      [1, 'Tổ dân phố 1', 25, 23, 2, 5, 1, 0, 1, 4, 18, 3, 0],
      [2, 'Tổ dân phố 2', 18, 17, 1, 3, 1, 1, 0, 2, 14, 2, 0],
    ]),
  );
  const t = data.tables[0]!;

  it('spreads unmerged parents over their children and expands ĐV, SL, CT, DB, TS, SH, KN', () => {
    expect(rows1(t.headerRows)).toEqual([3, 4]);
    expect(mapping(t)).toEqual([
      ['TT', 'order'],
      ['Chi bộ', 'name'],
      ['Số ĐV / TS', 'membersTotal'],
      ['Số ĐV / CT', 'membersOfficial'],
      ['Số ĐV / DB', 'membersProbationary'],
      ['SL chi ủy viên', 'committeeSize'],
      ['SH thường kỳ', 'meetingsRegular'],
      ['SH chuyên đề', 'meetingsThematic'],
      ['KN trong kỳ', 'admitted'],
      ['Số ĐV xếp loại / HTXSNV', 'membersExcellent'],
      ['Số ĐV xếp loại / HTTNV', 'membersGood'],
      ['Số ĐV xếp loại / HTNV', 'membersCompleted'],
      ['Số ĐV xếp loại / KHTNV', 'membersNotCompleted'],
    ]);
    const admitted = t.columns.find((c) => c.field === 'admitted')!;
    expect(admitted.confidence).toBeLessThan(1);
    expect(admitted.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('reads values and a month period', () => {
    expect(recordsOf(data, t)[0]!.values['membersGood']).toBe(18);
    expect(recordsOf(data, t)[1]!.cells['admitted']!.address).toBe('I6');
    expect(data.period).toEqual(monthPeriod(2024, 3));
    expect(data.unit).toEqual({ name: 'ĐẢNG ỦY THỊ TRẤN SỐP CỘP', level: 'commune' });
  });
});

describe('reordered columns, unknown columns and numbers typed as text', () => {
  const data = read(
    sheet('Chi bo', [
      [
        'Số ĐV dự bị',
        'Tên chi bộ',
        'Ghi chú',
        'Tổng số đảng viên',
        'Số ĐV chính thức',
        'Năm kết nạp gần nhất',
        'Số điện thoại bí thư',
      ],
      ['2', 'Chi bộ bản Lọng Phát', 'mới thành lập', '1.922', '1.920', '2021', '0912 345 678'],
      ['0', 'Chi bộ bản Co Muông', _, ' 9 ', '9', '2019', _],
    ]),
  );
  const t = data.tables[0]!;

  it('follows the columns wherever they are and leaves unknown ones unrecognized', () => {
    expect(t.kind).toBe('partyCells');
    expect(mapping(t)).toEqual([
      ['Số ĐV dự bị', 'membersProbationary'],
      ['Tên chi bộ', 'name'],
      ['Ghi chú', undefined],
      ['Tổng số đảng viên', 'membersTotal'],
      ['Số ĐV chính thức', 'membersOfficial'],
      ['Năm kết nạp gần nhất', 'lastAdmissionYear'],
      ['Số điện thoại bí thư', undefined],
    ]);
    const unknown = t.columns.filter((c) => !c.field);
    expect(unknown.map((c) => [c.col, c.confidence, c.matchedAlias])).toEqual([
      [2, 0, undefined],
      [6, 0, undefined],
    ]);
  });

  it('reads numbers typed as text, Vietnamese thousands included', () => {
    const [a, b] = recordsOf(data, t);
    expect(a!.values).toEqual({
      membersProbationary: 2,
      name: 'Chi bộ bản Lọng Phát',
      membersTotal: 1922,
      membersOfficial: 1920,
      lastAdmissionYear: 2021,
    });
    expect(b!.values['membersTotal']).toBe(9);
    expect(b!.cells['membersTotal']).toEqual({ address: 'D3', raw: ' 9 ' });
    expect(data.issues).toEqual([]);
  });
});

describe('two tables in one sheet', () => {
  const data = read(
    sheet('Thôn bản và chi bộ', [
      ['DANH SÁCH CHI BỘ'],
      ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy'],
      [1, 'Chi bộ bản Huổi Lạ', 11, 'x'],
      [2, 'Chi bộ bản Pá Lau', 6, _],
      [],
      [],
      ['DANH SÁCH THÔN, BẢN'],
      ['STT', 'Tên thôn, bản', 'Dân số', 'Số đảng viên', 'Có chi bộ độc lập'],
      [1, 'Bản Huổi Lạ', 420, 11, 'Có'],
      [2, 'Bản Pá Lau', 310, 6, 'Có'],
      [3, 'Bản Nặm Lạnh', 150, 0, 'Không'],
    ]),
  );

  it('finds both, each with its own title, rows and kind', () => {
    expect(
      data.tables.map((t) => [t.id, t.kind, t.title, rows1(t.headerRows), rows1(t.dataRows), t.lastRow + 1]),
    ).toEqual([
      ['Thôn bản và chi bộ#1', 'partyCells', 'DANH SÁCH CHI BỘ', [2], [3, 4], 4],
      ['Thôn bản và chi bộ#2', 'hamlets', 'DANH SÁCH THÔN, BẢN', [8], [9, 10, 11], 11],
    ]);
    const hamlets = data.tables[1]!;
    expect(mapping(hamlets)).toEqual([
      ['STT', 'order'],
      ['Tên thôn, bản', 'name'],
      ['Dân số', 'population'],
      ['Số đảng viên', 'members'],
      ['Có chi bộ độc lập', 'hasIndependentCell'],
    ]);
    const last = recordsOf(data, hamlets)[2]!;
    expect(last.values).toEqual({
      order: '3',
      name: 'Bản Nặm Lạnh',
      population: 150,
      members: 0,
      hasIndependentCell: false,
    });
    expect(last.cells['members']!.address).toBe('D11');
    expect(recordsOf(data, data.tables[0]!)).toHaveLength(2);
  });
});
describe('two tables in one sheet with no blank row between them', () => {
  const cells = [
    ['DANH SÁCH CHI BỘ'],
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy'],
    [1, 'Chi bộ bản Huổi Lạ', 11, 'x'],
    [2, 'Chi bộ bản Pá Lau', 6, _],
  ];
  const hamlets = [
    ['STT', 'Tên thôn, bản', 'Dân số', 'Số đảng viên', 'Có chi bộ độc lập'],
    [1, 'Bản Huổi Lạ', 420, 11, 'Có'],
    [2, 'Bản Pá Lau', 310, 6, 'Có'],
  ];
  const shape = (rows: CellValue[][]): unknown[] =>
    read(sheet('Thôn bản và chi bộ', rows)).tables.map((t) => [
      t.kind,
      t.title,
      rows1(t.headerRows),
      rows1(t.dataRows),
      t.groupRows.length,
    ]);

  it('ends the first table where the second header starts right under its last row', () => {
    expect(shape([...cells, ...hamlets])).toEqual([
      ['partyCells', 'DANH SÁCH CHI BỘ', [2], [3, 4], 0],
      ['hamlets', undefined, [5], [6, 7], 0],
    ]);
    // The second header is not read as a row of the first: no unreadable "Dân số".
    const data = read(sheet('Thôn bản và chi bộ', [...cells, ...hamlets]));
    expect(data.issues.filter((i) => i.ruleId === 'value.invalid')).toEqual([]);
  });

  it('ends it at a title line right under its last row, which titles the second table', () => {
    expect(shape([...cells, ['DANH SÁCH THÔN, BẢN'], ...hamlets])).toEqual([
      ['partyCells', 'DANH SÁCH CHI BỘ', [2], [3, 4], 0],
      ['hamlets', 'DANH SÁCH THÔN, BẢN', [6], [7, 8], 0],
    ]);
  });

  it('keeps member rows under a group row in their table, though they read much like a header', () => {
    // "Chi bộ …", "Chính thức", "HTXSNV" are also header words; here they are values.
    const data = read(
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Chính thức/Dự bị', 'Xếp loại'],
        [1, 'Lò Văn Pọm', '02/03/1980', 'Chi bộ bản Nà Khi', '11/10/2001', 'Chính thức', 'HTTNV'],
        ['II', 'Chi bộ bản Co Lóng'],
        [2, 'Điêu Thị Hương', '09/09/1974', 'Chi bộ bản Co Lóng', '12/03/2007', 'Chính thức', 'HTXSNV'],
        [3, 'Hà Đức Tuấn', '07/08/1962', 'Chi bộ bản Co Lóng', '14/09/1992', 'Dự bị', 'HTNV'],
      ]),
    );
    expect(data.tables.map((t) => [t.kind, rows1(t.dataRows), t.groupRows.map((g) => g.label)])).toEqual([
      ['members', [2, 4, 5], ['Chi bộ bản Co Lóng']],
    ]);
  });

  it('keeps a data row with two mistyped values in its table, and reports both cells', () => {
    const data = read(sheet('Chi bộ', [...cells, [3, 'Chi bộ bản Nặm Lạnh', 'mười', 'chưa rõ']]));
    expect(data.tables.map((t) => [t.kind, rows1(t.dataRows)])).toEqual([['partyCells', [3, 4, 5]]]);
    expect(data.issues.filter((i) => i.ruleId === 'value.invalid').map((i) => i.cell)).toEqual(['C5', 'D5']);
  });
});

describe('headers with a unit and meetings counted plainly', () => {
  it('reads "Số đảng viên (đồng chí)" as the member count and "Số kỳ sinh hoạt" as regular meetings', () => {
    const data = read(
      sheet('Chi bộ', [
        ['STT', 'Tên chi bộ', 'Số đảng viên (đồng chí)', 'Số kỳ sinh hoạt (kỳ)', 'Sinh hoạt chuyên đề'],
        [1, 'Chi bộ bản Huổi Lạ', 11, 12, 4],
        [2, 'Chi bộ bản Pá Lau', 6, 10, 2],
      ]),
    );
    expect(data.tables.map((t) => [t.kind, fieldCols(t)])).toEqual([
      [
        'partyCells',
        { order: 'A', name: 'B', membersTotal: 'C', meetingsRegular: 'D', meetingsThematic: 'E' },
      ],
    ]);
  });
});

describe('a member list giving only the year of birth', () => {
  it('reads "Năm sinh" as the year of birth: a year there is no error, a full date gives its year', () => {
    const data = read(
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Ngày vào Đảng'],
        [1, 'Lò Văn Pọm', 1980, 'Chi bộ bản Nà Khi', '11/10/2001'],
        [2, 'Điêu Thị Hương', '09/09/1974', 'Chi bộ bản Nà Khi', '12/03/2007'],
        [3, 'Hà Văn Tám', 1927, 'Chi bộ bản Nà Khi', '14/09/1950'],
      ]),
    );
    const t = data.tables[0]!;
    expect(fieldCols(t)).toMatchObject({ birthYear: 'C' });
    expect(recordsOf(data, t).map((r) => r.values['birthYear'])).toEqual([1980, 1974, 1927]);
    expect(data.issues).toEqual([]);
  });
});

describe('a member list grouped by cell, with no cell column', () => {
  const grid = {
    name: 'nhom-chi-bo.xlsx',
    sheets: [
      sheet('Chi bộ', [
        ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
        [1, 'Chi bộ bản Nà Khi', 3],
        [2, 'Chi bộ bản Co Lóng', 1],
      ]),
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng'],
        ['I. Chi bộ bản Nà Khi'],
        [1, 'Lò Văn Pọm', '02/03/1980', '11/10/2001'],
        [2, 'Lò Văn Pọm', '02/03/1980', '11/10/2001'],
        ['II. Chi bộ bản Co Lóng'],
        [3, 'Hà Đức Tuấn', '07/08/1962', '14/09/1992'],
      ]),
    ],
  };

  it('takes each member’s cell from the group row above, and does not call the column missing', () => {
    const data = readWorkbook(grid);
    const members = data.tables.find((t) => t.kind === 'members')!;
    expect(members.missingRequired).toEqual([]);
    expect(recordsOf(data, members).map((r) => r.values['cell'])).toEqual([
      'Chi bộ bản Nà Khi',
      'Chi bộ bản Nà Khi',
      'Chi bộ bản Co Lóng',
    ]);
    expect(data.issues.filter((i) => i.ruleId === 'table.missingRequired')).toEqual([]);
  });

  it('so the cross-sheet and duplicate checks see the cells', () => {
    const report = checkWorkbook(grid);
    const cross = report.issues.filter((i) => i.ruleId === 'cross.cell.memberCount');
    // Nà Khi: 3 in the cell table, 2 rows in the list; Co Lóng agrees.
    expect(cross.map((i) => [i.sheet, i.cell, i.values])).toEqual([
      ['Chi bộ', 'C2', { cellTable: 3, memberList: 2 }],
    ]);
    const dup = report.issues.filter((i) => i.ruleId === 'data.duplicateRow');
    expect(dup.map((i) => i.message.vi)).toEqual([
      'Đảng viên ở dòng 4 (Chi bộ bản Nà Khi): trùng họ tên, ngày sinh và chi bộ với dòng 3',
    ]);
  });
});

describe('a cell’s own member list, its cell named above the table', () => {
  const cellTable = sheet('Chi bộ', [
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
    [1, 'Chi bộ bản Lạnh', 3],
  ]);
  const list = (above: CellValue[][]) =>
    sheet('Đảng viên', [
      ...above,
      [],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng'],
      [1, 'Lò Văn Thanh', '12/03/1970', '05/06/1995'],
      [2, 'Lò Thị Hoa', '20/10/1985', '19/05/2006'],
    ]);
  const cellsOf = (above: CellValue[][]) => {
    const data = readWorkbook({ name: 'chi-bo.xlsx', sheets: [cellTable, list(above)] });
    const members = data.tables.find((t) => t.kind === 'members')!;
    return { missing: members.missingRequired, cells: recordsOf(data, members).map((r) => r.values['cell']) };
  };

  it.each([
    [[['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH NĂM 2023']], 'CHI BỘ BẢN LẠNH'],
    [[['Danh sách đảng viên Chi bộ bản Lạnh, Đảng bộ xã Nậm Lạnh']], 'Chi bộ bản Lạnh'],
    [[['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH - ĐẢNG BỘ XÃ NẬM LẠNH']], 'CHI BỘ BẢN LẠNH'],
    [[['ĐẢNG BỘ XÃ NẬM LẠNH'], ['CHI BỘ BẢN LẠNH'], [], ['DANH SÁCH ĐẢNG VIÊN NĂM 2023']], 'CHI BỘ BẢN LẠNH'],
  ] as const)('%j → %s', (above, cell) => {
    expect(cellsOf(above as unknown as CellValue[][])).toEqual({ missing: [], cells: [cell, cell] });
  });

  it.each([
    [['DANH SÁCH ĐẢNG VIÊN CÁC CHI BỘ TRỰC THUỘC']],
    [['DANH SÁCH ĐẢNG VIÊN CHI BỘ TRỰC THUỘC ĐẢNG ỦY XÃ']],
    [['DANH SÁCH ĐẢNG VIÊN NĂM 2023']],
    [['BIỂU TỔNG HỢP CHI BỘ BẢN LẠNH']],
  ] as const)('%j names no cell: the column is missing', (title) => {
    expect(cellsOf([title as unknown as CellValue[]])).toEqual({
      missing: ['cell'],
      cells: [undefined, undefined],
    });
  });

  it('so the member count is checked against the cell table', () => {
    const report = checkWorkbook({
      name: 'chi-bo.xlsx',
      sheets: [cellTable, list([['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH NĂM 2023']])],
    });
    const cross = report.issues.filter((i) => i.ruleId === 'cross.cell.memberCount');
    expect(cross.map((i) => [i.sheet, i.cell, i.values])).toEqual([
      ['Chi bộ', 'C2', { cellTable: 3, memberList: 2 }],
    ]);
  });
});

describe('a member list with the date of birth split by sex ("Nam | Nữ")', () => {
  const grid = {
    name: 'nam-nu.xlsx',
    sheets: [
      {
        name: 'Đảng viên',
        rows: [
          ['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH NĂM 2023'],
          [],
          ['TT', 'Họ và tên', 'Ngày, tháng, năm sinh', _, 'Ngày vào Đảng'],
          [_, _, 'Nam', 'Nữ', _],
          [1, 'Lò Văn Thanh', '12/03/1970', _, '05/06/1995'],
          [2, 'Lò Thị Hoa', _, '20/10/1985', '19/05/2006'],
          [3, 'Quàng Thị Én', _, '01/01/2010', '19/05/2023'],
          [4, 'Lò Văn Pọm', '02/03/1980', '02/03/1980', '11/10/2001'],
        ] as CellValue[][],
        merges: ['A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'].map(m),
      },
    ],
  };

  it('reads both columns as the date of birth, each row from the one filled in', () => {
    const data = readWorkbook(grid);
    const t = data.tables[0]!;
    expect(t.columns.map((c) => [c.header, c.field])).toEqual([
      ['TT', 'order'],
      ['Họ và tên', 'fullName'],
      ['Ngày, tháng, năm sinh / Nam', 'birthDate'],
      ['Ngày, tháng, năm sinh / Nữ', 'birthDate'],
      ['Ngày vào Đảng', 'admissionDate'],
    ]);
    const records = recordsOf(data, t);
    expect(records.map((r) => r.values['birthDate'])).toEqual([
      '1970-03-12',
      '1985-10-20',
      '2010-01-01',
      '1980-03-02',
    ]);
    // The cell behind each value is the one filled in.
    expect(records.map((r) => r.cells['birthDate']!.address)).toEqual(['C5', 'D6', 'D7', 'C8']);
  });

  it('checks the dates in either column, and refuses a row filling both', () => {
    const report = checkWorkbook(grid);
    const age = report.issues.filter((i) => i.ruleId === 'member.age.atAdmission');
    expect(age.map((i) => [i.cell, i.values])).toEqual([['E7', { age: 13, minimum: 18 }]]);
    const both = report.issues.filter((i) => i.ruleId === 'value.invalid');
    expect(both.map((i) => [i.cell, i.values])).toEqual([['D8', { field: 'birthDate', personal: true }]]);
    expect(both[0]!.message.vi).toBe(
      'Cột «Ngày, tháng, năm sinh / Nữ»: dòng này đã có giá trị ở cột bên cạnh (Nam/Nữ); mỗi dòng chỉ ghi ở một cột.',
    );
    expect(JSON.stringify(both)).not.toContain('1980');
  });

  it('leaves "Nam | Nữ" under a parent no alias takes unrecognized', () => {
    const data = readWorkbook({
      name: 'gioi-tinh.xlsx',
      sheets: [
        {
          name: 'Đảng viên',
          rows: [
            ['STT', 'Họ và tên', 'Chi bộ', 'Giới tính', _],
            [_, _, _, 'Nam', 'Nữ'],
            [1, 'Lò Văn Thanh', 'Bản Lạnh', 'x', _],
          ] as CellValue[][],
          merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'].map(m),
        },
      ],
    });
    expect(data.tables[0]!.columns.map((c) => c.field ?? null)).toEqual([
      'order',
      'fullName',
      'cell',
      null,
      null,
    ]);
  });
});

describe('sheets as officials name them, and sheets with figures but no table', () => {
  const cells = [
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
    [1, 'Chi bộ bản Lạnh', 12],
    [2, 'Chi bộ bản Nà Sản', 9],
  ];

  it('reads an official’s own "Tổng hợp" sheet', () => {
    const data = readWorkbook({ name: 'x.xlsx', sheets: [sheet('Tổng hợp', cells)] });
    expect(data.tables.map((t) => [t.sheet, t.kind, t.dataRows.length])).toEqual([
      ['Tổng hợp', 'partyCells', 2],
    ]);
  });

  it('says when a sheet holds figures but nothing in it reads as a table', () => {
    const counts = sheet('Xếp loại', [
      ['SO SÁNH QUA CÁC NĂM'],
      [],
      ['TT', 'Huyện', 'Năm 2022', 'Năm 2023'],
      [1, 'Sốp Cộp', 20, 21],
      [2, 'Mường La', 33, 35],
    ]);
    const notes = sheet('Ghi chú', [['Số liệu tính đến 31/12/2023'], ['Người lập: Lò Văn Thanh']]);
    const one = sheet('Một dòng', [['Tổng số', 53]]);
    const hidden = { ...counts, name: 'Ẩn', hidden: true };
    const data = readWorkbook({
      name: 'x.xlsx',
      sheets: [counts, notes, one, hidden, sheet('Chi bộ', cells)],
    });
    const none = data.issues.filter((i) => i.ruleId === 'sheet.noTable');
    expect(none.map((i) => [i.sheet, i.cell, i.severity])).toEqual([['Xếp loại', 'A4', 'info']]);
    expect(none[0]!.message.vi).toBe(
      'Trang tính «Xếp loại» có số liệu nhưng không tìm thấy bảng nào nhận dạng được: các số liệu trong trang chưa được kiểm tra.',
    );
  });
});

describe('a rating marked "x" under its categories', () => {
  const ratings = (rows: CellValue[][], kind: 'orgs' | 'members' = 'orgs') => ({
    name: 'danh-dau.xlsx',
    sheets: [
      {
        name: kind === 'orgs' ? 'TCCSĐ' : 'Đảng viên',
        rows: [
          kind === 'orgs'
            ? ['TT', 'Tên tổ chức cơ sở đảng', 'Số đảng viên', 'Xếp loại', _, _, _]
            : ['TT', 'Họ và tên', 'Chi bộ', 'Xếp loại năm 2023', _, _, _],
          [_, _, _, 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
          ...rows,
        ],
        merges: ['D1:G1', 'A1:A2', 'B1:B2', 'C1:C2'].map(m),
      },
    ],
  });

  it('reads each organization’s rating from the column marked', () => {
    const grid = ratings([
      [1, 'Đảng bộ xã Nậm Lạnh', 120, _, 'x', _, _],
      [2, 'Đảng bộ xã Mường Lèo', 95, '✓', _, _, _],
      [3, 'Đảng bộ xã Mường Và', 110, _, 'x', 'x', _],
      [4, 'Đảng bộ xã Sốp Cộp', 80, _, _, 3, _],
      [5, 'Đảng bộ xã Púng Bánh', 70, _, _, _, _],
    ]);
    const data = readWorkbook(grid);
    const t = data.tables[0]!;
    expect(t.columns.slice(3).map((c) => [c.field, c.category])).toEqual([
      ['proposedRating', 'HTXSNV'],
      ['proposedRating', 'HTTNV'],
      ['proposedRating', 'HTNV'],
      ['proposedRating', 'KHTNV'],
    ]);
    const records = recordsOf(data, t);
    expect(records.map((r) => r.values['proposedRating'])).toEqual([
      'HTTNV',
      'HTXSNV',
      'HTTNV',
      undefined,
      undefined,
    ]);
    expect(records.map((r) => r.cells['proposedRating']!.address)).toEqual(['E3', 'D4', 'E5', 'D6', 'D7']);
    // Two marks on a row, a count among marks: errors at their cells.
    expect(data.issues.map((i) => [i.ruleId, i.cell])).toEqual([
      ['value.invalid', 'F5'],
      ['value.invalid', 'F6'],
    ]);
    expect(data.issues[0]!.message.vi).toBe(
      'Cột «Xếp loại / HTNV»: dòng này đã đánh dấu ở một cột khác cùng mục; mỗi dòng chỉ đánh dấu một cột.',
    );
  });

  it('reads a member’s status marked under "Đảng viên / Chính thức | Dự bị"', () => {
    const data = readWorkbook({
      name: 'dang-vien.xlsx',
      sheets: [
        {
          name: 'Đảng viên',
          rows: [
            ['STT', 'Họ và tên', 'Chi bộ', 'Đảng viên', _],
            [_, _, _, 'Chính thức', 'Dự bị'],
            [1, 'Lò Văn Thanh', 'Bản Lạnh', 'x', _],
            [2, 'Quàng Thị Én', 'Bản Lạnh', _, 'x'],
          ] as CellValue[][],
          merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2'].map(m),
        },
      ],
    });
    const t = data.tables[0]!;
    expect(t.columns.slice(3).map((c) => [c.field, c.category])).toEqual([
      ['status', 'official'],
      ['status', 'probationary'],
    ]);
    expect(recordsOf(data, t).map((r) => r.values['status'])).toEqual(['official', 'probationary']);
  });

  it('reads a member’s rating the same way', () => {
    const data = readWorkbook(
      ratings(
        [
          [1, 'Lò Văn Thanh', 'Bản Lạnh', _, 'x', _, _],
          [2, 'Lò Thị Hoa', 'Bản Lạnh', 'x', _, _, _],
        ],
        'members',
      ),
    );
    const t = data.tables[0]!;
    expect(t.kind).toBe('members');
    expect(recordsOf(data, t).map((r) => r.values['rating'])).toEqual(['HTTNV', 'HTXSNV']);
  });
});

describe('a member list with a rating column per year', () => {
  it('reads the rating of the report’s year', () => {
    const data = readWorkbook({
      name: 'xep-loai.xlsx',
      sheets: [
        sheet('Đảng viên', [
          ['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN LẠNH NĂM 2022'],
          [],
          [
            'STT',
            'Họ và tên',
            'Chi bộ',
            'Xếp loại năm 2021',
            'Xếp loại năm 2022',
            'Xếp loại năm 2023 (dự kiến)',
          ],
          [1, 'Lò Văn Thanh', 'Bản Lạnh', 'HTTNV', 'HTXSNV', 'HTTNV'],
        ]),
      ],
    });
    const t = data.tables[0]!;
    expect(t.columns.filter((c) => c.field === 'rating').map((c) => c.header)).toEqual(['Xếp loại năm 2022']);
    expect(recordsOf(data, t).map((r) => r.values['rating'])).toEqual(['HTXSNV']);
  });
});

describe('counts of organizations by rating, one row per district', () => {
  it('are not read as members’ ratings or as each row’s rating: the table is reported unrecognized', () => {
    const grid = {
      name: 'xep-loai.xlsx',
      sheets: [
        {
          name: 'Tổng hợp',
          rows: [
            ['BIỂU TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023'],
            [],
            ['TT', 'Đơn vị', 'Tổng số TCCSĐ', 'Xếp loại', _, _, _],
            [_, _, _, 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
            [1, 'Đảng bộ huyện Sốp Cộp', 20, 3, 15, 2, 0],
            [2, 'Đảng bộ huyện Mường La', 33, 5, 24, 3, 1],
          ] as CellValue[][],
          merges: ['D3:G3', 'A3:A4', 'B3:B4', 'C3:C4'].map(m),
        },
      ],
    };
    const report = checkWorkbook(grid);
    expect(report.tables).toEqual([]);
    expect(report.issues.map((i) => [i.ruleId, i.cell])).toEqual([['table.unrecognized', 'A3']]);
  });
});

describe('a table laid beside another on the same rows', () => {
  const cells = (extra: CellValue[][] = [[], [], []]): CellValue[][] => [
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy', _, ...extra[0]!],
    [1, 'Chi bộ bản Huổi Lạ', 11, 'x', _, ...extra[1]!],
    [2, 'Chi bộ bản Pá Lau', 6, _, _, ...extra[2]!],
  ];

  it('reads the table on the left alone and warns, at its header, that the other was not read', () => {
    const grid = sheet(
      'Chi bộ và thôn bản',
      cells([
        ['STT', 'Tên thôn, bản', 'Dân số', 'Số đảng viên'],
        [1, 'Bản Huổi Lạ', 420, 11],
        [2, 'Bản Pá Lau', 310, 6],
      ]),
    );
    const data = read(grid);
    expect(data.tables.map((t) => [t.kind, t.firstCol, t.lastCol])).toEqual([['partyCells', 0, 3]]);
    expect(mapping(data.tables[0]!)).toEqual([
      ['STT', 'order'],
      ['Tên chi bộ', 'name'],
      ['Tổng số đảng viên', 'membersTotal'],
      ['Có chi ủy', 'hasCommittee'],
    ]);
    const beside = data.issues.filter((i) => i.ruleId === 'table.beside');
    expect(beside).toMatchObject([
      { severity: 'warning', sheet: 'Chi bộ và thôn bản', cell: 'F1', range: 'F1:I1' },
    ]);
    expect(beside[0]!.message.vi).toContain('F1:I1');
    // No room for result columns between the two tables, nor right of the second.
    expect(checkWorkbook({ name: 't.xlsx', sheets: [grid] }).plan.resultColumns).toEqual([]);
  });

  it('keeps a single "Ghi chú" past a blank column, and a headerless column with data, in the table', () => {
    const note = read(sheet('Chi bộ', cells([['Ghi chú'], ['đã nhắc nhở'], []])));
    expect(note.issues.filter((i) => i.ruleId === 'table.beside')).toEqual([]);
    expect(note.tables[0]!.lastCol).toBe(5);
    const filled = read(
      sheet('Chi bộ', [
        ['STT', 'Tên chi bộ', 'Tổng số đảng viên', _, 'Số đảng viên', 'Có chi ủy'],
        [1, 'Chi bộ bản Huổi Lạ', 11, 'x', 11, 'x'],
      ]),
    );
    expect(filled.issues.filter((i) => i.ruleId === 'table.beside')).toEqual([]);
  });
});

describe('a long list that repeats its header further down', () => {
  const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Xếp loại'];
  const numbers = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'];
  const data = read(
    sheet('Đảng viên', [
      ['DANH SÁCH ĐẢNG VIÊN'],
      header,
      numbers,
      [1, 'Lò Văn Pọm', '02/03/1980', 'Chi bộ bản Nà Khi', '11/10/2001', 'HTTNV'],
      [2, 'Điêu Thị Hương', '09/09/1974', 'Chi bộ bản Nà Khi', '12/03/2007', 'HTXSNV'],
      // The next printed page: the header and the column numbers again.
      header,
      numbers,
      [3, 'Hà Đức Tuấn', '07/08/1962', 'Chi bộ bản Co Lóng', '14/09/1992', 'HTNV'],
      [4, 'Cà Thị Sinh', '13/10/1970', 'Chi bộ bản Co Lóng', '08/06/1989', 'HTTNV'],
    ]),
  );

  it('is not split at a group row that has the repeated header a few rows below it', () => {
    const grouped = read(
      sheet('Đảng viên', [
        header,
        ['I. Chi bộ bản Nà Khi'],
        [1, 'Lò Văn Pọm', '02/03/1980', 'Chi bộ bản Nà Khi', '11/10/2001', 'HTTNV'],
        [2, 'Điêu Thị Hương', '09/09/1974', 'Chi bộ bản Nà Khi', '12/03/2007', 'HTXSNV'],
        header,
        ['II. Chi bộ bản Co Lóng'],
        [3, 'Hà Đức Tuấn', '07/08/1962', 'Chi bộ bản Co Lóng', '14/09/1992', 'HTNV'],
      ]),
    );
    expect(grouped.tables.map((t) => [t.kind, rows1(t.dataRows), t.groupRows.length])).toEqual([
      ['members', [3, 4, 7], 2],
    ]);
    expect(grouped.period).toBeUndefined();
  });

  it('reads one table, skipping the repeated header rows, with no unreadable values', () => {
    expect(data.tables.map((t) => [t.kind, rows1(t.headerRows), t.columnNumberRow! + 1])).toEqual([
      ['members', [2], 3],
    ]);
    expect(rows1(data.tables[0]!.dataRows)).toEqual([4, 5, 8, 9]);
    expect(data.tables[0]!.groupRows).toEqual([]);
    expect(data.issues.filter((i) => i.ruleId === 'value.invalid')).toEqual([]);
  });
});

describe('a table away from A1', () => {
  const data = read(
    sheet(
      'ĐV',
      [
        [],
        [_, 'STT', 'Họ và tên', 'Chi bộ', 'Ngày vào Đảng', 'Xếp loại'],
        [_, 1, 'Nguyễn Văn An', 'Chi bộ bản Nà Vạc', '12/05/2010', 'HTTNV'],
        [_, 2, 'Lò Thị Bình', 'Chi bộ bản Pá', '03/02/2015', 'Hoàn thành xuất sắc nhiệm vụ'],
      ],
      [],
      { origin: { row: 4, col: 1 } },
    ),
  );
  const t = data.tables[0]!;

  it('uses sheet coordinates: origin plus leading blank rows and columns', () => {
    expect(t.kind).toBe('members');
    expect(rows1(t.headerRows)).toEqual([6]);
    expect(t.firstCol).toBe(2);
    expect(t.lastCol).toBe(6);
    expect(t.resultCol).toBe(7);
    expect(fieldCols(t)).toEqual({ order: 'C', fullName: 'D', cell: 'E', admissionDate: 'F', rating: 'G' });
    const [a, b] = recordsOf(data, t);
    expect(a!.row + 1).toBe(7);
    expect(a!.cells['fullName']!.address).toBe('D7');
    expect(a!.values['admissionDate']).toBe('2010-05-12');
    expect(b!.cells['rating']).toEqual({ address: 'G8', raw: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(b!.values['rating']).toBe('HTXSNV');
  });
});

describe('members sheet with a merged two-row header', () => {
  const data = read(
    sheet(
      'Danh sách ĐV',
      [
        ['DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN NÀ VẠC NĂM 2023'],
        [
          'STT',
          'Họ và tên',
          'Ngày sinh',
          'Chi bộ',
          'Ngày vào Đảng',
          _,
          'CT/DB',
          'Xếp loại',
          'Được phân công nhiệm vụ',
        ],
        [_, _, _, _, 'Kết nạp', 'Chính thức'],
        [1, 'Lường Văn Xuân', '15/03/1975', 'Nà Vạc', '20/10/2000', '20/10/2001', 'Chính thức', 'HTTNV', 'x'],
        [2, 'Lò Thị Mai', '31/02/1990', 'Nà Vạc', '05/06/2023', _, 'Dự bị', 'HTNV', 'x'],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:F2', 'G2:G3', 'H2:H3', 'I2:I3'],
    ),
  );
  const t = data.tables[0]!;

  it('maps the date pair under "Ngày vào Đảng" by its children', () => {
    expect(t.kind).toBe('members');
    expect(mapping(t)).toEqual([
      ['STT', 'order'],
      ['Họ và tên', 'fullName'],
      ['Ngày sinh', 'birthDate'],
      ['Chi bộ', 'cell'],
      ['Ngày vào Đảng / Kết nạp', 'admissionDate'],
      ['Ngày vào Đảng / Chính thức', 'officialDate'],
      ['CT/DB', 'status'],
      ['Xếp loại', 'rating'],
      ['Được phân công nhiệm vụ', 'taskAssigned'],
    ]);
  });

  it('reads members, and reports a bad birth date without quoting it', () => {
    const [a, b] = recordsOf(data, t);
    expect(a!.values).toMatchObject({
      fullName: 'Lường Văn Xuân',
      birthDate: '1975-03-15',
      admissionDate: '2000-10-20',
      officialDate: '2001-10-20',
      status: 'official',
      rating: 'HTTNV',
      taskAssigned: true,
    });
    expect(b!.values['birthDate']).toBeUndefined();
    expect(b!.values['status']).toBe('probationary');
    expect(data.issues).toHaveLength(1);
    const issue = data.issues[0]!;
    expect(issue).toMatchObject({
      ruleId: 'value.invalid',
      severity: 'error',
      sheet: 'Danh sách ĐV',
      cell: 'C5',
    });
    expect(issue.values).toEqual({ personal: true, field: 'birthDate' });
    expect(JSON.stringify(issue)).not.toContain('31/02/1990');
    expect(JSON.stringify(issue)).not.toContain('Lò Thị Mai');
    expect(issue.rowRef).toBe(b!.ref);
    expect(data.period).toEqual(yearPeriod(2023));
  });
});

describe('hamlets sheet with a total on top, a unit code and a merged "Dân số" parent', () => {
  const data = read(
    sheet(
      'Thôn bản',
      [
        ['ĐẢNG BỘ XÃ MƯỜNG LẠN', _, _, _, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
        ['Mã đơn vị: 14.05.07'],
        ['THỐNG KÊ THÔN, BẢN VÀ ĐẢNG VIÊN NĂM 2023'],
        ['TT', 'Tên thôn, bản', 'Dân số', _, 'Số đảng viên', 'Chi bộ độc lập', 'Trưởng bản là đảng viên'],
        [_, _, 'Số hộ', 'Số khẩu'],
        ['Toàn xã', _, '1.250', '5.432', 128, _, _],
        [1, 'Bản Mường Lạn', 420, '1.922', 60, 'x', 'x'],
        [2, 'Bản Nà Khi', 380, '1.610', 48, 'x', _],
        [3, 'Bản Huổi Khương', 450, '1.900', 20, _, 'x'],
      ],
      ['A1:C1', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:F5', 'G4:G5', 'A6:B6'],
    ),
  );
  const t = data.tables[0]!;

  it('maps households and population under "Dân số"', () => {
    expect(t.kind).toBe('hamlets');
    expect(mapping(t)).toEqual([
      ['TT', 'order'],
      ['Tên thôn, bản', 'name'],
      ['Dân số / Số hộ', 'households'],
      ['Dân số / Số khẩu', 'population'],
      ['Số đảng viên', 'members'],
      ['Chi bộ độc lập', 'hasIndependentCell'],
      ['Trưởng bản là đảng viên', 'hamletHeadIsMember'],
    ]);
  });

  it('reads a grand total written above the rows it covers', () => {
    expect(rows1(t.dataRows)).toEqual([7, 8, 9]);
    expect(t.totalRows).toHaveLength(1);
    const total = t.totalRows[0]!;
    expect([total.row + 1, total.label, rows1(total.coversRows)]).toEqual([6, 'Toàn xã', [7, 8, 9]]);
    expect(total.values).toEqual({ households: 1250, population: 5432, members: 128 });
    const recs = recordsOf(data, t);
    expect(recs.reduce((s, r) => s + (r.values['population'] as number), 0)).toBe(total.values['population']);
    expect(recs[2]!.values['hasIndependentCell']).toBeUndefined();
    expect(recs[2]!.cells['hasIndependentCell']!.address).toBe('F9');
  });

  it('reads the unit with its code', () => {
    expect(data.unit).toEqual({ name: 'ĐẢNG BỘ XÃ MƯỜNG LẠN', level: 'commune', code: '14.05.07' });
    expect(data.period).toEqual(yearPeriod(2023));
  });
});

describe('totals written "Cộng khối …" and "Cộng toàn …"', () => {
  const data = read(
    sheet('Tổng hợp TCCSĐ', [
      ['STT', 'Tên tổ chức cơ sở đảng', 'Tổng số đảng viên'],
      ['A', 'Khối xã, thị trấn'],
      [1, 'Đảng bộ xã Nậm Lạnh', 320],
      [2, 'Đảng bộ xã Mường Lèo', 280],
      [_, 'Cộng khối xã, thị trấn', 600],
      ['B', 'Khối cơ quan'],
      [3, 'Chi bộ Công an huyện', 40],
      [_, 'Cộng khối cơ quan', 40],
      [_, 'Cộng toàn huyện', 640],
    ]),
  );

  it('closes each group at its "Cộng khối …" row and totals the table at "Cộng toàn …"', () => {
    const t = data.tables[0]!;
    expect(rows1(t.dataRows)).toEqual([3, 4, 7]);
    expect(t.totalRows.map((x) => [x.row + 1, x.label, rows1(x.coversRows)])).toEqual([
      [5, 'Cộng khối xã, thị trấn', [3, 4]],
      [8, 'Cộng khối cơ quan', [7]],
      [9, 'Cộng toàn huyện', [3, 4, 7]],
    ]);
  });
});

describe('organizations table for a term', () => {
  const data = read(
    sheet('Tổng hợp TCCSĐ', [
      ['HUYỆN ỦY SỐP CỘP', _, _, _, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['TỔNG HỢP TỔ CHỨC CƠ SỞ ĐẢNG NHIỆM KỲ 2020 - 2025'],
      [
        'STT',
        'Đảng bộ xã',
        'Số chi bộ trực thuộc',
        'Tổng số đảng viên',
        'Kết nạp',
        'Bí thư không là người địa phương',
        'Xếp loại',
      ],
      [1, 'Đảng bộ xã Nậm Lạnh', 14, 320, 25, 'x', 'HTTNV'],
      [2, 'Đảng bộ xã Mường Lèo', 12, 280, 18, _, 'HTXSNV'],
      ['Toàn huyện', _, 26, 600, 43, _, _],
    ]),
  );
  const t = data.tables[0]!;

  it('maps organization columns and totals', () => {
    expect(t.kind).toBe('organizations');
    expect(fieldCols(t)).toEqual({
      order: 'A',
      name: 'B',
      cells: 'C',
      membersTotal: 'D',
      admitted: 'E',
      secretaryNotLocal: 'F',
      proposedRating: 'G',
    });
    expect(rows1(t.dataRows)).toEqual([4, 5]);
    expect(t.totalRows.map((x) => [x.row + 1, x.label, rows1(x.coversRows), x.values])).toEqual([
      [6, 'Toàn huyện', [4, 5], { cells: 26, membersTotal: 600, admitted: 43 }],
    ]);
    expect(recordsOf(data, t)[1]!.values).toMatchObject({
      name: 'Đảng bộ xã Mường Lèo',
      proposedRating: 'HTXSNV',
    });
    expect(recordsOf(data, t)[0]!.values['secretaryNotLocal']).toBe(true);
  });

  it('reads a term period written with spaces around the dash, and the district', () => {
    expect(data.period).toEqual(termPeriod(2020, 2025));
    expect(data.unit).toEqual({ name: 'HUYỆN ỦY SỐP CỘP', level: 'district' });
  });
});

describe('targets, units and justification sheets', () => {
  const data = read(
    sheet('Chỉ tiêu', [
      ['CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020-2025'],
      ['Chỉ tiêu', 'So sánh', 'Giá trị', 'Phạm vi', 'Thời hạn', 'Căn cứ'],
      ['Tỷ lệ đảng viên HTT trở lên', '>=', '85%', 'Toàn huyện', 'Hằng năm', 'Nghị quyết 02-NQ/TU'],
      ['Số đảng viên kết nạp', '>=', 600, 'Toàn huyện', '2020-2025', 'Nghị quyết Đại hội'],
    ]),
    sheet('Đơn vị', [
      ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Cấp'],
      ['14', 'Đảng bộ tỉnh Sơn La', _, 'Tỉnh'],
      ['14.05', 'Đảng bộ huyện Sốp Cộp', '14', 'Huyện'],
      ['14.05.07', 'Đảng bộ xã Mường Lạn', '14.05', 'Xã'],
    ]),
    sheet('Giải trình', [
      ['Mã quy tắc', 'Trang tính', 'Ô', 'Nội dung giải trình'],
      ['cell.meetings.regular', 'Chi bộ', 'F11', 'Chi bộ bản Pá mới thành lập tháng 4'],
      ['cell.few.members', 'Chi bộ', 'C14', 'Đang làm thủ tục ghép chi bộ'],
    ]),
  );
  const [targets, units, just] = data.tables;

  it('recognizes a targets sheet', () => {
    expect(targets!.kind).toBe('targets');
    expect(fieldCols(targets!)).toEqual({
      measure: 'A',
      comparator: 'B',
      value: 'C',
      scope: 'D',
      period: 'E',
      basis: 'F',
    });
    expect(recordsOf(data, targets!).map((r) => [r.values['measure'], r.values['value']])).toEqual([
      ['Tỷ lệ đảng viên HTT trở lên', 0.85],
      ['Số đảng viên kết nạp', 600],
    ]);
    expect(data.period).toEqual(termPeriod(2020, 2025));
  });

  it('recognizes a unit list, keeping codes as text', () => {
    expect(units!.kind).toBe('units');
    expect(fieldCols(units!)).toEqual({ code: 'A', name: 'B', parentCode: 'C', level: 'D' });
    expect(recordsOf(data, units!).map((r) => [r.values['code'], r.values['parentCode'] ?? null])).toEqual([
      ['14', null],
      ['14.05', '14'],
      ['14.05.07', '14.05'],
    ]);
  });

  it('recognizes a justification sheet', () => {
    expect(just!.kind).toBe('justifications');
    expect(fieldCols(just!)).toEqual({ ruleId: 'A', sheet: 'B', cell: 'C', text: 'D' });
    expect(recordsOf(data, just!)[1]!.values).toEqual({
      ruleId: 'cell.few.members',
      sheet: 'Chi bộ',
      cell: 'C14',
      text: 'Đang làm thủ tục ghép chi bộ',
    });
    expect(data.issues).toEqual([]);
  });
});

describe('letter groups over Roman-numeral groups', () => {
  const data = read(
    sheet('Chi bộ', [
      ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Số kỳ sinh hoạt thường kỳ'],
      ['A.', 'Khối nông thôn'],
      ['I', 'Xã Nậm Lạnh'],
      [1, 'Chi bộ bản Nà Vạc', 12, 12],
      [2, 'Chi bộ bản Pá', 8, 10],
      ['Cộng I', _, 20, 22],
      ['II', 'Xã Mường Lèo'],
      [3, 'Chi bộ bản Huổi Lạ', 9, 11],
      ['B.', 'Khối cơ quan'],
      [4, 'Chi bộ Trường Mầm non', 7, 12],
      ['Tổng cộng', _, 36, 45],
    ]),
  );
  const t = data.tables[0]!;

  it('nests groups by numbering style', () => {
    expect(t.groupRows.map((g) => [g.row + 1, g.label, g.level])).toEqual([
      [2, 'Khối nông thôn', 1],
      [3, 'Xã Nậm Lạnh', 2],
      [7, 'Xã Mường Lèo', 2],
      [9, 'Khối cơ quan', 1],
    ]);
    expect(recordsOf(data, t).map((r) => [r.row + 1, r.groups])).toEqual([
      [4, ['Khối nông thôn', 'Xã Nậm Lạnh']],
      [5, ['Khối nông thôn', 'Xã Nậm Lạnh']],
      [8, ['Khối nông thôn', 'Xã Mường Lèo']],
      [10, ['Khối cơ quan']],
    ]);
  });

  it('a numbered group total covers its group, the grand total everything', () => {
    expect(
      t.totalRows.map((x) => [x.row + 1, x.label, rows1(x.coversRows), x.values['membersTotal']]),
    ).toEqual([
      [6, 'Cộng I', [4, 5], 20],
      [11, 'Tổng cộng', [4, 5, 8, 10], 36],
    ]);
  });
});
