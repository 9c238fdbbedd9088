import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  isDateFormat,
  isoToExcelSerial,
  parseValue,
} from '../../../shared/src/parse/index.ts';

/** A date's outcome: its ISO text and the same day as the number yyyymmdd. */
const date = (iso: string) => ({ kind: 'value', value: iso, day: Number(iso.replaceAll('-', '')) });

describe('date', () => {
  it.each([
    ['02/09/1945', '1945-09-02'],
    ['2/9/1945', '1945-09-02'],
    ['02-09-1945', '1945-09-02'],
    ['02.09.1945', '1945-09-02'],
    ['1945-09-02', '1945-09-02'],
    ['1945/09/02', '1945-09-02'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2023', '2023-12-31'],
    ['01/01/2025 00:00:00', '2025-01-01'],
    ['2025-01-01T00:00:00Z', '2025-01-01'],
    ['ngày 3 tháng 2 năm 1930', '1930-02-03'],
    ['Ngày 03 tháng 02 năm 1930', '1930-02-03'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45000, '2023-03-15'],
    [45292, '2024-01-01'],
    [45292.75, '2024-01-01'],
    [2958465, '9999-12-31'],
    ['45292', '2024-01-01'],
  ] as const)('%j → %s', (raw, iso) => {
    expect(parseValue(raw, 'date')).toEqual(date(iso));
  });

  it('reads a serial whatever number format the cell has', () => {
    expect(parseValue(45292, 'date', 'dd/mm/yyyy')).toEqual(date('2024-01-01'));
    expect(parseValue(45292, 'date', 'General')).toEqual(date('2024-01-01'));
    expect(parseValue(45292, 'date', '0.00')).toEqual(date('2024-01-01'));
  });

  it.each([
    ['31/02/2020', 'tháng 2/2020 không có ngày 31', '2/2020 has no day 31'],
    ['29/02/2023', 'tháng 2/2023 không có ngày 29', '2/2023 has no day 29'],
    ['29/02/1900', 'tháng 2/1900 không có ngày 29', '2/1900 has no day 29'],
    ['31/04/2023', 'tháng 4/2023 không có ngày 31', '4/2023 has no day 31'],
    ['00/01/2023', 'tháng 1/2023 không có ngày 0', '1/2023 has no day 0'],
    ['03/25/2020', 'không có tháng 25', 'there is no month 25'],
    ['12/03/85', 'năm phải viết đủ 4 chữ số', 'the year must have 4 digits'],
    ['1/1/23', 'năm phải viết đủ 4 chữ số', 'the year must have 4 digits'],
    ['02/09-1945', 'cần viết dd/mm/yyyy', 'expected dd/mm/yyyy'],
    ['hôm qua', 'cần viết dd/mm/yyyy', 'expected dd/mm/yyyy'],
    [60, '29/02/1900', '29/02/1900'],
    [0, 'từ 1 đến 2958465', 'between 1 and 2958465'],
    [-5, 'từ 1 đến 2958465', 'between 1 and 2958465'],
    [2958466, 'từ 1 đến 2958465', 'between 1 and 2958465'],
    [1985, 'chỉ là năm', 'a year only'],
    ['1985', 'chỉ là năm', 'a year only'],
    [true, 'cần viết dd/mm/yyyy', 'expected dd/mm/yyyy'],
  ] as const)('%j is invalid: %s', (raw, vi, en) => {
    const out = parseValue(raw, 'date');
    expect(out.kind).toBe('invalid');
    if (out.kind !== 'invalid') return;
    expect(out.reason.vi).toContain(vi);
    expect(out.reason.en).toContain(en);
    expect(out.reason.vi).toContain('không phải là ngày hợp lệ');
  });

  it('refuses a dd/mm/yyyy text with any other character where a digit belongs', () => {
    // The characters beside the digits in code order ("/" and ":"), a letter and a full-width
    // digit, at each of the eight digit places.
    const digitPlaces = [0, 1, 3, 4, 6, 7, 8, 9];
    for (const at of digitPlaces) {
      for (const c of ['/', ':', 'a', '０']) {
        const text = '15/02/1985'.slice(0, at) + c + '15/02/1985'.slice(at + 1);
        expect(parseValue(text, 'date').kind, text).toBe('invalid');
      }
    }
    expect(parseValue('15/02/1985', 'date')).toEqual(date('1985-02-15'));
  });

  it('reads 1900–2100 as a serial when the cell is formatted as a date', () => {
    expect(parseValue(1985, 'date', 'dd/mm/yyyy')).toEqual(date('1905-06-07'));
  });

  it('serials and ISO dates convert both ways', () => {
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('2024-01-01')).toBe(45292);
    expect(isoToExcelSerial('1899-12-31')).toBeUndefined();
    expect(isoToExcelSerial('2023-02-29')).toBeUndefined();
    expect(excelSerialToIso(60)).toBeUndefined();
    for (let s = 1; s < 80000; s += 37) {
      const iso = excelSerialToIso(s);
      if (s === 60) continue;
      expect(iso && isoToExcelSerial(iso)).toBe(s);
    }
  });

  it('reads every day right past the number of days it remembers (100,000)', () => {
    // Twice over 130,000 distinct days, as serials and as typed text: the outcomes kept per
    // day are dropped and made again on the way, and each one must still be its own day.
    for (let round = 0; round < 2; round++) {
      for (let s = 61; s < 130_061; s++) {
        const iso = excelSerialToIso(s)!;
        const typed = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
        const a = parseValue(s, 'date', 'dd/mm/yyyy');
        const b = parseValue(typed, 'date');
        if (a.kind !== 'value' || a.value !== iso || a.day !== date(iso).day || b !== a) {
          expect({ s, typed, a, b }).toEqual({ s, typed, a: date(iso), b: a });
        }
      }
    }
  });

  it('tells date formats apart', () => {
    for (const f of [
      'dd/mm/yyyy',
      'd/m/yy',
      'mm-dd-yy',
      '[$-vi-VN]dd/mm/yyyy',
      'yyyy',
      'dd"/"mm"/"yyyy',
      'd-mmm',
    ])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', 'Standard', '0.00', '#,##0', 'h:mm', '[h]:mm:ss', '0%', '"ngày"0', null])
      expect(isDateFormat(f)).toBe(false);
  });
});

