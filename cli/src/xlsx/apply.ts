/**
 * Applies a WritePlan to an ExcelJS workbook, following the contract in
 * shared/src/plan/types.ts: earlier results are removed first, then the new ones written,
 * and a cell the official typed is never changed.
 *
 * What we change is recorded in the very hidden STATE_SHEET, in the layout every host shares
 * (StateEntry in shared/src/plan/types.ts) — result column areas, the original fills and
 * styles of the cells we coloured, column widths, header merges and the result sheets we
 * added — so that the next run (or `removeResults`, or the add-in) restores the workbook
 * exactly as the official left it before writing again.
 */
import ExcelJS from 'exceljs';
import { neededHeight } from './layout.ts';
import {
  HEADER_FILL,
  STATUS_FILL,
  blockRange,
  border,
  dedupeFills,
  sheetRef,
  solidFill,
  stripOurNote,
} from './conventions.ts';
import {
  NOTE_PREFIX,
  RESULT_MARKER,
  RESULT_SHEET_LAYOUT,
  RESULT_SHEETS,
  SEVERITY_FILL,
  STATE_SHEET,
  a1,
  a1Range,
  blockRows,
  columnIndex,
  columnLetters,
  decodeStateRows,
  encodeStateRows,
  isCellError,
  parseA1,
  type CellValue,
  type ResultColumnBlock,
  type ResultSheet,
  type StateEntry,
  type WritePlan,
} from '@kiemtra/shared';

export interface ApplyOutcome {
  /** Result blocks not written because a target cell held the official's data. */
  skipped: { sheet: string; range: string; cell: string }[];
}

/** One border object for every cell ExcelJS writes here, as it always was. */
const BORDER = border();

function isEmptyStyle(style: Partial<ExcelJS.Style> | undefined): boolean {
  return !style || Object.values(style).every((v) => v === undefined);
}

function readState(wb: ExcelJS.Workbook): StateEntry[] {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push([1, 2, 3, 4, 5].map((i) => row.getCell(i).value));
  });
  return decodeStateRows(rows);
}

function writeState(wb: ExcelJS.Workbook, entries: StateEntry[]): void {
  const existing = wb.getWorksheet(STATE_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  if (entries.length === 0) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  for (const r of encodeStateRows(entries)) ws.addRow(r);
}

/** A solid fill's colour as `#RRGGBB` (what another host can restore), else ''. */
function fillColour(fill: ExcelJS.Fill | undefined): string {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return '';
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : '';
}

function clearCell(cell: ExcelJS.Cell): void {
  cell.value = null;
  cell.style = {};
  removeNote(cell);
}

/**
 * ExcelJS has no API to delete a note: setting it to undefined writes an empty one, and a
 * note read from the file also lives on in the value's model, so both are cleared.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  inner._comment = undefined;
  if (inner._value?.model) delete inner._value.model.comment;
}

/**
 * Step 1 of the contract: removes every earlier result (ours only) and restores what we
 * changed. Safe on a workbook we never touched.
 */
export function removeResults(wb: ExcelJS.Workbook, extraSheets: string[] = []): void {
  const state = readState(wb);
  // Result sheets first: they are replaced whole.
  const sheetsToDrop = new Set<string>([RESULT_SHEETS.issues, RESULT_SHEETS.targets, ...extraSheets]);
  for (const e of state) if (e.kind === 'sheet') sheetsToDrop.add(e.sheet);
  for (const name of sheetsToDrop) {
    const ws = wb.getWorksheet(name);
    if (ws && ws.name !== STATE_SHEET) wb.removeWorksheet(ws.id);
  }
  for (const e of state) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    if (e.kind === 'merge') ws.unMergeCells(e.ref);
  }
  for (const e of state) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws || e.kind !== 'area') continue;
    const [from, to] = e.ref.split(':');
    const a = parseA1(from ?? '');
    const b = parseA1(to ?? from ?? '');
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++) clearCell(ws.getCell(r + 1, c + 1));
    }
  }
  for (const e of state) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    if (e.kind === 'style') {
      ws.getCell(e.ref).style = JSON.parse(e.detail) as Partial<ExcelJS.Style>;
    } else if (e.kind === 'fill') {
      const cell = ws.getCell(e.ref);
      const style: Partial<ExcelJS.Style> = { ...cell.style };
      // Our own record of the fill when we wrote it, else the colour another host recorded.
      if (e.detail) style.fill = JSON.parse(e.detail) as ExcelJS.Fill;
      else if (e.original) style.fill = solidFill(e.original);
      else delete style.fill;
      cell.style = style;
    } else if (e.kind === 'height') {
      ws.getRow(Number(e.ref)).height = e.original as number;
    } else if (e.kind === 'width') {
      ws.getColumn(columnIndex(e.ref) + 1).width = e.original as number;
    }
  }
  // Without a state sheet (results written by another host, or the sheet deleted), a
  // column headed by RESULT_MARKER is still recognizably ours: clear it down to its last value.
  for (const ws of wb.worksheets) {
    if (ws.name === STATE_SHEET) continue;
    const markers: { row: number; col: number }[] = [];
    const withNotes: ExcelJS.Cell[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith(RESULT_MARKER)) {
          markers.push({ row: Number(cell.row) - 1, col: Number(cell.col) - 1 });
        }
        if (cell.note !== undefined) withNotes.push(cell);
      });
    });
    for (const m of markers) {
      const last = lastValueRow(ws, m.col);
      for (let r = m.row; r <= last; r++) clearCell(ws.getCell(r + 1, m.col + 1));
    }
    for (const cell of withNotes) {
      const text = noteString(cell.note);
      if (text === undefined || !text.includes(NOTE_PREFIX)) continue;
      const kept = stripOurNote(text);
      if (kept === undefined) removeNote(cell);
      else cell.note = kept;
    }
  }
  writeState(wb, []);
}

