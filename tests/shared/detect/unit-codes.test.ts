import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../../shared/src/grid.ts';
import { readWorkbook } from '../../../shared/src/detect/index.ts';

/** Unit codes are often letters, and "MC", "ML", "CD" or "X" are Roman numerals too. */
describe('a unit list whose codes read as Roman numerals', () => {
  const grid: WorkbookGrid = {
    name: 'don-vi.xlsx',
    sheets: [
      {
        name: 'Đơn vị',
        rows: [
          ['DANH SÁCH ĐƠN VỊ'],
          ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Cấp'],
          ['SL', 'Đảng bộ tỉnh Sơn La', null, 'Tỉnh'],
          ['MC', 'Đảng bộ huyện Mộc Châu', 'SL', 'Huyện'],
          ['ML', 'Đảng bộ xã Mường Lèo', 'MC', 'Xã'],
          ['CD', 'Đảng bộ xã Chiềng Đông', 'MC', 'Xã'],
          ['X', 'Đảng bộ xã Xuân Nha', 'MC', 'Xã'],
        ],
      },
    ],
  };

  it('reads every row as a unit, none as a group row', () => {
    const data = readWorkbook(grid);
    expect(data.tables).toHaveLength(1);
    expect(data.tables[0]!.kind).toBe('units');
    expect(data.tables[0]!.groupRows).toEqual([]);
    expect(data.records.map((r) => r.values['code'])).toEqual(['SL', 'MC', 'ML', 'CD', 'X']);
    expect(data.records[2]!.cells['parentCode']!.address).toBe('C5');
  });

  it('still reads Roman numerals in an STT column as group rows', () => {
    const withOrder: WorkbookGrid = {
      name: 'chi-bo.xlsx',
      sheets: [
        {
          name: 'Chi bộ',
          rows: [
            ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
            ['I', 'Đảng bộ xã Mường Lèo', null],
            [1, 'Chi bộ bản Nặm Khún', 12],
            ['II', 'Đảng bộ xã Nậm Lạnh', null],
            [1, 'Chi bộ bản Hua Lạnh', 9],
          ],
        },
      ],
    };
    const data = readWorkbook(withOrder);
    expect(data.tables[0]!.groupRows.map((g) => g.label)).toEqual([
      'Đảng bộ xã Mường Lèo',
      'Đảng bộ xã Nậm Lạnh',
    ]);
    expect(data.records.map((r) => r.groups)).toEqual([['Đảng bộ xã Mường Lèo'], ['Đảng bộ xã Nậm Lạnh']]);
  });
});
