import { describe, expect, it } from 'vitest';
import { parseNumberText, parseValue } from '../../../shared/src/parse/index.ts';
import { formatDecimal } from '../../../shared/src/format.ts';

const formatVietnameseNumber = (n: number, decimals?: number) =>
  formatDecimal(n, 'vi', decimals === undefined ? {} : { decimals });

function value(
  raw: Parameters<typeof parseValue>[0],
  type: Parameters<typeof parseValue>[1],
  fmt?: string | null,
) {
  const out = parseValue(raw, type, fmt);
  if (out.kind !== 'value')
    throw new Error(`expected a value for ${JSON.stringify(raw)}, got ${JSON.stringify(out)}`);
  return out.value;
}

describe('int', () => {
  it.each([
    ['1.922', 1922],
    ['103.800', 103800],
    ['5.045', 5045],
    ['1.234.567', 1234567],
    ['1 922', 1922],
    ['1\u00a0922', 1922],
    ['103\u202f800', 103800],
    ['12', 12],
    [' 12 ', 12],
    ['007', 7],
    ['0', 0],
    ['+5', 5],
    ['-3', -3],
    ['\u22124', -4],
    ['12 kỳ', 12],
    ['12 Kỳ', 12],
    ['6 đv', 6],
    ['6 ĐV', 6],
    ['45 đảng viên', 45],
    ['3 người', 3],
    ['12 đồng chí', 12],
    ['12 đ/c', 12],
    ['12đc', 12],
    ['5 chi bộ', 5],
    ['3 đảng bộ', 3],
    ['14 xã', 14],
    ['12 lần', 12],
    ['11 buổi', 11],
    ['120 hộ', 120],
    ['4 năm', 4],
    ['1.922 đảng viên', 1922],
    ['12,0', 12],
    [12, 12],
    [0, 0],
    [-0, 0],
    [-7, -7],
    [11.999999999999998, 12],
    [746, 746],
  ] as const)('%j → %d', (raw, expected) => {
    const v = value(raw, 'int');
    expect(v).toBe(expected);
    expect(Object.is(v, -0)).toBe(false);
  });

  it.each([
    ['12a', '«12a» không phải là số nguyên', '«12a» is not a whole number'],
    ['3,5', '«3,5» không phải là số nguyên', '«3,5» is not a whole number'],
    ['1,922', '«1,922» không phải là số nguyên', '«1,922» is not a whole number'],
    [3.5, '«3,5» không phải là số nguyên', '«3.5» is not a whole number'],
    [true, '«TRUE» không phải là số nguyên', '«TRUE» is not a whole number'],
    ['12 (dự kiến)', '«12 (dự kiến)» không phải là số nguyên', '«12 (dự kiến)» is not a whole number'],
    ['12/12', '«12/12» không phải là số nguyên', '«12/12» is not a whole number'],
    ['mười hai', '«mười hai» không phải là số nguyên', '«mười hai» is not a whole number'],
    ['12 kỳ 3 năm', '«12 kỳ 3 năm» không phải là số nguyên', '«12 kỳ 3 năm» is not a whole number'],
    ['12 con gà', '«12 con gà» không phải là số nguyên', '«12 con gà» is not a whole number'],
    ['1..922', '«1..922» không phải là số nguyên', '«1..922» is not a whole number'],
    ['1.92', '«1.92» không phải là số nguyên', '«1.92» is not a whole number'],
  ] as const)('%j is invalid', (raw, vi, en) => {
    const out = parseValue(raw, 'int');
    expect(out.kind).toBe('invalid');
    if (out.kind !== 'invalid') return;
    expect(out.reason.vi.startsWith(vi)).toBe(true);
    expect(out.reason.en.startsWith(en)).toBe(true);
  });

  it('explains the decimal comma when a comma makes a count fractional', () => {
    const out = parseValue('1,922', 'int');
    expect(out.kind === 'invalid' && out.reason.vi).toContain('dấu phẩy là dấu thập phân');
    expect(out.kind === 'invalid' && out.reason.en).toContain('comma marks decimals');
  });

  it('refuses integers too large to be counted exactly', () => {
    expect(parseValue(2 ** 60, 'int').kind).toBe('invalid');
    expect(parseValue('123.456.789.012.345.678', 'int').kind).toBe('invalid');
  });
});

describe('number', () => {
  it.each([
    ['6,8', 6.8],
    ['1.234,5', 1234.5],
    ['1.922', 1922],
    ['1,922', 1.922],
    ['1,922,000', 1922000],
    ['1,234.5', 1234.5],
    ['6.8', 6.8],
    ['0.500', 0.5],
    ['0,25', 0.25],
    ['-6,8', -6.8],
    ['1 234,5', 1234.5],
    ['85 điểm', 85],
    ['92,5 Điểm', 92.5],
    ['100', 100],
    [6.8, 6.8],
    [-0, 0],
    [1e-7, 1e-7],
  ] as const)('%j → %d', (raw, expected) => {
    expect(value(raw, 'number')).toBe(expected);
  });

  it.each(['6,8,9', '1.2.3', 'abc', '6,8 kỳ', '1,2.3', '12,', '.5', 'Infinity', 'NaN', '1e3', '0x10'])(
    '%j is invalid and quoted',
    (raw) => {
      const out = parseValue(raw, 'number');
      expect(out.kind).toBe('invalid');
      if (out.kind === 'invalid') {
        expect(out.reason.vi).toContain(`«${raw}»`);
        expect(out.reason.en).toContain(`«${raw}»`);
      }
    },
  );

  it('parseNumberText keeps the literal exact', () => {
    expect(parseNumberText('1.234,50')).toEqual({ value: 1234.5, literal: '1234.5' });
    expect(parseNumberText('-0,0')).toEqual({ value: 0, literal: '0' });
    expect(parseNumberText('x')).toBeUndefined();
  });
});

describe('formatDecimal (vi)', () => {
  it.each([
    [1922, undefined, '1.922'],
    [103800, undefined, '103.800'],
    [6.8, undefined, '6,8'],
    [1234.5, undefined, '1.234,5'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-1922, undefined, '-1.922'],
    [6.8, 2, '6,80'],
    [92.4528, 2, '92,45'],
    [124.2857, 1, '124,3'],
    [999, 0, '999'],
    [-0.004, 2, '0,00'],
  ] as const)('%d (%s decimals) → %s', (n, decimals, expected) => {
    expect(formatVietnameseNumber(n, decimals)).toBe(expected);
  });

  it('round-trips through the number parser', () => {
    for (const n of [0, 1, 12, 999, 1000, 1922, 103800, 5_000_000, 6.8, 1234.5, 0.068, 80.31, 92.45]) {
      expect(value(formatVietnameseNumber(n), 'number')).toBe(n);
    }
  });
});