function noteString(note: ExcelJS.Cell['note']): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note as ExcelJS.Comment).texts?.map((t) => t.text).join('');
}

function lastValueRow(ws: ExcelJS.Worksheet, col: number): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const v = row.getCell(col + 1).value;
    if (v !== null && v !== undefined && v !== '') last = n - 1;
  });
  return last;
}

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (isCellError(v)) return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function hasValue(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Merge) return true;
  const v = cell.value;
  return v !== null && v !== undefined && v !== '';
}

/** The table's own font (Times New Roman in most officials' workbooks), without decoration. */
function neighbourFont(ws: ExcelJS.Worksheet, row: number, col: number): Partial<ExcelJS.Font> {
  if (col <= 0) return {};
  const f = ws.getCell(row + 1, col).font;
  const font: Partial<ExcelJS.Font> = {};
  if (f?.name) font.name = f.name;
  if (f?.size) font.size = f.size;
  return font;
}

function writeBlock(
  ws: ExcelJS.Workbook['worksheets'][number],
  block: ResultColumnBlock,
  state: StateEntry[],
): string | undefined {
  const left = block.firstCol;
  const right = block.firstCol + block.headers.length - 1;
  const range = blockRange(block);
  // Never write over a value the official typed: the planner promised empty columns.
  for (let r = block.headerTop; r <= block.lastRow; r++) {
    for (let c = left; c <= right; c++) {
      if (hasValue(ws.getCell(r + 1, c + 1))) return a1(r, c);
    }
  }
  state.push({ kind: 'area', sheet: ws.name, ref: range });
  for (let r = block.headerTop; r <= block.lastRow; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      if (!isEmptyStyle(cell.style))
        state.push({ kind: 'style', sheet: ws.name, ref: cell.address, detail: JSON.stringify(cell.style) });
    }
  }
  block.headers.forEach((header, j) => {
    const col = left + j;
    const column = ws.getColumn(col + 1);
    state.push({
      kind: 'width',
      sheet: ws.name,
      ref: columnLetters(col),
      ...(column.width === undefined ? {} : { original: column.width }),
    });
    column.width = block.widths[j] ?? 16;
    const cell = ws.getCell(block.headerTop + 1, col + 1);
    cell.value = header;
    const font = neighbourFont(ws, block.headerTop, left);
    cell.style = {
      font: { ...font, bold: true },
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      border: BORDER,
      fill: solidFill(HEADER_FILL),
    };
    for (let r = block.headerTop + 1; r <= block.headerBottom; r++) {
      ws.getCell(r + 1, col + 1).style = { border: BORDER, fill: solidFill(HEADER_FILL) };
    }
    if (block.headerBottom > block.headerTop) {
      const merge = a1Range(block.headerTop, col, block.headerBottom, col);
      ws.mergeCells(merge);
      state.push({ kind: 'merge', sheet: ws.name, ref: merge });
    }
  });
  for (const row of blockRows(block)) {
    const font = neighbourFont(ws, row.row, left);
    row.values.forEach((v, j) => {
      const cell = ws.getCell(row.row + 1, left + j + 1);
      cell.value = excelValue(v);
      cell.style = {
        font,
        alignment: { wrapText: true, vertical: 'top' },
        border: BORDER,
        fill: solidFill(SEVERITY_FILL[row.status]),
      };
    });
    // Grow the row when our wrapped text needs it; the official's height comes back on removal.
    const columns = block.headers.map((_, j) => left + j + 1);
    const wsRow = ws.getRow(row.row + 1);
    const needed = neededHeight(ws, row.row + 1, columns);
    if (needed > (wsRow.height ?? 15)) {
      state.push({
        kind: 'height',
        sheet: ws.name,
        ref: String(row.row + 1),
        ...(wsRow.height === undefined ? {} : { original: wsRow.height }),
      });
      wsRow.height = needed;
    }
  }
  return undefined;
}

