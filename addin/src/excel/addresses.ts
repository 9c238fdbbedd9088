/** Parsing the addresses Office.js returns ("'Chi bộ'!A1:C2, 'Chi bộ'!E4"). */
import { parseA1 } from '@kiemtra/shared';

export interface CellRect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** "Sheet1!B3:D9" or "B3" → 0-based rectangle; the sheet part is dropped. */
export function parseRangeAddress(address: string): CellRect | undefined {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [from, to] = local.split(':');
  const p = parseA1(from ?? '');
  const q = to ? parseA1(to) : p;
  if (!p || !q) return undefined;
  return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

/** A comma-separated list of areas; commas inside quoted sheet names are kept. */
export function parseAddressList(list: string): CellRect[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.map(parseRangeAddress).filter((r): r is CellRect => r !== undefined);
}

/** 'Sheet name'!B5, quoting only when Excel needs it. */
export function sheetAddress(sheet: string, cell: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}
