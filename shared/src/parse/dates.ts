/**
 * Dates, returned as ISO "yyyy-mm-dd". Officials type day first (dd/mm/yyyy, with "/", "-" or
 * "." between the parts); ISO dates and Excel serial numbers are read too. Two-digit years are
 * refused: "12/03/45" could be 1945 or 2045, and a party member's dates span both centuries.
 */
import type { CellValue } from '../grid.ts';
import { foldText } from '../text.ts';
import { invalid, quote, screen, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

/** Largest serial Excel shows as a date: 31/12/9999. */
export const MAX_EXCEL_SERIAL = 2958465;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The inverse of daysFromCivil, as the number yyyymmdd (see dayNumber): a number rather than
 * an object of three parts, since a member list holds tens of thousands of dates as serials.
 */
function civilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return ((yoe + era * 400 + (m <= 2 ? 1 : 0)) * 100 + m) * 100 + d;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * Excel's 1900 date system counts 29/02/1900, a day that never existed (kept for Lotus 1-2-3
 * compatibility): serials 1–59 are 01/01/1900–28/02/1900, 60 is that phantom day, and from 61
 * (01/03/1900) on every serial is one day ahead of a plain count from 31/12/1899.
 * A fraction is a time of day and is dropped. Undefined for 60 and outside 1..MAX_EXCEL_SERIAL.
 */
export function excelSerialToIso(serial: number): string | undefined {
  const day = serialDay(serial);
  return day === 0 ? undefined : isoDate(Math.floor(day / 10_000), Math.floor(day / 100) % 100, day % 100);
}

/** The calendar day of an Excel serial as the number yyyymmdd, 0 for none (see excelSerialToIso). */
function serialDay(serial: number): number {
  if (!Number.isFinite(serial)) return 0;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return 0;
  return civilFromDays(day < 60 ? day - 25568 : day - 25569);
}

/**
 * The outcome of a valid date, one per day: a province's member list holds 300,000 dates over
 * a few tens of thousands of days, and each would otherwise keep its own copy of the same text.
 * It carries the day as a number too (see dayNumber), for readers that keep dates as numbers.
 */
function dayOutcome(y: number, m: number, d: number): ParseOutcome {
  // By year, then month and day: array lookups, where a map keyed by the day cost as much as
  // the rest of reading the date.
  const at = m * 32 + d;
  let year = BY_DAY[y];
  const out = year?.[at];
  if (out !== undefined) return out;
  if (remembered === BY_DAY_LIMIT) {
    BY_DAY.fill(undefined);
    remembered = 0;
    year = undefined;
  }
  if (year === undefined) BY_DAY[y] = year = new Array<ParseOutcome | undefined>(13 * 32).fill(undefined);
  remembered++;
  return (year[at] = { kind: 'value', value: isoDate(y, m, d), day: (y * 100 + m) * 100 + d });
}

/** Outcomes by year (0–9999: every year a date may have), then month × 32 + day. */
const BY_DAY = new Array<(ParseOutcome | undefined)[] | undefined>(10_000).fill(undefined);
const BY_DAY_LIMIT = 100_000;
let remembered = 0;

/** The Excel serial of an ISO date (1900 system), undefined outside Excel's range. */
export function isoToExcelSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const days = daysFromCivil(y, mo, d);
  const serial = days < -25508 ? days + 25568 : days + 25569;
  return serial >= 1 && serial <= MAX_EXCEL_SERIAL ? serial : undefined;
}

/**
 * Whether an Excel number format shows a date: some run of format letters (d, m, y, and the
 * era letters e, g, b) holds a day or a year. Quoted text, escapes and [..] sections are
 * ignored, and words such as "General" are not format letters.
 */
export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, ' ')
    .replace(/\\./g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const runs = bare.match(/[a-z]+/gi) ?? [];
  return runs.some((run) => /^[dmyegb]+$/i.test(run) && /[dy]/i.test(run));
}

const EARLIEST_YEAR = 1000;

type DateCheck = { y: number; m: number; d: number } | { reason: { vi: string; en: string } };

/** Checks a day, month and four-digit year written by hand. */
function checkParts(y: number, m: number, d: number): DateCheck {
  if (y < EARLIEST_YEAR) {
    return { reason: { vi: `năm ${y} không hợp lệ`, en: `the year ${y} is not valid` } };
  }
  if (m < 1 || m > 12) {
    return {
      reason: {
        vi: `không có tháng ${m}; ngày phải viết trước tháng (dd/mm/yyyy)`,
        en: `there is no month ${m}; the day comes before the month (dd/mm/yyyy)`,
      },
    };
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    return {
      reason: {
        vi: `tháng ${m}/${y} không có ngày ${d}`,
        en: `${m}/${y} has no day ${d}`,
      },
    };
  }
  return { y, m, d };
}

