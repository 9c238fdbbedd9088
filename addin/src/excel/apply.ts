/**
 * Applies the engine's WritePlan to the open workbook, following the contract in
 * shared/src/plan/types.ts: first remove earlier results (restore recorded fills, clear our
 * result columns, delete our notes and result sheets), then write the new ones. Writes are
 * queued and sent in a few requests under the payload limit, with screen updating suspended
 * and calculation set to manual while writing. No decision about the data is taken here.
 */
import type {
  CellValue,
  ResultColumnBlock,
  ResultSheet,
  Severity,
  WorkbookGrid,
  WritePlan,
} from '@kiemtra/shared';
import {
  NOTE_PREFIX,
  RESULT_MARKER,
  RESULT_SHEET_LAYOUT,
  SEVERITY_FILL,
  STATE_SHEET,
  a1,
  blockRows,
  cellAt,
  columnIndex,
  columnLetters,
  isCellError,
  isRowStatusText,
  sheetBounds,
} from '@kiemtra/shared';
import { parseRangeAddress, sheetAddress } from './addresses.ts';
import { WriteBatch } from './batch.ts';
import type { ExcelCapabilities } from './capabilities.ts';
import { throwIfCancelled } from './cancel.ts';
import { jsonBytes, matrixBytes, utf8Length } from './limits.ts';
import type { StateEntry } from './state.ts';
import { columnChars, columnPoints, decodeStateRows, encodeStateRows, inRemovalOrder } from './state.ts';

/** Our note follows the official's own note on the same cell after a blank line. */
const NOTE_SEPARATOR = '\n\n';

export interface ApplyOptions {
  caps: ExcelCapabilities;
  /** The grid as read before checking: where earlier result columns sit. */
  grid: WorkbookGrid;
  signal?: AbortSignal;
  onProgress?: (stage: ApplyStage) => void;
  budgetBytes?: number;
}

export type ApplyStage = 'clearing' | 'columns' | 'highlights' | 'sheets' | 'done';

export interface ApplyStats {
  syncs: number;
  largestRequestEstimate: number;
  notesSkipped: number;
  /** Result column blocks not written: a cell the official typed lies in their area. */
  blocksSkipped: number;
}

type Fill = keyof typeof SEVERITY_FILL;

