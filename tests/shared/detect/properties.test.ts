/** Properties: columns may come in any order; extra unknown columns change nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/src/grid.ts';
import { read, sheet } from './helpers.ts';

const COLUMNS: [string, string, (i: number) => CellValue][] = [
  ['Tên chi bộ', 'name', (i) => `Chi bộ bản ${i}`],
  ['Tổng số đảng viên', 'membersTotal', (i) => 10 + i],
  ['Đảng viên chính thức', 'membersOfficial', (i) => 9 + i],
  ['Đảng viên dự bị', 'membersProbationary', () => 1],
  ['Số kỳ sinh hoạt thường kỳ', 'meetingsRegular', (i) => 12 - (i % 3)],
  ['Sinh hoạt chuyên đề', 'meetingsThematic', () => 4],
  ['Có chi ủy', 'hasCommittee', (i) => (i % 2 ? 'x' : null)],
  ['Năm kết nạp gần nhất', 'lastAdmissionYear', (i) => 2015 + i],
  ['Ghi chú', '', () => 'ghi chú'],
];

describe('column order', () => {
  it('any permutation maps the same headers to the same fields and reads the same values', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          COLUMNS.map((_, i) => i),
          { minLength: COLUMNS.length },
        ),
        fc.nat(3),
        (order, lead) => {
          const cols = order.map((i) => COLUMNS[i]!);
          const pad = Array<CellValue>(lead).fill(null);
          const rows: CellValue[][] = [
            [...pad, 'STT', ...cols.map((c) => c[0])],
            ...[1, 2, 3].map((n) => [...pad, n, ...cols.map((c) => c[2](n))]),
          ];
          const data = read(sheet('Chi bộ', rows));
          expect(data.tables).toHaveLength(1);
          const t = data.tables[0]!;
          expect(t.kind).toBe('partyCells');
          for (const [header, field] of cols) {
            const col = t.columns.find((c) => c.header === header)!;
            expect(col.field ?? '').toBe(field);
            expect(col.col).toBe(lead + 1 + cols.findIndex((c) => c[0] === header));
          }
          expect(data.records.map((r) => r.values['membersTotal'])).toEqual([11, 12, 13]);
          expect(data.records.map((r) => r.values['hasCommittee'])).toEqual([true, undefined, true]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

const VOCABULARY: CellValue[] = [
  null,
  '',
  'STT',
  'Tên chi bộ',
  'Số đảng viên',
  'Tổng số',
  'Chính thức',
  'Dự bị',
  'Họ và tên',
  'Chi bộ',
  'Tên thôn, bản',
  'Dân số',
  'Chỉ tiêu',
  'Giá trị',
  'Mã đơn vị',
  'Tên đơn vị',
  'Giải trình',
  'I',
  'II',
  'A.',
  'Cộng',
  'Tổng cộng',
  'NGƯỜI LẬP BIỂU',
  '(1)',
  '(2)',
  '[KT] Kết quả',
  'x',
  'mười',
  '1.922',
  '31/02/1990',
  0,
  1,
  12,
  -3,
  2.5,
  true,
  { error: '#REF!' },
];

describe('any grid', () => {
  it('is read without throwing, and every position it reports is a real cell', () => {
    const cell = fc.constantFrom(...VOCABULARY);
    const grid = fc.record({
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
      merges: fc.array(
        fc.record({ top: fc.nat(13), left: fc.nat(7), h: fc.nat(2), w: fc.nat(3) }).map((m) => ({
          top: m.top,
          left: m.left,
          bottom: m.top + m.h,
          right: m.left + m.w,
        })),
        { maxLength: 4 },
      ),
      origin: fc.record({ row: fc.nat(3), col: fc.nat(3) }),
    });
    fc.assert(
      fc.property(grid, ({ rows, merges, origin }) => {
        const data = read(sheet('S', rows, [], { merges, origin }));
        for (const rec of data.records)
          for (const c of Object.values(rec.cells)) expect(c.address).toMatch(/^[A-Z]+[1-9]\d*$/);
        for (const i of data.issues) {
          expect(i.sheet).toBe('S');
          expect(i.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
        }
        const besides = new Set(
          data.issues
            .filter((i) => i.ruleId === 'table.beside')
            .map((i) => i.range!.replace(/^[A-Z]+(\d+):.*$/, '$1')),
        );
        for (const t of data.tables) {
          expect(t.lastRow).toBeGreaterThanOrEqual(t.headerRows[0]!);
          // Right of the table, or no room for result columns: another table beside it, reported.
          if (t.resultCol <= t.lastCol) {
            expect(t.resultCol).toBe(t.lastCol);
            expect(besides.has(String(t.headerRows[0]! + 1))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
