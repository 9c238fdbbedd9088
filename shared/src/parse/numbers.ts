/**
 * Numbers as officials type them. Vietnamese convention first: "." groups thousands and ","
 * marks decimals ("1.922" is 1922, "6,8" is 6.8, "1.234,5" is 1234.5). Where a text cannot
 * be Vietnamese it is read the other common way:
 * - a dot followed by anything but exactly three digits is a decimal point ("6.8", "0.500");
 * - several commas each followed by three digits are thousands ("1,922,000"), and so are
 *   comma groups followed by a dot decimal ("1,234.5");
 * - a single comma is always a decimal comma, so "1,922" is 1.922 — a count then fails as
 *   "not a whole number" with a hint, rather than silently becoming 1922.
 * Spaces, non-breaking spaces included, may group thousands ("1 922").
 */
import type { CellValue } from '../grid.ts';
import { foldText } from '../text.ts';
import { invalid, quote, screen, valueOf, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

export interface ParsedNumber {
  value: number;
  /** The same number as a plain JavaScript literal ("-1234.5"), exact to the digits typed. */
  literal: string;
}

const SIGN = /^([+\-\u2212])\s?/;
const PLAIN = /^(\d+)$/;
const SPACE_GROUPS = /^(\d{1,3}(?: \d{3})+)(?:[,.](\d+))?$/;
const DOT_GROUPS = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;
const DECIMAL_COMMA = /^(\d+),(\d+)$/;
const COMMA_GROUPS = /^([1-9]\d{0,2}(?:,\d{3}){2,})(?:\.(\d+))?$|^([1-9]\d{0,2}(?:,\d{3})+)\.(\d+)$/;
const DECIMAL_POINT = /^(\d+)\.(\d+)$/;

function literalOf(
  negative: boolean,
  intDigits: string,
  fracDigits: string | undefined,
): ParsedNumber | undefined {
  const intPart = intDigits.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const frac = fracDigits ? fracDigits.replace(/0+$/, '') : '';
  const literal = `${negative ? '-' : ''}${intPart}${frac ? `.${frac}` : ''}`;
  const value = Number(literal);
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, literal: value === 0 ? '0' : literal };
}

/** Reads a number typed as text; undefined when the text is not one number. */
export function parseNumberText(text: string): ParsedNumber | undefined {
  let s = text.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim();
  let negative = false;
  const sign = SIGN.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  let m: RegExpExecArray | null;
  if ((m = PLAIN.exec(s))) return literalOf(negative, m[1]!, undefined);
  if ((m = SPACE_GROUPS.exec(s))) return literalOf(negative, m[1]!, m[2]);
  if ((m = DOT_GROUPS.exec(s))) return literalOf(negative, m[1]!, m[2]);
  if ((m = DECIMAL_COMMA.exec(s))) return literalOf(negative, m[1]!, m[2]);
  if ((m = COMMA_GROUPS.exec(s))) return literalOf(negative, (m[1] ?? m[3])!, m[2] ?? m[4]);
  if ((m = DECIMAL_POINT.exec(s))) return literalOf(negative, m[1]!, m[2]);
  return undefined;
}

/**
 * Unit words tolerated after a count: "12 kỳ", "6 đv", "45 đảng viên". Only these, and only
 * after exactly one number: they name what is counted and cannot change the number. Anything
 * else ("12 (dự kiến)", "12/12") is refused with a reason, since guessing could hide a typo.
 */
export const COUNT_UNITS: readonly string[] = [
  'ky', // kỳ (meetings)
  'dv', // đv (members)
  'dang vien',
  'nguoi', // người
  'dong chi', // đồng chí
  'd c', // đ/c
  'dc', // đc
  'chi bo', // chi bộ
  'dang bo', // đảng bộ
  'xa', // xã
  'lan', // lần (meetings)
  'buoi', // buổi (meetings)
  'ho', // hộ (households)
  'nam', // năm (years)
  'thon', // thôn
  'ban', // bản
  'nhiem vu', // nhiệm vụ (tasks)
  'to chuc', // tổ chức
];

/** Unit words tolerated after a score: "85 điểm". */
export const SCORE_UNITS: readonly string[] = ['diem'];

const NUMBER_THEN_WORDS = /^([+\-\u2212]?[\d., ]*\d)\s*(\D.*)$/;

/** Splits "12 kỳ" into the number and a known unit word; undefined otherwise. */
function withoutUnit(text: string, units: readonly string[]): string | undefined {
  const m = NUMBER_THEN_WORDS.exec(text);
  if (!m) return undefined;
  return units.includes(foldText(m[2]!)) ? m[1]! : undefined;
}

/** Formula results carry binary noise (11.999999999999998); within this they are whole. */
function nearestWhole(n: number): number | undefined {
  const r = Math.round(n);
  return Math.abs(n - r) <= 1e-9 * Math.max(1, Math.abs(n)) ? r : undefined;
}

function notWhole(raw: Present, hint?: { vi: string; en: string }): ParseOutcome {
  const q = quote(raw);
  return invalid(
    `${q.vi} không phải là số nguyên${hint ? `; ${hint.vi}` : ''}`,
    `${q.en} is not a whole number${hint ? `; ${hint.en}` : ''}`,
  );
}

const COMMA_HINT = {
  vi: 'dấu phẩy là dấu thập phân, hàng nghìn viết bằng dấu chấm (1.922)',
  en: 'a comma marks decimals here, thousands are grouped with a dot (1.922)',
};

function wholeOutcome(n: number): ParseOutcome {
  if (!Number.isSafeInteger(n)) {
    return invalid(`«${String(n)}» quá lớn để là một số đếm`, `«${String(n)}» is too large to be a count`);
  }
  return valueOf(n === 0 ? 0 : n);
}

/**
 * A whole number (int field), from a number or from text. Negative numbers are read as they
 * are: range rules flag them with their cell, which is clearer than a parse error.
 */
export function parseInteger(raw: CellValue): ParseOutcome {
  return screen(raw, readInteger);
}

function readInteger(v: Present): ParseOutcome {
  if (typeof v === 'boolean') return notWhole(v);
  if (typeof v === 'number') {
    const whole = nearestWhole(v);
    return whole === undefined ? notWhole(v) : wholeOutcome(whole);
  }
  const parsed = parseNumberText(v) ?? parseNumberText(withoutUnit(v, COUNT_UNITS) ?? '');
  if (!parsed) return notWhole(v);
  if (!Number.isInteger(parsed.value)) return notWhole(v, v.includes(',') ? COMMA_HINT : undefined);
  return wholeOutcome(parsed.value);
}

/** Any finite number (number field): a score, a target value. */
export function parseDecimal(raw: CellValue): ParseOutcome {
  return screen(raw, readDecimal);
}

function readDecimal(v: Present): ParseOutcome {
  if (typeof v === 'number') return valueOf(v);
  if (typeof v === 'boolean') {
    const q = quote(v);
    return invalid(`${q.vi} không phải là số`, `${q.en} is not a number`);
  }
  const parsed = parseNumberText(v) ?? parseNumberText(withoutUnit(v, SCORE_UNITS) ?? '');
  if (parsed) return valueOf(parsed.value);
  const q = quote(v);
  return invalid(
    `${q.vi} không phải là số; cần viết như 6,8 hoặc 1.234,5`,
    `${q.en} is not a number; expected something like 6,8 or 1.234,5`,
  );
}
