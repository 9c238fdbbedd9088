/**
 * For every sample: what the official typed is unchanged in our output (values and styles,
 * cell by cell), removing our results gives the input back exactly, and checking the output
 * again changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, type WritePlan } from '@kiemtra/shared';
import { applyPlan, removeResults } from '../../cli/src/xlsx/apply.ts';
import { loadWorkbook } from '../../cli/src/xlsx/load.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';
import {
  diffCells,
  loadBuffer,
  loadFile,
  snapshotWorkbook,
  tempDir,
  toBuffer,
  type SheetSnapshot,
  samples,
} from './helpers.ts';

/** What `kiemtra check` does to one file, in process: the output bytes and the plan. */
async function checkFile(path: string): Promise<{ output: Buffer; plan: WritePlan }> {
  const loaded = await loadWorkbook(path);
  if (!loaded.ok) throw new Error(`${path}: ${loaded.problem.en}`);
  const report = checkWorkbook(loaded.loaded.grid);
  applyPlan(loaded.loaded.workbook, report.plan);
  return { output: await toBuffer(loaded.loaded.workbook), plan: report.plan };
}

function expectSame(a: SheetSnapshot[], b: SheetSnapshot[], label: string): void {
  expect(
    b.map((s) => [s.name, s.state]),
    label,
  ).toEqual(a.map((s) => [s.name, s.state]));
  for (const [i, s] of a.entries()) {
    expect(diffCells(s.cells, b[i]!.cells), `${label} ${s.name}`).toEqual([]);
    expect(b[i]!.merges, `${label} ${s.name} merges`).toEqual(s.merges);
  }
}

const files = samples();

describe('round trip through kiemtra check', () => {
  it('has samples to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [relative(SAMPLES_DIR, f), f]))('%s', async (_name, path) => {
    const input = snapshotWorkbook(await loadFile(path));
    const { output, plan } = await checkFile(path);
    const outWb = await loadBuffer(output);
    const out = snapshotWorkbook(outWb);

    // 1. Every cell the official typed: same value, same style; a flagged cell differs only
    //    in its fill and note.
    const flagged = new Set(plan.highlights.map((h) => `${h.sheet}!${h.cell}`));
    for (const sheet of input) {
      const o = out.find((s) => s.name === sheet.name);
      expect(o, sheet.name).toBeDefined();
      const outCells = new Map([...o!.cells].filter(([addr]) => sheet.cells.has(addr)));
      const diffs = diffCells(sheet.cells, outCells, (addr, part) => {
        if (!flagged.has(`${sheet.name}!${addr}`)) return false;
        return part === 'note' || part === 'style';
      });
      expect(diffs, sheet.name).toEqual([]);
      for (const addr of sheet.cells.keys()) {
        if (!flagged.has(`${sheet.name}!${addr}`)) continue;
        const { fill: _a, ...before } = sheet.cells.get(addr)!.style as Record<string, unknown>;
        const { fill: _b, ...after } = o!.cells.get(addr)!.style as Record<string, unknown>;
        expect(after, `${sheet.name}!${addr}`).toEqual(before);
      }
      for (const m of sheet.merges) expect(o!.merges, sheet.name).toContain(m);
    }
    expect(plan.sheets.every((s) => outWb.getWorksheet(s.name))).toBe(true);

    // 2. Removing our results gives the input back, fills and notes included.
    removeResults(outWb);
    expectSame(input, snapshotWorkbook(await loadBuffer(await toBuffer(outWb))), 'restored');

    // 3. Checking the output again adds nothing: same cells, notes, sheets and state.
    const dir = tempDir();
    const first = join(dir, 'first.xlsx');
    writeFileSync(first, output);
    const again = await checkFile(first);
    expectSame(out, snapshotWorkbook(await loadBuffer(again.output)), 'second run');
    expect(again.plan).toEqual(plan);
  });
});
