export * from './i18n.ts';
export * from './grid.ts';
export * from './fields.ts';
export * from './period.ts';
export * from './table.ts';
export * from './issue.ts';
export * from './rating-codes.ts';
export * from './summary.ts';
export * from './report.ts';
export * from './workbook-data.ts';
export * from './rulebook/index.ts';
export * from './plan/index.ts';
export { parseValue, type ParseOutcome } from './parse/index.ts';
export { readWorkbook } from './detect/index.ts';
export { computeRatings } from './rating/index.ts';
export { summarize } from './summarize/index.ts';
export { runRules, applyJustifications, RULES, type RuleContext, type RuleDef } from './rules/index.ts';
export {
  evaluateTargets,
  targetsInForce,
  MEASURES,
  measureById,
  measureValue,
  findMeasure,
  gapUnits,
} from './targets/index.ts';
export { aggregate, type Rollup, type RankedUnit } from './aggregate/index.ts';
export * from './pipeline.ts';
export * from './text.ts';
export * from './format.ts';
export * from './redact.ts';
export * from './catalogue.ts';