export async function applyWritePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions,
): Promise<ApplyStats> {
  const { caps, signal } = options;
  const wb = context.workbook;
  let syncs = 0;
  const sync = async () => {
    await context.sync();
    syncs++;
  };

  // 1. What is there: sheets, calculation mode, our state, notes.
  wb.worksheets.load('items/name');
  if (caps.manualCalculation) wb.application.load('calculationMode');
  const comments = caps.notes === 'comments' ? wb.comments.load('items/content') : undefined;
  await sync();
  throwIfCancelled(signal);
  const existing = new Set(wb.worksheets.items.map((w) => w.name.toLowerCase()));
  const previousMode = caps.manualCalculation ? wb.application.calculationMode : undefined;

  const sheetCache = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => {
    let w = sheetCache.get(name);
    if (!w) {
      w = wb.worksheets.getItem(name);
      sheetCache.set(name, w);
    }
    return w;
  };

  let stateUsed: Excel.Range | undefined;
  if (existing.has(STATE_SHEET.toLowerCase())) {
    stateUsed = ws(STATE_SHEET).getUsedRangeOrNullObject(true);
    stateUsed.load('values');
  }
  const noteCollections =
    caps.notes === 'notes'
      ? options.grid.sheets
          .filter((s) => existing.has(s.name.toLowerCase()))
          .map((s) => ({ sheet: s.name, notes: ws(s.name).notes.load('items/content') }))
      : [];
  await sync();
  const previous: StateEntry[] =
    stateUsed && !stateUsed.isNullObject ? decodeStateRows(stateUsed.values) : [];

  const batch = new WriteBatch(context, caps, signal, options.budgetBytes);
  let notesSkipped = 0;
  let blocksSkipped = 0;
  try {
    if (caps.manualCalculation && previousMode !== 'Manual') wb.application.calculationMode = 'Manual';

    // 2. Remove earlier results.
    options.onProgress?.('clearing');
    // Whichever host wrote them (the command line records styles and row heights too).
    for (const e of inRemovalOrder(previous)) {
      if (e.kind === 'sheet' || !existing.has(e.sheet.toLowerCase())) continue;
      await batch.reserve(utf8Length(e.ref) + 24);
      restoreEntry(ws(e.sheet), e);
    }
    // Our earlier result columns: as recorded in the state sheet, and as found by their marker.
    const marked = markerAreas(options.grid);
    const ours = [...recordedAreas(previous), ...marked];
    for (const area of marked) {
      await batch.reserve(40);
      const range = ws(area.sheet).getRangeByIndexes(area.top, area.left, area.rows, area.cols);
      range.unmerge();
      range.clear('All');
    }
    // Notes: ours are deleted, or cut off the official's note they were appended to.
    const officialNotes: { sheet: string; location: Excel.Range; note?: Excel.Note; content: string }[] = [];
    for (const { sheet, notes } of noteCollections) {
      for (const note of notes.items) {
        await batch.reserve(16);
        const content = note.content;
        if (content.startsWith(NOTE_PREFIX)) {
          note.delete();
          continue;
        }
        const at = content.indexOf(NOTE_SEPARATOR + NOTE_PREFIX);
        const own = at >= 0 ? content.slice(0, at) : content;
        if (at >= 0) note.content = own;
        officialNotes.push({ sheet, location: note.getLocation().load('address'), note, content: own });
      }
    }
    for (const comment of comments?.items ?? []) {
      await batch.reserve(16);
      if (comment.content.startsWith(NOTE_PREFIX)) comment.delete();
      else
        officialNotes.push({
          sheet: '',
          location: comment.getLocation().load('address'),
          content: comment.content,
        });
    }
    const toDelete = new Set([
      ...previous.filter((r) => r.kind === 'sheet').map((r) => r.sheet),
      ...plan.sheets.map((s) => s.name),
    ]);
    for (const name of toDelete) {
      if (!existing.has(name.toLowerCase())) continue;
      await batch.reserve(32);
      ws(name).delete();
      sheetCache.delete(name);
      existing.delete(name.toLowerCase());
    }
    await batch.flush();
    const noted = new Map(
      officialNotes.map((n) => {
        const address = n.location.address;
        const bang = address.lastIndexOf('!');
        const sheetName = n.sheet || unquote(address.slice(0, bang));
        return [
          `${sheetName}!${
            address
              .slice(bang + 1)
              .replace(/\$/g, '')
              .split(':')[0]
          }`.toLowerCase(),
          n,
        ] as const;
      }),
    );

    // 3. Record what this run changes, before changing it. A block whose area holds a cell
    // the official typed (outside our earlier results) is not written at all, as the other
    // hosts do.
    const blocks = plan.resultColumns.filter((b) => !holdsOfficialCell(options.grid, b, ours));
    blocksSkipped = plan.resultColumns.length - blocks.length;
    const highlights = dedupeHighlights(plan.highlights);
    const fillReads = [];
    for (const h of highlights) {
      await batch.reserve(utf8Length(h.cell) + 40);
      fillReads.push({ h, fill: ws(h.sheet).getRange(h.cell).format.fill.load('color') });
    }
    const widthReads = [];
    for (const b of blocks) {
      for (let j = 0; j < b.headers.length; j++) {
        await batch.reserve(64);
        const format = ws(b.sheet).getRangeByIndexes(0, b.firstCol + j, 1, 1).format;
        widthReads.push({
          sheet: b.sheet,
          col: b.firstCol + j,
          format: format.load('columnWidth,useStandardWidth'),
        });
      }
    }
    await batch.flush();
    const entries: StateEntry[] = [
      ...fillReads.map(({ h, fill }): StateEntry => {
        const c = (fill.color ?? '').toUpperCase();
        return { kind: 'fill', sheet: h.sheet, ref: h.cell, original: c === '#FFFFFF' ? '' : c };
      }),
      ...blocks.map((b): StateEntry => ({
        kind: 'area',
        sheet: b.sheet,
        ref: `${a1(b.headerTop, b.firstCol)}:${a1(Math.max(b.lastRow, b.headerBottom), b.firstCol + b.headers.length - 1)}`,
      })),
      ...widthReads.map(({ sheet, col, format }): StateEntry => ({
        kind: 'width',
        sheet,
        ref: columnLetters(col),
        ...(format.useStandardWidth ? {} : { original: columnChars(format.columnWidth) }),
      })),
      ...blocks.flatMap((b): StateEntry[] =>
        b.headerBottom > b.headerTop
          ? b.headers.map((_, j) => ({
              kind: 'merge',
              sheet: b.sheet,
              ref: `${a1(b.headerTop, b.firstCol + j)}:${a1(b.headerBottom, b.firstCol + j)}`,
            }))
          : [],
      ),
      ...plan.sheets.map((s): StateEntry => ({ kind: 'sheet', sheet: s.name })),
    ];
    let state: Excel.Worksheet;
    if (existing.has(STATE_SHEET.toLowerCase())) {
      state = ws(STATE_SHEET);
      await batch.reserve(24);
      state.getRange().clear('Contents');
    } else {
      await batch.reserve(48);
      state = wb.worksheets.add(STATE_SHEET);
      state.visibility = 'VeryHidden';
    }
    await writeMatrix(batch, state, 0, 0, encodeStateRows(entries));
    await batch.flush();

    // 4. Result columns beside each table.
    options.onProgress?.('columns');
    for (const b of blocks) {
      const sheet = ws(b.sheet);
      const n = b.headers.length;
      const headerRows = b.headerBottom - b.headerTop + 1;
      await batch.reserve(matrixBytes([b.headers]));
      sheet.getRangeByIndexes(b.headerTop, b.firstCol, 1, n).values = [b.headers.map(toExcel)];
      const header = sheet.getRangeByIndexes(b.headerTop, b.firstCol, headerRows, n);
      header.format.font.bold = true;
      header.format.wrapText = true;
      if (headerRows > 1) {
        for (let j = 0; j < n; j++) {
          await batch.reserve(24);
          sheet.getRangeByIndexes(b.headerTop, b.firstCol + j, headerRows, 1).merge(false);
        }
      }
      for (let j = 0; j < n; j++) {
        await batch.reserve(24);
        sheet.getRangeByIndexes(b.headerTop, b.firstCol + j, 1, 1).format.columnWidth = columnPoints(
          b.widths[j] ?? 12,
        );
      }
      const top = b.headerBottom + 1;
      const height = b.lastRow - top + 1;
      if (height > 0) {
        const values: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(n).fill(null));
        const byRow = new Map<number, Severity | 'ok'>();
        for (const r of blockRows(b)) {
          byRow.set(r.row, r.status);
          if (r.row >= top && r.row <= b.lastRow) values[r.row - top] = padRow(r.values, n);
        }
        await writeMatrix(
          batch,
          sheet,
          top,
          b.firstCol,
          values.map((row) => row.map(toExcel)),
        );
        for (const run of runs(top, b.lastRow, (row) => byRow.get(row))) {
          await batch.reserve(40);
          sheet.getRangeByIndexes(run.from, b.firstCol, run.to - run.from + 1, 1).format.fill.color =
            SEVERITY_FILL[run.value];
        }
      }
    }

    // 5. Fills and notes on flagged cells.
    options.onProgress?.('highlights');
    for (const h of highlights) {
      await batch.reserve(utf8Length(h.cell) + 24);
      ws(h.sheet).getRange(h.cell).format.fill.color = SEVERITY_FILL[h.severity];
      if (caps.notes === 'none') continue;
      const official = noted.get(`${h.sheet}!${h.cell}`.toLowerCase());
      await batch.reserve(utf8Length(h.note) + utf8Length(official?.content ?? '') + utf8Length(h.cell) + 16);
      if (official?.note) {
        official.note.content = `${official.content}${NOTE_SEPARATOR}${h.note}`;
        continue;
      }
      if (official) {
        // A threaded comment belongs to its author: ours is not added to it.
        notesSkipped++;
        continue;
      }
      if (caps.notes === 'notes') ws(h.sheet).notes.add(h.cell, h.note);
      else wb.comments.add(sheetAddress(h.sheet, h.cell), h.note);
    }

    // 6. Result sheets, replaced whole.
    options.onProgress?.('sheets');
    for (const s of plan.sheets) {
      await batch.reserve(64);
      const sheet = wb.worksheets.add(s.name);
      sheetCache.set(s.name, sheet);
      await writeResultSheet(batch, sheet, s);
    }
    await batch.flush();
    options.onProgress?.('done');
  } finally {
    if (caps.manualCalculation && previousMode && previousMode !== 'Manual') {
      wb.application.calculationMode = previousMode;
      await context.sync();
      syncs++;
    }
  }
  return {
    syncs: syncs + batch.syncs,
    largestRequestEstimate: batch.largestEstimate,
    notesSkipped,
    blocksSkipped,
  };
}

