/**
 * Writes the sample workbooks as JSON grids (the shape every host reads) under
 * samples/generated/, for demos and for hosts' own tests. `npm run samples`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'samples', 'generated');

function write(path: string, grid: WorkbookGrid): void {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(grid));
  const rows = grid.sheets.reduce((s, sh) => s + sh.rows.length, 0);
  console.log(`${relative(root, file)}  (${grid.sheets.length} trang tính, ${rows} dòng)`);
}

write('commune-nam-lanh-2023.json', communeWorkbook());
write('commune-nam-lanh-2023-clean.json', communeWorkbook({ clean: true }));
const district = districtWorkbooks(6);
district.communes.forEach((c, i) =>
  write(
    `district-sop-cop/${String(i + 1).padStart(2, '0')}-${c.grid.name.replace(/\.xlsx$/, '')}.json`,
    c.grid,
  ),
);
write('district-sop-cop/don-vi.json', district.unitList);
write('figures/sop-cop-ket-nap-2015-2020.json', sopCopAdmissionsTerm());
write('figures/van-lang-2018.json', vanLangOrganizations2018());
write('figures/son-la-2021.json', sonLaCommuneCommittees(2021));
write('figures/son-la-2022.json', sonLaCommuneCommittees(2022));
write('figures/sop-cop-chi-bo-2021.json', sopCopCells(2021));
write('figures/sop-cop-chi-bo-2022.json', sopCopCells(2022));
write('figures/quang-ninh-2020.json', quangNinhOrganizations2020());
write('figures/lao-cai-2020.json', laoCaiHamlets());
write('province-100k.json', provinceWorkbook());
