/**
 * A commune party committee's yearly workbook (Đảng ủy xã), in the printed layout officials
 * use, with errors seeded on purpose so that the checks have something to find — or without
 * them (`clean`).
 */
import type { WorkbookGrid } from '../grid.ts';
import { a1 } from '../grid.ts';
import {
  draft,
  drawHeaderBlock,
  drawSignature,
  drawTitle,
  finish,
  setFormat,
  type SheetDraft,
} from './layout.ts';
import {
  cellColumns,
  hamletColumns,
  memberColumns,
  memberRatingsFor,
  membersOf,
  typingStyle,
  type CellModel,
  type HamletModel,
  type MemberModel,
  type TypingStyle,
} from './model.ts';
import { HAMLET_NAMES, personName, upper } from './names.ts';
import { seededRandom, type Random } from './random.ts';
import { cellOf, drawTable, type TablePlacement } from './table.ts';
import { targetsSheet, type TargetRow } from './targets-sheet.ts';

export interface CommuneOptions {
  seed?: number;
  /** Commune name without "xã": "Nậm Lạnh". */
  commune?: string;
  district?: string;
  year?: number;
  /** No seeded errors. */
  clean?: boolean;
  /** Hamlet names to use instead of the default Sốp Cộp ones (at least 10). */
  hamlets?: readonly string[];
}

/** What an error seeded into a sample is, and which cells a finding about it may point at. */
export interface SeededIssue {
  kind:
    | 'fewMeetings'
    | 'noRecentAdmission'
    | 'totalRowOff'
    | 'memberSumMismatch'
    | 'committeeMissing'
    | 'ratingMismatch'
    | 'whiteHamlet'
    | 'fewMembers';
  sheet: string;
  unitName: string;
  /** A1 addresses; a finding on any of them is a finding about this error. */
  cells: string[];
  /** The number a message about it names (6 meetings, 4 years…). */
  value?: number;
  /** The official wrote a justification for it (Giải trình). */
  justified: boolean;
}

export interface CommuneSample {
  grid: WorkbookGrid;
  commune: string;
  district: string;
  year: number;
  seeded: SeededIssue[];
  cells: CellModel[];
  hamlets: HamletModel[];
  members: MemberModel[];
  /** Where the party-cell table landed, for tests that look at particular cells. */
  placements: { cells: TablePlacement; hamlets: TablePlacement; members: TablePlacement };
}

export const SHEET_NAMES = {
  cells: 'Chi bộ',
  hamlets: 'Thôn bản',
  members: 'Đảng viên',
  targets: 'Chỉ tiêu',
} as const;

type Level = 'excellent' | 'good' | 'completed';

function qualityOf(
  level: Level,
  rng: Random,
): Pick<
  CellModel,
  | 'score'
  | 'tasksTotal'
  | 'tasksOnTime'
  | 'tasksLate'
  | 'tasksExceeded'
  | 'tasksUndone'
  | 'disciplinedLeaders'
  | 'proposed'
> {
  const tasksTotal = rng.int(8, 12);
  if (level === 'excellent') {
    const exceeded = Math.ceil(tasksTotal * 0.4);
    return {
      score: rng.int(91, 96),
      tasksTotal,
      tasksOnTime: tasksTotal,
      tasksLate: 0,
      tasksExceeded: exceeded,
      tasksUndone: 0,
      disciplinedLeaders: 0,
      proposed: 'HTXSNV',
    };
  }
  if (level === 'good') {
    return {
      score: rng.int(74, 88),
      tasksTotal,
      tasksOnTime: tasksTotal,
      tasksLate: 0,
      tasksExceeded: rng.int(0, 2),
      tasksUndone: 0,
      disciplinedLeaders: 0,
      proposed: 'HTTNV',
    };
  }
  return {
    score: rng.int(55, 68),
    tasksTotal: 10,
    tasksOnTime: 8,
    tasksLate: 2,
    tasksExceeded: 0,
    tasksUndone: 0,
    disciplinedLeaders: 0,
    proposed: 'HTNV',
  };
}

