/** Several communes of one district, and the district's unit list (cây đơn vị). */
import type { WorkbookGrid } from '../grid.ts';
import { communeSample, type CommuneSample } from './commune.ts';
import { draft, drawHeaderBlock, drawTitle, finish } from './layout.ts';
import { COMMUNE_NAMES, HAMLET_NAMES } from './names.ts';
import { seededRandom } from './random.ts';
import { drawTable } from './table.ts';

export interface DistrictUnit {
  code: string;
  name: string;
  parentCode?: string;
  level: string;
}

export interface DistrictSamples {
  district: string;
  communes: CommuneSample[];
  units: DistrictUnit[];
  /** The unit list as a workbook: sheet "Đơn vị" with code, name, parent code and level. */
  unitList: WorkbookGrid;
}

/**
 * n commune workbooks of Sốp Cộp district (n ≤ 24), each with its own name, code and hamlets;
 * every third commune is clean, the others carry the seeded errors of communeSample.
 */
export function districtWorkbooks(n: number, district = 'Sốp Cộp', year = 2023): DistrictSamples {
  const count = Math.max(1, Math.min(n, COMMUNE_NAMES.length));
  const districtCode = 'SC';
  const pool = HAMLET_NAMES.filter((h) => h !== 'Hua Lạnh');
  const communes: CommuneSample[] = [];
  const units: DistrictUnit[] = [
    { code: districtCode, name: `Đảng bộ huyện ${district}`, parentCode: 'SL', level: 'Huyện' },
  ];
  for (let i = 0; i < count; i++) {
    const commune = COMMUNE_NAMES[i]!;
    const hamlets =
      i === 0
        ? undefined
        : seededRandom(500 + i)
            .shuffle(pool)
            .slice(0, 12);
    communes.push(
      communeSample({
        seed: 100 + i,
        commune,
        district,
        year,
        clean: i % 3 === 2,
        ...(hamlets ? { hamlets } : {}),
      }),
    );
    units.push({
      code: `${districtCode}${String(i + 1).padStart(2, '0')}`,
      name: `Đảng bộ xã ${commune}`,
      parentCode: districtCode,
      level: 'Xã',
    });
  }
  const d = draft('Đơn vị');
  let row = drawHeaderBlock(
    d,
    {
      parent: 'ĐẢNG BỘ TỈNH SƠN LA',
      unit: `ĐẢNG BỘ HUYỆN ${district.toUpperCase()}`,
      number: 'Số 15-DS/HU',
      dateLine: `${district}, ngày 02 tháng 01 năm ${year}`,
    },
    5,
  );
  row = drawTitle(d, row, 'DANH SÁCH ĐƠN VỊ BÁO CÁO', 5);
  drawTable(
    d,
    row + 1,
    [
      { field: 'order', path: ['STT'], value: (_u, i) => i + 1 },
      { field: 'code', path: ['Mã đơn vị'], value: (u: DistrictUnit) => u.code },
      { field: 'name', path: ['Tên đơn vị'], value: (u) => u.name },
      { field: 'parentCode', path: ['Mã đơn vị cấp trên'], value: (u) => u.parentCode ?? null },
      { field: 'level', path: ['Cấp'], value: (u) => u.level },
    ],
    [{ items: units }],
    { columnNumbers: false },
  );
  return {
    district,
    communes,
    units,
    unitList: { name: `DanhSachDonVi-${district}.xlsx`, sheets: [finish(d)] },
  };
}
