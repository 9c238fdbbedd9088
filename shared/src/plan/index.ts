/** Turning results into a write plan, and applying a plan to an in-memory grid. */
import type { WorkbookGrid } from '../grid.ts';
import type { WorkbookData } from '../workbook-data.ts';
import type { Evaluation } from '../pipeline.ts';
import type { WritePlan } from './types.ts';

export * from './types.ts';

export function planWrites(_data: WorkbookData, _evaluation: Evaluation): WritePlan {
  throw new Error('not implemented');
}

/** The reference host: applies a plan to a grid, following the contract in types.ts. */
export function applyPlanToGrid(_grid: WorkbookGrid, _plan: WritePlan): WorkbookGrid {
  throw new Error('not implemented');
}
