/**
 * Writes the sample workbooks as JSON grids (the shape every host reads) under
 * samples/generated/, for demos and for hosts' own tests. `npm run samples`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkbookGrid } from '@kiemtra/shared';
import { provinceWorkbook, sampleCatalogue } from '@kiemtra/shared/samples';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'samples', 'generated');

function write(path: string, grid: WorkbookGrid): void {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(grid));
  const rows = grid.sheets.reduce((s, sh) => s + sh.rows.length, 0);
  console.log(`${relative(root, file)}  (${grid.sheets.length} trang tính, ${rows} dòng)`);
}

for (const entry of sampleCatalogue()) write(`${entry.path}.json`, entry.grid);
write('tinh-100k.json', provinceWorkbook());
