/**
 * The patch writer against the reference: for every sample (and a workbook LibreOffice
 * wrote), the same plan applied through ExcelJS (apply.ts) and through the patch writer
 * gives outputs that ExcelJS reads back identically — values, styles, notes, merges, widths,
 * heights, sheets, frozen panes — with the same state entries; untouched parts are copied
 * byte for byte, and re-checking the output through the ExcelJS path adds nothing. (ExcelJS
 * does not read a link to a cell back; links.test.ts checks those in the XML.)
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  STATE_SHEET,
  a1,
  checkWorkbook,
  columnLetters,
  decodeStateRows,
  type StateEntry,
  type WritePlan,
} from '@kiemtra/shared';
import { applyPlan, removeResults } from '../../cli/src/xlsx/apply.ts';
import { readPackage } from '../../cli/src/ooxml/read.ts';
import { internalLinksOnly } from '../../cli/src/ooxml/internal-links.ts';
import { writePatched } from '../../cli/src/ooxml/write.ts';
import { listZip } from '../../cli/src/ooxml/zip.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';
import {
  diffCells,
  loadBuffer,
  resavedByLibreOffice,
  snapshotWorkbook,
  toBuffer,
  unzip,
  samples,
} from './helpers.ts';

function stateOf(wb: ExcelJS.Workbook): StateEntry[] {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((i) => row.getCell(i).value)));
  return decodeStateRows(rows);
}

/** `detail` JSON compared as data: the key order of a style object is not part of it. */
function comparable(entries: StateEntry[]): unknown[] {
  return entries.map((e) => ('detail' in e && e.detail ? { ...e, detail: JSON.parse(e.detail) } : e));
}

interface SheetLayout {
  name: string;
  state: string;
  widths: (number | null)[];
  heights: (number | null)[];
  views: unknown;
  pageSetup: unknown;
}

function layout(wb: ExcelJS.Workbook): SheetLayout[] {
  return wb.worksheets.map((ws) => {
    const widths: (number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? null);
    const heights: (number | null)[] = [];
    for (let r = 1; r <= ws.rowCount; r++) heights.push(ws.getRow(r).height ?? null);
    const { paperSize, orientation, fitToWidth, fitToHeight, fitToPage } = ws.pageSetup;
    return {
      name: ws.name,
      state: ws.state,
      widths,
      heights,
      views: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      pageSetup: { paperSize, orientation, fitToWidth, fitToHeight, fitToPage },
    };
  });
}

/** Both ways for one file: the reference (ExcelJS) output and ours, with the plan (`adjust`ed). */
async function bothWays(
  buf: Buffer,
  name: string,
  adjust: (plan: WritePlan) => WritePlan = (plan) => plan,
): Promise<{ ref: Buffer; ours: Buffer; plan: WritePlan }> {
  const read = await readPackage(buf, listZip(buf)!, name, 300_000);
  expect(read.earlierResults).toBe(false);
  const plan = adjust(checkWorkbook(read.grid).plan);
  const wb = await loadBuffer(buf);
  removeResults(wb);
  applyPlan(wb, plan, { cleaned: true });
  // The reference as the command line writes it: ExcelJS's output with its cell links mended.
  const ref = await internalLinksOnly(await toBuffer(wb));
  const ours = (await writePatched(read, plan)).data;
  return { ref, ours, plan };
}

/**
 * Same values, notes, merges, layout and state; same styles, except where the ExcelJS writer
 * re-serialized an untouched style lossily (LibreOffice's explicit defaults, a "General"
 * custom format): there our output must still hold the input's own style, with our fill
 * where we highlighted.
 */
