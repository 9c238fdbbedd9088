/** Checking our own output again changes nothing: result sheets and result columns are ignored. */
import { describe, expect, it } from 'vitest';
import { RESULT_MARKER, RESULT_SHEETS, STATE_SHEET } from '../../../shared/src/plan/types.ts';
import type { CellValue } from '../../../shared/src/grid.ts';
import { _, read, sheet } from './helpers.ts';

const officialRows = (): CellValue[][] => [
  ['BIỂU TỔNG HỢP CHI BỘ NĂM 2023'],
  ['STT', 'Tên chi bộ', 'Số đảng viên', _, _, 'Sinh hoạt thường kỳ'],
  [_, _, 'Tổng số', 'Chính thức', 'Dự bị', _],
  [1, 'Chi bộ bản Nà Vạc', 12, 10, 2, 12],
  [2, 'Chi bộ bản Pá', 4, 4, 0, 6],
  ['Tổng cộng', _, 16, 14, 2, 18],
];
const officialMerges = ['A1:F1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:F3'];

/** The same sheet after a run: two result columns G:H, merged over the header rows. */
function withResults(): CellValue[][] {
  const rows = officialRows().map((r) => [...r]);
  const put = (r: number, c: number, v: CellValue): void => {
    while (rows[r]!.length <= c) rows[r]!.push(null);
    rows[r]![c] = v;
  };
  put(1, 6, `${RESULT_MARKER} Kết quả`);
  put(1, 7, `${RESULT_MARKER} Chi tiết`);
  put(3, 6, 'Đạt');
  put(4, 6, 'Lỗi');
  put(4, 7, 'Sinh hoạt 6/12 kỳ');
  return rows;
}

/** A result sheet that would read as a party-cell table if it were not skipped. */
function resultSheetRows(): CellValue[][] {
  return [
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Mã quy tắc'],
    [1, 'Chi bộ bản Pá', 4, 'cell.few.members'],
  ];
}

describe('our own output', () => {
  const clean = read(sheet('Chi bộ', officialRows(), officialMerges));
  const again = read(
    sheet('Chi bộ', withResults(), [...officialMerges, 'G2:G3', 'H2:H3']),
    sheet(RESULT_SHEETS.issues, resultSheetRows()),
    sheet(RESULT_SHEETS.targets, resultSheetRows()),
    sheet(RESULT_SHEETS.rollup, resultSheetRows()),
    sheet(STATE_SHEET, resultSheetRows(), [], { hidden: true }),
  );

  it('skips result sheets and the state sheet', () => {
    expect(again.tables.map((t) => t.sheet)).toEqual(['Chi bộ']);
    expect(again.sheetNames).toContain(RESULT_SHEETS.issues);
    expect(again.records.every((r) => r.sheet === 'Chi bộ')).toBe(true);
  });

  it('leaves result columns out of the table and starts results where ours were', () => {
    const t = again.tables[0]!;
    expect(t.lastCol).toBe(5);
    expect(t.columns.map((c) => c.col)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(t.resultCol).toBe(6);
  });

  it('reads exactly what it read before our results were written', () => {
    const { sheetNames: _a, ...first } = clean;
    const { sheetNames: _b, ...second } = again;
    expect(second).toEqual(first);
    expect(clean.tables[0]!.resultCol).toBe(6);
  });

  it('puts results after a column the official uses right of the table', () => {
    const rows = officialRows().map((r) => [...r]);
    rows[4]![6] = 'ghép chi bộ';
    const data = read(sheet('Chi bộ', rows, officialMerges));
    expect(data.tables[0]!.lastCol).toBe(5);
    expect(data.tables[0]!.resultCol).toBe(7);
  });
});