export function writeResultSheet(wb: ExcelJS.Workbook, sheet: ResultSheet): ExcelJS.Worksheet {
  const totalWidth = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: RESULT_SHEET_LAYOUT.firstDataRow, xSplit: 0 }],
    pageSetup: {
      // A wide sheet printed on A4 would shrink to an unreadable size: A3 keeps it legible.
      paperSize: (totalWidth > 160 ? 8 : 9) as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${RESULT_SHEET_LAYOUT.headerRow + 1}:${RESULT_SHEET_LAYOUT.headerRow + 1}`,
    },
  });
  const font = { name: 'Times New Roman', size: 12 };
  sheet.columns.forEach((col, j) => {
    ws.getColumn(j + 1).width = col.width;
  });
  const title = ws.getCell(RESULT_SHEET_LAYOUT.titleRow + 1, 1);
  title.value = sheet.title;
  title.style = { font: { ...font, size: 14, bold: true }, alignment: { vertical: 'middle' } };
  ws.getRow(RESULT_SHEET_LAYOUT.titleRow + 1).height = 24;
  sheet.columns.forEach((col, j) => {
    const cell = ws.getCell(RESULT_SHEET_LAYOUT.headerRow + 1, j + 1);
    cell.value = col.header;
    cell.style = {
      font: { ...font, bold: true },
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
      border: BORDER,
      fill: solidFill(HEADER_FILL),
    };
  });
  sheet.rows.forEach((values, i) => {
    const status = sheet.rowStatus[i];
    const fill = status ? STATUS_FILL[status] : undefined;
    values.forEach((v, j) => {
      const cell = ws.getCell(RESULT_SHEET_LAYOUT.firstDataRow + i + 1, j + 1);
      cell.value = excelValue(v);
      const kind = sheet.columns[j]?.kind;
      cell.style = {
        font,
        alignment: {
          wrapText: true,
          vertical: 'top',
          ...(kind && kind !== 'text' ? { horizontal: 'right' } : {}),
        },
        border: BORDER,
        ...(fill ? { fill: solidFill(fill) } : {}),
        ...(kind === 'percent' ? { numFmt: '0.00%' } : {}),
      };
    });
  });
  const columns = sheet.columns.map((_, j) => j + 1);
  for (let r = RESULT_SHEET_LAYOUT.headerRow; r < RESULT_SHEET_LAYOUT.firstDataRow + sheet.rows.length; r++) {
    const needed = neededHeight(ws, r + 1, columns);
    if (needed > 15) ws.getRow(r + 1).height = needed;
  }
  for (const link of sheet.links) {
    const cell = ws.getCell(link.row + 1, link.col + 1);
    const text = cell.value === null || cell.value === undefined ? link.cell : String(cell.value);
    cell.value = { text, hyperlink: sheetRef(link.sheet, link.cell) } as ExcelJS.CellHyperlinkValue;
    cell.style = { ...cell.style, font: { ...font, color: { argb: 'FF0563C1' }, underline: true } };
  }
  return ws;
}

/** Steps 1 and 2 of the contract: remove earlier results, then write this plan's. */
export function applyPlan(
  wb: ExcelJS.Workbook,
  plan: WritePlan,
  opts: { cleaned?: boolean } = {},
): ApplyOutcome {
  // A workbook opened through loadWorkbook is already clean; only same-named sheets remain to drop.
  if (opts.cleaned) {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name);
      if (ws) wb.removeWorksheet(ws.id);
    }
  } else {
    removeResults(
      wb,
      plan.sheets.map((s) => s.name),
    );
  }
  const state: StateEntry[] = [];
  const outcome: ApplyOutcome = { skipped: [] };
  for (const block of plan.resultColumns) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) continue;
    const taken = writeBlock(ws, block, state);
    if (taken) {
      outcome.skipped.push({ sheet: block.sheet, range: blockRange(block), cell: taken });
    }
  }
  for (const h of plan.highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue;
    const cell = ws.getCell(h.cell);
    const fill = cell.style?.fill;
    state.push({
      kind: 'fill',
      sheet: h.sheet,
      ref: cell.address,
      original: fillColour(fill),
      ...(fill ? { detail: JSON.stringify(fill) } : {}),
    });
    cell.style = { ...cell.style, fill: solidFill(SEVERITY_FILL[h.severity]) };
    const existing = noteString(cell.note);
    const official = existing === undefined ? undefined : stripOurNote(existing);
    cell.note = official ? `${official}\n\n${h.note}` : h.note;
  }
  for (const sheet of plan.sheets) {
    writeResultSheet(wb, sheet);
    state.push({ kind: 'sheet', sheet: sheet.name });
  }
  writeState(wb, dedupeFills(state));
  return outcome;
}
