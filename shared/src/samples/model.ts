/**
 * The facts behind a sample workbook, before they are laid out: party cells, hamlets,
 * members and grassroots organizations. Sheets are drawn from these so that every sheet of
 * a sample agrees with the others, except where an error is seeded on purpose.
 */
import type { CellValue } from '../grid.ts';
import type { RatingCode } from '../rating-codes.ts';
import { excelSerial, viDate, viNumber } from './layout.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';
import type { ColumnSpec } from './table.ts';

/** A party cell (chi bộ trực thuộc) for one year. */
export interface CellModel {
  name: string;
  /** Residential cells (bản, tiểu khu) have a hamlet; others are agencies, schools… */
  kind: 'residential' | 'school' | 'health' | 'militia' | 'police' | 'agency';
  hamlet?: string;
  official: number;
  probationary: number;
  /** As typed in the total column; normally official + probationary. */
  total: number;
  hasCommittee: boolean;
  committeeSize?: number;
  meetingsRegular: number;
  meetingsThematic: number;
  admitted: number;
  lastAdmissionYear: number;
  secretaryIsHamletHead?: boolean;
  membersWithTask: number;
  score: number;
  tasksTotal: number;
  tasksOnTime: number;
  tasksLate: number;
  tasksExceeded: number;
  tasksUndone: number;
  disciplinedLeaders: number;
  proposed: RatingCode;
  /** Members' ratings: excellent, good, completed, not completed. */
  memberRatings: [number, number, number, number];
  justification?: string;
}

export interface HamletModel {
  name: string;
  households: number;
  population: number;
  members: number;
  hasIndependentCell: boolean;
  hamletHeadIsMember: boolean;
  religious: boolean;
  ethnicMinority: boolean;
  difficultArea: boolean;
}

export interface MemberModel {
  fullName: string;
  birth: [number, number, number];
  cell: string;
  admission: [number, number, number];
  official?: [number, number, number];
  status: 'official' | 'probationary';
  rating: RatingCode;
  taskAssigned: boolean;
}

/** A grassroots organization (tổ chức cơ sở đảng) for one year or term. */
export interface OrgModel {
  name: string;
  code?: string;
  kind: string;
  district?: string;
  cells: number;
  official: number;
  probationary: number;
  admitted: number;
  secretaryNotLocal?: boolean;
  chairmanNotLocal?: boolean;
  officialsTotal?: number;
  officialsMeetingStandard?: number;
  enterpriseOrgsFounded?: number;
  score?: number;
  tasksTotal?: number;
  tasksOnTime?: number;
  tasksLate?: number;
  tasksExceeded?: number;
  proposed?: RatingCode;
  memberRatings?: [number, number, number, number];
}

/** How a workbook's author types things: each official has habits. */
export interface TypingStyle {
  yes: string;
  no: string | null;
  /** Share of numbers typed as text. */
  textNumbers: number;
  /** Member status spelled "CT"/"DB" or in full. */
  shortStatus: boolean;
  /** Share of dates stored as Excel serials rather than typed text. */
  serialDates: number;
}

export function typingStyle(rng: Random): TypingStyle {
  return {
    yes: rng.pick(['x', 'Có', '✓', 'X']),
    no: rng.pick([null, 'Không', '']),
    textNumbers: rng.pick([0, 0.1, 0.3]),
    shortStatus: rng.chance(0.5),
    serialDates: rng.pick([0, 0.2]),
  };
}

export function yesNo(style: TypingStyle, v: boolean | undefined): CellValue {
  if (v === undefined) return null;
  if (v) return style.yes;
  return style.no === '' ? null : style.no;
}

/** A count as the author typed it: sometimes text, large ones with "." grouping. */
export function count(style: TypingStyle, rng: Random, n: number | undefined): CellValue {
  if (n === undefined) return null;
  if (n >= 1000 && rng.chance(0.5)) return viNumber(n);
  return rng.chance(style.textNumbers) ? String(n) : n;
}

export const RATING_TEXT: Record<RatingCode, string[]> = {
  HTXSNV: ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'],
  HTTNV: ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
  HTNV: ['HTNV', 'Hoàn thành nhiệm vụ'],
  KHTNV: ['KHTNV', 'Không hoàn thành nhiệm vụ'],
};

/** Members' ratings for a cell of n members that meet the 20% quota of excellent. */
export function memberRatingsFor(n: number, completedShare = 0.1): [number, number, number, number] {
  const completed = Math.round(n * completedShare);
  const rest = n - completed;
  const excellent = Math.floor(rest * 0.15);
  return [excellent, rest - excellent, completed, 0];
}

