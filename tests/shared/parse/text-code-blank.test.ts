import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../../shared/src/fields.ts';
import { parseValue } from '../../../shared/src/parse/index.ts';

const ALL_TYPES: FieldType[] = [
  'int',
  'number',
  'percent',
  'text',
  'code',
  'bool',
  'date',
  'birthDate',
  'year',
  'birthYear',
  'rating',
  'memberStatus',
];

describe('code', () => {
  it.each([
    ['007', '007'],
    [' 007 ', '007'],
    ["'007", '007'],
    ['CB-01', 'CB-01'],
    ['1.2.3', '1.2.3'],
    [7, '7'],
    [1200, '1200'],
    [1.5, '1.5'],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseValue(raw, 'code')).toEqual({ kind: 'value', value: expected });
  });

  it('refuses numbers Excel could not keep exactly, and booleans', () => {
    const big = parseValue(2 ** 60, 'code');
    expect(big.kind === 'invalid' && big.reason.en).toContain('Excel lost digits');
    expect(parseValue(true, 'code').kind).toBe('invalid');
  });
});

describe('text', () => {
  it.each([
    ['Chi bộ thôn Nà Mò', 'Chi bộ thôn Nà Mò'],
    ['  Chi bộ\u00a0 bản\nPò Cại ', 'Chi bộ bản Pò Cại'],
    [12, '12'],
    [6.8, '6.8'],
    [-0, '0'],
    [true, 'TRUE'],
    [false, 'FALSE'],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseValue(raw, 'text')).toEqual({ kind: 'value', value: expected });
  });

  it('reads numbering (whole numbers, kept once each) as the same text every time', () => {
    // Both sides of the numbers whose outcomes are kept (below 2^17), twice each.
    for (const n of [0, 1, 9, 10, 99_999, 100_000, 131_071, 131_072, 1_000_000, 3.5, -1, -12]) {
      for (let round = 0; round < 2; round++) {
        expect(parseValue(n, 'text'), `${n}`).toEqual({ kind: 'value', value: String(n) });
      }
    }
  });
});

describe('blank, formula errors and non-finite numbers, for every type', () => {
  it.each(ALL_TYPES)('%s: blanks', (type) => {
    // Every dash printed tables use for "nothing": hyphen, figure dash, en, em, bar, minus.
    const dashes = ['-', ' - ', '\u2012', '–', '—', '\u2015', '\u2212'];
    for (const raw of [null, '', '   ', '\u00a0', '\n\t', ...dashes]) {
      expect(parseValue(raw, type)).toEqual({ kind: 'blank' });
    }
  });

  it('a dash beside anything else, or another lone sign, is not blank', () => {
    for (const raw of ['--', '-1', '\u2011', '\u2016', '_', '~', '.', '\u2010']) {
      expect(parseValue(raw, 'text')).toEqual({ kind: 'value', value: raw });
    }
  });

  it.each(ALL_TYPES)('%s: formula errors name the error', (type) => {
    const errors = ['#REF!', '#VALUE!', '#N/A', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];
    for (const code of errors) {
      for (const raw of [{ error: code }, code, ` ${code} `]) {
        const out = parseValue(raw, type);
        expect(out.kind).toBe('invalid');
        if (out.kind !== 'invalid') continue;
        expect(out.reason.vi).toContain(`lỗi công thức ${code}`);
        expect(out.reason.en).toContain(`formula error ${code}`);
      }
    }
    const odd = parseValue({ error: '#WHATEVER' }, type);
    expect(odd.kind === 'invalid' && odd.reason.en).toContain('#WHATEVER');
  });

  it.each(ALL_TYPES)('%s: NaN and infinities are invalid', (type) => {
    for (const raw of [NaN, Infinity, -Infinity]) {
      const out = parseValue(raw, type);
      expect(out.kind).toBe('invalid');
    }
  });

  it('text that merely starts with # is not an error', () => {
    expect(parseValue('#12', 'text')).toEqual({ kind: 'value', value: '#12' });
  });
});
