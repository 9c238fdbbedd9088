/**
 * A province-sized members sheet (100,000 rows × 12 columns) is read in well under a second
 * on a quiet machine; the bound here is loose because test machines are shared, and the
 * scaling check (4× the rows must not take much more than 4× the time) catches quadratic
 * work that a loose bound would miss.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, WorkbookGrid } from '../../../shared/src/grid.ts';
import { readWorkbook } from '../../../shared/src/detect/index.ts';

function membersGrid(n: number): WorkbookGrid {
  const rows: CellValue[][] = [
    ['DANH SÁCH ĐẢNG VIÊN NĂM 2023'],
    [
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Chi bộ',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'CT/DB',
      'Xếp loại',
      'Được phân công nhiệm vụ',
      'Kỷ luật',
    ],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      i + 1,
      `Đảng viên ${i}`,
      `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${1950 + (i % 50)}`,
      i % 2 ? 'Nam' : 'Nữ',
      'Thái',
      `Chi bộ bản ${i % 700}`,
      30000 + (i % 9000),
      30400 + (i % 9000),
      i % 10 ? 'Chính thức' : 'Dự bị',
      ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'][i % 4]!,
      'x',
      null,
    ]);
  return { name: 'tinh.xlsx', sheets: [{ name: 'Đảng viên', rows }] };
}

function timed(grid: WorkbookGrid): { ms: number; records: number } {
  const t0 = performance.now();
  const data = readWorkbook(grid);
  return { ms: performance.now() - t0, records: data.records.length };
}

describe('performance', () => {
  it('reads 100,000 member rows quickly and linearly', () => {
    timed(membersGrid(2000)); // warm up
    const small = membersGrid(25_000);
    const large = membersGrid(100_000);
    const a = timed(small);
    const b = timed(large);
    expect(a.records).toBe(25_000);
    expect(b.records).toBe(100_000);
    console.log(`detect: 25k rows ${a.ms.toFixed(0)} ms, 100k rows ${b.ms.toFixed(0)} ms`);
    expect(b.ms).toBeLessThan(5000);
    expect(b.ms / Math.max(a.ms, 1)).toBeLessThan(10);
  });
});