/**
 * Undoes one recorded change. A `style` entry holds the writing host's own style (the command
 * line's): the area it lies in is cleared of formats instead. Widths are kept in characters.
 */
function restoreEntry(sheet: Excel.Worksheet, e: Exclude<StateEntry, { kind: 'sheet' }>): void {
  switch (e.kind) {
    case 'merge':
      sheet.getRange(e.ref).unmerge();
      break;
    case 'area': {
      const range = sheet.getRange(e.ref);
      range.unmerge();
      range.clear('All');
      break;
    }
    case 'style':
      break;
    case 'fill': {
      const fill = sheet.getRange(e.ref).format.fill;
      if (e.original) fill.color = e.original;
      else fill.clear();
      break;
    }
    case 'width': {
      if (!/^[A-Z]{1,3}$/i.test(e.ref)) break;
      const format = sheet.getRangeByIndexes(0, columnIndex(e.ref), 1, 1).format;
      if (e.original === undefined) format.useStandardWidth = true;
      else format.columnWidth = columnPoints(e.original);
      break;
    }
    case 'height': {
      const row = Number(e.ref);
      if (!Number.isInteger(row) || row < 1) break;
      const format = sheet.getRangeByIndexes(row - 1, 0, 1, 1).format;
      if (e.original === undefined) format.useStandardHeight = true;
      else format.rowHeight = e.original;
      break;
    }
  }
}

