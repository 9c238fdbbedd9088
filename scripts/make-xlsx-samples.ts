/**
 * Writes the engine's sample grids as real .xlsx files under samples/, laid out like
 * officials' printed reports (merged headers, Times New Roman, borders, column widths).
 *
 *   npm run samples:xlsx                 the small samples, committed with the repository
 *   npm run samples:xlsx -- --province   also samples/generated/tinh.xlsx (~100,000 members)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { WorkbookGrid } from '@kiemtra/shared';
import { provinceWorkbook, sampleCatalogue } from '@kiemtra/shared/samples';
import { gridToWorkbook } from '../cli/src/xlsx/grid-workbook.ts';

export const SAMPLES_DIR = resolve(import.meta.dirname, '../samples');

/** File name (under samples/) → grid. */
export function sampleGrids(): Map<string, WorkbookGrid> {
  return new Map(sampleCatalogue().map((e) => [`${e.path}.xlsx`, e.grid]));
}

export async function writeSample(path: string, grid: WorkbookGrid): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const wb = gridToWorkbook(grid);
  // Fixed properties keep the files identical from one run to the next.
  const epoch = new Date(Date.UTC(2024, 0, 1));
  wb.created = epoch;
  wb.modified = epoch;
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

export const PROVINCE_SAMPLE = join(SAMPLES_DIR, 'generated/tinh.xlsx');

async function run(): Promise<void> {
  for (const [name, grid] of sampleGrids()) {
    const path = join(SAMPLES_DIR, name);
    await writeSample(path, grid);
    console.log(path);
  }
  if (process.argv.includes('--province')) {
    await writeSample(PROVINCE_SAMPLE, provinceWorkbook());
    console.log(PROVINCE_SAMPLE);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await run();
