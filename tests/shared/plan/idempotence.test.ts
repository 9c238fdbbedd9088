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

const samples: [string, () => WorkbookGrid][] = [
  ...sampleCatalogue().map((e): [string, () => WorkbookGrid] => [e.path, () => e.grid]),
  [
    'province (a tenth of the size)',
    () => provinceWorkbook({ organizations: 70, cells: 500, members: 10_000 }),
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
