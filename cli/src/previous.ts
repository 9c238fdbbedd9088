/**
 * Last period's workbooks (`--previous`), read and checked once, reduced to the summaries the
 * engine compares against.
 */
import {
  checkWorkbook,
  foldCompact,
  readWorkbook,
  type Bilingual,
  type UnitSummary,
  type WorkbookGrid,
} from '@kiemtra/shared';
import { collectInputs } from './files.ts';
import { loadWorkbook } from './xlsx/load.ts';

export interface PreviousPeriod {
  summaries: UnitSummary[];
  problems: { file: string; problem: Bilingual }[];
}

export async function loadPrevious(paths: string[], maxRows?: number): Promise<PreviousPeriod> {
  const { files, missing } = collectInputs(paths);
  const out: PreviousPeriod = { summaries: [], problems: [] };
  for (const file of missing) {
    out.problems.push({
      file,
      problem: { vi: 'không tìm thấy tệp hoặc thư mục', en: 'file or folder not found' },
    });
  }
  for (const file of files) {
    const loaded = await loadWorkbook(file, maxRows === undefined ? {} : { maxRows });
    if (!loaded.ok) {
      out.problems.push({ file, problem: loaded.problem });
      continue;
    }
    out.summaries.push(checkWorkbook(loaded.loaded.grid).summary);
  }
  return out;
}

/**
 * The previous summary of the unit this workbook is about: the only one when a single file
 * was given, otherwise the one whose unit code or name matches the workbook's header block.
 */
export function matchPrevious(previous: UnitSummary[], grid: WorkbookGrid): UnitSummary | undefined {
  if (previous.length === 0) return undefined;
  if (previous.length === 1) return previous[0];
  const unit = readWorkbook(grid).unit;
  if (!unit) return undefined;
  if (unit.code) {
    const byCode = previous.find((p) => p.unit.code === unit.code);
    if (byCode) return byCode;
  }
  const name = foldCompact(unit.name);
  return previous.find((p) => foldCompact(p.unit.name) === name);
}
