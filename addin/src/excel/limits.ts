/**
 * Excel on the web refuses a request or response larger than 5 MB and a range operation over
 * 5,000,000 cells. Reads are cut into row chunks sized from an estimate of bytes per cell, and
 * writes are flushed before a request grows near the limit.
 */

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;

/** Chunks aim well under the limit: the estimate is an estimate, and JSON adds overhead. */
export const READ_BUDGET_BYTES = 2 * 1024 * 1024;
export const WRITE_BUDGET_BYTES = 2 * 1024 * 1024;
export const READ_CELL_BUDGET = 500_000;

/** A cell as JSON in a values array: quotes, comma and an average short text or number. */
export const DEFAULT_BYTES_PER_VALUE = 16;
/** A number format is usually "General" (9 bytes quoted) plus a comma. */
export const DEFAULT_BYTES_PER_FORMAT = 10;

export interface RowChunk {
  /** 0-based sheet row of the first row, and how many rows. */
  row: number;
  rowCount: number;
}

/** How many rows fit one request, given the width and the estimated bytes of a cell. */
export function rowsPerChunk(
  columnCount: number,
  bytesPerCell: number,
  budgetBytes = READ_BUDGET_BYTES,
): number {
  const width = Math.max(1, columnCount);
  const byBytes = Math.floor(budgetBytes / (Math.max(1, bytesPerCell) * width));
  const byCells = Math.floor(READ_CELL_BUDGET / width);
  return Math.max(1, Math.min(byBytes, byCells));
}

/** Splits rows [row, row + rowCount) into chunks of at most `perChunk` rows. */
export function splitRows(row: number, rowCount: number, perChunk: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  for (let r = 0; r < rowCount; r += perChunk)
    chunks.push({ row: row + r, rowCount: Math.min(perChunk, rowCount - r) });
  return chunks;
}

/** Bytes a value takes in a JSON payload; cheap enough to call on every cell written. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'number':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'string':
      // UTF-8: Vietnamese letters take 2–3 bytes; quotes and escapes a few more.
      return utf8Length(value) + 2;
    default:
      return utf8Length(JSON.stringify(value));
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function matrixBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const r of rows) {
    n += 2;
    for (const v of r) n += jsonBytes(v) + 1;
  }
  return n;
}
