/**
 * Records keep their cells' addresses and raw values without storing them per row: `cells` is
 * built when asked for, and values stay in their table's columns (`fieldValue` reads one). What leaves the engine (JSON, the add-in's payload) must still carry
 * `cells` as a plain own property, as the server's schema expects.
 */
import { describe, expect, it } from 'vitest';
import { redactPersonal } from '../../../shared/src/redact.ts';
import { fieldValue, plainRecord } from '../../../shared/src/table.ts';
import { read, sheet } from './helpers.ts';

const data = read(
  sheet('Đảng viên', [
    ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Xếp loại'],
    [1, 'Lò Văn A', '02/03/1990', 'Chi bộ bản Nặm Bao', 'HTTNV'],
    [2, 'Lò Thị B', '', 'Chi bộ bản Nặm Bao', 'không rõ'],
  ]),
  sheet('Chi bộ', [
    ['STT', 'Tên chi bộ', 'Tổng số đảng viên'],
    [1, 'Chi bộ bản Nặm Bao', 2],
  ]),
);
const members = data.records.filter((r) => r.kind === 'members');
const cell = data.records.find((r) => r.kind === 'partyCells')!;

/** Own enumerable properties only, the way Firebase's callable client encodes a payload. */
function ownOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownOnly);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value)
    if (Object.prototype.hasOwnProperty.call(value, key))
      out[key] = ownOnly((value as Record<string, unknown>)[key]);
  return out;
}

describe('records', () => {
  it('give every mapped cell of the row, blank ones included', () => {
    const b = members[1]!;
    expect(b.cells['order']).toEqual({ address: 'A3', raw: 2 });
    expect(b.cells['birthDate']).toEqual({ address: 'C3', raw: '' });
    expect(b.cells['rating']).toEqual({ address: 'E3', raw: 'không rõ' });
    expect(b.values['rating']).toBeUndefined();
    expect(Object.keys(b.cells)).toEqual(['order', 'fullName', 'birthDate', 'cell', 'rating']);
  });

  it('give each row its own values, the same through fieldValue, values and a plain copy', () => {
    expect(fieldValue(members[0]!, 'fullName')).toBe('Lò Văn A');
    expect(fieldValue(members[1]!, 'fullName')).toBe('Lò Thị B');
    expect(fieldValue(members[0]!, 'birthDate')).toBe('1990-03-02');
    expect(fieldValue(members[1]!, 'birthDate')).toBeUndefined();
    expect(fieldValue(cell, 'membersTotal')).toBe(2);
    expect(fieldValue(cell, 'fullName')).toBeUndefined();
    for (const rec of data.records) {
      const plain = plainRecord(rec);
      for (const field of Object.keys(rec.cells)) {
        expect(fieldValue(rec, field)).toBe(rec.values[field]);
        expect(fieldValue(plain, field)).toBe(rec.values[field]);
      }
    }
  });

  it('serialize to JSON with their cells', () => {
    const json = JSON.parse(JSON.stringify(members[0])) as Record<string, unknown>;
    expect(json).toEqual({
      tableId: members[0]!.tableId,
      kind: 'members',
      sheet: 'Đảng viên',
      row: 1,
      values: members[0]!.values,
      cells: members[0]!.cells,
      groups: [],
      ref: members[0]!.ref,
    });
    expect(json['cells']).toHaveProperty('birthDate', { address: 'C2', raw: '02/03/1990' });
  });

  it('leave the workbook as plain objects with cells, personal fields removed', () => {
    const sent = ownOnly(redactPersonal(data)) as { records: Record<string, unknown>[] };
    const sentMember = sent.records.find((r) => r['kind'] === 'members')!;
    expect(Object.keys(sentMember['cells'] as object)).toEqual(['order', 'cell', 'rating']);
    expect(sentMember['values']).not.toHaveProperty('fullName');
    // Member B's rating could not be read: the key is not sent at all (a null would be refused).
    const sentB = sent.records.filter((r) => r['kind'] === 'members')[1]!;
    expect(Object.keys(sentB['values'] as object)).toEqual(['order', 'cell']);
    const sentCell = sent.records.find((r) => r['kind'] === 'partyCells')!;
    expect(sentCell).toEqual(ownOnly(plainRecord(cell)));
    expect(sentCell['cells']).toHaveProperty('membersTotal', { address: 'C2', raw: 2 });
  });
});

describe('a cell merged down a column', () => {
  const merged = read(
    sheet(
      'Đảng viên',
      [
        ['STT', 'Họ và tên', 'Chi bộ', 'Xếp loại'],
        [1, 'Lò Văn A', 'Chi bộ bản Nặm Bao', 'HTTNV'],
        [2, 'Lò Thị B', null, 'HTNV'],
        [3, 'Lò Văn C', null, 'HTTNV'],
        [4, 'Quàng Văn D', 'Chi bộ bản Pá', null],
      ],
      ['C2:C4', 'C5:D5'],
    ),
  );

  it('gives its value to every row it covers', () => {
    expect(merged.records.map((r) => r.values['cell'])).toEqual([
      'Chi bộ bản Nặm Bao',
      'Chi bộ bản Nặm Bao',
      'Chi bộ bản Nặm Bao',
      'Chi bộ bản Pá',
    ]);
    // The cell itself is still the blank one under the merged area.
    expect(merged.records[1]!.cells['cell']).toEqual({ address: 'C3', raw: null });
  });

  it('but a merge across columns stays in its own column', () => {
    expect(merged.records[3]!.values['rating']).toBeUndefined();
    expect(merged.issues.filter((i) => i.cell === 'D5')).toEqual([]);
  });
});

describe('a long list of different names', () => {
  // Past the first few thousand rows a column of different texts is read without remembering
  // each value: what a name becomes must not change there.
  const count = 6000;
  const rows: (string | number | null | { error: string })[][] = [['STT', 'Họ và tên', 'Chi bộ']];
  for (let i = 0; i < count; i++) rows.push([i + 1, `Lò Văn Số ${i}`, 'Chi bộ bản Nặm Bao']);
  const late = (i: number): number => count - 10 + i; // rows near the end of the list
  rows[late(1)]![1] = '  Lò  Thị\u00a0Hoa ';
  rows[late(2)]![1] = '—';
  rows[late(3)]![1] = '#REF!';
  rows[late(4)]![1] = '#12 Lò Văn E';
  rows[late(5)]![1] = 1234;
  const data = read(sheet('Đảng viên', rows));
  const name = (i: number): unknown => data.records[i - 1]!.values['fullName'];

  it('tidies, blanks and refuses the same values at its end as at its start', () => {
    expect(data.records).toHaveLength(count);
    expect(name(late(0))).toBe(`Lò Văn Số ${late(0) - 1}`);
    expect(name(late(1))).toBe('Lò Thị Hoa');
    expect(name(late(2))).toBeUndefined();
    expect(name(late(3))).toBeUndefined();
    expect(name(late(4))).toBe('#12 Lò Văn E');
    expect(name(late(5))).toBe('1234');
    const refused = data.issues.filter((i) => i.ruleId === 'value.invalid');
    expect(refused.map((i) => i.cell)).toEqual([`B${late(3) + 1}`]);
    expect(refused[0]!.values).toEqual({ personal: true, field: 'fullName' });
  });
});
