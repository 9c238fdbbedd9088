/**
 * A justification (giải trình) typed in the pane goes into the workbook's "Giải trình" sheet,
 * a table the engine reads as kind 'justifications' (rule id, sheet, cell, text). It is the
 * official's own data: kept across runs, edited in place when the same issue is justified
 * again.
 */
import { FIELDS } from '@kiemtra/shared';

export const JUSTIFICATION_SHEET = 'Giải trình';

/** Headers the engine recognizes: the Vietnamese labels of the justification fields. */
export const JUSTIFICATION_HEADERS = ['ruleId', 'sheet', 'cell', 'text'].map(
  (id) => FIELDS.justifications.find((f) => f.id === id)!.label.vi,
);

export interface Justification {
  ruleId: string;
  sheet: string;
  cell: string;
  text: string;
}

/** The rows of the sheet after adding or replacing one justification. */
export function upsertRows(existing: unknown[][], j: Justification): string[][] {
  const rows = existing
    .filter((r) => r.some((v) => v !== '' && v !== null && v !== undefined))
    .map((r) => [0, 1, 2, 3].map((i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))));
  const body = rows.length > 0 && rows[0]![0] === JUSTIFICATION_HEADERS[0] ? rows.slice(1) : rows;
  const same = (r: string[]) =>
    r[0] === j.ruleId &&
    (r[1] ?? '').toLowerCase() === j.sheet.toLowerCase() &&
    (r[2] ?? '').toUpperCase() === j.cell.toUpperCase();
  const kept = body.filter((r) => !same(r));
  return [JUSTIFICATION_HEADERS, ...kept, [j.ruleId, j.sheet, j.cell, j.text]];
}

export async function saveJustification(context: Excel.RequestContext, j: Justification): Promise<void> {
  let ws = context.workbook.worksheets.getItemOrNullObject(JUSTIFICATION_SHEET);
  await context.sync();
  let existing: unknown[][] = [];
  if (ws.isNullObject) {
    ws = context.workbook.worksheets.add(JUSTIFICATION_SHEET);
  } else {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    await context.sync();
    if (!used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0) existing = used.values;
    else if (!used.isNullObject) throw new Error(`${JUSTIFICATION_SHEET}: the table must start at A1`);
  }
  const rows = upsertRows(existing, { ...j, text: j.text.replace(/^[=+\-@]/, "'$&") });
  if (existing.length > rows.length)
    ws.getRangeByIndexes(rows.length, 0, existing.length - rows.length, 4).clear('Contents');
  ws.getRangeByIndexes(0, 0, rows.length, 4).values = rows;
  ws.getRangeByIndexes(0, 0, 1, 4).format.font.bold = true;
  await context.sync();
}

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell.split(':')[0]).select();
  await context.sync();
}
