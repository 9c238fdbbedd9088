/**
 * What every parser does before reading a value: blanks, formula errors and numbers that are
 * not finite are settled here once, so each type only reads a present value.
 */
import { isCellError, type CellValue } from '../grid.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { FieldValue } from '../table.ts';
import type { ParseOutcome } from './index.ts';

export const BLANK: ParseOutcome = { kind: 'blank' };

export function valueOf(value: FieldValue): ParseOutcome {
  return { kind: 'value', value };
}

export function invalid(vi: string, en: string): ParseOutcome {
  return { kind: 'invalid', reason: bi(vi, en) };
}

/**
 * A cell left empty. A lone dash (-, –, —) counts as blank too: printed tables use it for
 * "nothing to report", and reading it as zero would invent a value the official never wrote.
 * Rules that need the value report it as missing, with its cell.
 */
function isDashOnly(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  // A character test rather than a regex: it runs on every text cell of a sheet.
  return c === 0x2d || (c >= 0x2012 && c <= 0x2015) || c === 0x2212;
}

/** Formula errors as Office.js and .xlsx readers hand them over, with what they mean. */
const FORMULA_ERRORS: Record<string, Bilingual> = {
  '#REF!': bi('tham chiếu đến ô không còn tồn tại', 'a reference to a cell that no longer exists'),
  '#VALUE!': bi('sai kiểu giá trị trong công thức', 'a value of the wrong type in the formula'),
  '#N/A': bi('không tìm thấy giá trị cần tra', 'a looked-up value was not found'),
  '#DIV/0!': bi('phép chia cho 0', 'a division by zero'),
  '#NAME?': bi('tên hàm hoặc tên vùng không xác định', 'an unknown function or range name'),
  '#NUM!': bi('số không hợp lệ trong công thức', 'an invalid number in the formula'),
  '#NULL!': bi('hai vùng không giao nhau', 'ranges that do not intersect'),
  '#SPILL!': bi('kết quả mảng bị chặn', 'an array result that cannot spill'),
  '#CALC!': bi('lỗi tính toán mảng', 'an array calculation error'),
  '#FIELD!': bi('trường dữ liệu không tồn tại', 'a data field that does not exist'),
  '#BLOCKED!': bi('tính năng bị chặn', 'a blocked feature'),
  '#CONNECT!': bi('không kết nối được nguồn dữ liệu', 'a data source that could not be reached'),
  '#BUSY!': bi('công thức còn đang tính', 'a formula still calculating'),
  '#UNKNOWN!': bi('kiểu dữ liệu không xác định', 'an unknown data type'),
  '#GETTING_DATA': bi('dữ liệu còn đang tải', 'data still loading'),
};

/** The meaning of a formula error text such as "#REF!", or undefined when it is not one. */
export function formulaErrorMeaning(text: string): Bilingual | undefined {
  return FORMULA_ERRORS[text.trim().toUpperCase()];
}

function formulaError(code: string): ParseOutcome {
  const meaning = formulaErrorMeaning(code);
  const shown = code.trim() || '#?';
  return meaning
    ? invalid(
        `Ô có lỗi công thức ${shown} (${meaning.vi}); cần sửa công thức hoặc nhập giá trị`,
        `The cell holds the formula error ${shown} (${meaning.en}); fix the formula or type the value`,
      )
    : invalid(
        `Ô có lỗi công thức ${shown}; cần sửa công thức hoặc nhập giá trị`,
        `The cell holds the formula error ${shown}; fix the formula or type the value`,
      );
}

/** Whitespace of every kind (non-breaking, narrow, thin, figure spaces) collapsed and trimmed. */
export function tidySpaces(s: string): string {
  // Nearly every cell is already tidy; checking that is much cheaper than the regex.
  if (isTidy(s)) return s;
  return s.replace(/[\s\u00a0\u2007\u2009\u202f\u200b\ufeff]+/g, ' ').trim();
}

/**
 * True when tidySpaces would return `s` unchanged: no space at either end, no two spaces in a
 * row, no other whitespace. It may answer false for a tidy text (any control or C1 character
 * counts as untidy); the regex then settles it.
 */
function isTidy(s: string): boolean {
  let afterSpace = true; // a leading space is untidy
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c < 32 || (c >= 0x7f && c <= 0xa0)) return false;
    if (
      c >= 0x1680 &&
      (c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200b) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff)
    )
      return false;
  }
  return !afterSpace || s.length === 0;
}

const MAX_QUOTED = 60;

/**
 * A raw value as a message quotes it: «…», long text cut short. Numbers keep their plain digits
 * (a year 1985 must not read «1.985»), with a decimal comma in Vietnamese ("3,5" / "3.5").
 */
export function quote(raw: string | number | boolean): Bilingual {
  if (typeof raw === 'number') {
    const en = String(raw);
    return bi(`«${/e/i.test(en) ? en : en.replace('.', ',')}»`, `«${en}»`);
  }
  if (typeof raw === 'boolean') {
    const shown = raw ? 'TRUE' : 'FALSE';
    return bi(`«${shown}»`, `«${shown}»`);
  }
  const text = raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED)}…` : raw;
  return bi(`«${text}»`, `«${text}»`);
}

/**
 * A text that the text parser keeps exactly as it is: tidy, not blank, not a dash, not a
 * formula error.
 */
export function isPlainText(s: string): boolean {
  return s.length > 0 && s.charCodeAt(0) !== 35 && !isDashOnly(s) && isTidy(s);
}

/** A present value: finite number (never -0), boolean, or text with its spaces tidied. */
export type Present = number | boolean | string;

/**
 * Settles blanks, formula errors and non-finite numbers, then hands the present value (and the
 * cell's number format) to `read`. Never throws, whatever the host passes. Readers are
 * module-level functions rather than closures: this runs once per cell of a large sheet.
 */
export function screen(
  raw: CellValue | undefined,
  read: (value: Present, numberFormat?: string | null) => ParseOutcome,
  numberFormat?: string | null,
): ParseOutcome {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) {
      return invalid(
        'Ô chứa giá trị không phải là số (NaN)',
        'The cell holds a value that is not a number (NaN)',
      );
    }
    if (!Number.isFinite(raw)) {
      return invalid(
        'Ô chứa số vô hạn, thường do lỗi công thức',
        'The cell holds an infinite number, usually from a formula error',
      );
    }
    return read(raw === 0 ? 0 : raw, numberFormat);
  }
  if (typeof raw === 'boolean') return read(raw, numberFormat);
  if (typeof raw === 'string') {
    const text = tidySpaces(raw);
    if (text === '' || isDashOnly(text)) return BLANK;
    if (text.startsWith('#') && formulaErrorMeaning(text)) return formulaError(text);
    return read(text, numberFormat);
  }
  if (isCellError(raw)) return formulaError(raw.error);
  return invalid('Ô chứa một giá trị không đọc được', 'The cell holds a value that cannot be read');
}
