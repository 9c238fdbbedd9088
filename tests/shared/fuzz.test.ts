/**
 * Whatever a host hands over — random values, Excel errors, broken merges, ragged or huge
 * rows, samples shuffled or cut — checkWorkbook returns a report and never throws: issues are
 * data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../../shared/src/grid.ts';
import { checkWorkbook } from '../../shared/src/pipeline.ts';
import { applyPlanToGrid, blockRows } from '../../shared/src/plan/index.ts';
import type { CheckReport } from '../../shared/src/report.ts';
import { communeWorkbook, seededRandom, sopCopAdmissionsTerm } from '../../shared/src/samples/index.ts';

const words = [
  'STT',
  'Tên chi bộ',
  'Số đảng viên',
  'Tổng số',
  'Chính thức',
  'Dự bị',
  'Có chi ủy',
  'Sinh hoạt',
  'Kết nạp',
  'Xếp loại',
  'HTXSNV',
  'Tổng cộng',
  'Cộng',
  'I',
  'II.',
  '(1)',
  'x',
  'Có',
  'Không',
  '✓',
  '1.922',
  '6,8%',
  '12/05/2023',
  'ĐẢNG ỦY XÃ NẬM LẠNH',
  'BIỂU TỔNG HỢP NĂM 2023',
  'NHIỆM KỲ 2015-2020',
  '[KT] Kết quả kiểm tra',
  'Kết quả kiểm tra',
  'Giải trình',
  'Họ và tên',
  'Thôn bản',
  'Chỉ tiêu',
  '',
  '   ',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...words) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#REF!', '#VALUE!', '#DIV/0!', '#N/A').map((error) => ({ error })),
  },
);

const merge: fc.Arbitrary<MergeArea> = fc.record({
  top: fc.integer({ min: -2, max: 40 }),
  left: fc.integer({ min: -2, max: 40 }),
  bottom: fc.integer({ min: -2, max: 40 }),
  right: fc.integer({ min: -2, max: 40 }),
});

const sheet: fc.Arbitrary<SheetGrid> = fc.record(
  {
    name: fc.oneof(
      fc.constantFrom('Chi bộ', 'Thôn bản', 'Đảng viên', 'Chỉ tiêu', 'Kết quả kiểm tra', '_kiemtra'),
      fc.string(),
    ),
    rows: fc.array(fc.array(cellValue, { maxLength: 30 }), { maxLength: 40 }),
    merges: fc.array(merge, { maxLength: 8 }),
    origin: fc.record({ row: fc.nat(5), col: fc.nat(5) }),
    notes: fc.dictionary(fc.constantFrom('A1', 'B2', 'C3', 'ZZ9', 'bad'), fc.string()),
    hidden: fc.boolean(),
  },
  { requiredKeys: ['name', 'rows'] },
);

const workbook: fc.Arbitrary<WorkbookGrid> = fc.record({
  name: fc.string(),
  sheets: fc.array(sheet, { maxLength: 4 }),
});

function expectReport(r: CheckReport): void {
  expect(Array.isArray(r.issues)).toBe(true);
  expect(r.plan.version).toBe(2);
  for (const i of r.issues) {
    expect(typeof i.sheet).toBe('string');
    expect(typeof i.cell).toBe('string');
    expect(typeof i.message.vi).toBe('string');
  }
  // Row results are the rows with something to say; result columns reach every data row once.
  for (const row of r.rows) expect(row.ruleIds.length > 0 || row.rating !== undefined).toBe(true);
  for (const b of r.plan.resultColumns) expect(Array.from(blockRows(b), (x) => x.row)).toEqual(b.dataRows);
}

/** A sample mangled the way files arrive: rows shuffled or cut, cells replaced, merges broken. */
function mangle(grid: WorkbookGrid, seed: number): WorkbookGrid {
  const rng = seededRandom(seed);
  const junk: CellValue[] = [
    null,
    '',
    '#REF!',
    { error: '#VALUE!' },
    'x',
    -1,
    1e9,
    'Tổng cộng',
    '(1)',
    '3,5',
    NaN,
  ];
  return {
    name: grid.name,
    sheets: grid.sheets.map((s) => {
      let rows = s.rows.map((r) => [...r]);
      const op = rng.int(0, 5);
      if (op === 0) rows = rng.shuffle(rows);
      if (op === 1) rows = rows.slice(0, rng.int(0, rows.length));
      if (op === 2) rows = rows.slice(rng.int(0, rows.length));
      if (op === 3) rows = rows.map((r) => r.slice(0, rng.int(0, r.length + 1)));
      for (let k = rng.int(0, 40); k > 0 && rows.length > 0; k--) {
        const r = rows[rng.int(0, rows.length - 1)]!;
        r[rng.int(0, Math.max(0, r.length + 2))] = rng.pick(junk);
      }
      const merges = (s.merges ?? []).filter(() => rng.chance(0.8));
      if (op === 4)
        merges.push({ top: 5, left: 0, bottom: 400, right: 40 }, { top: 9, left: 9, bottom: 3, right: 2 });
      if (op === 5) rows.push(Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? i : null)));
      return { ...s, rows, merges };
    }),
  };
}

/** A row with holes, as sparse arrays from some readers arrive. */
function holey(...cells: [number, CellValue][]): CellValue[] {
  const row: CellValue[] = [];
  for (const [i, v] of cells) row[i] = v;
  return row;
}

describe('checkWorkbook never throws', () => {
  it('on random grids', () => {
    fc.assert(
      fc.property(workbook, (grid) => {
        expectReport(checkWorkbook(grid));
      }),
      { numRuns: 1500 },
    );
  });

  it('on samples mangled at random', () => {
    const base = [communeWorkbook(), communeWorkbook({ clean: true }), sopCopAdmissionsTerm()];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.nat(), (which, seed) => {
        const grid = mangle(base[which]!, seed);
        const report = checkWorkbook(grid);
        expectReport(report);
        // The reference host takes whatever plan comes out, and reapplying changes nothing.
        const applied = applyPlanToGrid(grid, report.plan);
        expect(applyPlanToGrid(applied, report.plan)).toEqual(applied);
      }),
      { numRuns: 300 },
    );
  });

  it('on empty, huge and ragged sheets', () => {
    const cases: WorkbookGrid[] = [
      { name: '', sheets: [] },
      { name: 'empty', sheets: [{ name: 'Chi bộ', rows: [] }] },
      { name: 'blank rows', sheets: [{ name: 'Chi bộ', rows: Array.from({ length: 2000 }, () => []) }] },
      {
        name: 'wide',
        sheets: [{ name: 'Chi bộ', rows: [Array.from({ length: 5000 }, (_, i) => `Cột ${i}`)] }],
      },
      {
        name: 'ragged',
        sheets: [
          {
            name: 'Chi bộ',
            rows: Array.from({ length: 500 }, (_, i) =>
              Array.from({ length: (i * 37) % 41 }, (_, j) => ((j + i) % 3 ? j : 'Tổng số')),
            ),
          },
        ],
      },
      {
        name: 'sparse holes',
        sheets: [
          { name: 'Chi bộ', rows: [holey([2, 'STT'], [4, 'Tên chi bộ']), [], holey([0, 1], [3, 'x'])] },
        ],
      },
    ];
    for (const g of cases) expectReport(checkWorkbook(g));
  });
});
