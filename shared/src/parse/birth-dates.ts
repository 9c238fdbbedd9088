/**
 * Dates of birth. Older members' records often know only the year: officials type "1950",
 * "00/00/1950", "xx/xx/1950", "../03/1950" or "03/1950", and no one can write the day they do
 * not know. Such a cell gives the year, as a number; a full date gives its ISO text, as any
 * date field does. The age rules then say "at most N years old" rather than refuse the row.
 */
import type { CellValue } from '../grid.ts';
import { foldText } from '../text.ts';
import { tidySpaces } from './common.ts';
import { isDateFormat, parseDate } from './dates.ts';
import type { ParseOutcome } from './index.ts';
import { EARLIEST_BIRTH_YEAR, LATEST_YEAR } from './years.ts';

/** An unknown day or month: "00", "xx", "..", "?", "--". */
const UNKNOWN = String.raw`(?:0{1,2}|x{1,2}|\.{1,2}|\?{1,2}|-{1,2})`;
const SEP = String.raw`\s*[/.\-]\s*`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
/** Day and month unknown, or the day unknown, or the month and year alone. */
const PARTIAL = new RegExp(
  String.raw`^(?:${UNKNOWN}${SEP}(?:${UNKNOWN}|${MONTH})${SEP}|${MONTH}${SEP}|${UNKNOWN}${SEP})(\d{4})$`,
  'i',
);
/** "1950", "năm 1950", "sinh năm 1950", folded. */
const YEAR_ALONE = /^(?:(?:sinh )?nam )?(\d{4})$/;

export function parseBirthDate(raw: CellValue, numberFormat?: string | null): ParseOutcome {
  const full = parseDate(raw, numberFormat);
  if (full.kind !== 'invalid') return full;
  const year = yearAlone(raw, numberFormat);
  return year === undefined ? full : { kind: 'value', value: year };
}

function yearAlone(raw: CellValue, numberFormat?: string | null): number | undefined {
  let year: number | undefined;
  if (typeof raw === 'number') {
    // A serial in a date-formatted cell is a date, read (or refused) as one.
    if (!isDateFormat(numberFormat)) year = raw;
  } else if (typeof raw === 'string') {
    const text = tidySpaces(raw);
    const m = PARTIAL.exec(text) ?? YEAR_ALONE.exec(foldText(text));
    if (m) year = Number(m[1]);
  }
  return year !== undefined && Number.isInteger(year) && year >= EARLIEST_BIRTH_YEAR && year <= LATEST_YEAR
    ? year
    : undefined;
}