function makeCell(
  rng: Random,
  year: number,
  name: string,
  kind: CellModel['kind'],
  official: number,
  probationary: number,
  level: Level,
  hamlet?: string,
): CellModel {
  const total = official + probationary;
  return {
    name,
    kind,
    ...(hamlet ? { hamlet } : {}),
    official,
    probationary,
    total,
    hasCommittee: official >= 9,
    ...(official >= 9 ? { committeeSize: 3 } : {}),
    meetingsRegular: 12,
    meetingsThematic: rng.int(4, 6),
    admitted: probationary,
    lastAdmissionYear: probationary > 0 ? year : year - 1,
    ...(kind === 'residential' ? { secretaryIsHamletHead: true } : {}),
    membersWithTask: total,
    ...qualityOf(level, rng),
    memberRatings: memberRatingsFor(total),
  };
}

/** The commune's cells; the first names take the roles that carry seeded errors. */
function communeCells(
  rng: Random,
  year: number,
  hamlets: readonly string[],
  commune: string,
  clean: boolean,
): CellModel[] {
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = hamlets as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const bản = (h: string): string => `Chi bộ bản ${h}`;
  const cells: CellModel[] = [
    makeCell(rng, year, bản(h0), 'residential', 7, 1, 'completed', h0),
    makeCell(rng, year, bản(h1), 'residential', 10, 0, 'good', h1),
    makeCell(rng, year, bản(h2), 'residential', 11, 1, 'good', h2),
    makeCell(rng, year, bản(h3), 'residential', 14, 1, 'good', h3),
    makeCell(rng, year, bản(h4), 'residential', 10, 1, 'good', h4),
    makeCell(rng, year, bản(h5), 'residential', 8, 1, 'good', h5),
    makeCell(rng, year, bản(h6), 'residential', 12, 1, 'good', h6),
    makeCell(rng, year, bản(h7), 'residential', 16, 2, 'excellent', h7),
    makeCell(rng, year, bản(h8), 'residential', 5, 1, 'completed', h8),
    makeCell(rng, year, `Chi bộ Trường Tiểu học ${commune}`, 'school', 12, 1, 'good'),
    makeCell(rng, year, 'Chi bộ Trạm Y tế xã', 'health', 4, 0, 'good'),
    makeCell(rng, year, 'Chi bộ Quân sự xã', 'militia', 6, 1, 'good'),
    makeCell(rng, year, 'Chi bộ Công an xã', 'police', 5, 1, 'good'),
  ];
  // A small cell explains itself in the "Giải trình" column (seed 000: 6 cells under 5).
  cells[10]!.justification =
    'Trạm y tế chỉ có 4 cán bộ là đảng viên; Đảng ủy đã đề nghị ghép với chi bộ Trường Tiểu học';
  if (clean) return cells;
  // Nặm Bao held 6 regular meetings (seed 002).
  Object.assign(cells[0]!, { meetingsRegular: 6, meetingsThematic: 2 });
  // Pò Cại: 4 years without admitting anyone (seed 002).
  Object.assign(cells[1]!, { admitted: 0, probationary: 0, lastAdmissionYear: year - 4 });
  // ≥ 9 official members and no committee (Party Statute).
  Object.assign(cells[4]!, { hasCommittee: false, committeeSize: undefined });
  // Score in the "completed" band, proposed "good".
  Object.assign(cells[5]!, { score: 65 });
  // Official + probationary ≠ total: 12 + 1 typed as 14.
  cells[6]!.total = 14;
  return cells;
}

function communeHamlets(rng: Random, cells: CellModel[], white: string | undefined): HamletModel[] {
  const out: HamletModel[] = cells
    .filter((c) => c.kind === 'residential' && c.hamlet)
    .map((c) => {
      const population = rng.int(280, 900);
      return {
        name: c.hamlet!,
        households: Math.round(population / rng.int(4, 6)),
        population,
        members: c.total,
        hasIndependentCell: true,
        hamletHeadIsMember: true,
        religious: rng.chance(0.2),
        ethnicMinority: true,
        difficultArea: rng.chance(0.5),
      };
    });
  if (white) {
    out.push({
      name: white,
      households: 61,
      population: 318,
      members: 0,
      hasIndependentCell: false,
      hamletHeadIsMember: false,
      religious: true,
      ethnicMinority: true,
      difficultArea: true,
    });
  }
  return out;
}

interface Header {
  district: string;
  commune: string;
  year: number;
  number: string;
}