/**
 * The member list of a cell, agreeing with its counts: `official` official members and
 * `probationary` admitted in `year`; the latest official admission falls in lastAdmissionYear
 * when that is before `year`; ratings follow memberRatings; names from `nameOf`.
 */
export function membersOf(
  cell: CellModel,
  year: number,
  rng: Random,
  nameOf: (rng: Random) => string = personName,
): MemberModel[] {
  const out: MemberModel[] = [];
  const ratings: RatingCode[] = [];
  const [ex, good, comp, notc] = cell.memberRatings;
  for (let i = 0; i < ex; i++) ratings.push('HTXSNV');
  for (let i = 0; i < good; i++) ratings.push('HTTNV');
  for (let i = 0; i < comp; i++) ratings.push('HTNV');
  for (let i = 0; i < notc; i++) ratings.push('KHTNV');
  const n = cell.official + cell.probationary;
  let withTask = cell.membersWithTask;
  for (let i = 0; i < n; i++) {
    const probationary = i >= cell.official;
    let admissionYear: number;
    if (probationary) admissionYear = year;
    else if (i === 0 && cell.lastAdmissionYear < year) admissionYear = cell.lastAdmissionYear;
    else admissionYear = rng.int(1980, Math.min(cell.lastAdmissionYear, year - 1) - 1);
    const month = rng.int(1, 10);
    const day = rng.int(1, 28);
    const birthYear = Math.max(1940, admissionYear - rng.int(19, 40));
    out.push({
      fullName: nameOf(rng),
      birth: [birthYear, rng.int(1, 12), rng.int(1, 28)],
      cell: cell.name,
      admission: [admissionYear, month, day],
      ...(probationary ? {} : { official: [admissionYear + 1, month, day] as [number, number, number] }),
      status: probationary ? 'probationary' : 'official',
      rating: ratings[i] ?? 'HTTNV',
      taskAssigned: withTask-- > 0,
    });
  }
  return out;
}

export function dateCell(
  style: TypingStyle,
  rng: Random,
  date: [number, number, number] | undefined,
): { value: CellValue; serial: boolean } {
  if (!date) return { value: null, serial: false };
  if (rng.chance(style.serialDates)) return { value: excelSerial(...date), serial: true };
  return { value: viDate(...date), serial: false };
}

