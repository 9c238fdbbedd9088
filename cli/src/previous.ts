/**
 * Last period's workbooks (`--previous`), read and checked once, reduced to the summaries the
 * engine compares against.
 */
import {
  checkWorkbook,
  findPrevious,
  readWorkbook,
  type Bilingual,
  type UnitSummary,
  type WorkbookGrid,
} from '@kiemtra/shared';
import { collectInputs } from './files.ts';
import { loadGrid } from './xlsx/open.ts';

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
    const loaded = await loadGrid(file, maxRows === undefined ? {} : { maxRows });
    if (!loaded.ok) {
      out.problems.push({ file, problem: loaded.problem });
      continue;
    }
    out.summaries.push(checkWorkbook(loaded.grid).summary);
  }
  return out;
}

/**
 * The previous summary of the unit this workbook is about, by the engine's rule (findPrevious:
 * the only one given, else the same unit by code or name as its header block names it).
 */
export function matchPrevious(previous: UnitSummary[], grid: WorkbookGrid): UnitSummary | undefined {
  if (previous.length === 0) return undefined;
  return findPrevious(previous, previous.length === 1 ? undefined : readWorkbook(grid).unit);
}
