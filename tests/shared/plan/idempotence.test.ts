/**
 * The write-plan contract on every sample: check → apply → check again → apply gives the very
 * same grid, the second check finds the same issues, and no cell the official typed changes.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../../shared/src/grid.ts';
import { cellAt } from '../../../shared/src/grid.ts';
import { checkWorkbook } from '../../../shared/src/pipeline.ts';
import { applyPlanToGrid, RESULT_MARKER } from '../../../shared/src/plan/index.ts';
import { provinceWorkbook, sampleCatalogue } from '../../../shared/src/samples/index.ts';

const memberHeader = ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Xếp loại'];
const cellTable = [
  ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy'],
  [1, 'Chi bộ bản Huổi Lạ', 11, 'x'],
  [2, 'Chi bộ bản Pá Lau', 6, null],
];
const hamletTable = [
  ['STT', 'Tên thôn, bản', 'Dân số', 'Số đảng viên', 'Có chi bộ độc lập'],
  [1, 'Bản Huổi Lạ', 420, 11, 'Có'],
  [2, 'Bản Pá Lau', 310, 0, 'Có'],
];

const samples: [string, () => WorkbookGrid][] = [
  ...sampleCatalogue().map((e): [string, () => WorkbookGrid] => [e.path, () => e.grid]),
  [
    'province (a tenth of the size)',
    () => provinceWorkbook({ organizations: 70, cells: 500, members: 10_000 }),
  ],
  [
    'a member list repeating its header',
    () => ({
      name: 'lap-tieu-de.xlsx',
      sheets: [
        {
          name: 'Đảng viên',
          rows: [
            memberHeader,
            [1, 'Lò Văn Pọm', '02/03/1980', 'Chi bộ bản Nà Khi', '11/10/2001', 'HTTNV'],
            [2, 'Lò Văn Pọm', '02/03/1980', 'Chi bộ bản Nà Khi', '11/10/2001', 'HTTNV'],
            memberHeader,
            [3, 'Hà Đức Tuấn', '07/08/1962', 'Chi bộ bản Co Lóng', '14/09/1992', 'KHTNV'],
          ],
        },
      ],
    }),
  ],
  [
    'two tables side by side',
    () => ({
      name: 'canh-nhau.xlsx',
      sheets: [
        {
          name: 'Thôn bản và chi bộ',
          rows: cellTable.map((row, i) => [
            ...row,
            ...Array<null>(4 - row.length + 1).fill(null),
            ...hamletTable[i]!,
          ]),
        },
      ],
    }),
  ],
  [
    'two tables with no blank row between them',
    () => ({
      name: 'hai-bang.xlsx',
      sheets: [{ name: 'Thôn bản và chi bộ', rows: [...cellTable, ['DANH SÁCH THÔN, BẢN'], ...hamletTable] }],
    }),
  ],
];

function issueKeys(report: ReturnType<typeof checkWorkbook>): string[] {
  return report.issues.map((i) => `${i.sheet}!${i.cell} ${i.ruleId} ${i.justified}`);
}

describe.each(samples)('%s', (_name, make) => {
  it('apply → check → apply is a fixed point, and the official’s cells stay as typed', () => {
    const grid = make();
    const first = checkWorkbook(grid);
    const applied = applyPlanToGrid(grid, first.plan);

    const second = checkWorkbook(applied);
    expect(issueKeys(second)).toEqual(issueKeys(first));
    expect(second.plan).toEqual(first.plan);
    expect(applyPlanToGrid(applied, second.plan)).toEqual(applied);

    // Every cell of the original is where it was, with the same value.
    for (const original of grid.sheets) {
      const after = applied.sheets.find((s) => s.name === original.name)!;
      const top = original.origin?.row ?? 0;
      const left = original.origin?.col ?? 0;
      original.rows.forEach((line, r) =>
        line.forEach((v, c) => {
          if (cellAt(after, top + r, left + c) !== v) {
            expect(
              cellAt(after, top + r, left + c),
              `${original.name} row ${top + r} col ${left + c}`,
            ).toEqual(v);
          }
        }),
      );
    }
    // Result columns were written where the plan said, if anywhere.
    for (const block of first.plan.resultColumns) {
      const s = applied.sheets.find((x) => x.name === block.sheet)!;
      expect(String(cellAt(s, block.headerTop, block.firstCol)).startsWith(RESULT_MARKER)).toBe(true);
    }
  });
});