/** The columns of the party-cell table (Biểu chi bộ trực thuộc). */
export function cellColumns(style: TypingStyle, rng: Random, year: number): ColumnSpec<CellModel>[] {
  const c = (n: number | undefined): CellValue => count(style, rng, n);
  const rating = (r: RatingCode): string => rng.pick(RATING_TEXT[r]);
  return [
    { field: 'order', path: ['STT'], value: (_m, i) => i + 1 },
    { field: 'name', path: ['Tên chi bộ'], value: (m) => m.name },
    { field: 'membersTotal', path: ['Số đảng viên', 'Tổng số'], value: (m) => c(m.total), total: true },
    {
      field: 'membersOfficial',
      path: ['Số đảng viên', 'Chính thức'],
      value: (m) => c(m.official),
      total: true,
    },
    {
      field: 'membersProbationary',
      path: ['Số đảng viên', 'Dự bị'],
      value: (m) => c(m.probationary),
      total: true,
    },
    { field: 'hasCommittee', path: ['Chi ủy', 'Có chi ủy'], value: (m) => yesNo(style, m.hasCommittee) },
    {
      field: 'committeeSize',
      path: ['Chi ủy', 'Số chi ủy viên'],
      value: (m) => (m.hasCommittee ? c(m.committeeSize) : null),
    },
    { field: 'meetingsRegular', path: ['Số kỳ sinh hoạt', 'Thường kỳ'], value: (m) => c(m.meetingsRegular) },
    {
      field: 'meetingsThematic',
      path: ['Số kỳ sinh hoạt', 'Chuyên đề'],
      value: (m) => c(m.meetingsThematic),
    },
    {
      field: 'admitted',
      path: ['Kết nạp đảng viên', `Năm ${year}`],
      value: (m) => c(m.admitted),
      total: true,
    },
    {
      field: 'lastAdmissionYear',
      path: ['Kết nạp đảng viên', 'Năm kết nạp gần nhất'],
      value: (m) => m.lastAdmissionYear,
    },
    {
      field: 'secretaryIsHamletHead',
      path: ['Bí thư chi bộ đồng thời là trưởng bản'],
      value: (m) => (m.kind === 'residential' ? yesNo(style, m.secretaryIsHamletHead) : null),
    },
    {
      field: 'membersWithTask',
      path: ['Số đảng viên được phân công nhiệm vụ'],
      value: (m) => c(m.membersWithTask),
      total: true,
    },
    { field: 'score', path: ['Đánh giá chất lượng chi bộ', 'Điểm tự chấm'], value: (m) => m.score },
    {
      field: 'tasksTotal',
      path: ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Được giao'],
      value: (m) => c(m.tasksTotal),
    },
    {
      field: 'tasksOnTime',
      path: ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Hoàn thành đúng hạn'],
      value: (m) => c(m.tasksOnTime),
    },
    {
      field: 'tasksLate',
      path: ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Hoàn thành chậm'],
      value: (m) => c(m.tasksLate),
    },
    {
      field: 'tasksExceeded',
      path: ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Vượt'],
      value: (m) => c(m.tasksExceeded),
    },
    {
      field: 'tasksUndone',
      path: ['Đánh giá chất lượng chi bộ', 'Nhiệm vụ', 'Chưa hoàn thành'],
      value: (m) => c(m.tasksUndone),
    },
    {
      field: 'disciplinedLeaders',
      path: ['Đánh giá chất lượng chi bộ', 'Cấp ủy viên bị kỷ luật'],
      value: (m) => c(m.disciplinedLeaders),
    },
    {
      field: 'proposedRating',
      path: ['Đánh giá chất lượng chi bộ', 'Tự xếp loại'],
      value: (m) => rating(m.proposed),
    },
    {
      field: 'membersExcellent',
      path: ['Xếp loại đảng viên', 'HTXSNV'],
      value: (m) => c(m.memberRatings[0]),
      total: true,
    },
    {
      field: 'membersGood',
      path: ['Xếp loại đảng viên', 'HTTNV'],
      value: (m) => c(m.memberRatings[1]),
      total: true,
    },
    {
      field: 'membersCompleted',
      path: ['Xếp loại đảng viên', 'HTNV'],
      value: (m) => c(m.memberRatings[2]),
      total: true,
    },
    {
      field: 'membersNotCompleted',
      path: ['Xếp loại đảng viên', 'KHTNV'],
      value: (m) => c(m.memberRatings[3]),
      total: true,
    },
    { field: 'justification', path: ['Giải trình'], value: (m) => m.justification ?? null },
  ];
}

export function hamletColumns(style: TypingStyle, rng: Random): ColumnSpec<HamletModel>[] {
  const c = (n: number): CellValue => count(style, rng, n);
  return [
    { field: 'order', path: ['STT'], value: (_m, i) => i + 1 },
    { field: 'name', path: ['Tên thôn, bản'], value: (m) => `Bản ${m.name}` },
    { field: 'households', path: ['Số hộ'], value: (m) => c(m.households), total: true },
    { field: 'population', path: ['Dân số (người)'], value: (m) => c(m.population), total: true },
    { field: 'members', path: ['Số đảng viên'], value: (m) => c(m.members), total: true },
    {
      field: 'hasIndependentCell',
      path: ['Có chi bộ độc lập'],
      value: (m) => yesNo(style, m.hasIndependentCell),
    },
    {
      field: 'hamletHeadIsMember',
      path: ['Trưởng bản là đảng viên'],
      value: (m) => yesNo(style, m.hamletHeadIsMember),
    },
    {
      field: 'religious',
      path: ['Đặc điểm', 'Có đồng bào theo đạo'],
      value: (m) => yesNo(style, m.religious),
    },
    {
      field: 'ethnicMinority',
      path: ['Đặc điểm', 'Dân tộc thiểu số'],
      value: (m) => yesNo(style, m.ethnicMinority),
    },
    {
      field: 'difficultArea',
      path: ['Đặc điểm', 'Đặc biệt khó khăn'],
      value: (m) => yesNo(style, m.difficultArea),
    },
    {
      path: ['Tỷ lệ ĐV/dân số'],
      value: (m) =>
        m.population > 0 ? `${((m.members / m.population) * 100).toFixed(1).replace('.', ',')}%` : null,
    },
  ];
}

