/**
 * Reads the workbook into the engine's WorkbookGrid. Each sheet's used range is read in row
 * chunks sized so that a response stays far below Excel on the web's 5 MB and 5,000,000-cell
 * limits; several small sheets share one sync; each chunk is untracked once copied.
 */
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '@kiemtra/shared';
import { RESULT_SHEETS, STATE_SHEET } from '@kiemtra/shared';
import type { ExcelCapabilities } from './capabilities.ts';
import { throwIfCancelled } from './cancel.ts';
import {
  DEFAULT_BYTES_PER_FORMAT,
  DEFAULT_BYTES_PER_VALUE,
  READ_BUDGET_BYTES,
  matrixBytes,
  rowsPerChunk,
  splitRows,
} from './limits.ts';
import { PENDING_SHEET } from './pending.ts';
import { parseAddressList } from './addresses.ts';

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  rowsTotal: number;
}

export interface ReadOptions {
  caps: ExcelCapabilities;
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  /** Number formats tell a date serial from a count; off halves the payload. Default on. */
  numberFormats?: boolean;
  workbookName?: string;
  budgetBytes?: number;
}

export interface ReadStats {
  syncs: number;
  chunks: number;
  cells: number;
  /** Largest estimated response of one sync, in bytes. */
  largestChunkBytes: number;
}

/** Sheets the add-in itself writes: never read as the official's data. */
export function isOwnSheet(name: string): boolean {
  const own = [STATE_SHEET, PENDING_SHEET, ...Object.values(RESULT_SHEETS)];
  return own.some((o) => o.toLowerCase() === name.toLowerCase());
}

const ERROR_VALUES =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Office.js gives "" for blank and error values as their text. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_VALUES.test(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

interface SheetPlan {
  grid: SheetGrid;
  ws: Excel.Worksheet;
  top: number;
  left: number;
  rowCount: number;
  colCount: number;
  rowsDone: number;
  anyFormat: boolean;
}

export async function readWorkbookGrid(
  context: Excel.RequestContext,
  options: ReadOptions,
): Promise<{ grid: WorkbookGrid; stats: ReadStats }> {
  const withFormats = options.numberFormats ?? true;
  const budget = options.budgetBytes ?? READ_BUDGET_BYTES;
  const stats: ReadStats = { syncs: 0, chunks: 0, cells: 0, largestChunkBytes: 0 };
  const sync = async () => {
    await context.sync();
    stats.syncs++;
    throwIfCancelled(options.signal);
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await sync();

  const found = worksheets.items
    .filter((ws) => !isOwnSheet(ws.name))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      return { ws, used, name: ws.name, hidden: ws.visibility !== 'Visible' };
    });
  await sync();

  const plans: SheetPlan[] = found.map(({ ws, used, name, hidden }) => {
    const grid: SheetGrid = { name, rows: [], ...(hidden ? { hidden: true } : {}) };
    if (used.isNullObject)
      return { grid, ws, top: 0, left: 0, rowCount: 0, colCount: 0, rowsDone: 0, anyFormat: false };
    grid.origin = { row: used.rowIndex, col: used.columnIndex };
    if (withFormats) grid.numberFormats = [];
    used.untrack();
    return {
      grid,
      ws,
      top: used.rowIndex,
      left: used.columnIndex,
      rowCount: used.rowCount,
      colCount: used.columnCount,
      rowsDone: 0,
      anyFormat: false,
    };
  });

  // Merged header cells: one request for all sheets, when the host can tell.
  if (options.caps.mergedAreas) {
    const areas = plans
      .filter((p) => p.rowCount > 0)
      .map((p) => {
        const m = p.ws.getRangeByIndexes(p.top, p.left, p.rowCount, p.colCount).getMergedAreasOrNullObject();
        m.load('address');
        return { p, m };
      });
    if (areas.length) {
      await sync();
      for (const { p, m } of areas) {
        if (m.isNullObject) continue;
        p.grid.merges = parseAddressList(m.address).map((r): MergeArea => ({
          top: r.top,
          left: r.left,
          bottom: r.top + r.rows - 1,
          right: r.left + r.cols - 1,
        }));
      }
    }
  }

  // Bytes per cell start from an estimate and follow what the first chunks really weighed.
  let bytesPerCell = DEFAULT_BYTES_PER_VALUE + (withFormats ? DEFAULT_BYTES_PER_FORMAT : 0);
  const pending = plans.filter((p) => p.rowCount > 0);
  let index = 0;
  while (index < pending.length) {
    let batchBytes = 0;
    const batch: { p: SheetPlan; row: number; rowCount: number; range: Excel.Range }[] = [];
    while (index < pending.length) {
      const p = pending[index]!;
      const perChunk = rowsPerChunk(p.colCount, bytesPerCell, budget);
      const remaining = p.rowCount - p.rowsDone;
      const room = Math.floor((budget - batchBytes) / (bytesPerCell * p.colCount));
      if (batch.length > 0 && room < Math.min(perChunk, remaining)) break;
      const [chunk] = splitRows(p.top + p.rowsDone, remaining, Math.min(perChunk, Math.max(1, room)));
      const range = p.ws.getRangeByIndexes(chunk!.row, p.left, chunk!.rowCount, p.colCount);
      range.load(withFormats ? 'values,numberFormat' : 'values');
      batch.push({ p, row: chunk!.row, rowCount: chunk!.rowCount, range });
      batchBytes += chunk!.rowCount * p.colCount * bytesPerCell;
      p.rowsDone += chunk!.rowCount;
      if (p.rowsDone >= p.rowCount) index++;
      if (batchBytes >= budget) break;
    }
    await sync();
    let actualBytes = 0;
    let cells = 0;
    for (const { p, rowCount, range } of batch) {
      const values = range.values;
      actualBytes += matrixBytes(values);
      for (const row of values) p.grid.rows.push(row.map(fromExcelValue));
      if (withFormats) {
        const formats = range.numberFormat as string[][];
        actualBytes += matrixBytes(formats);
        for (const row of formats) {
          const mapped = row.map((f) => (f && f !== 'General' ? f : null));
          if (!p.anyFormat && mapped.some((f) => f !== null)) p.anyFormat = true;
          p.grid.numberFormats!.push(mapped);
        }
      }
      range.untrack();
      cells += rowCount * p.colCount;
      options.onProgress?.({ sheet: p.grid.name, rowsRead: p.rowsDone, rowsTotal: p.rowCount });
    }
    stats.chunks++;
    stats.cells += cells;
    stats.largestChunkBytes = Math.max(stats.largestChunkBytes, actualBytes);
    if (cells > 0) bytesPerCell = Math.max(4, Math.ceil((actualBytes / cells) * 1.25));
  }

  for (const p of plans) if (p.grid.numberFormats && !p.anyFormat) delete p.grid.numberFormats;
  return { grid: { name: options.workbookName ?? 'Workbook', sheets: plans.map((p) => p.grid) }, stats };
}
