import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CellValue } from '../../../shared/src/grid.ts';
import type { FieldType } from '../../../shared/src/fields.ts';
import { RATING_CODES, RATING_LABELS, type RatingCode } from '../../../shared/src/rating-codes.ts';
import {
  FORMATTED_TYPES,
  daysInMonth,
  isPlainText,
  isoToExcelSerial,
  parseValue,
} from '../../../shared/src/parse/index.ts';
import { formatDecimal } from '../../../shared/src/format.ts';

const formatVietnameseNumber = (n: number) => formatDecimal(n, 'vi');

const ALL_TYPES: FieldType[] = [
  'int',
  'number',
  'percent',
  'quantity',
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

const RUNS = { numRuns: 400 };

/** Strings an official (or a broken export) could put in a cell. */
const cellText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[\d.,\s%+\-\u00a0/]{0,14}$/),
  fc.constantFrom('#REF!', '#N/A', '-', 'Có', 'HTXSNV', '1.922', '6,8%', '31/02/2020', '٣', '１２', '\u0000'),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  cellText,
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 60),
  fc.boolean(),
  fc.constant(null),
  fc.record({ error: fc.oneof(fc.string(), fc.constantFrom('#REF!', '#DIV/0!', '#VALUE!')) }),
);

const numberFormat = fc.option(
  fc.constantFrom('General', '0%', '0.00%', 'dd/mm/yyyy', '#,##0', '@', 'yyyy'),
  {
    nil: null,
  },
);

