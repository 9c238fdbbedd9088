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
import {
  communeWorkbook,
  districtWorkbooks,
  laoCaiHamlets,
  provinceWorkbook,
  quangNinhOrganizations2020,
  sonLaCommuneCommittees,
  sopCopAdmissionsTerm,
  sopCopCells,
  vanLangOrganizations2018,
} from '@kiemtra/shared/samples';
import { gridToWorkbook } from '../cli/src/xlsx/grid-workbook.ts';

export const SAMPLES_DIR = resolve(import.meta.dirname, '../samples');

/** File name (under samples/) → grid. */
export function sampleGrids(): Map<string, WorkbookGrid> {
  const out = new Map<string, WorkbookGrid>();
  out.set('xa-nam-lanh-2023.xlsx', communeWorkbook());
  out.set('xa-nam-lanh-2023-sach.xlsx', communeWorkbook({ clean: true }));
  out.set('xa-nam-lanh-2022.xlsx', communeWorkbook({ year: 2022 }));
  const district = districtWorkbooks(4);
  for (const [i, c] of district.communes.entries()) {
    out.set(`huyen-sop-cop/${String(i + 1).padStart(2, '0')}-${slug(c.commune)}.xlsx`, c.grid);
  }
  out.set('huyen-sop-cop-don-vi.xlsx', district.unitList);
  out.set('so-lieu/sop-cop-ket-nap-2015-2020.xlsx', sopCopAdmissionsTerm());
  out.set('so-lieu/van-lang-2018.xlsx', vanLangOrganizations2018());
  out.set('so-lieu/son-la-2021.xlsx', sonLaCommuneCommittees(2021));
  out.set('so-lieu/son-la-2022.xlsx', sonLaCommuneCommittees(2022));
  out.set('so-lieu/sop-cop-chi-bo-2021.xlsx', sopCopCells(2021));
  out.set('so-lieu/sop-cop-chi-bo-2022.xlsx', sopCopCells(2022));
  out.set('so-lieu/quang-ninh-2020.xlsx', quangNinhOrganizations2020());
  out.set('so-lieu/lao-cai-thon-ban.xlsx', laoCaiHamlets());
  return out;
}

/** "Nậm Lạnh" → "nam-lanh". */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
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