function header(d: SheetDraft, h: Header, width: number): number {
  return drawHeaderBlock(
    d,
    {
      parent: `ĐẢNG BỘ HUYỆN ${upper(h.district)}`,
      unit: `ĐẢNG ỦY XÃ ${upper(h.commune)}`,
      number: `Số ${h.number}`,
      dateLine: `${h.commune}, ngày 15 tháng 12 năm ${h.year}`,
    },
    width,
  );
}

function signature(d: SheetDraft, row: number, width: number, rng: Random): void {
  drawSignature(d, row + 1, width, {
    committee: 'ĐẢNG ỦY',
    role: 'BÍ THƯ',
    signer: personName(rng),
    compiler: personName(rng),
  });
}

export function communeSample(opts: CommuneOptions = {}): CommuneSample {
  const seed = opts.seed ?? 2023;
  const rng = seededRandom(seed);
  const year = opts.year ?? 2023;
  const commune = opts.commune ?? 'Nậm Lạnh';
  const district = opts.district ?? 'Sốp Cộp';
  const clean = opts.clean ?? false;
  const hamletNames = opts.hamlets ?? HAMLET_NAMES.filter((h) => h !== 'Hua Lạnh');
  const whiteHamlet = clean ? undefined : opts.hamlets ? hamletNames[9] : 'Hua Lạnh';
  const style: TypingStyle = { ...typingStyle(rng), textNumbers: 0.15 };
  const h: Header = { district, commune, year, number: `${rng.int(90, 180)}-BC/ĐU` };

  const cells = communeCells(rng, year, hamletNames, commune, clean);
  const hamlets = communeHamlets(rng, cells, whiteHamlet);
  const members = cells.flatMap((c) => membersOf(c, year, rng));

  // Chi bộ
  const cd = draft(SHEET_NAMES.cells);
  const cellCols = cellColumns(style, rng, year);
  let row = header(cd, h, cellCols.length);
  row = drawTitle(cd, row, `BIỂU TỔNG HỢP TÌNH HÌNH CHI BỘ TRỰC THUỘC NĂM ${year}`, cellCols.length);
  row = drawTitle(
    cd,
    row,
    `(Kèm theo Báo cáo số ${h.number} ngày 15/12/${year} của Đảng ủy xã ${commune})`,
    cellCols.length,
  );
  const residential = cells.filter((c) => c.kind === 'residential');
  const others = cells.filter((c) => c.kind !== 'residential');
  const cellsAt = drawTable(
    cd,
    row + 1,
    cellCols,
    [
      { label: 'Chi bộ các bản', items: residential },
      { label: 'Chi bộ cơ quan, trường học, lực lượng vũ trang', items: others },
    ],
    { totalLabel: 'Tổng cộng', totalAdjust: clean ? {} : { membersTotal: 1 }, blankRowAfter: (g) => g === 0 },
  );
  signature(cd, cellsAt.lastRow + 2, cellCols.length, rng);

  // Thôn bản
  const hd = draft(SHEET_NAMES.hamlets);
  const hamletCols = hamletColumns(style, rng);
  row = header(hd, h, hamletCols.length);
  row = drawTitle(hd, row, `BIỂU TỔNG HỢP ĐẢNG VIÊN Ở THÔN, BẢN NĂM ${year}`, hamletCols.length);
  const hamletsAt = drawTable(hd, row + 1, hamletCols, [{ items: hamlets }], { totalLabel: 'Cộng' });
  signature(hd, hamletsAt.lastRow + 2, hamletCols.length, rng);

  // Đảng viên: grouped by cell, as the lists are kept.
  const md = draft(SHEET_NAMES.members);
  const serials: { index: number; field: string }[] = [];
  const memberCols = memberColumns(style, rng, year, (index, field) => serials.push({ index, field }));
  row = header(md, h, memberCols.length);
  row = drawTitle(md, row, `DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ XÃ ${upper(commune)} NĂM ${year}`, memberCols.length);
  const membersAt = drawTable(
    md,
    row + 1,
    memberCols,
    cells.map((c) => ({ label: c.name, items: members.filter((m) => m.cell === c.name) })),
    { columnNumbers: false },
  );
  for (const s of serials)
    setFormat(md, membersAt.itemRows[s.index]!, membersAt.colOf[s.field]!, 'dd/mm/yyyy');
  signature(md, membersAt.lastRow + 2, memberCols.length, rng);

  // Chỉ tiêu: the commune's own targets; one overrides a default.
  const targetRows: TargetRow[] = communeTargets(year);
  const td = targetsSheet(SHEET_NAMES.targets, `CHỈ TIÊU PHẤN ĐẤU NĂM ${year}`, targetRows, (d, w) =>
    header(d, h, w),
  );

  const grid: WorkbookGrid = {
    name: `BC-TCCSD-${commune.replace(/\s+/g, '')}-${year}.xlsx`,
    sheets: [finish(cd), finish(hd), finish(md), td],
  };

  const seeded: SeededIssue[] = [];
  const cellRow = (i: number, ...fields: string[]): string[] => fields.map((f) => cellOf(cellsAt, i, f));
  const idx = (c: CellModel): number => [...residential, ...others].indexOf(c);
  // Trạm Y tế: 4 members, justified.
  const small = cells[10]!;
  seeded.push({
    kind: 'fewMembers',
    sheet: SHEET_NAMES.cells,
    unitName: small.name,
    cells: cellRow(idx(small), 'membersTotal', 'membersOfficial', 'name'),
    value: small.official,
    justified: true,
  });
  if (!clean) {
    const [c0, c1, , , c4, c5, c6] = cells as [
      CellModel,
      CellModel,
      CellModel,
      CellModel,
      CellModel,
      CellModel,
      CellModel,
    ];
    seeded.push(
      {
        kind: 'fewMeetings',
        sheet: SHEET_NAMES.cells,
        unitName: c0.name,
        cells: cellRow(idx(c0), 'meetingsRegular'),
        value: c0.meetingsRegular,
        justified: false,
      },
      {
        kind: 'noRecentAdmission',
        sheet: SHEET_NAMES.cells,
        unitName: c1.name,
        cells: cellRow(idx(c1), 'lastAdmissionYear', 'admitted'),
        value: year - c1.lastAdmissionYear,
        justified: false,
      },
      {
        kind: 'totalRowOff',
        sheet: SHEET_NAMES.cells,
        unitName: 'Tổng cộng',
        cells: [a1(cellsAt.totalRow!, cellsAt.colOf['membersTotal']!)],
        value: cells.reduce((s, c) => s + c.total, 0),
        justified: false,
      },
      {
        kind: 'memberSumMismatch',
        sheet: SHEET_NAMES.cells,
        unitName: c6.name,
        cells: cellRow(idx(c6), 'membersTotal', 'membersOfficial', 'membersProbationary'),
        value: c6.total,
        justified: false,
      },
      {
        kind: 'committeeMissing',
        sheet: SHEET_NAMES.cells,
        unitName: c4.name,
        cells: cellRow(idx(c4), 'hasCommittee', 'committeeSize', 'membersOfficial'),
        value: c4.official,
        justified: false,
      },
      {
        kind: 'ratingMismatch',
        sheet: SHEET_NAMES.cells,
        unitName: c5.name,
        cells: cellRow(idx(c5), 'proposedRating', 'score'),
        value: c5.score,
        justified: false,
      },
    );
    const white = hamlets.findIndex((x) => x.members === 0);
    seeded.push({
      kind: 'whiteHamlet',
      sheet: SHEET_NAMES.hamlets,
      unitName: `Bản ${hamlets[white]!.name}`,
      cells: [
        cellOf(hamletsAt, white, 'members'),
        cellOf(hamletsAt, white, 'name'),
        cellOf(hamletsAt, white, 'hasIndependentCell'),
      ],
      justified: false,
    });
  }
  return {
    grid,
    commune,
    district,
    year,
    seeded,
    cells,
    hamlets,
    members,
    placements: { cells: cellsAt, hamlets: hamletsAt, members: membersAt },
  };
}

/** A commune committee's yearly workbook; see communeSample for what is seeded where. */
export function communeWorkbook(opts: CommuneOptions = {}): WorkbookGrid {
  return communeSample(opts).grid;
}

/** The commune's own targets: members rated good or better raised from 85% to 90%. */
function communeTargets(year: number): TargetRow[] {
  return [
    {
      measure: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
      comparator: '≥',
      value: '90%',
      scope: 'Đảng bộ xã',
      period: `Năm ${year}`,
      basis: 'Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020-2025',
    },
  ];
}