describe('parseValue properties', () => {
  it('never throws and always returns one of the three kinds, with bilingual reasons', () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...ALL_TYPES), numberFormat, (raw, type, fmt) => {
        const out = parseValue(raw, type, fmt);
        expect(['blank', 'value', 'invalid']).toContain(out.kind);
        if (out.kind === 'invalid') {
          expect(out.reason.vi.trim().length).toBeGreaterThan(0);
          expect(out.reason.en.trim().length).toBeGreaterThan(0);
        }
        if (out.kind === 'value' && typeof out.value === 'number') {
          expect(Number.isFinite(out.value)).toBe(true);
          expect(Object.is(out.value, -0)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps as typed every text said to be plain, which readers then keep without parsing', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        if (isPlainText(text)) expect(parseValue(text, 'text')).toEqual({ kind: 'value', value: text });
      }),
      RUNS,
    );
  });

  it('reads a value the same under any number format, for the types not listed as formatted', () => {
    // Reading a sheet looks a cell's format up only for FORMATTED_TYPES.
    const unformatted = ALL_TYPES.filter((t) => !FORMATTED_TYPES.has(t));
    expect(unformatted.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...unformatted), numberFormat, (raw, type, fmt) => {
        expect(parseValue(raw, type, fmt)).toEqual(parseValue(raw, type, null));
      }),
      { numRuns: 3000 },
    );
    // The formatted types do depend on it: a serial is a date only in a date-formatted cell.
    expect(parseValue(1950, 'birthDate', 'dd/mm/yyyy')).not.toEqual(parseValue(1950, 'birthDate', null));
  });

  it('reads back any integer written the Vietnamese way', () => {
    const spaces = fc.constantFrom(' ', '\u00a0', '\u202f');
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), spaces, (n, space) => {
        const dotted = formatVietnameseNumber(n);
        const spaced = dotted.replace(/\./g, space);
        for (const raw of [n, String(n), dotted, spaced, ` ${dotted} `]) {
          expect(parseValue(raw, 'int')).toEqual({ kind: 'value', value: n === 0 ? 0 : n });
          expect(parseValue(raw, 'number')).toEqual({ kind: 'value', value: n === 0 ? 0 : n });
        }
      }),
      RUNS,
    );
  });

  it('reads back any calendar date written dd/mm/yyyy, d/m/yyyy, ISO or as an Excel serial', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= daysInMonth(y, m));
    fc.assert(
      fc.property(date, fc.constantFrom('/', '-', '.'), ({ y, m, d }, sep) => {
        const dd = String(d).padStart(2, '0');
        const mm = String(m).padStart(2, '0');
        const iso = `${y}-${mm}-${dd}`;
        const expected = { kind: 'value', value: iso, day: (y * 100 + m) * 100 + d };
        expect(parseValue(`${dd}${sep}${mm}${sep}${y}`, 'date')).toEqual(expected);
        expect(parseValue(`${d}${sep}${m}${sep}${y}`, 'date')).toEqual(expected);
        expect(parseValue(iso, 'date')).toEqual(expected);
        const serial = isoToExcelSerial(iso);
        expect(serial).toBeDefined();
        expect(parseValue(serial!, 'date', 'dd/mm/yyyy')).toEqual(expected);
        expect(parseValue(serial! + 0.5, 'date')).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('serials count days one by one, skipping only the phantom 29/02/1900', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958464 }), (serial) => {
        fc.pre(serial !== 59 && serial !== 60);
        const a = parseValue(serial, 'date', 'dd/mm/yyyy');
        const b = parseValue(serial + 1, 'date', 'dd/mm/yyyy');
        if (a.kind !== 'value' || b.kind !== 'value') throw new Error('serial not read');
        const next = new Date(`${a.value as string}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(b.value).toBe(next.toISOString().slice(0, 10));
      }),
      RUNS,
    );
  });

  it('reads percentages written "a,b%" as the fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('%', ' %', '\u00a0%'),
        (whole, frac, sign) => {
          const fracText = String(frac);
          const raw = `${formatVietnameseNumber(whole)},${fracText}${sign}`;
          const expected = (whole + frac / 10 ** fracText.length) / 100;
          const out = parseValue(raw, 'percent');
          if (out.kind !== 'value') throw new Error(`${raw} not read: ${JSON.stringify(out)}`);
          expect(Math.abs((out.value as number) - expected)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, expected),
          );
        },
      ),
      RUNS,
    );
  });

  it('maps every spelling of a rating code to that code and never another', () => {
    const spellings: Record<RatingCode, string[]> = {
      HTXSNV: ['HTXSNV', 'HTXS', RATING_LABELS.HTXSNV.vi, 'Hoàn thành xuất sắc', 'Xuất sắc'],
      HTTNV: ['HTTNV', 'HTT', RATING_LABELS.HTTNV.vi, 'Hoàn thành tốt', 'Tốt'],
      HTNV: ['HTNV', 'HT', RATING_LABELS.HTNV.vi, 'Hoàn thành'],
      KHTNV: ['KHTNV', 'KHT', RATING_LABELS.KHTNV.vi, 'Không hoàn thành'],
    };
    const variant = fc.record({
      code: fc.constantFrom(...RATING_CODES),
      pick: fc.nat(),
      caseMode: fc.constantFrom('upper', 'lower', 'keep', 'random'),
      stripMarks: fc.boolean(),
      separator: fc.constantFrom('', ' ', '.', '. ', '  ', '\u00a0'),
      spread: fc.boolean(),
      flips: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      pad: fc.constantFrom('', ' ', '  '),
    });
    fc.assert(
      fc.property(variant, ({ code, pick, caseMode, stripMarks, separator, spread, flips, pad }) => {
        const list = spellings[code];
        let s = list[pick % list.length]!;
        if (stripMarks)
          s = s
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd')
            .replace(/Đ/g, 'D');
        // Spread letters apart ("H.T.X.S.N.V") or re-space words ("Hoàn. thành. tốt").
        s = spread
          ? [...s.replace(/ /g, '')].join(separator)
          : s.split(' ').join(separator === '' ? ' ' : separator);
        if (caseMode === 'upper') s = s.toUpperCase();
        if (caseMode === 'lower') s = s.toLowerCase();
        if (caseMode === 'random')
          s = [...s].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        const out = parseValue(`${pad}${s}${pad}`, 'rating');
        expect(out, JSON.stringify(s)).toEqual({ kind: 'value', value: code });
      }),
      { numRuns: 1500 },
    );
  });

  it('gives every invalid outcome a reason in both languages that quotes text values', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(...ALL_TYPES), (raw, type) => {
        const out = parseValue(raw, type);
        if (out.kind !== 'invalid') return;
        expect(out.reason.vi.length).toBeGreaterThan(0);
        expect(out.reason.en.length).toBeGreaterThan(0);
        expect(out.reason.vi).not.toBe(out.reason.en);
        if (!raw.trim().startsWith('#')) {
          const shown = raw.replace(/[\s\u00a0\u2007\u2009\u202f\u200b\ufeff]+/g, ' ').trim();
          expect(out.reason.vi).toContain(`«${shown}»`);
          expect(out.reason.en).toContain(`«${shown}»`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
