import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../shared/src/detect/index.ts';
import type { WorkbookGrid } from '../../../shared/src/grid.ts';
import { yearPeriod } from '../../../shared/src/period.ts';
import { emptyCounts, type UnitRef, type UnitSummary } from '../../../shared/src/summary.ts';
import {
  UNIT_LIST_RULES,
  expectedChildren,
  findPrevious,
  findUnit,
  sameUnit,
  unitKey,
  unitListIssues,
  unitRowsFromRecords,
  unitsFromRecords,
} from '../../../shared/src/units.ts';

describe('unitKey', () => {
  it('gives the same key to every way of writing a commune committee', () => {
    const key = unitKey('Đảng bộ xã Nậm Lạnh');
    expect(key).toBe('xa nam lanh');
    for (const name of [
      'ĐẢNG ỦY XÃ NẬM LẠNH',
      'Đảng ủy xã Nậm Lạnh',
      'Đảng uỷ xã Nậm Lạnh',
      'ĐU xã Nậm Lạnh',
      'ĐB xã Nậm Lạnh',
      'Xã Nậm Lạnh',
      'xa nam lanh',
      '  Đảng bộ  xã Nậm  Lạnh ',
      'Ban Chấp hành Đảng bộ xã Nậm Lạnh',
      'Ban Thường vụ Đảng ủy xã Nậm Lạnh',
      'BTV Đảng ủy xã Nậm Lạnh',
      'T/M ĐẢNG ỦY XÃ NẬM LẠNH',
      'Đảng bộ cơ sở xã Nậm Lạnh',
    ]) {
      expect(unitKey(name), name).toBe(key);
    }
  });

  it('keeps the level word: a commune, a hamlet and a ward of the same name differ', () => {
    expect(unitKey('Chi bộ bản Nậm Lạnh')).toBe('ban nam lanh');
    expect(unitKey('Bản Nậm Lạnh')).toBe('ban nam lanh');
    expect(unitKey('Đảng bộ phường Nậm Lạnh')).toBe('phuong nam lanh');
    expect(unitKey('Chi bộ thôn Nậm Lạnh')).toBe('thon nam lanh');
    const keys = new Set(['xã Nậm Lạnh', 'bản Nậm Lạnh', 'phường Nậm Lạnh', 'thôn Nậm Lạnh'].map(unitKey));
    expect(keys.size).toBe(4);
  });

  it('reads the level of a committee named by its level: Huyện ủy, Tỉnh ủy, Thành ủy, Thị ủy', () => {
    expect(unitKey('Huyện ủy Sốp Cộp')).toBe('huyen sop cop');
    expect(unitKey('Đảng bộ huyện Sốp Cộp')).toBe('huyen sop cop');
    expect(unitKey('BTV Huyện ủy Sốp Cộp')).toBe('huyen sop cop');
    expect(unitKey('Tỉnh ủy Sơn La')).toBe(unitKey('Đảng bộ tỉnh Sơn La'));
    expect(unitKey('Thành ủy Sơn La')).toBe(unitKey('Đảng bộ thành phố Sơn La'));
    expect(unitKey('Thành ủy thành phố Sơn La')).toBe('thanh pho son la');
    expect(unitKey('Thị ủy Mộc Châu')).toBe(unitKey('Thị xã Mộc Châu'));
    expect(unitKey('TP. Sơn La')).toBe('thanh pho son la');
    expect(unitKey('Đảng bộ thị trấn Sốp Cộp')).toBe(unitKey('TT Sốp Cộp'));
    // A district is not the commune of the same name.
    expect(unitKey('Huyện ủy Sốp Cộp')).not.toBe(unitKey('Đảng ủy xã Sốp Cộp'));
  });

  it('does not take a place name for an abbreviation, nor empty a name that is only party words', () => {
    expect(unitKey('Chi bộ Du Già')).toBe('du gia');
    expect(unitKey('Chi bộ Trường Tiểu học Nậm Lạnh')).toBe('truong tieu hoc nam lanh');
    expect(unitKey('Đảng ủy')).toBe('dang uy');
    expect(unitKey('')).toBe('');
  });
});

