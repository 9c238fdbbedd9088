/**
 * Years (năm), four digits, from a number, from text ("2023", "năm 2023") or from a date
 * (its year). The range starts at 1930, the year the Party was founded: no year in these
 * workbooks (admission, election, report) can be earlier.
 */
import type { CellValue } from '../grid.ts';
import { foldText } from '../text.ts';
import { invalid, quote, screen, valueOf, type Present } from './common.ts';
import { excelSerialToIso, isDateFormat, parseDateText } from './dates.ts';
import { parseNumberText } from './numbers.ts';
import type { ParseOutcome } from './index.ts';

export const EARLIEST_YEAR = 1930;
/** Members born before the Party was founded are still listed: birth years start earlier. */
export const EARLIEST_BIRTH_YEAR = 1900;
export const LATEST_YEAR = 2100;

function inRange(y: number, earliest: number): boolean {
  return Number.isInteger(y) && y >= earliest && y <= LATEST_YEAR;
}

function notAYear(raw: Present, earliest: number, why?: { vi: string; en: string }): ParseOutcome {
  const q = quote(raw);
  const vi = why?.vi ?? `cần năm có 4 chữ số, từ ${earliest} đến ${LATEST_YEAR}`;
  const en = why?.en ?? `expected a 4-digit year from ${earliest} to ${LATEST_YEAR}`;
  return invalid(`${q.vi} không phải là năm hợp lệ; ${vi}`, `${q.en} is not a valid year; ${en}`);
}

function yearOfIso(iso: string): number {
  return Number(iso.slice(0, 4));
}

function checked(raw: Present, y: number, earliest: number): ParseOutcome {
  return inRange(y, earliest) ? valueOf(y) : notAYear(raw, earliest);
}

/** Years from `earliest` (the Party's founding unless said otherwise) to LATEST_YEAR. */
export function parseYear(
  raw: CellValue,
  numberFormat?: string | null,
  earliest: number = EARLIEST_YEAR,
): ParseOutcome {
  return screen(raw, (v, format) => readYear(v, format, earliest), numberFormat);
}

function readYear(v: Present, numberFormat: string | null | undefined, earliest: number): ParseOutcome {
  if (typeof v === 'boolean') return notAYear(v, earliest);
  if (typeof v === 'number') {
    if (inRange(v, earliest)) return valueOf(v);
    // A date in a year column: Office.js hands it over as a serial.
    const iso = isDateFormat(numberFormat) ? excelSerialToIso(v) : undefined;
    return iso ? checked(v, yearOfIso(iso), earliest) : notAYear(v, earliest);
  }
  const date = parseDateText(v);
  if (date) return 'y' in date ? checked(v, date.y, earliest) : notAYear(v, earliest, date.reason);
  const folded = foldText(v);
  const spelled = /^(?:nam|sinh nam) (\d{4})$/.exec(folded);
  const n = spelled ? Number(spelled[1]) : parseNumberText(v)?.value;
  if (n === undefined) return notAYear(v, earliest);
  if (Number.isInteger(n) && n >= 0 && n < 100) {
    return notAYear(v, earliest, {
      vi: 'năm phải viết đủ 4 chữ số',
      en: 'the year must have 4 digits',
    });
  }
  return checked(v, n, earliest);
}