describe('year', () => {
  it.each([
    [2023, null, 2023],
    ['2023', null, 2023],
    [' 2023 ', null, 2023],
    ['năm 2023', null, 2023],
    ['Năm 2023', null, 2023],
    ['Nam 2023', null, 2023],
    ['2.023', null, 2023],
    ['12/03/2020', null, 2020],
    ['2020-03-12', null, 2020],
    [1930, null, 1930],
    [2100, null, 2100],
    [45292, 'dd/mm/yyyy', 2024],
  ] as const)('%j (format %j) → %d', (raw, fmt, expected) => {
    expect(parseValue(raw, 'year', fmt)).toEqual({ kind: 'value', value: expected });
  });

  it.each([
    [23, '4 chữ số'],
    ['23', '4 chữ số'],
    [1929, 'từ 1930 đến 2100'],
    [2101, 'từ 1930 đến 2100'],
    [2023.5, 'từ 1930 đến 2100'],
    [45292, 'từ 1930 đến 2100'],
    ['12/03/85', '4 chữ số'],
    ['31/02/2020', 'không có ngày 31'],
    ['hai nghìn', 'từ 1930 đến 2100'],
    [false, 'từ 1930 đến 2100'],
  ] as const)('%j is invalid (%s)', (raw, vi) => {
    const out = parseValue(raw, 'year');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') {
      expect(out.reason.vi).toContain(vi);
      expect(out.reason.en).toContain('is not a valid year');
    }
  });
});

describe('birth year', () => {
  it.each([
    [1980, null, 1980],
    ['1980', null, 1980],
    ['Sinh năm 1980', null, 1980],
    ['12/05/1980', null, 1980],
    [29353, 'dd/mm/yyyy', 1980],
    // Members born before the Party was founded are still on the lists.
    [1925, null, 1925],
    [1900, null, 1900],
  ] as const)('%j (format %j) → %d', (raw, fmt, expected) => {
    expect(parseValue(raw, 'birthYear', fmt)).toEqual({ kind: 'value', value: expected });
  });

  it.each([
    [1899, 'từ 1900 đến 2100'],
    ['80', '4 chữ số'],
    ['12/05/80', '4 chữ số'],
  ] as const)('%j is invalid (%s)', (raw, vi) => {
    const out = parseValue(raw, 'birthYear');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') expect(out.reason.vi).toContain(vi);
  });

  it('keeps the Party-founding floor for other years', () => {
    expect(parseValue(1925, 'year').kind).toBe('invalid');
  });
});

describe('date of birth', () => {
  it.each([
    ['12/05/1980', null, '1980-05-12'],
    [29353, 'dd/mm/yyyy', '1980-05-12'],
    // Only the year is known.
    [1950, null, 1950],
    ['1950', null, 1950],
    ['Sinh năm 1950', null, 1950],
    ['00/00/1950', null, 1950],
    ['0/0/1950', null, 1950],
    ['xx/xx/1950', null, 1950],
    ['XX/XX/1950', null, 1950],
    ['../../1950', null, 1950],
    ['?/?/1950', null, 1950],
    ['00/03/1950', null, 1950],
    ['03/1950', null, 1950],
    ['3/1950', null, 1950],
    [' 00 / 00 / 1950 ', null, 1950],
    [1900, null, 1900],
  ] as const)('%j (format %j) → %j', (raw, fmt, expected) => {
    expect(parseValue(raw, 'birthDate', fmt)).toEqual(
      typeof expected === 'string' ? date(expected) : { kind: 'value', value: expected },
    );
  });

  it.each([
    // The year alone still has to be a year of birth.
    ['00/00/1899', 'không phải là ngày hợp lệ'],
    ['00/00/50', 'không phải là ngày hợp lệ'],
    ['13/1950', 'không phải là ngày hợp lệ'],
    ['31/02/1950', 'tháng 2/1950 không có ngày 31'],
    ['không rõ', 'không phải là ngày hợp lệ'],
  ] as const)('%j is invalid (%s)', (raw, vi) => {
    const out = parseValue(raw, 'birthDate');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') expect(out.reason.vi).toContain(vi);
  });

  it('reads a year-like serial in a date-formatted cell as the date it shows', () => {
    expect(parseValue(1950, 'birthDate', 'dd/mm/yyyy')).toEqual(date('1905-05-03'));
  });
});