const TIME_TAIL = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.\-])(\d{1,2})\2(\d+)${TIME_TAIL}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})${TIME_TAIL}$`);
/** "ngày 12 tháng 3 năm 2020", folded. */
const SPELLED = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d+)$/;

/** Reads a date typed as text, or explains why it is not one. */
export function parseDateText(text: string): DateCheck | undefined {
  let m = YEAR_FIRST.exec(text);
  if (m) return checkParts(Number(m[1]), Number(m[3]), Number(m[4]));
  m = DAY_FIRST.exec(text) ?? SPELLED.exec(foldText(text));
  if (!m) return undefined;
  const [day, month, year] = m.length === 5 ? [m[1]!, m[3]!, m[4]!] : [m[1]!, m[2]!, m[3]!];
  if (year.length !== 4) {
    return {
      reason: {
        vi: 'năm phải viết đủ 4 chữ số (dd/mm/yyyy)',
        en: 'the year must have 4 digits (dd/mm/yyyy)',
      },
    };
  }
  return checkParts(Number(year), Number(month), Number(day));
}

/**
 * The digit at `i` (0–9), or −1 for any other character: a run of digits is checked with one
 * test, `(a | b | …) < 0`, after each character has been read once.
 */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * A valid date typed exactly "dd/mm/yyyy" (or with "." or "-"), as nearly every date of a
 * member list is: read without regexes, each character once, since a province's list holds
 * 300,000 of them. Undefined for anything else, which the general path then reads or explains.
 */
function plainDayFirst(s: string): ParseOutcome | undefined {
  if (s.length !== 10) return undefined;
  const sep = s.charCodeAt(2);
  if ((sep !== 47 && sep !== 46 && sep !== 45) || s.charCodeAt(5) !== sep) return undefined;
  const d0 = digitAt(s, 0);
  const d1 = digitAt(s, 1);
  const m0 = digitAt(s, 3);
  const m1 = digitAt(s, 4);
  const y0 = digitAt(s, 6);
  const y1 = digitAt(s, 7);
  const y2 = digitAt(s, 8);
  const y3 = digitAt(s, 9);
  if ((d0 | d1 | m0 | m1 | y0 | y1 | y2 | y3) < 0) return undefined;
  const d = d0 * 10 + d1;
  const m = m0 * 10 + m1;
  const y = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
  if (y < EARLIEST_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayOutcome(y, m, d);
}

/**
 * A date as the parsers write it, text starting with yyyy-mm-dd, as the number yyyymmdd
 * (which orders dates as their texts do, and whose difference counts whole years in its
 * ten-thousands); 0 for any other value. The rules over every member row compare these.
 */
export function dayNumber(v: unknown): number {
  if (typeof v !== 'string' || v.length < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = digitAt(v, i);
    if (d < 0) return 0;
    n = n * 10 + d;
  }
  return n;
}

function notADate(raw: string | number | boolean, why?: { vi: string; en: string }): ParseOutcome {
  const q = quote(raw);
  return invalid(
    `${q.vi} không phải là ngày hợp lệ; ${why ? why.vi : 'cần viết dd/mm/yyyy, ví dụ 02/09/2023'}`,
    `${q.en} is not a valid date; ${why ? why.en : 'expected dd/mm/yyyy, e.g. 02/09/2023'}`,
  );
}

const LOOKS_LIKE_YEAR = {
  vi: 'đây có vẻ chỉ là năm, cần ghi đủ ngày/tháng/năm',
  en: 'this looks like a year only; write the full day/month/year',
};

function fromSerial(raw: string | number, serial: number, numberFormat?: string | null): ParseOutcome {
  // A whole number 1900–2100 in a cell not formatted as a date is a year typed alone, not
  // the days of 1905 those serials would mean.
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100 && !isDateFormat(numberFormat)) {
    return notADate(raw, LOOKS_LIKE_YEAR);
  }
  if (Math.floor(serial) === 60) {
    return notADate(raw, {
      vi: 'số ngày 60 của Excel là ngày 29/02/1900, một ngày không có thật',
      en: "Excel's day 60 is 29/02/1900, a day that never existed",
    });
  }
  const day = serialDay(serial);
  if (day !== 0) return dayOutcome(Math.floor(day / 10_000), Math.floor(day / 100) % 100, day % 100);
  return notADate(raw, {
    vi: `số ngày của Excel phải từ 1 đến ${MAX_EXCEL_SERIAL}`,
    en: `an Excel date serial must be between 1 and ${MAX_EXCEL_SERIAL}`,
  });
}

/**
 * A date field. A number is an Excel serial (whatever the cell's format says, since Office.js
 * hands dates over as serials), except a bare year 1900–2100 in a cell not formatted as a date.
 */
export function parseDate(raw: CellValue, numberFormat?: string | null): ParseOutcome {
  if (typeof raw === 'string') {
    const plain = plainDayFirst(raw);
    if (plain !== undefined) return plain;
  }
  return screen(raw, readDate, numberFormat);
}

function readDate(v: Present, numberFormat?: string | null): ParseOutcome {
  if (typeof v === 'boolean') return notADate(v);
  if (typeof v === 'number') return fromSerial(v, v, numberFormat);
  const check = parseDateText(v);
  if (check) return 'y' in check ? dayOutcome(check.y, check.m, check.d) : notADate(v, check.reason);
  // A serial typed as text (a CSV export, a pasted value).
  if (/^\d+(?:\.\d+)?$/.test(v)) return fromSerial(v, Number(v), numberFormat);
  return notADate(v);
}
