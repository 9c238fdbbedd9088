import type { RulebookInput } from './schema.ts';

/** Targets from the seeds (DOMAIN.md "Targets and gaps"), each with its basis. */
export const DEFAULT_TARGETS: RulebookInput['targets'] = [];
