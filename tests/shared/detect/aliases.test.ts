/** Header words, alias matching, and reading periods and units from title lines. */
import { describe, expect, it } from 'vitest';
import { FIELDS, TABLE_KINDS } from '../../../shared/src/fields.ts';
import { ALIASES } from '../../../shared/src/detect/aliases.ts';
import { headerWords, levelWords } from '../../../shared/src/detect/header-words.ts';
import {
  aliasFieldsUnknown,
  headerColumn,
  mapColumns,
  matchColumn,
  matchWords,
  MIN_CONFIDENCE,
} from '../../../shared/src/detect/match.ts';
import { parsePeriod } from '../../../shared/src/detect/header-block.ts';
import {
  halfPeriod,
  monthPeriod,
  quarterPeriod,
  termPeriod,
  yearPeriod,
} from '../../../shared/src/period.ts';
import { _, read, sheet } from './helpers.ts';

describe('aliases', () => {
  it('name only fields of their kind', () => {
    expect(aliasFieldsUnknown()).toEqual([]);
  });

  it('cover every required field of every kind', () => {
    for (const kind of TABLE_KINDS)
      for (const d of FIELDS[kind].filter((f) => f.required))
        expect(ALIASES[kind][d.id], `${kind}.${d.id}`).toBeDefined();
  });

  it('each match their own field exactly', () => {
    for (const kind of TABLE_KINDS)
      for (const [field, list] of Object.entries(ALIASES[kind]))
        for (const spec of list) {
          const text = spec.replace(/^[=~]+/, '');
          const best = matchWords(headerWords(text.split('/')), kind).sort(
            (a, b) => b.confidence - a.confidence,
          )[0];
          expect(best?.field, `${kind}: ${spec}`).toBe(field);
        }
  });
});

describe('header words', () => {
  it.each([
    ['Số  Đảng viên (ĐV)', ['dang', 'vien', 'dang', 'vien']],
    ['SỐ LƯỢNG', ['so']],
    ['SL chi ủy viên', ['chi', 'uy', 'vien']],
    ['H T X S N V', ['htxsnv']],
    ['Hoàn thành xuất sắc nhiệm vụ', ['htxsnv']],
    ['Không hoàn thành NV', ['khtnv']],
    ['Trong đó', []],
    ['Dân số (người)', ['dan', 'so']],
    ['Số đảng viên (đồng chí)', ['dang', 'vien']],
    ['Chủ tịch Ủy ban nhân dân', ['chu', 'tich', 'ubnd']],
  ])('%s → %j', (text, words) => {
    expect(levelWords(text)).toEqual(words);
  });

  it('joins levels, each word once', () => {
    expect(headerWords(['Số ĐV', 'Trong đó', 'CT'])).toEqual(['dang', 'vien', 'chinh', 'thuc']);
  });
});

