/**
 * Opening a workbook with ExcelJS, for a re-check: its earlier results are removed on the
 * object model before the grid is read. Refusals as in open.ts.
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { Bilingual, WorkbookGrid } from '@kiemtra/shared';
import { unkeptParts } from './inspect.ts';
import { readGrid } from './read.ts';
import { removeResults } from './apply.ts';
import { DEFAULT_MAX_ROWS, damaged, emptyWorkbook, isEmptyGrid, openXlsx } from './open.ts';

export interface LoadedWorkbook {
  path: string;
  workbook: ExcelJS.Workbook;
  /** The workbook as the official left it: earlier results already removed. */
  grid: WorkbookGrid;
  /** What a rewrite of this file would lose (charts, pivot tables, images…). */
  unkept: Bilingual[];
}

export type LoadResult = { ok: true; loaded: LoadedWorkbook } | { ok: false; problem: Bilingual };

export async function loadWorkbook(path: string, opts: { maxRows?: number } = {}): Promise<LoadResult> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const opened = await openXlsx(path, maxRows, 'all');
  if (!opened.ok) return opened;
  const { buf, entries } = opened;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: damaged() };
  }
  removeResults(workbook);
  const grid = readGrid(workbook, basename(path));
  if (isEmptyGrid(grid)) return { ok: false, problem: emptyWorkbook() };
  return { ok: true, loaded: { path, workbook, grid, unkept: unkeptParts(entries) } };
}
