/** Turning results into a write plan, and applying a plan to an in-memory grid. */
export * from './types.ts';
export { planWrites, RESULT_HEADERS } from './planner.ts';
export { applyPlanToGrid } from './apply.ts';
export { rowStatusText, isRowStatusText, periodText } from './texts.ts';
