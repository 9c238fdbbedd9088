import { describe, expect, it } from 'vitest';
import { decodeStateRows, encodeStateRows } from '../../../shared/src/plan/state.ts';
import { STATE_HEADER, STATE_VERSION, type StateEntry } from '../../../shared/src/plan/types.ts';

const ENTRIES: StateEntry[] = [
  { kind: 'area', sheet: 'Chi bộ', ref: 'H5:J12' },
  { kind: 'fill', sheet: 'Chi bộ', ref: 'F9', original: '' },
  { kind: 'fill', sheet: 'Chi bộ', ref: 'C8', original: '#FFFF00', detail: '{"type":"pattern"}' },
  { kind: 'style', sheet: 'Chi bộ', ref: 'H7', detail: '{"font":{"bold":true}}' },
  { kind: 'width', sheet: 'Chi bộ', ref: 'H', original: 12.5 },
  { kind: 'width', sheet: 'Chi bộ', ref: 'I' },
  { kind: 'height', sheet: 'Chi bộ', ref: '9', original: 30 },
  { kind: 'merge', sheet: 'Chi bộ', ref: 'H5:H6' },
  { kind: 'sheet', sheet: 'Kết quả kiểm tra' },
];

describe('STATE_SHEET rows', () => {
  it('starts with the versioned header, one row of five strings per entry', () => {
    const rows = encodeStateRows(ENTRIES);
    expect(rows[0]).toEqual([...STATE_HEADER]);
    expect(rows[0]![0]).toBe(STATE_VERSION);
    expect(rows).toHaveLength(ENTRIES.length + 1);
    expect(rows.every((r) => r.length === 5 && r.every((c) => typeof c === 'string'))).toBe(true);
    expect(rows[3]).toEqual(['fill', 'Chi bộ', 'C8', '#FFFF00', '{"type":"pattern"}']);
    expect(rows[5]).toEqual(['width', 'Chi bộ', 'H', '12.5', '']);
    expect(rows[9]).toEqual(['sheet', 'Kết quả kiểm tra', '', '', '']);
  });

  it('decodes what it encodes', () => {
    expect(decodeStateRows(encodeStateRows(ENTRIES))).toEqual(ENTRIES);
    expect(decodeStateRows(encodeStateRows([]))).toEqual([]);
  });

  it('reads values as a spreadsheet gives them back: numbers, nulls, short rows', () => {
    const rows: unknown[][] = [
      [STATE_VERSION, 'sheet', 'ref', 'value', 'detail'],
      ['height', 'Chi bộ', 9, 30, null],
      ['fill', 'Chi bộ', 'F9', null],
      ['sheet', 'Kết quả tổng hợp'],
    ];
    expect(decodeStateRows(rows)).toEqual([
      { kind: 'height', sheet: 'Chi bộ', ref: '9', original: 30 },
      { kind: 'fill', sheet: 'Chi bộ', ref: 'F9', original: '' },
      { kind: 'sheet', sheet: 'Kết quả tổng hợp' },
    ]);
  });

  it('reads the add-in header and the earlier command-line rows; skips what it cannot use', () => {
    const rows: unknown[][] = [
      ['kiemtra-state v1', 'sheet', 'address', 'value'],
      ['block', 'Chi bộ', 'H5:J12', ''],
      ['fill', 'Chi bộ', 'F9', '{"type":"pattern","pattern":"solid"}'],
      ['area', 'Chi bộ', '', ''],
      ['fill', '', 'F9', '#FFFFFF'],
      ['chart', 'Chi bộ', 'A1', ''],
      ['width', 'Chi bộ', 'H', 'abc'],
    ];
    expect(decodeStateRows(rows)).toEqual([
      { kind: 'area', sheet: 'Chi bộ', ref: 'H5:J12' },
      {
        kind: 'fill',
        sheet: 'Chi bộ',
        ref: 'F9',
        original: '',
        detail: '{"type":"pattern","pattern":"solid"}',
      },
      { kind: 'width', sheet: 'Chi bộ', ref: 'H' },
    ]);
  });
});
