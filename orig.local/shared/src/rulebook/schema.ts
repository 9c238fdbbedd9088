/**
 * The rulebook: every threshold, the rating model and the targets, as validated data.
 * Provinces issue their own guidance and central rules change (2018, 2023, 2025), so no
 * number from here may appear as a literal in rule code.
 */
import { z } from 'zod';
import { RATING_CODES } from '../rating-codes.ts';

export const bilingualSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });

const ratingCode = z.enum(RATING_CODES);

export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** A target (chỉ tiêu): a measure, a comparator, a value, a scope, a period and a basis. */
export const targetSchema = z.object({
  id: z.string().min(1),
  /** A measure id from targets/measures.ts. */
  measure: z.string().min(1),
  comparator: comparatorSchema,
  /** Ratios as fractions (0.9 for 90%), counts as whole numbers. */
  value: z.number(),
  /** Levels at which the target is evaluated ("commune", "district", "province"); empty: every level. */
  levels: z.array(z.string()).default([]),
  /** "year": every year; "term": over a term (nhiệm kỳ); "by": reached by the year `byYear`. */
  period: z.object({
    kind: z.enum(['year', 'term', 'by']),
    fromYear: z.number().int().optional(),
    toYear: z.number().int().optional(),
  }),
  label: bilingualSchema,
  basis: bilingualSchema,
  /** Decimal places when the attainment is shown as a percentage. */
  precision: z.number().int().min(0).max(4).default(2),
});
export type Target = z.infer<typeof targetSchema>;

export const ratingModelSchema = z.object({
  /** Minimum score for each level, best first; below the last band: not completed. */
  scoreBands: z.array(z.object({ rating: ratingCode, minScore: z.number().min(0).max(100) })),
  maxScore: z.number().positive(),
  excellent: z.object({
    minOnTimeShare: z.number().min(0).max(1),
    minExceededShare: z.number().min(0).max(1),
    maxDisciplinedLeaders: z.number().int().min(0),
  }),
  good: z.object({ minOnTimeShare: z.number().min(0).max(1) }),
  completed: z.object({
    minDoneShare: z.number().min(0).max(1),
    maxLateShare: z.number().min(0).max(1),
  }),
  /** The number rated excellent may not exceed this share of those rated good (2023 rule). */
  excellentQuota: z.object({
    enabled: z.boolean(),
    maxShareOfGood: z.number().min(0).max(1),
    basis: bilingualSchema,
  }),
  basis: bilingualSchema,
});
export type RatingModel = z.infer<typeof ratingModelSchema>;

export const thresholdsSchema = z.object({
  /** A cell with at least this many official members elects a committee (Party Statute). */
  committeeMinOfficialMembers: z.number().int().positive(),
  /** "Few members" warning below this (seed 000: 45 cells under 9). */
  fewMembersWarning: z.number().int().positive(),
  /** Severe "few members" below this (seed 000: 6 cells under 5). */
  fewMembersSevere: z.number().int().positive(),
  /** A cell needs at least this many official members, otherwise it must be merged. */
  minOfficialMembers: z.number().int().positive(),
  /** Regular meetings a year (one a month); prorated for shorter periods. */
  regularMeetingsPerYear: z.number().int().positive(),
  /** Thematic meetings a quarter. */
  thematicMeetingsPerQuarter: z.number().int().min(0),
  /** Years without an admission before a cell is flagged (seed 002: Nà Mò 2 years). */
  yearsWithoutAdmission: z.number().int().positive(),
  /** Relative change against the previous period that needs explaining (0.2 = 20%). */
  jumpShare: z.number().positive(),
  /** Absolute change ignored below this, so that small units do not flag on ±1. */
  jumpMinAbsolute: z.number().int().min(0),
  /** Scores are 0..maxScore. */
  maxScore: z.number().positive(),
  /** Minimum age at admission (Party Statute: 18); without it the age check does not run. */
  minAdmissionAge: z.number().int().positive().optional(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const rulebookSchema = z.object({
  id: z.string().min(1),
  /** Recorded in every result. */
  version: z.string().min(1),
  name: bilingualSchema,
  effective: z.object({ fromYear: z.number().int(), toYear: z.number().int().optional() }),
  thresholds: thresholdsSchema,
  rating: ratingModelSchema,
  targets: z.array(targetSchema),
  /** Severity overrides by rule id, and rules switched off. */
  severities: z.record(z.string(), z.enum(['error', 'warning', 'info'])).default({}),
  disabledRules: z.array(z.string()).default([]),
  display: z.object({
    percentDecimals: z.number().int().min(0).max(4),
    rounding: z.enum(['halfUp', 'truncate']),
  }),
});
export type Rulebook = z.infer<typeof rulebookSchema>;
export type RulebookInput = z.input<typeof rulebookSchema>;