describe('matching joined headers', () => {
  const best = (levels: string[], kind: (typeof TABLE_KINDS)[number]) =>
    matchWords(headerWords(levels), kind).sort((a, b) => b.confidence - a.confidence)[0];

  it.each([
    [['Số đảng viên', 'Tổng số'], 'partyCells', 'membersTotal', 1],
    [['Số đảng viên', 'Chính thức'], 'partyCells', 'membersOfficial', 1],
    [['SỐ ĐV', 'DB'], 'partyCells', 'membersProbationary', 1],
    [['Sinh hoạt chi bộ', 'Thường kỳ'], 'partyCells', 'meetingsRegular', 1],
    [['Sinh hoạt chi bộ', 'Chuyên đề'], 'partyCells', 'meetingsThematic', 1],
    [['Số ĐV xếp loại', 'HTXSNV'], 'organizations', 'membersExcellent', 1],
    [['Chi ủy', 'Số lượng'], 'partyCells', 'committeeSize', 1],
    [['Đảngviên chínhthức'], 'partyCells', 'membersOfficial', 1],
    [['Tên thôn, bản, tiểu khu'], 'hamlets', 'name', 0.88],
    [['Số kỳ sinh hoạt (kỳ)'], 'partyCells', 'meetingsRegular', 0.85],
    [['Số lần sinh hoạt'], 'partyCells', 'meetingsRegular', 0.85],
    [['Số kỳ sinh hoạt', 'Chuyên đề'], 'partyCells', 'meetingsThematic', 1],
  ] as const)('%j in %s → %s', (levels, kind, field, conf) => {
    const b = best([...levels], kind);
    expect(b?.field).toBe(field);
    expect(b!.confidence).toBeCloseTo(conf, 2);
  });

  it('leaves ambiguous or unknown headers unmapped', () => {
    expect(best(['Tổng số'], 'partyCells')).toBeUndefined();
    expect(best(['Chính thức'], 'partyCells')).toBeUndefined();
    expect(best(['Ghi chú'], 'partyCells')).toBeUndefined();
    expect(best(['Số điện thoại'], 'members')).toBeUndefined();
  });

  it('reads "Chính thức", "Dự bị" (or "CT", "DB") right of the members’ total, and only there', () => {
    const fieldsOf = (headers: string[], first = 2) =>
      mapColumns(
        headers.map((h, i) => headerColumn(first + i, [h])),
        'partyCells',
      ).map((m) => [m.header, m.field ?? null, m.confidence]);
    expect(fieldsOf(['Tên chi bộ', 'Tổng số đảng viên', 'Chính thức', 'Dự bị'])).toEqual([
      ['Tên chi bộ', 'name', 1],
      ['Tổng số đảng viên', 'membersTotal', 1],
      ['Chính thức', 'membersOfficial', 0.9],
      ['Dự bị', 'membersProbationary', 0.9],
    ]);
    expect(fieldsOf(['Tổng số ĐV', 'CT', 'DB']).map((m) => m[1])).toEqual([
      'membersTotal',
      'membersOfficial',
      'membersProbationary',
    ]);
    expect(fieldsOf(['Tổng số đảng viên', 'Dự bị']).map((m) => m[1])).toEqual([
      'membersTotal',
      'membersProbationary',
    ]);
    // Not beside the total: a column between, or no total at all.
    expect(fieldsOf(['Tổng số đảng viên', 'Ghi chú', 'Chính thức']).map((m) => m[1])).toEqual([
      'membersTotal',
      null,
      null,
    ]);
    expect(fieldsOf(['Tên chi bộ', 'Chính thức', 'Dự bị']).map((m) => m[1])).toEqual(['name', null, null]);
    // Columns are adjacent in the sheet, not only in the list.
    const apart = mapColumns(
      [headerColumn(2, ['Tổng số đảng viên']), headerColumn(4, ['Chính thức'])],
      'partyCells',
    );
    expect(apart.map((m) => m.field ?? null)).toEqual(['membersTotal', null]);
  });

  it('of columns comparing years, reads the report’s year, else the latest', () => {
    const headers = [
      ['Tên chi bộ'],
      ['Kết nạp đảng viên', 'Năm 2021'],
      ['Kết nạp đảng viên', 'Năm 2022'],
      ['Kết nạp đảng viên', 'Năm 2023'],
    ];
    const admitted = (year?: number) =>
      mapColumns(
        headers.map((h, i) => headerColumn(i, h)),
        'partyCells',
        year,
      ).flatMap((m) => (m.field === 'admitted' ? [m.header] : []));
    expect(admitted(2022)).toEqual(['Kết nạp đảng viên / Năm 2022']);
    expect(admitted(2023)).toEqual(['Kết nạp đảng viên / Năm 2023']);
    expect(admitted()).toEqual(['Kết nạp đảng viên / Năm 2023']);
    expect(admitted(2019)).toEqual(['Kết nạp đảng viên / Năm 2023']);
  });

  it('reads a rating under a parent as members’ ratings only when the parent says so', () => {
    const fields = (levels: string[], kind: 'organizations' | 'partyCells' = 'organizations') =>
      matchColumn(headerColumn(0, levels), kind).map((c) => c.field);
    // Under a bare "Xếp loại" the column may count organizations or mark the row's own rating.
    expect(fields(['Xếp loại', 'HTTNV'])).toEqual([]);
    expect(fields(['Kết quả xếp loại', 'Hoàn thành tốt nhiệm vụ'])).toEqual([]);
    expect(fields(['Xếp loại đảng viên', 'HTTNV'])).toEqual(['membersGood']);
    expect(fields(['Số ĐV xếp loại', 'HTTNV'])).toEqual(['membersGood']);
    expect(fields(['HTTNV'], 'partyCells')).toEqual(['membersGood']);
    expect(fields(['Xếp loại'])).toContain('proposedRating');
  });

  it('never reads a header that counts ("Tổng số …", "Số lượng …") as a name or a code', () => {
    const fields = (header: string) =>
      matchColumn(headerColumn(0, [header]), 'organizations').map((c) => c.field);
    expect(fields('Tổng số TCCSĐ')).not.toContain('name');
    expect(fields('Số lượng tổ chức cơ sở đảng')).not.toContain('name');
    expect(fields('Tên tổ chức cơ sở đảng')).toContain('name');
  });

  it('matches inner levels under a broad parent, trusting them a little less', () => {
    const column = headerColumn(0, ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Được giao']);
    const best = matchColumn(column, 'partyCells').sort((a, b) => b.confidence - a.confidence)[0]!;
    expect(best.field).toBe('tasksTotal');
    expect(best.confidence).toBeCloseTo(0.95, 2);
    const whole = matchWords(column.words, 'partyCells').find((c) => c.field === 'tasksTotal')!;
    expect(whole.confidence).toBeLessThan(best.confidence);
  });

  it('scores partial matches below 1 and above the threshold', () => {
    const b = best(['Số đảng viên được kết nạp trong năm'], 'partyCells')!;
    expect(b.field).toBe('admitted');
    expect(b.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(b.confidence).toBeLessThan(1);
  });
});

describe('periods in titles', () => {
  it.each([
    ['BIỂU TỔNG HỢP CHI BỘ NĂM 2023', yearPeriod(2023)],
    ['BÁO CÁO QUÝ I NĂM 2024', quarterPeriod(2024, 1)],
    ['Quý IV/2023', quarterPeriod(2023, 4)],
    ['SỐ LIỆU 6 THÁNG ĐẦU NĂM 2024', halfPeriod(2024, 1)],
    ['6 tháng cuối năm 2023', halfPeriod(2023, 2)],
    ['THÁNG 3 NĂM 2024', monthPeriod(2024, 3)],
    ['NHIỆM KỲ 2015-2020', termPeriod(2015, 2020)],
    ['NHIỆM KỲ 2015 - 2020', termPeriod(2015, 2020)],
    ['nhiem ky 2020–2025', termPeriod(2020, 2025)],
  ])('%s', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it('does not read a period from text without one', () => {
    expect(parsePeriod('DANH SÁCH CHI BỘ')).toBeUndefined();
    expect(parsePeriod('BIỂU SỐ 2')).toBeUndefined();
  });
});

describe('units in the header block', () => {
  const unitOf = (lines: string[]) =>
    read(
      sheet('Chi bộ', [
        ...lines.map((l) => [l, _, _, 'ĐẢNG CỘNG SẢN VIỆT NAM']),
        ['Nậm Lạnh, ngày 15 tháng 12 năm 2023'],
        ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
        [1, 'Chi bộ bản Nà Vạc', 12],
      ]),
    ).unit;

  it.each([
    [['ĐẢNG BỘ XÃ NẬM LẠNH'], { name: 'ĐẢNG BỘ XÃ NẬM LẠNH', level: 'commune' }],
    [['HUYỆN ỦY SỐP CỘP', 'ĐẢNG ỦY XÃ NẬM LẠNH'], { name: 'ĐẢNG ỦY XÃ NẬM LẠNH', level: 'commune' }],
    [['ĐẢNG BỘ TỈNH SƠN LA', 'HUYỆN ỦY SỐP CỘP'], { name: 'HUYỆN ỦY SỐP CỘP', level: 'district' }],
    [['TỈNH ỦY SƠN LA'], { name: 'TỈNH ỦY SƠN LA', level: 'province' }],
    [['ĐẢNG BỘ XÃ NẬM LẠNH', 'CHI BỘ BẢN NÀ VẠC'], { name: 'CHI BỘ BẢN NÀ VẠC', level: 'grassroots' }],
    [['Đảng ủy phường Chiềng Lề'], { name: 'Đảng ủy phường Chiềng Lề', level: 'commune' }],
  ])('%j', (lines, unit) => {
    expect(unitOf(lines)).toEqual(unit);
  });

  it('does not take "ĐẢNG CỘNG SẢN VIỆT NAM" or a date line for a unit', () => {
    expect(unitOf([])).toBeUndefined();
  });
});