async function expectSameOutputs(input: Buffer, ref: Buffer, ours: Buffer): Promise<void> {
  const a = await loadBuffer(ref);
  const b = await loadBuffer(ours);
  expect(layout(b)).toEqual(layout(a));
  const si = snapshotWorkbook(await loadBuffer(input));
  const sa = snapshotWorkbook(a);
  const sb = snapshotWorkbook(b);
  for (const [i, s] of sa.entries()) {
    if (s.name === STATE_SHEET) continue;
    const original = si.find((x) => x.name === s.name)?.cells;
    const real = diffCells(s.cells, sb[i]!.cells).filter((d) => {
      const addr = d.slice(0, d.indexOf('.'));
      if (!d.startsWith(`${addr}.style`)) return true;
      const x = s.cells.get(addr)?.style as Record<string, unknown> | undefined;
      const y = sb[i]!.cells.get(addr)?.style;
      if (same(x, y)) return false;
      const kept = original?.get(addr)?.style as Record<string, unknown> | undefined;
      return !(kept && (same(kept, y) || same({ ...kept, fill: x?.fill }, y)));
    });
    expect(real, s.name).toEqual([]);
    expect(sb[i]!.merges, `${s.name} merges`).toEqual(s.merges);
  }
  expect(comparable(stateOf(b))).toEqual(comparable(stateOf(a)));
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(sortKeys(x)) === JSON.stringify(sortKeys(y));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

const files = samples();

describe('the patch writer writes what the ExcelJS writer writes', () => {
  it.each(files.map((f) => [relative(SAMPLES_DIR, f), f]))('%s', async (_name, path) => {
    const buf = readFileSync(path);
    const { ref, ours } = await bothWays(buf, basename(path));
    await expectSameOutputs(buf, ref, ours);

    // Every part we did not need to touch is the input's, byte for byte.
    const input = unzip(buf);
    const output = unzip(ours);
    const rewritten = [...input.keys()].filter(
      (k) => !input.get(k)!.equals(output.get(k) ?? Buffer.alloc(0)),
    );
    for (const k of rewritten) {
      expect(k, 'only package, sheet, style and string parts change').toMatch(
        /^(\[Content_Types\]\.xml|docProps\/app\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/.*|xl\/comments\d*\.xml|xl\/drawings\/vmlDrawing\d*\.vml)$/,
      );
    }
    expect(input.get('xl/theme/theme1.xml')).toEqual(output.get('xl/theme/theme1.xml'));

    // Checking our output again (the ExcelJS path: remove, then write) changes nothing.
    const wb = await loadBuffer(ours);
    removeResults(wb);
    const again = await readPackage(await toBuffer(wb), listZip(await toBuffer(wb))!, 'x', 300_000);
    const plan2 = checkWorkbook(again.grid).plan;
    const first = await loadBuffer(ours);
    applyPlan(first, plan2);
    const sa = snapshotWorkbook(await loadBuffer(ours));
    const sb = snapshotWorkbook(await loadBuffer(await internalLinksOnly(await toBuffer(first))));
    expect(sb.map((s) => s.name)).toEqual(sa.map((s) => s.name));
    for (const [i, s] of sa.entries()) {
      if (s.name === STATE_SHEET) continue;
      const diffs = diffCells(s.cells, sb[i]!.cells).filter((d) => {
        const addr = d.slice(0, d.indexOf('.'));
        if (!d.startsWith(`${addr}.style`)) return true;
        return (
          JSON.stringify(sortKeys(s.cells.get(addr)?.style)) !==
          JSON.stringify(sortKeys(sb[i]!.cells.get(addr)?.style))
        );
      });
      expect(diffs, s.name).toEqual([]);
    }
  });

  it('writes what ExcelJS writes for two result blocks on the same rows', async () => {
    const input = readFileSync(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'));
    const { ref, ours, plan } = await bothWays(input, 'xa.xlsx', (plan) => {
      const first = plan.resultColumns[0]!;
      const beside = { ...first, firstCol: first.firstCol + first.headers.length + 1 };
      return { ...plan, resultColumns: [first, beside, ...plan.resultColumns.slice(1)] };
    });
    expect(plan.resultColumns[1]!.rows.length).toBeGreaterThan(0);
    await expectSameOutputs(input, ref, ours);
  });

  it('records the styles already in the result columns: a styled empty cell, a styled row, a styled column', async () => {
    const input = readFileSync(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'));
    const plan = checkWorkbook((await readPackage(input, listZip(input)!, 'xa.xlsx', 300_000)).grid).plan;
    const block = plan.resultColumns.find((b) => b.rows.length >= 3)!;
    const [first, second] = block.rows;
    const wb = await loadBuffer(input);
    const ws = wb.getWorksheet(block.sheet)!;
    // A filled cell with nothing in it where the first result column goes, and a whole row in bold.
    ws.getCell(first!.row + 1, block.firstCol + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFFF00' },
    };
    ws.getRow(second!.row + 1).font = { bold: true };
    const styledRows = await toBuffer(wb);
    const rowsWays = await bothWays(styledRows, 'xa.xlsx');
    await expectSameOutputs(styledRows, rowsWays.ref, rowsWays.ours);
    const recorded = stateOf(await loadBuffer(rowsWays.ours)).filter((e) => e.kind === 'style');
    expect(recorded.map((e) => e.ref)).toEqual(
      expect.arrayContaining([a1(first!.row, block.firstCol), a1(second!.row, block.firstCol + 1)]),
    );

    // A style on the whole last result column: every row of the block has it to record. (Cells
    // are not compared here: ExcelJS also writes empty cells of such a column, which show the
    // column's style whether written or not.)
    ws.getRow(second!.row + 1).font = {};
    ws.getColumn(block.firstCol + block.headers.length).font = { italic: true };
    const styledColumn = await toBuffer(wb);
    const columnWays = await bothWays(styledColumn, 'xa.xlsx');
    expect(comparable(stateOf(await loadBuffer(columnWays.ours)))).toEqual(
      comparable(stateOf(await loadBuffer(columnWays.ref))),
    );
    const lastCol = columnLetters(block.firstCol + block.headers.length - 1);
    const inColumn = stateOf(await loadBuffer(columnWays.ours)).filter(
      (e) => e.kind === 'style' && e.ref.replace(/\d+$/, '') === lastCol,
    );
    expect(inColumn.length).toBeGreaterThanOrEqual(block.lastRow - block.headerTop + 1);
  });

  it('writes what ExcelJS writes for a workbook LibreOffice wrote', async () => {
    const buf = resavedByLibreOffice(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'));
    expect(unzip(buf).get('docProps/app.xml')?.toString()).toMatch(/LibreOffice/);
    const { ref, ours } = await bothWays(buf, 'xa.xlsx');
    await expectSameOutputs(buf, ref, ours);
  }, 180_000);
});
