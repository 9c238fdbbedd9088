/**
 * A row's pseudonymous reference is FNV-1a (32-bit) over the UTF-8 bytes of "sheet!row",
 * written "r" + 8 hex digits: checked against a plain implementation of the published
 * algorithm, for sheet names in any script.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordRefNumber, refNumber, rowRef } from '../../../shared/src/detect/records.ts';
import { plainRecord } from '../../../shared/src/table.ts';
import { read, sheet } from './helpers.ts';

function fnv1aReference(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    // The 32-bit product with the FNV prime 16777619 (2^24 + 403), without losing bits.
    h = (h * 403 + ((h << 24) >>> 0)) >>> 0;
  }
  return `r${h.toString(16).padStart(8, '0')}`;
}

describe('rowRef', () => {
  it('is FNV-1a over the UTF-8 bytes of sheet!row', () => {
    expect(rowRef('Đảng viên', 6)).toBe(fnv1aReference('Đảng viên!7'));
    expect(rowRef('Sheet1', 0)).toBe(fnv1aReference('Sheet1!1'));
    expect(rowRef('表𝌆', 99)).toBe(fnv1aReference('表𝌆!100'));
  });

  it('agrees with the reference for any sheet name and row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.nat(1_048_575), (sheet, row) => {
        expect(rowRef(sheet, row)).toBe(fnv1aReference(`${sheet}!${row + 1}`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('refNumber', () => {
  it('reads back the number a reference writes, and nothing from other texts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.nat(1_048_575), (sheet, row) => {
        const ref = rowRef(sheet, row);
        expect(refNumber(ref)).toBe(Number.parseInt(ref.slice(1), 16) | 0);
      }),
      { numRuns: 2000 },
    );
    for (const other of [
      '',
      'r',
      'r1234567',
      'r123456789',
      'R0000000a',
      'r0000000A',
      'r0000000g',
      'x00000000',
    ])
      expect(refNumber(other)).toBeUndefined();
  });

  it("is what a detected record keeps, and the record's ref is its text", () => {
    const data = read(
      sheet('Đảng viên', [
        ['STT', 'Họ và tên', 'Chi bộ'],
        [1, 'Lò Văn A', 'Chi bộ bản Nặm Bao'],
        [2, 'Lò Thị B', 'Chi bộ bản Nặm Bao'],
      ]),
    );
    expect(data.records).toHaveLength(2);
    for (const rec of data.records) {
      expect(rec.ref).toBe(rowRef('Đảng viên', rec.row));
      expect(recordRefNumber(rec)).toBe(refNumber(rec.ref));
      expect(recordRefNumber(plainRecord(rec))).toBeUndefined();
      expect(plainRecord(rec).ref).toBe(rec.ref);
    }
  });
});