/** A result sheet: title, bold header row, rows with fills by status, links, widths, formats. */
export async function writeResultSheet(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  s: ResultSheet,
): Promise<void> {
  const { titleRow, headerRow, firstDataRow } = RESULT_SHEET_LAYOUT;
  const n = Math.max(1, s.columns.length);
  await batch.reserve(jsonBytes(s.title));
  const title = sheet.getRangeByIndexes(titleRow, 0, 1, 1);
  title.values = [[toExcel(s.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  if (n > 1) sheet.getRangeByIndexes(titleRow, 0, 1, n).merge(false);
  await batch.reserve(matrixBytes([s.columns.map((c) => c.header)]));
  const header = sheet.getRangeByIndexes(headerRow, 0, 1, n);
  header.values = [s.columns.map((c) => toExcel(c.header))];
  header.format.font.bold = true;
  header.format.wrapText = true;
  for (let j = 0; j < s.columns.length; j++) {
    await batch.reserve(24);
    sheet.getRangeByIndexes(headerRow, j, 1, 1).format.columnWidth = columnPoints(s.columns[j]!.width);
  }
  if (s.rows.length === 0) return;
  await writeMatrix(
    batch,
    sheet,
    firstDataRow,
    0,
    s.rows.map((r) => padRow(r, n).map(toExcel)),
  );
  for (let j = 0; j < s.columns.length; j++) {
    const kind = s.columns[j]!.kind;
    if (kind !== 'percent') continue;
    const formats = s.rows.map(() => ['0.00%']);
    await batch.reserve(matrixBytes(formats));
    sheet.getRangeByIndexes(firstDataRow, j, s.rows.length, 1).numberFormat = formats;
  }
  const last = firstDataRow + s.rows.length - 1;
  for (const run of runs(firstDataRow, last, (row) => statusFill(s.rowStatus[row - firstDataRow] ?? null))) {
    await batch.reserve(40);
    sheet.getRangeByIndexes(run.from, 0, run.to - run.from + 1, n).format.fill.color =
      SEVERITY_FILL[run.value];
  }
  for (const link of s.links) {
    const shown = s.rows[link.row - firstDataRow]?.[link.col];
    const target = sheetAddress(link.sheet, link.cell);
    await batch.reserve(utf8Length(target) * 2 + 40);
    sheet.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = {
      documentReference: target,
      textToDisplay: shown === null || shown === undefined || isCellError(shown) ? link.cell : String(shown),
    };
  }
}

/** Writes a matrix in row slices that each fit the write budget. */
async function writeMatrix(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: (string | number | boolean)[][],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = rows[0]!.length;
  let i = 0;
  while (i < rows.length) {
    // Size each slice from the bytes of its first rows: values vary little within a column.
    const sample = rows.slice(i, i + 50);
    const perCell = Math.max(2, Math.ceil(matrixBytes(sample) / Math.max(1, sample.length * cols)) + 1);
    const count = Math.min(rows.length - i, batch.rowsThatFit(cols, perCell));
    const slice = rows.slice(i, i + count);
    await batch.reserve(matrixBytes(slice));
    sheet.getRangeByIndexes(top + i, left, count, cols).values = slice;
    i += count;
  }
}

type Area = { sheet: string; top: number; left: number; rows: number; cols: number };

/** Does a block's area hold a cell or a merge of the official's, outside our earlier results? */
function holdsOfficialCell(grid: WorkbookGrid, block: ResultColumnBlock, ours: readonly Area[]): boolean {
  const sheet = grid.sheets.find((s) => s.name === block.sheet);
  if (!sheet) return false;
  const right = block.firstCol + block.headers.length - 1;
  const bottom = Math.max(block.lastRow, block.headerBottom);
  const mine = ours.filter((a) => a.sheet === block.sheet);
  const isOurs = (r: number, c: number) =>
    mine.some((a) => r >= a.top && r < a.top + a.rows && c >= a.left && c < a.left + a.cols);
  for (let r = block.headerTop; r <= bottom; r++) {
    for (let c = block.firstCol; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      if (v !== null && !(typeof v === 'string' && v.trim() === '') && !isOurs(r, c)) return true;
    }
  }
  return (sheet.merges ?? []).some(
    (m) =>
      m.top <= bottom &&
      m.bottom >= block.headerTop &&
      m.left <= right &&
      m.right >= block.firstCol &&
      !isOurs(m.top, m.left),
  );
}

/** Earlier result columns as the state sheet records them, whichever host wrote them. */
function recordedAreas(entries: readonly StateEntry[]): Area[] {
  return entries.flatMap((e) => {
    const rect = e.kind === 'area' ? parseRangeAddress(e.ref) : undefined;
    return rect ? [{ sheet: e.sheet, ...rect }] : [];
  });
}

/**
 * Earlier result columns found by their header marker, when the state sheet does not name
 * them: from the header (and its merge) down through the row statuses we wrote in the first
 * column, so a signature block below the table is never touched.
 */
function markerAreas(grid: WorkbookGrid): Area[] {
  const out: Area[] = [];
  const isMarker = (v: unknown) => typeof v === 'string' && v.trimStart().startsWith(RESULT_MARKER);
  for (const sheet of grid.sheets) {
    const { top, left, rowEnd, colEnd } = sheetBounds(sheet);
    for (let r = top; r < rowEnd; r++) {
      let c = left;
      while (c < colEnd) {
        if (!isMarker(cellAt(sheet, r, c))) {
          c++;
          continue;
        }
        const first = c;
        while (c < colEnd && isMarker(cellAt(sheet, r, c))) c++;
        let bottom = r;
        for (const m of sheet.merges ?? [])
          if (m.top === r && m.left >= first && m.right < c) bottom = Math.max(bottom, m.bottom);
        for (let row = bottom + 1; row < rowEnd; row++) {
          const v = cellAt(sheet, row, first);
          if (isMarker(v)) break;
          if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
          if (!isRowStatusText(v)) break;
          bottom = row;
        }
        out.push({ sheet: sheet.name, top: r, left: first, rows: bottom - r + 1, cols: c - first });
      }
    }
  }
  return out;
}

function dedupeHighlights(list: WritePlan['highlights']): WritePlan['highlights'] {
  const seen = new Set<string>();
  return list.filter((h) => {
    const k = `${h.sheet}!${h.cell}`.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function statusFill(s: ResultSheet['rowStatus'][number]): Fill | undefined {
  if (s === null) return undefined;
  if (s === 'notMet') return 'error';
  if (s === 'met') return 'ok';
  return s;
}

/** Consecutive rows with the same defined value. */
function runs<T>(
  from: number,
  to: number,
  valueOf: (row: number) => T | undefined,
): { from: number; to: number; value: T }[] {
  const out: { from: number; to: number; value: T }[] = [];
  for (let r = from; r <= to; r++) {
    const v = valueOf(r);
    const last = out[out.length - 1];
    if (v === undefined) continue;
    if (last && last.value === v && last.to === r - 1) last.to = r;
    else out.push({ from: r, to: r, value: v });
  }
  return out;
}

function padRow(values: readonly CellValue[], n: number): CellValue[] {
  return values.length >= n
    ? values.slice(0, n)
    : [...values, ...Array<CellValue>(n - values.length).fill(null)];
}

/** A value as Office.js writes it; text that Excel would take for a formula is kept as text. */
export function toExcel(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export { RESULT_SHEET_LAYOUT, columnPoints, parseRangeAddress };
