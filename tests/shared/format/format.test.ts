import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCount,
  formatDecimal,
  formatPercent,
  formatRatio,
  roundedPercent,
} from '../../../shared/src/format.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';

const halfUp2 = { decimals: 2, rounding: 'halfUp' } as const;

describe('formatPercent and formatRatio', () => {
  it('writes the seeds’ figures with a comma in Vietnamese and a point in English', () => {
    expect(formatRatio(49, 53, halfUp2, 'vi')).toBe('92,45%');
    expect(formatRatio(49, 53, halfUp2, 'en')).toBe('92.45%');
    expect(formatPercent(49 / 53, halfUp2, 'vi')).toBe('92,45%');
    expect(formatRatio(746, 600, { decimals: 1, rounding: 'halfUp' }, 'vi')).toBe('124,3%');
    expect(formatPercent(746 / 600, { decimals: 1, rounding: 'halfUp' }, 'en')).toBe('124.3%');
  });

  it('follows the rulebook display rule by default', () => {
    const { percentDecimals, rounding } = DEFAULT_RULEBOOK.display;
    expect(formatRatio(49, 53, { decimals: percentDecimals, rounding }, 'vi')).toBe('92,45%');
  });

  it('rounds half up on the decimal value, not on the binary float', () => {
    // 0.01005 is 0.01004999… in binary; a calculator shows 1,01%.
    expect(formatPercent(0.01005, halfUp2, 'vi')).toBe('1,01%');
    expect(formatPercent(0.1 + 0.2, halfUp2, 'en')).toBe('30.00%');
    expect(formatPercent(0.145, { decimals: 1, rounding: 'halfUp' }, 'vi')).toBe('14,5%');
    expect(formatPercent(0.00125, { decimals: 1, rounding: 'halfUp' }, 'vi')).toBe('0,1%');
    expect(formatRatio(1, 8, { decimals: 1, rounding: 'halfUp' }, 'vi')).toBe('12,5%');
    expect(formatRatio(1, 800, { decimals: 2, rounding: 'halfUp' }, 'vi')).toBe('0,13%');
  });

  it('truncates when the rulebook says so (Sơn La: 184/204 → 90,19%, 187/204 → 91,66%)', () => {
    const trunc = { decimals: 2, rounding: 'truncate' } as const;
    expect(formatRatio(184, 204, trunc, 'vi')).toBe('90,19%');
    expect(formatRatio(187, 204, trunc, 'vi')).toBe('91,66%');
    expect(formatRatio(184, 204, halfUp2, 'vi')).toBe('90,20%');
    expect(formatRatio(187, 204, halfUp2, 'vi')).toBe('91,67%');
  });

  it('keeps or trims trailing zeros as asked', () => {
    expect(formatPercent(0.9, halfUp2, 'vi')).toBe('90,00%');
    expect(formatPercent(0.9, { ...halfUp2, trimZeros: true }, 'vi')).toBe('90%');
    expect(formatPercent(0.955, { ...halfUp2, trimZeros: true }, 'vi')).toBe('95,5%');
    expect(formatPercent(1, { decimals: 0, rounding: 'halfUp' }, 'vi')).toBe('100%');
    expect(formatRatio(0, 5, halfUp2, 'vi')).toBe('0,00%');
  });

  it('shows a dash for a ratio without a denominator, never Infinity or NaN', () => {
    expect(formatRatio(3, 0, halfUp2, 'vi')).toBe('—');
    expect(formatPercent(Number.NaN, halfUp2, 'vi')).toBe('—');
  });

  it('formatRatio and formatPercent agree on every small ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('halfUp' as const, 'truncate' as const),
        (n, d, decimals, rounding) => {
          const exact = formatRatio(n, d, { decimals, rounding }, 'vi');
          // The float path may differ only where the float sits on a rounding boundary it cannot
          // represent; a ratio of integers ≤ 5000 never lands there within 15 digits.
          expect(formatPercent(n / d, { decimals, rounding }, 'vi')).toBe(exact);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('roundedPercent gives the displayed number', () => {
    expect(roundedPercent(184 / 204, 2, 'truncate')).toBe(90.19);
    expect(roundedPercent(184 / 204, 2, 'halfUp')).toBe(90.2);
  });
});

describe('formatCount and formatDecimal', () => {
  it('groups thousands the local way', () => {
    expect(formatCount(1922, 'vi')).toBe('1.922');
    expect(formatCount(1922, 'en')).toBe('1,922');
    expect(formatCount(103800, 'vi')).toBe('103.800');
    expect(formatCount(5045, 'en')).toBe('5,045');
    expect(formatCount(600, 'vi')).toBe('600');
    expect(formatCount(0, 'vi')).toBe('0');
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
  });

  it('writes whole numbers either side of a thousand, negative ones and -0', () => {
    for (const [n, vi, en] of [
      [999, '999', '999'],
      [1000, '1.000', '1,000'],
      [-999, '-999', '-999'],
      [-1000, '-1.000', '-1,000'],
      [-0, '0', '0'],
      [999.5, '999,5', '999.5'],
    ] as const) {
      expect([formatDecimal(n, 'vi'), formatDecimal(n, 'en')]).toEqual([vi, en]);
    }
  });

  it('writes scores with the local decimal mark', () => {
    expect(formatDecimal(89.99, 'vi')).toBe('89,99');
    expect(formatDecimal(89.99, 'en')).toBe('89.99');
    expect(formatDecimal(92, 'vi')).toBe('92');
  });
});
