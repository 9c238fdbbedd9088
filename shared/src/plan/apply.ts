/**
 * The reference host: applies a write plan to an in-memory grid, following the contract in
 * types.ts, so that the contract itself can be tested (idempotence, nothing typed by the
 * official overwritten) without Excel.
 *
 * What this host keeps, and where:
 * - values and header merges of result columns in the sheet's rows and merges;
 * - notes in SheetGrid.notes; a note we add to a cell that already has the official's note is
 *   appended after a blank line, and removed from there on the next run;
 * - fills in SheetGrid.fills. Grids read by hosts carry no fills, so every fill of one of the
 *   SEVERITY_FILL colours in this map is ours and is removed before writing again (hosts that
 *   do see the official's fills keep the originals in STATE_SHEET instead);
 * - result sheets as new sheets at the end of the workbook; links between sheets have no place
 *   in a grid and are left to the hosts that can write hyperlinks.
 * How far earlier result columns reach is read from the sheet itself: from a header starting
 * with RESULT_MARKER down to the last row status we wrote in its first column, so that a
 * signature block below the table is never touched.
 */
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../grid.ts';
import { a1, isCellError, parseA1 } from '../grid.ts';
import { isBlankText } from '../text.ts';
import { lastRowOf } from './planner.ts';
import { isRowStatusText } from './texts.ts';
import {
  blockRows,
  NOTE_PREFIX,
  RESULT_MARKER,
  RESULT_SHEET_LAYOUT,
  SEVERITY_FILL,
  type ResultColumnBlock,
  type ResultSheet,
  type WritePlan,
} from './types.ts';

const OUR_FILLS = new Set(Object.values(SEVERITY_FILL));
const NOTE_SEPARATOR = '\n\n';

export function applyPlanToGrid(grid: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const replaced = new Set(plan.sheets.map((s) => s.name));
  const sheets = grid.sheets.filter((s) => !replaced.has(s.name)).map(cloneSheet);
  for (const s of sheets) removeResults(s);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const block of plan.resultColumns) {
    const s = byName.get(block.sheet);
    if (s) writeBlock(s, block);
  }
  for (const h of plan.highlights) {
    const s = byName.get(h.sheet);
    const at = parseA1(h.cell);
    if (!s || !at) continue;
    const cell = h.cell.toUpperCase();
    (s.fills ??= {})[cell] = SEVERITY_FILL[h.severity];
    const notes = (s.notes ??= {});
    const existing = notes[cell];
    notes[cell] =
      existing && !existing.startsWith(NOTE_PREFIX) ? `${existing}${NOTE_SEPARATOR}${h.note}` : h.note;
  }
  for (const rs of plan.sheets) sheets.push(resultSheetGrid(rs));
  return { name: grid.name, sheets };
}

function cloneSheet(s: SheetGrid): SheetGrid {
  const out: SheetGrid = {
    name: s.name,
    // Array.from visits holes of sparse rows, which become blanks like every missing cell.
    rows: Array.from(s.rows, (r) =>
      Array.from(r ?? [], (v) => (v === undefined ? null : isCellError(v) ? { error: v.error } : v)),
    ),
  };
  if (s.origin) out.origin = { ...s.origin };
  if (s.merges) out.merges = s.merges.map((m) => ({ ...m }));
  if (s.numberFormats) out.numberFormats = s.numberFormats.map((r) => [...r]);
  if (s.notes) out.notes = { ...s.notes };
  if (s.fills) out.fills = { ...s.fills };
  if (s.hidden !== undefined) out.hidden = s.hidden;
  return out;
}

function get(s: SheetGrid, row: number, col: number): CellValue {
  const r = row - (s.origin?.row ?? 0);
  const c = col - (s.origin?.col ?? 0);
  if (r < 0 || c < 0) return null;
  const v = s.rows[r]?.[c];
  return v === undefined ? null : v;
}

/** Writes a value at a sheet position; false when it lies above or left of the grid's origin. */
function set(s: SheetGrid, row: number, col: number, value: CellValue): boolean {
  const r = row - (s.origin?.row ?? 0);
  const c = col - (s.origin?.col ?? 0);
  if (r < 0 || c < 0) return false;
  if (value === null) {
    const line = s.rows[r];
    if (line && c < line.length) line[c] = null;
    return true;
  }
  while (s.rows.length <= r) s.rows.push([]);
  const line = s.rows[r]!;
  while (line.length < c) line.push(null);
  line[c] = value;
  return true;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && isBlankText(v));
}

function isMarker(v: CellValue): boolean {
  return typeof v === 'string' && v.trimStart().startsWith(RESULT_MARKER);
}

