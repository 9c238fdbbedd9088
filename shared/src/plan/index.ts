/** Turning results into a write plan, and applying a plan to an in-memory grid. */
export * from './types.ts';
export { planWrites } from './planner.ts';
export { applyPlanToGrid } from './apply.ts';
export { rowStatusText, isRowStatusText, periodText } from './texts.ts';
export { planRollup, ROLLUP_COUNT_COLUMNS, ROLLUP_TOTAL_LABEL } from './rollup.ts';
export { encodeStateRows, decodeStateRows } from './state.ts';
export { issueValuesText, VALUE_LABELS } from './texts.ts';
