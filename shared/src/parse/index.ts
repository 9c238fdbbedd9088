/**
 * Reading cell values as officials type them. One parser per field type, each also usable on
 * its own. A value that cannot be read is an `invalid` outcome whose reason quotes it and says
 * what was expected: parsers never throw and never turn what they cannot read into zero.
 *
 * Blank: null, empty or whitespace-only text, and a lone dash (-, –, —), which printed tables
 * use for "nothing". Formula errors (#REF!, #N/A…, as error values or as text) are invalid
 * for every type, and so are NaN and infinite numbers.
 */
import type { CellValue } from '../grid.ts';
import type { FieldType } from '../fields.ts';
import type { FieldValue } from '../table.ts';
import type { Bilingual } from '../i18n.ts';
import { parseBirthDate } from './birth-dates.ts';
import { parseBoolean } from './booleans.ts';
import { parseCode } from './codes.ts';
import { parseDate } from './dates.ts';
import { parseMemberStatus } from './memberStatus.ts';
import { parseDecimal, parseInteger } from './numbers.ts';
import { parsePercent } from './percent.ts';
import { parseQuantity } from './quantities.ts';
import { parseRating } from './ratings.ts';
import { parseText } from './texts.ts';
import { EARLIEST_BIRTH_YEAR, parseYear } from './years.ts';

export type ParseOutcome =
  | { kind: 'blank' }
  /** `day`: a date's yyyymmdd number (see dayNumber), beside its ISO text. */
  | { kind: 'value'; value: FieldValue; day?: number }
  | { kind: 'invalid'; reason: Bilingual };

/** The types whose reading depends on the cell's number format: the others ignore it. */
export const FORMATTED_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'percent',
  'quantity',
  'date',
  'year',
  'birthDate',
  'birthYear',
]);

export function parseValue(raw: CellValue, type: FieldType, numberFormat?: string | null): ParseOutcome {
  switch (type) {
    case 'int':
      return parseInteger(raw);
    case 'number':
      return parseDecimal(raw);
    case 'percent':
      return parsePercent(raw, numberFormat);
    case 'quantity':
      return parseQuantity(raw, numberFormat);
    case 'text':
      return parseText(raw);
    case 'code':
      return parseCode(raw);
    case 'bool':
      return parseBoolean(raw);
    case 'date':
      return parseDate(raw, numberFormat);
    case 'year':
      return parseYear(raw, numberFormat);
    case 'birthDate':
      return parseBirthDate(raw, numberFormat);
    case 'birthYear':
      return parseYear(raw, numberFormat, EARLIEST_BIRTH_YEAR);
    case 'rating':
      return parseRating(raw);
    case 'memberStatus':
      return parseMemberStatus(raw);
    default:
      // Reached only when a caller outside the type system passes a type that does not exist.
      return {
        kind: 'invalid',
        reason: {
          vi: `Kiểu dữ liệu «${String(type)}» không tồn tại`,
          en: `There is no field type «${String(type)}»`,
        },
      };
  }
}

export { formulaErrorMeaning, isPlainText, tidySpaces } from './common.ts';
export {
  parseInteger,
  parseDecimal,
  parseNumberText,
  COUNT_UNITS,
  SCORE_UNITS,
  type ParsedNumber,
} from './numbers.ts';
export { parsePercent, isPercentFormat } from './percent.ts';
export { parseBoolean } from './booleans.ts';
export {
  parseDate,
  parseDateText,
  excelSerialToIso,
  isoToExcelSerial,
  isDateFormat,
  isLeapYear,
  daysInMonth,
  isoDate,
  dayNumber,
  MAX_EXCEL_SERIAL,
} from './dates.ts';
export { parseBirthDate } from './birth-dates.ts';
export { parseYear, EARLIEST_BIRTH_YEAR, EARLIEST_YEAR, LATEST_YEAR } from './years.ts';
export { parseRating, ratingFromText, RATING_SPELLINGS, RATING_STEMS, TASK_SUFFIXES } from './ratings.ts';
export { parseMemberStatus, memberStatusFromText, type MemberStatus } from './memberStatus.ts';
export { parseCode } from './codes.ts';
export { parseText } from './texts.ts';
