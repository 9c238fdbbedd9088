/**
 * What leaves a workbook: counts only, never names. Every count is additive, so a parent's
 * summary is the sum of its children's, and every ratio is recomputed from counts at each
 * level (never averaged).
 */
import type { Period } from './period.ts';
import type { RatingCode } from './rating-codes.ts';

export const COUNT_IDS = [
  // Grassroots organizations (tổ chức cơ sở đảng)
  'orgs',
  'orgsRated',
  'orgsExcellent',
  'orgsGood',
  'orgsCompleted',
  'orgsNotCompleted',
  // of which commune-level committees (đảng bộ xã, phường, thị trấn)
  'communeOrgs',
  'communeOrgsRated',
  'communeOrgsExcellent',
  'communeOrgsGood',
  'communeOrgsCompleted',
  'communeOrgsNotCompleted',
  'secretariesKnown',
  'secretariesNotLocal',
  'chairmenKnown',
  'chairmenNotLocal',
  'communeOfficials',
  'communeOfficialsStandard',
  'enterpriseOrgsFounded',
  // Party cells (chi bộ trực thuộc)
  'cells',
  'cellsResidential',
  'cellsResidentialWithCommittee',
  // of cells / residential cells: whose row says whether they have a committee (chi ủy)
  'cellsCommitteeKnown',
  'cellsResidentialCommitteeKnown',
  'cellsWithCommittee',
  'cellsEligibleForCommittee',
  'cellsEligibleWithoutCommittee',
  'cellsUnder9',
  'cellsUnder5',
  'cellsUnder3',
  'cellsWithMeetingData',
  'cellsAllRegularMeetings',
  'cellsWithSecretaryData',
  'cellsSecretaryIsHamletHead',
  'cellsWithoutRecentAdmission',
  'cellsRated',
  'cellsExcellent',
  'cellsGood',
  'cellsCompleted',
  'cellsNotCompleted',
  // Members (đảng viên)
  'members',
  'membersOfficial',
  'membersProbationary',
  'membersAdmitted',
  'membersRated',
  'membersExcellent',
  'membersGood',
  'membersCompleted',
  'membersNotCompleted',
  'membersWithTaskKnown',
  'membersWithTask',
  // Hamlets and residential areas (thôn, bản, tổ dân phố)
  'hamlets',
  'hamletsWithMembers',
  'hamletsWithIndependentCell',
  // hamlets whose row says whether they have their own cell
  'hamletsIndependentCellKnown',
  'hamletHeadsKnown',
  'hamletHeadsNotMembers',
  'population',
] as const;

export type CountId = (typeof COUNT_IDS)[number];

export type Counts = Record<CountId, number>;

export function emptyCounts(): Counts {
  const c = {} as Counts;
  for (const id of COUNT_IDS) c[id] = 0;
  return c;
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const id of COUNT_IDS) into[id] += from[id] ?? 0;
  return into;
}

/** A unit as the hierarchy knows it. */
export interface UnitRef {
  code?: string;
  name: string;
  /** "province" | "district" | "commune" | "cell" …, free text from the unit list. */
  level?: string;
  parentCode?: string;
}

/** A unit's record in aggregation: its counts, its own rating and the targets it missed. */
export interface UnitSummary {
  unit: UnitRef;
  period: Period;
  counts: Counts;
  /** The unit's own rating (recorded, or computed when none was recorded). */
  rating?: RatingCode;
  /** Ids of targets evaluated as not met for this unit. */
  targetsMissed: string[];
  /** Open errors and warnings, for ranking and completeness. */
  openErrors: number;
  openWarnings: number;
  /** Leaf units folded into this summary (1 for a unit's own workbook). */
  unitsIncluded: number;
  rulebookVersion: string;
}
