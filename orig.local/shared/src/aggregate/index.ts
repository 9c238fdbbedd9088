/** Rolling many units' summaries up into their parent's, at any depth of the hierarchy. */
import type { Period } from '../period.ts';
import type { RatingCode } from '../rating-codes.ts';
import { RATING_LABELS } from '../rating-codes.ts';
import type { TargetResult } from '../report.ts';
import type { Rulebook, Target } from '../rulebook/schema.ts';
import { addCounts, emptyCounts, type UnitRef, type UnitSummary } from '../summary.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { foldText } from '../text.ts';
import { evaluateTargets } from '../targets/index.ts';

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

export interface AggregateOptions {
  parent: UnitRef;
  period: Period;
  rulebook: Rulebook;
  targets?: Target[];
  /** Units that should have reported (the unit list); completeness is measured against it. */
  expected?: UnitRef[];
  previous?: UnitSummary[];
  /** The parent's own rating, when its superior has rated it; a roll-up never invents one. */
  rating?: RatingCode;
}

/**
 * Counts are added; every ratio is recomputed from the summed counts by the targets (never an
 * average of the children's percentages). The result's summary is a UnitSummary again, so a
 * district roll-up can itself be a child of a province roll-up.
 */
export function aggregate(children: UnitSummary[], opts: AggregateOptions): Rollup {
  const targets = opts.targets ?? opts.rulebook.targets;
  const counts = emptyCounts();
  let openErrors = 0;
  let openWarnings = 0;
  let unitsIncluded = 0;
  for (const child of children) {
    addCounts(counts, child.counts);
    openErrors += child.openErrors;
    openWarnings += child.openWarnings;
    unitsIncluded += child.unitsIncluded;
  }

  const summary: UnitSummary = {
    unit: opts.parent,
    period: opts.period,
    counts,
    ...(opts.rating ? { rating: opts.rating } : {}),
    targetsMissed: [],
    openErrors,
    openWarnings,
    unitsIncluded,
    rulebookVersion: opts.rulebook.version,
  };
  const parentTargets = evaluateTargets(summary, targets, opts.rulebook, {
    ...(opts.parent.level ? { level: opts.parent.level } : {}),
    ...(opts.previous ? { previous: opts.previous } : {}),
  });
  summary.targetsMissed = parentTargets.filter((t) => t.status === 'notMet').map((t) => t.targetId);

  const childResults = children.map((child) => ({
    summary: child,
    targets: evaluateTargets(
      child,
      targets,
      opts.rulebook,
      child.unit.level ? { level: child.unit.level } : {},
    ),
  }));

  return {
    summary,
    targets: parentTargets,
    children: childResults,
    completeness: completeness(children, opts.expected),
    weakest: weakest(childResults),
  };
}

function sameUnit(a: UnitRef, b: UnitRef): boolean {
  if (a.code && b.code) return a.code.trim() === b.code.trim();
  return foldText(a.name) === foldText(b.name);
}

/** Matched by code when both sides have one, else by folded name ("Xã Nậm Lạnh" = "xa nam lanh"). */
function completeness(children: UnitSummary[], expected: UnitRef[] | undefined): Rollup['completeness'] {
  const units = children.map((c) => c.unit);
  if (!expected) return { expected: units.length, submitted: units, missing: [], unexpected: [] };
  const submitted: UnitRef[] = [];
  const unexpected: UnitRef[] = [];
  const matched = new Set<number>();
  for (const u of units) {
    const i = expected.findIndex((e, idx) => !matched.has(idx) && sameUnit(e, u));
    if (i >= 0) {
      matched.add(i);
      submitted.push(u);
    } else if (expected.some((e) => sameUnit(e, u))) {
      // The same unit twice (a resubmission folded in twice): not unexpected, not counted again.
      continue;
    } else unexpected.push(u);
  }
  const missing = expected.filter((_, idx) => !matched.has(idx));
  return { expected: expected.length, submitted, missing, unexpected };
}

/** KHTNV first, then HTNV, then units without a rating, then the good and excellent ones. */
const RATING_WEAKNESS: Record<RatingCode | 'none', number> = {
  KHTNV: 0,
  HTNV: 1,
  none: 2,
  HTTNV: 3,
  HTXSNV: 4,
};

/**
 * The units a board picks to help (seed 002: those rated "not completed" or "only completed"),
 * then units that missed targets or still have open errors. Units with none of these are left
 * out: the list is of units that need help.
 */
function weakest(children: { summary: UnitSummary; targets: TargetResult[] }[]): RankedUnit[] {
  const ranked = children.map(({ summary, targets }) => {
    const missed = new Set(summary.targetsMissed);
    for (const t of targets) if (t.status === 'notMet') missed.add(t.targetId);
    return { summary, missed: missed.size };
  });
  return ranked
    .filter(
      ({ summary, missed }) =>
        summary.rating === 'KHTNV' || summary.rating === 'HTNV' || missed > 0 || summary.openErrors > 0,
    )
    .sort(
      (a, b) =>
        RATING_WEAKNESS[a.summary.rating ?? 'none'] - RATING_WEAKNESS[b.summary.rating ?? 'none'] ||
        b.missed - a.missed ||
        b.summary.openErrors - a.summary.openErrors ||
        a.summary.unit.name.localeCompare(b.summary.unit.name, 'vi'),
    )
    .map(({ summary, missed }) => ({
      unit: summary.unit,
      ...(summary.rating ? { rating: summary.rating } : {}),
      targetsMissed: missed,
      openErrors: summary.openErrors,
      reason: reasonOf(summary.rating, missed, summary.openErrors),
    }));
}

function reasonOf(rating: RatingCode | undefined, missed: number, errors: number): Bilingual {
  const vi: string[] = [];
  const en: string[] = [];
  if (rating) {
    vi.push(`xếp loại ${RATING_LABELS[rating].vi}`);
    en.push(`rated ${RATING_LABELS[rating].en.toLowerCase()}`);
  } else {
    vi.push('chưa có xếp loại');
    en.push('not rated');
  }
  if (missed > 0) {
    vi.push(`${missed} chỉ tiêu chưa đạt`);
    en.push(`${missed} target${missed === 1 ? '' : 's'} missed`);
  }
  if (errors > 0) {
    vi.push(`${errors} lỗi chưa xử lý`);
    en.push(`${errors} open error${errors === 1 ? '' : 's'}`);
  }
  const s = bi(vi.join('; '), en.join('; '));
  return bi(s.vi.charAt(0).toUpperCase() + s.vi.slice(1), s.en.charAt(0).toUpperCase() + s.en.slice(1));
}
