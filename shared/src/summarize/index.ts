/**
 * A workbook's counts: what leaves it.
 *
 * No double counting: a workbook may carry an organizations table (one row per grassroots
 * organization, with its number of cells and members) and a cells table (one row per cell).
 * Each figure is taken from the most detailed table that carries it: cells are counted as cell
 * rows when a cells table exists, else summed from the organizations' "cells" column; members
 * come from the cells table, else from the organizations table, else from the member list;
 * member ratings from the cells' rating columns, else the organizations', else the member
 * list; admissions from the cells' "admitted" column, else the organizations'. Hamlet heads come
 * from the hamlets table when it says, else from the cells table.
 */
import type { Period } from '../period.ts';
import type { RatingCode } from '../rating-codes.ts';
import type { RatingResult } from '../report.ts';
import { DEFAULT_RULEBOOK } from '../rulebook/default.ts';
import type { Thresholds } from '../rulebook/schema.ts';
import { emptyCounts, type Counts, type UnitRef, type UnitSummary } from '../summary.ts';
import { fieldValue, type RowRecord } from '../table.ts';
import { foldText } from '../text.ts';
import { recordsByKind, type WorkbookData } from '../workbook-data.ts';

/*
 * Definitions of every count (summary.ts COUNT_IDS), as computed here:
 *
 * orgs                    rows of organizations tables (grassroots organizations)
 * orgsRated               of which with a rating (proposed, else computed)
 * orgsExcellent…NotCompleted  of which rated HTXSNV / HTTNV / HTNV / KHTNV
 * communeOrgs             organizations that are commune-level committees (đảng bộ xã, phường,
 *                         thị trấn), by their kind column or their name
 * communeOrgsRated…NotCompleted  the same rating counts over commune-level committees
 * secretariesKnown        organizations whose row says whether the secretary is local
 * secretariesNotLocal     of which the secretary is not local
 * chairmenKnown           organizations whose row says whether the commune chairman is local
 * chairmenNotLocal        of which the chairman is not local
 * communeOfficials        commune officials, summed over rows giving both officials figures
 * communeOfficialsStandard  of which meeting the standard (same rows)
 * enterpriseOrgsFounded   organizations founded in enterprises/co-ops, summed
 * cells                   party cells: cell rows, else the organizations' "cells" column summed
 * cellsResidential        cells of a hamlet or residential area (thôn, bản, tiểu khu, tổ dân
 *                         phố, khu phố, xóm …), by their kind column or their name
 * cellsResidentialWithCommittee  of which with a committee (chi ủy)
 * cellsCommitteeKnown     cells whose row says whether they have a committee ("has committee"
 *                         or a committee size); without it a cell is neither with nor without
 * cellsResidentialCommitteeKnown  the same over residential cells
 * cellsWithCommittee      cells with a committee: "has committee" yes, or a committee size > 0
 * cellsEligibleForCommittee  cells with ≥ committeeMinOfficialMembers official members
 *                         (official = the column, else total − probationary; unknown: not counted)
 * cellsEligibleWithoutCommittee  of which known to have no committee
 * cellsUnder9             cells with fewer than fewMembersWarning members in total
 * cellsUnder5             cells with fewer than fewMembersSevere members in total
 * cellsUnder3             cells with fewer than minOfficialMembers official members (must merge)
 * cellsWithMeetingData    cells whose regular meetings are given
 * cellsAllRegularMeetings of which holding every regular meeting due in the period
 *                         (regularMeetingsPerYear prorated by the period's months)
 * cellsWithSecretaryData  cells saying whether their secretary is the hamlet head
 * cellsSecretaryIsHamletHead  of which yes
 * cellsWithoutRecentAdmission  cells with no admission this period and none for at least
 *                         yearsWithoutAdmission years before the period's end
 * cellsRated…cellsNotCompleted  cells by rating (proposed, else computed)
 * members, membersOfficial, membersProbationary  see the precedence above; official or
 *                         probationary is derived from the other two when only two are given
 * membersAdmitted         members admitted in the period, summed (cells, else organizations)
 * membersRated            members with a rating: sum of the four rating counts
 * membersExcellent…NotCompleted  members by rating
 * membersWithTaskKnown    members whose task assignment is known (the members of cells giving
 *                         "members assigned a task", else member-list rows saying yes or no)
 * membersWithTask         of which assigned a task
 * hamlets                 rows of hamlets tables
 * hamletsWithMembers      hamlets with at least one member (not "white")
 * hamletsWithIndependentCell  hamlets with their own cell
 * hamletsIndependentCellKnown  hamlets whose row says whether they have their own cell
 * hamletHeadsKnown        hamlets (else cells) saying whether the hamlet head is a member
 * hamletHeadsNotMembers   of which not a member
 * population              population of the hamlets, summed
 */

