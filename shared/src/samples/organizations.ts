/**
 * A district's or province's workbook of grassroots organizations (Biểu tổng hợp tổ chức cơ
 * sở đảng): one row per organization, grouped by the committee above it.
 */
import type { SheetGrid, WorkbookGrid } from '../grid.ts';
import type { RatingCode } from '../rating-codes.ts';
import { draft, drawHeaderBlock, drawSignature, drawTitle, finish, type SheetDraft } from './layout.ts';
import { memberRatingsFor, orgColumns, type OrgModel, type TypingStyle } from './model.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';
import { drawTable, type TableGroup, type TablePlacement } from './table.ts';
import { targetReportSheet, targetsSheet, type TargetReportRow, type TargetRow } from './targets-sheet.ts';

export interface OrgWorkbookSpec {
  fileName: string;
  /** "ĐẢNG BỘ TỈNH SƠN LA" above the committee, if any. */
  parent?: string;
  /** "ĐẢNG BỘ HUYỆN SỐP CỘP". */
  committee: string;
  /** Signature: "BAN THƯỜNG VỤ HUYỆN ỦY". */
  signedBy: string;
  number: string;
  dateLine: string;
  title: string;
  sheetName?: string;
  groups: TableGroup<OrgModel>[];
  withQuality: boolean;
  targets?: { title: string; rows: TargetRow[] };
  /** The targets as a report of their implementation gives them, on a "Chỉ tiêu" sheet. */
  targetReport?: { title: string; rows: TargetReportRow[] };
  /** Extra sheets drawn by the caller (a cells table, a hamlets table). */
  extraSheets?: SheetGrid[];
}

export function headerFor(spec: Pick<OrgWorkbookSpec, 'parent' | 'committee' | 'number' | 'dateLine'>) {
  return (d: SheetDraft, width: number): number =>
    drawHeaderBlock(
      d,
      {
        ...(spec.parent ? { parent: spec.parent } : {}),
        unit: spec.committee,
        number: `Số ${spec.number}`,
        dateLine: spec.dateLine,
      },
      width,
    );
}

export function orgWorkbook(
  spec: OrgWorkbookSpec,
  style: TypingStyle,
  rng: Random,
): { grid: WorkbookGrid; placement: TablePlacement } {
  const d = draft(spec.sheetName ?? 'TCCSĐ');
  const cols = orgColumns(style, rng, spec.withQuality);
  const header = headerFor(spec);
  let row = header(d, cols.length);
  row = drawTitle(d, row, spec.title, cols.length);
  const placement = drawTable(d, row + 1, cols, spec.groups, { totalLabel: 'Tổng cộng' });
  drawSignature(d, placement.lastRow + 3, cols.length, {
    committee: spec.signedBy,
    role: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    signer: personName(rng),
    compiler: personName(rng),
  });
  const sheets: SheetGrid[] = [finish(d), ...(spec.extraSheets ?? [])];
  if (spec.targets) sheets.push(targetsSheet('Chỉ tiêu', spec.targets.title, spec.targets.rows, header));
  if (spec.targetReport)
    sheets.push(targetReportSheet('Chỉ tiêu', spec.targetReport.title, spec.targetReport.rows, header));
  return { grid: { name: spec.fileName, sheets }, placement };
}

/** Quality figures that agree with a rating under the default rating model. */
export function orgQuality(rating: RatingCode | undefined, rng: Random, members: number): Partial<OrgModel> {
  if (!rating) return {};
  const tasksTotal = rng.int(10, 16);
  const base = { tasksTotal, memberRatings: memberRatingsFor(members, 0.08), proposed: rating } as const;
  switch (rating) {
    case 'HTXSNV':
      return {
        ...base,
        score: rng.int(91, 97),
        tasksOnTime: tasksTotal,
        tasksLate: 0,
        tasksExceeded: Math.ceil(tasksTotal * 0.4),
      };
    case 'HTTNV':
      return {
        ...base,
        score: rng.int(72, 89),
        tasksOnTime: tasksTotal,
        tasksLate: 0,
        tasksExceeded: rng.int(0, 3),
      };
    case 'HTNV':
      return { ...base, score: rng.int(52, 68), tasksOnTime: tasksTotal - 2, tasksLate: 2, tasksExceeded: 0 };
    case 'KHTNV':
      return { ...base, score: rng.int(30, 48), tasksOnTime: tasksTotal - 6, tasksLate: 3, tasksExceeded: 0 };
  }
}

/** Splits `total` into `parts` whole positive-ish shares, deterministic for a seed. */
export function split(total: number, parts: number, rng: Random, minEach = 0): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sumW = weights.reduce((s, w) => s + w, 0);
  const free = total - minEach * parts;
  const out = weights.map((w) => minEach + Math.floor((w / sumW) * free));
  let rest = total - out.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]!++;
  return out;
}
