/**
 * Submissions that could not reach the server wait in the workbook itself, in a very hidden
 * sheet, so that closing the pane or Excel loses nothing; they are retried on the next
 * attempt. One row per submission: id, created, attempts, last error, then the JSON payload in
 * pieces below Excel's 32,767-character cell limit.
 */

export const PENDING_SHEET = '_kiemtra_gui';
const HEADER = ['kiemtra-pending v1', 'created', 'attempts', 'lastError'];
const PIECE = 30_000;
/** Every piece starts with this so that Excel never reads it as a formula ("=", "+", "-"). */
const PIECE_MARK = '~';

export interface PendingSubmission {
  /** Stable per unit and period: a newer submission for the same report replaces the older. */
  id: string;
  createdAt: string;
  attempts: number;
  lastError?: string;
  payload: unknown;
}

export interface PendingStore {
  list(): Promise<PendingSubmission[]>;
  put(p: PendingSubmission): Promise<void>;
  remove(id: string): Promise<void>;
}

export function encodePending(list: PendingSubmission[]): (string | number)[][] {
  const rows = list.map((p) => {
    const json = JSON.stringify(p.payload);
    const pieces: string[] = [];
    for (let i = 0; i < json.length; i += PIECE) pieces.push(PIECE_MARK + json.slice(i, i + PIECE));
    if (pieces.length === 0) pieces.push(PIECE_MARK);
    return [PIECE_MARK + p.id, p.createdAt, p.attempts, PIECE_MARK + (p.lastError ?? ''), ...pieces];
  });
  const width = Math.max(HEADER.length, ...rows.map((r) => r.length));
  return [HEADER, ...rows].map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

export function decodePending(values: unknown[][]): PendingSubmission[] {
  const out: PendingSubmission[] = [];
  for (const row of values.slice(1)) {
    const id = strip(row[0]);
    if (!id) continue;
    const json = row.slice(4).map(strip).join('');
    try {
      const lastError = strip(row[3]);
      out.push({
        id,
        createdAt: String(row[1] ?? ''),
        attempts: Number(row[2]) || 0,
        ...(lastError ? { lastError } : {}),
        payload: JSON.parse(json),
      });
    } catch {
      // A row someone edited by hand: kept in the sheet, not sent.
    }
  }
  return out;
}

function strip(v: unknown): string {
  const s = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
  return s.startsWith(PIECE_MARK) ? s.slice(1) : s;
}

/** The store in the open workbook, through Office.js. */
export class WorkbookPendingStore implements PendingStore {
  constructor(private run: typeof Excel.run) {}

  async list(): Promise<PendingSubmission[]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(PENDING_SHEET);
      await context.sync();
      if (ws.isNullObject) return [];
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      return used.isNullObject ? [] : decodePending(used.values);
    });
  }

  async put(p: PendingSubmission): Promise<void> {
    const list = (await this.list()).filter((x) => x.id !== p.id);
    await this.write([...list, p]);
  }

  async remove(id: string): Promise<void> {
    const list = await this.list();
    if (!list.some((x) => x.id === id)) return;
    await this.write(list.filter((x) => x.id !== id));
  }

  private async write(list: PendingSubmission[]): Promise<void> {
    await this.run(async (context) => {
      let ws = context.workbook.worksheets.getItemOrNullObject(PENDING_SHEET);
      await context.sync();
      if (ws.isNullObject) {
        ws = context.workbook.worksheets.add(PENDING_SHEET);
        ws.visibility = 'VeryHidden';
      } else {
        ws.getRange().clear('Contents');
      }
      const rows = encodePending(list);
      ws.getRangeByIndexes(0, 0, rows.length, rows[0]!.length).values = rows;
      await context.sync();
    });
  }
}
