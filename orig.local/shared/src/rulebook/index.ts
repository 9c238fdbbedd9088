export * from './schema.ts';
export { DEFAULT_RULEBOOK } from './default.ts';
export { parseRulebook } from './parse.ts';