/** Columns of the member list; dates may be serials, which `formats` records. */
export function memberColumns(
  style: TypingStyle,
  rng: Random,
  year: number,
  onSerial: (index: number, field: string) => void,
): ColumnSpec<MemberModel>[] {
  const date = (
    m: MemberModel,
    i: number,
    field: string,
    v: [number, number, number] | undefined,
  ): CellValue => {
    const d = dateCell(style, rng, v);
    if (d.serial) onSerial(i, field);
    return d.value;
  };
  return [
    { field: 'order', path: ['STT'], value: (_m, i) => i + 1 },
    { field: 'fullName', path: ['Họ và tên'], value: (m) => m.fullName },
    { field: 'birthDate', path: ['Ngày sinh'], value: (m, i) => date(m, i, 'birthDate', m.birth) },
    { field: 'cell', path: ['Chi bộ'], value: (m) => m.cell },
    {
      field: 'admissionDate',
      path: ['Ngày vào Đảng'],
      value: (m, i) => date(m, i, 'admissionDate', m.admission),
    },
    {
      field: 'officialDate',
      path: ['Ngày chính thức'],
      value: (m, i) => date(m, i, 'officialDate', m.official),
    },
    {
      field: 'status',
      path: ['Chính thức/ Dự bị'],
      value: (m) =>
        m.status === 'official'
          ? style.shortStatus
            ? 'CT'
            : 'Chính thức'
          : style.shortStatus
            ? 'DB'
            : 'Dự bị',
    },
    { field: 'rating', path: [`Xếp loại năm ${year}`], value: (m) => m.rating },
    { field: 'taskAssigned', path: ['Được phân công nhiệm vụ'], value: (m) => yesNo(style, m.taskAssigned) },
  ];
}

export function orgColumns(style: TypingStyle, rng: Random, withQuality: boolean): ColumnSpec<OrgModel>[] {
  const c = (n: number | undefined): CellValue => count(style, rng, n);
  const cols: ColumnSpec<OrgModel>[] = [
    { field: 'order', path: ['STT'], value: (_m, i) => i + 1 },
    { field: 'name', path: ['Tên tổ chức cơ sở đảng'], value: (m) => m.name },
    { field: 'code', path: ['Mã đơn vị'], value: (m) => m.code ?? null },
    { field: 'orgType', path: ['Loại hình'], value: (m) => m.kind },
    { field: 'cells', path: ['Số chi bộ trực thuộc'], value: (m) => c(m.cells), total: true },
    {
      field: 'membersTotal',
      path: ['Số đảng viên', 'Tổng số'],
      value: (m) => c(m.official + m.probationary),
      total: true,
    },
    {
      field: 'membersOfficial',
      path: ['Số đảng viên', 'Chính thức'],
      value: (m) => c(m.official),
      total: true,
    },
    {
      field: 'membersProbationary',
      path: ['Số đảng viên', 'Dự bị'],
      value: (m) => c(m.probationary),
      total: true,
    },
    { field: 'admitted', path: ['Kết nạp đảng viên'], value: (m) => c(m.admitted), total: true },
  ];
  if (!withQuality) return cols;
  return [
    ...cols,
    { field: 'score', path: ['Đánh giá chất lượng', 'Điểm tự chấm'], value: (m) => m.score ?? null },
    {
      field: 'tasksTotal',
      path: ['Đánh giá chất lượng', 'Nhiệm vụ', 'Được giao'],
      value: (m) => c(m.tasksTotal),
    },
    {
      field: 'tasksOnTime',
      path: ['Đánh giá chất lượng', 'Nhiệm vụ', 'Hoàn thành đúng hạn'],
      value: (m) => c(m.tasksOnTime),
    },
    {
      field: 'tasksLate',
      path: ['Đánh giá chất lượng', 'Nhiệm vụ', 'Hoàn thành chậm'],
      value: (m) => c(m.tasksLate),
    },
    {
      field: 'tasksExceeded',
      path: ['Đánh giá chất lượng', 'Nhiệm vụ', 'Vượt'],
      value: (m) => c(m.tasksExceeded),
    },
    {
      field: 'proposedRating',
      path: ['Đánh giá chất lượng', 'Xếp loại'],
      value: (m) => (m.proposed ? rng.pick(RATING_TEXT[m.proposed]) : null),
    },
    {
      field: 'membersExcellent',
      path: ['Xếp loại đảng viên', 'HTXSNV'],
      value: (m) => c(m.memberRatings?.[0]),
      total: true,
    },
    {
      field: 'membersGood',
      path: ['Xếp loại đảng viên', 'HTTNV'],
      value: (m) => c(m.memberRatings?.[1]),
      total: true,
    },
    {
      field: 'membersCompleted',
      path: ['Xếp loại đảng viên', 'HTNV'],
      value: (m) => c(m.memberRatings?.[2]),
      total: true,
    },
    {
      field: 'membersNotCompleted',
      path: ['Xếp loại đảng viên', 'KHTNV'],
      value: (m) => c(m.memberRatings?.[3]),
      total: true,
    },
  ];
}
