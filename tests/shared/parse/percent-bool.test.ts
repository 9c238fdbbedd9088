import { describe, expect, it } from 'vitest';
import { isPercentFormat, parseValue } from '../../../shared/src/parse/index.ts';

describe('percent', () => {
  it.each([
    ['6,8%', null, 0.068],
    ['6,8 %', null, 0.068],
    ['6,8\u00a0%', null, 0.068],
    ['92,45 %', null, 0.9245],
    ['90,19%', null, 0.9019],
    ['124,3%', null, 1.243],
    ['100%', null, 1],
    ['0%', null, 0],
    ['85%', null, 0.85],
    ['6.8%', null, 0.068],
    ['0,5%', null, 0.005],
    ['80,31', null, 0.8031],
    ['0,8', null, 0.8],
    [0.068, '0.0%', 0.068],
    [0.9245, '0.00%', 0.9245],
    [1.243, '0.0%', 1.243],
    [80.31, null, 0.8031],
    [80.31, 'General', 0.8031],
    [92.45, '0.00', 0.9245],
    [0.85, null, 0.85],
    [1, null, 1],
    [100, null, 1],
    [0, null, 0],
  ] as const)('%j (format %j) → %d', (raw, fmt, expected) => {
    const out = parseValue(raw, 'percent', fmt);
    expect(out.kind).toBe('value');
    if (out.kind === 'value') expect(out.value as number).toBeCloseTo(expected, 12);
  });

  it('gives the very double the fraction literal reads as', () => {
    expect(parseValue('6,8%', 'percent')).toEqual({ kind: 'value', value: 0.068 });
    expect(parseValue('92,45 %', 'percent')).toEqual({ kind: 'value', value: 0.9245 });
    expect(parseValue(80.31, 'percent')).toEqual({ kind: 'value', value: 0.8031 });
  });

  it.each(['abc%', '%', '6,8%%', 'sáu phần trăm', '6,8 % dân số'])('%j is invalid', (raw) => {
    const out = parseValue(raw, 'percent');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') expect(out.reason.en).toContain(`«${raw}» is not a percentage`);
  });

  it('tells percentage formats apart', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('#,##0.0 %')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
  });
});

describe('bool', () => {
  it.each([
    ['x', true],
    ['X', true],
    [' x ', true],
    ['Có', true],
    ['có', true],
    ['CÓ', true],
    ['Co', true],
    ['C', true],
    ['✓', true],
    ['✔', true],
    ['☑', true],
    ['TRUE', true],
    ['true', true],
    ['1', true],
    ['Đ', true],
    ['Đạt', true],
    ['Yes', true],
    ['Đã có', true],
    ['Có rồi', true],
    ['Rồi', true],
    ['Đã', true],
    [true, true],
    [1, true],
    ['Không', false],
    ['không', false],
    ['Khong', false],
    ['KHÔNG', false],
    ['K', false],
    ['ko', false],
    ['Không có', false],
    ['Chưa', false],
    ['0', false],
    ['FALSE', false],
    ['false', false],
    ['✗', false],
    ['✘', false],
    [false, false],
    [0, false],
  ] as const)('%j → %s', (raw, expected) => {
    expect(parseValue(raw, 'bool')).toEqual({ kind: 'value', value: expected });
  });

  it.each(['maybe', 'Có thể', 'xx', '2', 2, 0.5, '?', 'v'])('%j is invalid, never false', (raw) => {
    const out = parseValue(raw, 'bool');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') {
      expect(out.reason.vi).toContain('không phải là câu trả lời có/không');
      expect(out.reason.en).toContain('is not a yes/no answer');
    }
  });
});

describe('quantity (a target value: a percentage when typed as one, else the number)', () => {
  it.each([
    ['90%', null, 0.9],
    ['92,45 %', null, 0.9245],
    [0.9, '0%', 0.9],
    [600, null, 600],
    ['600', null, 600],
    ['1.922', null, 1922],
    [95, null, 95],
    // The comparison written in the same cell: the number is read alone.
    ['Trên 90%', null, 0.9],
    ['≥ 85%', null, 0.85],
    ['từ 30 trở lên', null, 30],
    ['không quá 5%', null, 0.05],
    ['it nhat 2', null, 2],
  ] as const)('%s (format %s) → %s', (raw, format, expected) => {
    const out = parseValue(raw, 'quantity', format);
    expect(out.kind).toBe('value');
    expect((out as { value: number }).value).toBeCloseTo(expected, 12);
  });

  it('refuses text that is neither, quoting it as typed', () => {
    expect(parseValue('chín mươi', 'quantity').kind).toBe('invalid');
    const out = parseValue('trên chín mươi', 'quantity');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') expect(out.reason.vi).toContain('«trên chín mươi»');
    expect(parseValue('Tuổi 30', 'quantity').kind).toBe('invalid');
  });
});
