/**
 * Numbers as officials write them: Vietnamese "92,45%" and "1.922", English "92.45%" and "1,922".
 * Percentages are rounded on exact decimals, never on binary floats: 49/53 must read 92,45%
 * and 1.005% must round up, as a calculator on the board's desk would show.
 */
import type { Lang } from './i18n.ts';

export type Rounding = 'halfUp' | 'truncate';

export interface PercentFormat {
  /** Decimal places shown. */
  decimals: number;
  rounding: Rounding;
  /** Drop trailing zeros ("90%" rather than "90,00%"): for required values, not measured ones. */
  trimZeros?: boolean;
}

const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** A fraction as a percentage: 0.9245 → "92,45%" (vi) / "92.45%" (en). */
export function formatPercent(fraction: number, format: PercentFormat, lang: Lang): string {
  if (!Number.isFinite(fraction)) return '—';
  const decimal = decimalOf(fraction);
  // fraction = digits / 10^exp; percent scaled by 10^decimals = digits · 10^(decimals+2) / 10^exp.
  const scaled = divideRounded(
    decimal.digits * pow10(format.decimals + 2),
    pow10(decimal.exp),
    format.rounding,
  );
  return renderScaled(decimal.negative ? -scaled : scaled, format, lang) + '%';
}

/**
 * numerator/denominator as a percentage, exactly: 49/53 → "92,45%", 746/600 with one decimal
 * → "124,3%". Integer arithmetic throughout, so no floating error can move a digit.
 */
export function formatRatio(
  numerator: number,
  denominator: number,
  format: PercentFormat,
  lang: Lang,
): string {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return '—';
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    return formatPercent(numerator / denominator, format, lang);
  }
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(Math.abs(denominator));
  const scaled = divideRounded(n * pow10(format.decimals + 2), d, format.rounding);
  return renderScaled(negative ? -scaled : scaled, format, lang) + '%';
}

/**
 * A number with thousands grouping and the local decimal mark: 1922 → "1.922", 1234.5 →
 * "1.234,5" (vi) / "1,234.5" (en). With `decimals`, rounded half up on the exact decimal
 * (6.8 → "6,80"); `trimZeros` then drops trailing zeros ("6,8").
 */
export function formatDecimal(
  n: number,
  lang: Lang,
  opts: { decimals?: number; trimZeros?: boolean } = {},
): string {
  if (!Number.isFinite(n)) return '—';
  const sep = SEPARATORS[lang];
  // Most numbers in messages are small whole numbers (a score, a count of meetings): no
  // grouping, no decimal mark, the same text in both languages.
  if (opts.decimals === undefined && Number.isSafeInteger(n) && n > -1000 && n < 1000) return String(n);
  if (opts.decimals === undefined) {
    // Whole numbers exactly as they are: decimalText keeps only the 15 digits a double holds faithfully.
    // (A safe integer's own text is already exact; BigInt is for the larger ones.)
    const text = Number.isSafeInteger(n)
      ? String(Math.abs(n))
      : Number.isInteger(n)
        ? BigInt(Math.abs(n)).toString()
        : decimalText(Math.abs(n));
    const [whole = '0', frac] = text.split('.');
    const sign = n < 0 ? '-' : '';
    return sign + group(whole, sep.group) + (frac ? sep.decimal + frac : '');
  }
  const decimal = decimalOf(n);
  const scaled = divideRounded(decimal.digits * pow10(opts.decimals), pow10(decimal.exp), 'halfUp');
  const format: PercentFormat = {
    decimals: opts.decimals,
    rounding: 'halfUp',
    trimZeros: opts.trimZeros ?? false,
  };
  return renderScaled(decimal.negative && scaled !== 0n ? -scaled : scaled, format, lang);
}

/** A count as officials write it: 1922 → "1.922" (vi) / "1,922" (en). */
export function formatCount(n: number, lang: Lang): string {
  return formatDecimal(n, lang);
}

/** The rounded value of a fraction as a percentage number (0.901960… → 90.19 with truncate, 2 dp). */
export function roundedPercent(fraction: number, decimals: number, rounding: Rounding): number {
  const decimal = decimalOf(fraction);
  const scaled = divideRounded(decimal.digits * pow10(decimals + 2), pow10(decimal.exp), rounding);
  const value = Number(scaled) / 10 ** decimals;
  return decimal.negative ? -value : value;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** a/b for non-negative integers, half up or truncated. */
function divideRounded(a: bigint, b: bigint, rounding: Rounding): bigint {
  if (rounding === 'truncate') return a / b;
  return (2n * a + b) / (2n * b);
}

/**
 * The decimal a float stands for: 15 significant digits is what a double holds faithfully, so
 * 0.1 + 0.2 reads as 0.3 and 0.01005 as 0.01005, not as the binary value behind them.
 */
function decimalOf(x: number): { negative: boolean; digits: bigint; exp: number } {
  const negative = x < 0;
  const text = decimalText(Math.abs(x));
  const dot = text.indexOf('.');
  if (dot < 0) return { negative, digits: BigInt(text), exp: 0 };
  const frac = text.slice(dot + 1);
  return { negative, digits: BigInt(text.slice(0, dot) + frac), exp: frac.length };
}

/** Plain decimal text (no exponent), at most 15 significant digits, trailing zeros dropped. */
function decimalText(x: number): string {
  if (x === 0) return '0';
  const negative = x < 0;
  const [mantissa, expText] = Math.abs(x).toExponential(14).split('e');
  const exp = Number(expText);
  const digits = mantissa!.replace('.', '').replace(/0+$/, '') || '0';
  // value = 0.d1d2… × 10^(exp+1)
  const point = exp + 1;
  let s: string;
  if (point <= 0) s = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) s = digits + '0'.repeat(point - digits.length);
  else s = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + s;
}

function renderScaled(scaled: bigint, format: PercentFormat, lang: Lang): string {
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(format.decimals + 1, '0');
  const whole = abs.slice(0, abs.length - format.decimals);
  let frac = abs.slice(abs.length - format.decimals);
  if (format.trimZeros) frac = frac.replace(/0+$/, '');
  const sep = SEPARATORS[lang];
  const body = group(whole, sep.group) + (frac ? sep.decimal + frac : '');
  return (negative ? '-' : '') + body;
}

function group(digits: string, sep: string): string {
  if (digits.length <= 3) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