describe('sameUnit', () => {
  it('matches by code when both have one, else by unitKey', () => {
    expect(sameUnit({ name: 'ĐẢNG ỦY XÃ NẬM LẠNH' }, { name: 'Đảng bộ xã Nậm Lạnh', code: 'SC01' })).toBe(
      true,
    );
    expect(sameUnit({ name: 'Xã Nậm Lạnh' }, { name: 'Bản Nậm Lạnh' })).toBe(false);
    expect(sameUnit({ name: 'A', code: ' sc01' }, { name: 'B', code: 'SC01' })).toBe(true);
    // Both coded: the codes decide, even when the names agree.
    expect(sameUnit({ name: 'Xã Nậm Lạnh', code: 'SC01' }, { name: 'Xã Nậm Lạnh', code: 'SC02' })).toBe(
      false,
    );
    // A blank code is no code.
    expect(sameUnit({ name: 'Xã Nậm Lạnh', code: ' ' }, { name: 'ĐU xã Nậm Lạnh', code: 'SC01' })).toBe(true);
  });
});

/** The district's unit list as the sample has it: header block, title, a header row, rows. */
function unitListGrid(rows: (string | number | null)[][]): WorkbookGrid {
  return {
    name: 'don-vi.xlsx',
    sheets: [
      {
        name: 'Đơn vị',
        rows: [
          ['ĐẢNG BỘ TỈNH SƠN LA', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
          ['ĐẢNG BỘ HUYỆN SỐP CỘP'],
          [],
          ['DANH SÁCH ĐƠN VỊ BÁO CÁO'],
          [],
          ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Cấp'],
          ...rows,
        ],
      },
    ],
  };
}

const DISTRICT_ROWS: (string | number | null)[][] = [
  [1, 'SC', 'Đảng bộ huyện Sốp Cộp', 'SL', 'Huyện'],
  [2, 'SC01', 'Đảng bộ xã Nậm Lạnh', 'SC', 'Xã'],
  [3, 'SC02', 'Đảng bộ xã Mường Lèo', 'SC', 'Xã'],
  [4, 'SC03', 'Đảng bộ xã Mường Và', 'SC', 'Xã'],
  [5, 'SC0101', 'Chi bộ bản Nà Mò', 'SC01', 'Chi bộ'],
];

describe('unit lists', () => {
  const data = readWorkbook(unitListGrid(DISTRICT_ROWS));
  const units = unitsFromRecords(data);

  it('reads code, name, parent code and level from the list', () => {
    expect(units).toHaveLength(5);
    expect(units[1]).toEqual({ code: 'SC01', name: 'Đảng bộ xã Nậm Lạnh', parentCode: 'SC', level: 'Xã' });
    expect(units.map((u) => u.code)).toEqual(['SC', 'SC01', 'SC02', 'SC03', 'SC0101']);
  });

  it("gives a parent's direct children, the parent named as a header block or a letter would", () => {
    const district = expectedChildren(units, { name: 'Huyện ủy Sốp Cộp' });
    expect(district.map((u) => u.code)).toEqual(['SC01', 'SC02', 'SC03']);
    const commune = expectedChildren(units, { name: 'ĐẢNG ỦY XÃ NẬM LẠNH' });
    expect(commune.map((u) => u.name)).toEqual(['Chi bộ bản Nà Mò']);
    expect(expectedChildren(units, { name: 'x', code: 'SC02' })).toEqual([]);
    expect(findUnit(units, { name: 'ĐU xã Mường Và' })?.code).toBe('SC03');
  });

  it('without a known parent, expects the leaves: units no other unit names as parent', () => {
    const leaves = expectedChildren(units).map((u) => u.code);
    expect(leaves).toEqual(['SC02', 'SC03', 'SC0101']);
    expect(expectedChildren(units, { name: 'Đảng bộ tỉnh Lai Châu' }).map((u) => u.code)).toEqual(leaves);
  });

  it('a clean list raises nothing; the top naming its own superior is not flagged', () => {
    expect(unitListIssues(data)).toEqual([]);
  });

  it('flags a code used twice and a mistyped parent code, at their cells', () => {
    const bad = readWorkbook(
      unitListGrid([
        ...DISTRICT_ROWS.slice(0, 4),
        [5, 'SC02', 'Đảng bộ xã Sốp Cộp', 'SC', 'Xã'],
        [6, 'SC06', 'Đảng bộ xã Púng Bánh', 'SCO', 'Xã'],
      ]),
    );
    const issues = unitListIssues(bad);
    const dup = issues.find((i) => i.ruleId === UNIT_LIST_RULES.duplicateCode)!;
    expect(dup).toMatchObject({ severity: 'error', sheet: 'Đơn vị', cell: 'B11' });
    expect(dup.message.vi).toContain(
      'Mã đơn vị SC02 của "Đảng bộ xã Sốp Cộp" đã dùng cho "Đảng bộ xã Mường Lèo" (ô B9)',
    );
    expect(dup.message.en).toContain('already used by');
    const parent = issues.find((i) => i.ruleId === UNIT_LIST_RULES.unknownParent)!;
    expect(parent).toMatchObject({ severity: 'warning', sheet: 'Đơn vị', cell: 'D12' });
    expect(parent.message.vi).toBe('"Đảng bộ xã Púng Bánh": mã đơn vị cấp trên SCO không có trong danh sách');
    expect(issues).toHaveLength(2);
  });

  it('keeps every row of the list as read, a row without a name or code included', () => {
    const partial = readWorkbook(
      unitListGrid([
        [1, 'SC01', 'Đảng bộ xã Nậm Lạnh', 'SC', 'Xã'],
        [2, 'SC02', null, 'SC', null],
        [3, null, '  Đảng bộ xã Mường Và ', null, 'Xã'],
      ]),
    );
    expect(unitRowsFromRecords(partial)).toEqual([
      { name: 'Đảng bộ xã Nậm Lạnh', code: 'SC01', parentCode: 'SC', level: 'Xã' },
      { code: 'SC02', parentCode: 'SC' },
      { name: 'Đảng bộ xã Mường Và', level: 'Xã' },
    ]);
    // A unit is a row that names one.
    expect(unitsFromRecords(partial).map((u) => u.name)).toEqual([
      'Đảng bộ xã Nậm Lạnh',
      'Đảng bộ xã Mường Và',
    ]);
  });

  it('a flat list of communes under a parent outside it raises nothing', () => {
    const flat = readWorkbook(
      unitListGrid([
        [1, '01', 'Đảng bộ xã Nậm Lạnh', 'SC', 'Xã'],
        [2, '02', 'Đảng bộ xã Mường Lèo', 'SC', 'Xã'],
      ]),
    );
    expect(unitsFromRecords(flat).map((u) => u.code)).toEqual(['01', '02']);
    expect(unitListIssues(flat)).toEqual([]);
  });
});

describe('findPrevious', () => {
  const summary = (unit: UnitRef): UnitSummary => ({
    unit,
    period: yearPeriod(2022),
    counts: emptyCounts(),
    targetsMissed: [],
    openErrors: 0,
    openWarnings: 0,
    unitsIncluded: 1,
    rulebookVersion: 'test',
  });
  const namLanh = summary({ name: 'ĐẢNG ỦY XÃ NẬM LẠNH' });
  const banNamLanh = summary({ name: 'Chi bộ bản Nậm Lạnh' });
  const muongLeo = summary({ name: 'Đảng bộ xã Mường Lèo', code: 'SC02' });

  it("finds last period's summary of the same unit, by code first, then by name", () => {
    const all = [banNamLanh, namLanh, muongLeo];
    expect(findPrevious(all, { name: 'Đảng bộ xã Nậm Lạnh' })).toBe(namLanh);
    expect(findPrevious(all, { name: 'Bản Nậm Lạnh' })).toBe(banNamLanh);
    expect(findPrevious(all, { name: 'Tên khác', code: 'sc02' })).toBe(muongLeo);
    expect(findPrevious(all, { name: 'Xã Mường Lèo', code: 'SC09' })).toBeUndefined();
  });

  it('takes the only summary given; finds nothing for an unknown or absent unit', () => {
    expect(findPrevious([muongLeo], { name: 'Xã Nậm Lạnh' })).toBe(muongLeo);
    expect(findPrevious([namLanh, muongLeo], { name: 'Xã Púng Bánh' })).toBeUndefined();
    expect(findPrevious([namLanh, muongLeo], undefined)).toBeUndefined();
    expect(findPrevious([], { name: 'Xã Nậm Lạnh' })).toBeUndefined();
  });
});