/** Earlier result columns, our notes and our fills, gone. */
function removeResults(s: SheetGrid): void {
  const top = s.origin?.row ?? 0;
  const left = s.origin?.col ?? 0;
  const areas: MergeArea[] = [];
  s.rows.forEach((line, r) => {
    let c = 0;
    while (c < line.length) {
      if (!isMarker(line[c] ?? null)) {
        c++;
        continue;
      }
      const first = c;
      while (c < line.length && isMarker(line[c] ?? null)) c++;
      areas.push({ top: top + r, left: left + first, bottom: top + r, right: left + c - 1 });
    }
  });
  const rowEnd = top + s.rows.length;
  for (const area of areas) {
    // The header may be merged down over the table's header rows.
    for (const m of s.merges ?? []) {
      if (m.top === area.top && m.left >= area.left && m.right <= area.right)
        area.bottom = Math.max(area.bottom, m.bottom);
    }
    for (let row = area.bottom + 1; row < rowEnd; row++) {
      const v = get(s, row, area.left);
      if (isMarker(v)) break;
      if (isBlank(v)) continue;
      if (!isRowStatusText(v)) break;
      area.bottom = row;
    }
    for (let row = area.top; row <= area.bottom; row++) {
      for (let col = area.left; col <= area.right; col++) set(s, row, col, null);
      // Blank cells we padded the row with go too, so that removing restores the row's length.
      const line = s.rows[row - top];
      if (line && line.length <= area.right - left + 1) {
        while (line.length > area.left - left && line[line.length - 1] === null) line.pop();
      }
    }
    if (s.merges) {
      s.merges = s.merges.filter(
        (m) =>
          !(m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right),
      );
    }
  }
  if (s.notes) {
    for (const [cell, note] of Object.entries(s.notes)) {
      if (note.startsWith(NOTE_PREFIX)) delete s.notes[cell];
      else {
        const at = note.indexOf(NOTE_SEPARATOR + NOTE_PREFIX);
        if (at >= 0) s.notes[cell] = note.slice(0, at);
      }
    }
    if (Object.keys(s.notes).length === 0) delete s.notes;
  }
  if (s.fills) {
    for (const [cell, fill] of Object.entries(s.fills)) if (OUR_FILLS.has(fill)) delete s.fills[cell];
    if (Object.keys(s.fills).length === 0) delete s.fills;
  }
}

/** Writes one block of result columns, unless anything non-blank or merged is in its way. */
function writeBlock(s: SheetGrid, block: ResultColumnBlock): void {
  const right = block.firstCol + block.headers.length - 1;
  const bottom = lastRowOf(block);
  for (let row = block.headerTop; row <= bottom; row++) {
    for (let col = block.firstCol; col <= right; col++) if (!isBlank(get(s, row, col))) return;
  }
  // A merged area there is the official's layout too, even when blank.
  const crosses = (m: MergeArea): boolean =>
    m.top <= bottom && m.bottom >= block.headerTop && m.left <= right && m.right >= block.firstCol;
  if ((s.merges ?? []).some(crosses)) return;
  block.headers.forEach((h, j) => {
    const col = block.firstCol + j;
    set(s, block.headerTop, col, h);
    if (block.headerBottom > block.headerTop) {
      (s.merges ??= []).push({ top: block.headerTop, left: col, bottom: block.headerBottom, right: col });
    }
  });
  for (const r of blockRows(block)) {
    r.values.forEach((v, j) => {
      if (v !== null) set(s, r.row, block.firstCol + j, v);
    });
    (s.fills ??= {})[a1(r.row, block.firstCol)] = SEVERITY_FILL[r.status];
  }
  // The area is ours now: blank strings in it become blanks, and rows end at their last value,
  // so that writing after a removal gives the very same rows.
  const top = s.origin?.row ?? 0;
  const left = s.origin?.col ?? 0;
  for (let row = block.headerTop; row <= bottom; row++) {
    const line = s.rows[row - top];
    if (!line) continue;
    for (let c = block.firstCol - left; c <= right - left && c < line.length; c++)
      if (isBlank(line[c] ?? null)) line[c] = null;
    if (line.length <= right - left + 1) {
      while (line.length > block.firstCol - left && line[line.length - 1] === null) line.pop();
    }
  }
}

const ROW_FILL: Record<NonNullable<ResultSheet['rowStatus'][number]>, string> = {
  ...SEVERITY_FILL,
  met: SEVERITY_FILL.ok,
  notMet: SEVERITY_FILL.error,
};

function resultSheetGrid(rs: ResultSheet): SheetGrid {
  const width = Math.max(1, rs.columns.length);
  const rows: CellValue[][] = [];
  rows[RESULT_SHEET_LAYOUT.titleRow] = [rs.title];
  rows[RESULT_SHEET_LAYOUT.headerRow] = rs.columns.map((c) => c.header);
  rs.rows.forEach((r, i) => {
    rows[RESULT_SHEET_LAYOUT.firstDataRow + i] = [...r];
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const fills: Record<string, string> = {};
  rs.rowStatus.forEach((st, i) => {
    if (!st) return;
    for (let c = 0; c < width; c++) fills[a1(RESULT_SHEET_LAYOUT.firstDataRow + i, c)] = ROW_FILL[st];
  });
  const sheet: SheetGrid = {
    name: rs.name,
    rows,
    merges:
      width > 1
        ? [
            {
              top: RESULT_SHEET_LAYOUT.titleRow,
              left: 0,
              bottom: RESULT_SHEET_LAYOUT.titleRow,
              right: width - 1,
            },
          ]
        : [],
  };
  if (Object.keys(fills).length > 0) sheet.fills = fills;
  return sheet;
}
