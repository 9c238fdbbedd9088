/** Rolling many units' summaries up into their parent's, at any depth of the hierarchy. */
import type { Period } from '../period.ts';
import type { TargetResult } from '../report.ts';
import type { Rulebook, Target } from '../rulebook/schema.ts';
import type { UnitRef, UnitSummary } from '../summary.ts';
import type { Bilingual } from '../i18n.ts';

/** A unit in the "weakest" ranking: the units a board picks to help (seed 002). */
export interface RankedUnit {
  unit: UnitRef;
  rating?: UnitSummary['rating'];
  targetsMissed: number;
  openErrors: number;
  /** Why it ranks where it does. */
  reason: Bilingual;
}

export interface Rollup {
  summary: UnitSummary;
  /** Targets evaluated at the parent's level. */
  targets: TargetResult[];
  /** Each child's own target table, for the per-unit rows of a roll-up sheet. */
  children: { summary: UnitSummary; targets: TargetResult[] }[];
  completeness: { expected: number; submitted: UnitRef[]; missing: UnitRef[]; unexpected: UnitRef[] };
  weakest: RankedUnit[];
}

export function aggregate(
  _children: UnitSummary[],
  _opts: {
    parent: UnitRef;
    period: Period;
    rulebook: Rulebook;
    targets?: Target[];
    /** Units that should have reported (the unit list); completeness is measured against it. */
    expected?: UnitRef[];
    previous?: UnitSummary[];
  },
): Rollup {
  throw new Error('not implemented');
}