export interface SummarizeOptions {
  unit: UnitRef;
  period: Period;
  rulebookVersion: string;
  /** Cell-size and meeting thresholds; the default rulebook's when absent. */
  thresholds?: Thresholds;
  /** foldText with the answers of this check so far (see foldingCache). */
  fold?: (s: string) => string;
}

function num(r: RowRecord, field: string): number | undefined {
  const v = fieldValue(r, field);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function bool(r: RowRecord, field: string): boolean | undefined {
  const v = fieldValue(r, field);
  return typeof v === 'boolean' ? v : undefined;
}

function str(r: RowRecord, field: string): string {
  const v = fieldValue(r, field);
  return typeof v === 'string' ? v : '';
}

function has(records: readonly RowRecord[], field: string): boolean {
  return records.some((r) => fieldValue(r, field) !== undefined);
}

function sum(records: readonly RowRecord[], field: string): number {
  let s = 0;
  // An index loop: the iterator's results of a for…of were not optimized away here.
  for (let i = 0; i < records.length; i++) s += num(records[i]!, field) ?? 0;
  return s;
}

/** "Đảng bộ xã Nậm Lạnh", kind "Đảng bộ phường", "xã", "cấp xã", "thị trấn". */
export function isCommuneOrg(r: RowRecord): boolean {
  return communeOrg(r, foldText);
}

/** isCommuneOrg with the check's fold (see foldingCache). */
function communeOrg(r: RowRecord, fold: (s: string) => string): boolean {
  const kind = fold(str(r, 'orgType'));
  if (/^(dang bo |db )?(cap xa|xa|phuong|thi tran)( |$)/.test(kind)) return true;
  if (/\bdang bo (cap xa|xa|phuong|thi tran)\b/.test(kind)) return true;
  const name = fold(str(r, 'name'));
  return /^(dang bo|db) (xa|phuong|thi tran) /.test(name);
}

/**
 * A hamlet or residential cell: "Chi bộ bản Lạnh", "Chi bộ thôn Trại Dọc", kind "Tổ dân phố".
 * "Ban" (board) is told apart from "bản" (hamlet) only by what follows it, since both fold alike.
 */
const RESIDENTIAL =
  /^(chi bo )?(thon|ban(?! (quan ly|chi huy|dan|tuyen giao|to chuc|kiem tra|cong tac|chi dao))|tieu khu|to dan pho|khu pho|khu dan cu|xom|lang|ap|buon|khoi pho|khom|to)( |$)/;
const RESIDENTIAL_KIND =
  /\b(thon|ban|tieu khu|to dan pho|khu pho|khu dan cu|xom|lang|ap|buon|khoi pho|khom|dan cu|nong thon)\b/;

export function isResidentialCell(r: RowRecord): boolean {
  return residentialCell(r, foldText);
}

/** isResidentialCell with the check's fold (see foldingCache). */
function residentialCell(r: RowRecord, fold: (s: string) => string): boolean {
  const kind = fold(str(r, 'cellType'));
  if (kind) return RESIDENTIAL_KIND.test(kind) && !/\bban (quan ly|chi huy)\b/.test(kind);
  return RESIDENTIAL.test(fold(str(r, 'name')));
}

function officialMembers(r: RowRecord): number | undefined {
  const official = num(r, 'membersOfficial');
  if (official !== undefined) return official;
  const total = num(r, 'membersTotal');
  const probationary = num(r, 'membersProbationary');
  return total !== undefined && probationary !== undefined ? total - probationary : undefined;
}

/** Whether a cell has a committee; undefined when its row says nothing about it. */
function hasCommittee(r: RowRecord): boolean | undefined {
  const flag = bool(r, 'hasCommittee');
  if (flag !== undefined) return flag;
  const size = num(r, 'committeeSize');
  return size === undefined ? undefined : size > 0;
}

/** Regular meetings due in a period: one a month by default, prorated. */
function meetingsDue(period: Period, t: Thresholds): number {
  return Math.ceil((t.regularMeetingsPerYear * period.months) / 12 - 1e-9);
}

function addRating(
  c: Counts,
  prefix: 'orgs' | 'communeOrgs' | 'cells',
  rating: RatingCode | undefined,
): void {
  if (!rating) return;
  c[`${prefix}Rated`]++;
  switch (rating) {
    case 'HTXSNV':
      c[`${prefix}Excellent`]++;
      break;
    case 'HTTNV':
      c[`${prefix}Good`]++;
      break;
    case 'HTNV':
      c[`${prefix}Completed`]++;
      break;
    case 'KHTNV':
      c[`${prefix}NotCompleted`]++;
      break;
  }
}

/** Member totals of a table of units (cells or organizations): derived where two of three are given. */
function memberTotals(records: readonly RowRecord[]): {
  total: number;
  official: number;
  probationary: number;
} {
  let total = 0;
  let official = 0;
  let probationary = 0;
  for (const r of records) {
    let t = num(r, 'membersTotal');
    let o = num(r, 'membersOfficial');
    let p = num(r, 'membersProbationary');
    if (t === undefined && o !== undefined && p !== undefined) t = o + p;
    if (o === undefined && t !== undefined && p !== undefined) o = t - p;
    if (p === undefined && t !== undefined && o !== undefined) p = t - o;
    total += t ?? 0;
    official += o ?? 0;
    probationary += p ?? 0;
  }
  return { total, official, probationary };
}

const MEMBER_RATING_FIELDS = [
  'membersExcellent',
  'membersGood',
  'membersCompleted',
  'membersNotCompleted',
] as const;

function namesUnit(r: RowRecord, unit: UnitRef, fold: (s: string) => string): boolean {
  const code = fieldValue(r, 'code');
  if (unit.code && code !== undefined && String(code).trim() === unit.code.trim()) return true;
  const a = fold(str(r, 'name'));
  const b = fold(unit.name);
  return a !== '' && b !== '' && (a === b || a.includes(b) || b.includes(a));
}

export function summarize(data: WorkbookData, ratings: RatingResult[], opts: SummarizeOptions): UnitSummary {
  const t = opts.thresholds ?? DEFAULT_RULEBOOK.thresholds;
  const fold = opts.fold ?? foldText;
  const c = emptyCounts();
  const finalByRef = new Map<string, RatingCode>();
  for (const r of ratings) if (r.final) finalByRef.set(r.rowRef, r.final);

  const byKind = recordsByKind(data.records);
  const orgs = byKind.get('organizations') ?? [];
  const cells = byKind.get('partyCells') ?? [];
  const hamlets = byKind.get('hamlets') ?? [];
  const members = byKind.get('members') ?? [];

  // Grassroots organizations
  for (const r of orgs) {
    c.orgs++;
    const rating = finalByRef.get(r.ref);
    addRating(c, 'orgs', rating);
    if (communeOrg(r, fold)) {
      c.communeOrgs++;
      addRating(c, 'communeOrgs', rating);
    }
    const sec = bool(r, 'secretaryNotLocal');
    if (sec !== undefined) {
      c.secretariesKnown++;
      if (sec) c.secretariesNotLocal++;
    }
    const chair = bool(r, 'chairmanNotLocal');
    if (chair !== undefined) {
      c.chairmenKnown++;
      if (chair) c.chairmenNotLocal++;
    }
    const officials = num(r, 'officialsTotal');
    const standard = num(r, 'officialsMeetingStandard');
    if (officials !== undefined && standard !== undefined) {
      c.communeOfficials += officials;
      c.communeOfficialsStandard += standard;
    }
    c.enterpriseOrgsFounded += num(r, 'enterpriseOrgsFounded') ?? 0;
  }

  // Party cells
  const due = meetingsDue(opts.period, t);
  const periodEnd = opts.period.toYear;
  for (const r of cells) {
    c.cells++;
    const committee = hasCommittee(r);
    const residential = residentialCell(r, fold);
    if (committee !== undefined) c.cellsCommitteeKnown++;
    if (committee) c.cellsWithCommittee++;
    if (residential) {
      c.cellsResidential++;
      if (committee !== undefined) c.cellsResidentialCommitteeKnown++;
      if (committee) c.cellsResidentialWithCommittee++;
    }
    const official = officialMembers(r);
    if (official !== undefined && official >= t.committeeMinOfficialMembers) {
      c.cellsEligibleForCommittee++;
      if (committee === false) c.cellsEligibleWithoutCommittee++;
    }
    const total = num(r, 'membersTotal');
    if (total !== undefined) {
      if (total < t.fewMembersWarning) c.cellsUnder9++;
      if (total < t.fewMembersSevere) c.cellsUnder5++;
    }
    const officialOrTotal = official ?? total;
    if (officialOrTotal !== undefined && officialOrTotal < t.minOfficialMembers) c.cellsUnder3++;
    const meetings = num(r, 'meetingsRegular');
    if (meetings !== undefined) {
      c.cellsWithMeetingData++;
      if (meetings >= due) c.cellsAllRegularMeetings++;
    }
    const secretary = bool(r, 'secretaryIsHamletHead');
    if (secretary !== undefined) {
      c.cellsWithSecretaryData++;
      if (secretary) c.cellsSecretaryIsHamletHead++;
    }
    const last = num(r, 'lastAdmissionYear');
    const admitted = num(r, 'admitted') ?? 0;
    if (
      last !== undefined &&
      periodEnd > 0 &&
      admitted === 0 &&
      periodEnd - last >= t.yearsWithoutAdmission
    ) {
      c.cellsWithoutRecentAdmission++;
    }
    addRating(c, 'cells', finalByRef.get(r.ref));
  }
  if (cells.length === 0) c.cells = sum(orgs, 'cells');

  // Members: the most detailed table giving totals.
  const memberSource =
    has(cells, 'membersTotal') || has(cells, 'membersOfficial')
      ? cells
      : has(orgs, 'membersTotal') || has(orgs, 'membersOfficial')
        ? orgs
        : undefined;
  if (memberSource) {
    const m = memberTotals(memberSource);
    c.members = m.total;
    c.membersOfficial = m.official;
    c.membersProbationary = m.probationary;
  } else if (members.length) {
    c.members = members.length;
    for (const r of members) {
      const status = str(r, 'status');
      if (status === 'official') c.membersOfficial++;
      else if (status === 'probationary') c.membersProbationary++;
    }
  }

  // Admissions
  c.membersAdmitted = has(cells, 'admitted') ? sum(cells, 'admitted') : sum(orgs, 'admitted');

  // Member ratings
  const ratingSource = MEMBER_RATING_FIELDS.some((f) => has(cells, f))
    ? cells
    : MEMBER_RATING_FIELDS.some((f) => has(orgs, f))
      ? orgs
      : undefined;
  if (ratingSource) {
    c.membersExcellent = sum(ratingSource, 'membersExcellent');
    c.membersGood = sum(ratingSource, 'membersGood');
    c.membersCompleted = sum(ratingSource, 'membersCompleted');
    c.membersNotCompleted = sum(ratingSource, 'membersNotCompleted');
  } else {
    for (const r of members) {
      switch (fieldValue(r, 'rating')) {
        case 'HTXSNV':
          c.membersExcellent++;
          break;
        case 'HTTNV':
          c.membersGood++;
          break;
        case 'HTNV':
          c.membersCompleted++;
          break;
        case 'KHTNV':
          c.membersNotCompleted++;
          break;
      }
    }
  }
  c.membersRated = c.membersExcellent + c.membersGood + c.membersCompleted + c.membersNotCompleted;

  // Members assigned a task
  if (has(cells, 'membersWithTask')) {
    for (const r of cells) {
      const withTask = num(r, 'membersWithTask');
      const total = num(r, 'membersTotal');
      if (withTask === undefined || total === undefined) continue;
      c.membersWithTaskKnown += total;
      c.membersWithTask += withTask;
    }
  } else {
    for (const r of members) {
      const task = bool(r, 'taskAssigned');
      if (task === undefined) continue;
      c.membersWithTaskKnown++;
      if (task) c.membersWithTask++;
    }
  }

  // Hamlets
  for (const r of hamlets) {
    c.hamlets++;
    if ((num(r, 'members') ?? 0) > 0) c.hamletsWithMembers++;
    const ownCell = bool(r, 'hasIndependentCell');
    if (ownCell !== undefined) c.hamletsIndependentCellKnown++;
    if (ownCell) c.hamletsWithIndependentCell++;
    c.population += num(r, 'population') ?? 0;
  }
  const headSource = has(hamlets, 'hamletHeadIsMember') ? hamlets : cells;
  for (const r of headSource) {
    const isMember = bool(r, 'hamletHeadIsMember');
    if (isMember === undefined) continue;
    c.hamletHeadsKnown++;
    if (!isMember) c.hamletHeadsNotMembers++;
  }

  // The unit's own rating: an organizations table whose single row is the unit itself.
  let rating: RatingCode | undefined;
  if (orgs.length === 1 && namesUnit(orgs[0]!, opts.unit, fold)) rating = finalByRef.get(orgs[0]!.ref);

  return {
    unit: opts.unit,
    period: opts.period,
    counts: c,
    ...(rating ? { rating } : {}),
    targetsMissed: [],
    openErrors: 0,
    openWarnings: 0,
    unitsIncluded: 1,
    rulebookVersion: opts.rulebookVersion,
  };
}
