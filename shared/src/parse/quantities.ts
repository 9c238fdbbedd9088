/**
 * A target's value as resolutions write it: a percentage when typed as one ("90%" → 0.9, or a
 * %-formatted cell), else the number as typed (600). The comparison may be written in the same
 * cell ("Trên 90%", "≥ 85%", "từ 30 trở lên", "không quá 5%"): the words around the number are
 * left for the target reader, which takes its comparator from them; the number is read alone.
 */
import type { CellValue } from '../grid.ts';
import { parseDecimal } from './numbers.ts';
import { isPercentFormat, parsePercent } from './percent.ts';
import type { ParseOutcome } from './index.ts';

/** Signs and words of comparison before the number, with or without diacritics. */
const LEADING =
  /^\s*(?:≥|>=|=>|≤|<=|=<|>|<|=|(?:trên|tren|hơn|hon|từ|tu|ít nhất|it nhat|tối thiểu|toi thieu|tối đa|toi da|không quá|khong qua|không vượt quá|khong vuot qua|dưới|duoi|đạt|dat|bằng|bang)(?=[\s\d]))\s*/i;
/** "… trở lên", "… trở xuống" after the number. */
const TRAILING = /\s*(?:trở lên|tro len|trở xuống|tro xuong)\s*$/i;

/** A percentage when typed as one or in a %-formatted cell, else a plain number. */
function readNumber(v: CellValue, numberFormat?: string | null): ParseOutcome {
  return (typeof v === 'string' && v.includes('%')) || isPercentFormat(numberFormat)
    ? parsePercent(v, numberFormat)
    : parseDecimal(v);
}

export function parseQuantity(raw: CellValue, numberFormat?: string | null): ParseOutcome {
  const bare = typeof raw === 'string' ? raw.replace(LEADING, '').replace(TRAILING, '') : raw;
  const outcome = readNumber(bare, numberFormat);
  // An unreadable value is reported as the official typed it.
  return outcome.kind === 'invalid' && bare !== raw ? readNumber(raw, numberFormat) : outcome;
}
