/**
 * The committed sample set, one place for every user of it: the scripts write each entry as
 * .xlsx under samples/ and as a JSON grid under samples/generated/, and the write-plan
 * contract is tested on each.
 */
import type { WorkbookGrid } from '../grid.ts';
import { foldText } from '../text.ts';
import { communeWorkbook } from './commune.ts';
import { districtWorkbooks } from './district.ts';
import {
  laoCaiHamlets,
  quangNinhOrganizations2020,
  sonLaCommuneCommittees,
  sopCopAdmissionsTerm,
  sopCopCells,
  vanLangOrganizations2018,
} from './figures.ts';

export interface SampleEntry {
  /** File path under samples/, without the extension: "huyen-sop-cop/01-nam-lanh". */
  path: string;
  grid: WorkbookGrid;
}

/** Communes in the district sample. */
const DISTRICT_COMMUNES = 4;

export function sampleCatalogue(): SampleEntry[] {
  const district = districtWorkbooks(DISTRICT_COMMUNES);
  return [
    { path: 'xa-nam-lanh-2023', grid: communeWorkbook() },
    { path: 'xa-nam-lanh-2023-sach', grid: communeWorkbook({ clean: true }) },
    { path: 'xa-nam-lanh-2022', grid: communeWorkbook({ year: 2022 }) },
    ...district.communes.map((c, i) => ({
      path: `huyen-sop-cop/${String(i + 1).padStart(2, '0')}-${foldText(c.commune).replace(/ /g, '-')}`,
      grid: c.grid,
    })),
    { path: 'huyen-sop-cop-don-vi', grid: district.unitList },
    { path: 'so-lieu/sop-cop-ket-nap-2015-2020', grid: sopCopAdmissionsTerm() },
    { path: 'so-lieu/van-lang-2018', grid: vanLangOrganizations2018() },
    { path: 'so-lieu/son-la-2021', grid: sonLaCommuneCommittees(2021) },
    { path: 'so-lieu/son-la-2022', grid: sonLaCommuneCommittees(2022) },
    { path: 'so-lieu/sop-cop-chi-bo-2021', grid: sopCopCells(2021) },
    { path: 'so-lieu/sop-cop-chi-bo-2022', grid: sopCopCells(2022) },
    { path: 'so-lieu/quang-ninh-2020', grid: quangNinhOrganizations2020() },
    { path: 'so-lieu/lao-cai-thon-ban', grid: laoCaiHamlets() },
  ];
}
