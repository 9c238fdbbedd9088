import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../shared/src/fields.ts';
import type { RowRecord } from '../../shared/src/table.ts';
import { recordsByKind } from '../../shared/src/workbook-data.ts';

const rec = (kind: TableKind, row: number): RowRecord => ({
  tableId: `${kind}#0`,
  kind,
  sheet: kind,
  row,
  values: {},
  cells: {},
  groups: [],
  ref: `${kind}${row}`,
});

describe('recordsByKind', () => {
  it('keeps the workbook order within each kind, kinds interleaved or not', () => {
    const records = [
      rec('partyCells', 1),
      rec('members', 1),
      rec('members', 2),
      rec('partyCells', 2),
      rec('members', 3),
    ];
    const byKind = recordsByKind(records);
    expect([...byKind.keys()]).toEqual(['partyCells', 'members']);
    expect(byKind.get('members')!.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(byKind.get('partyCells')!.map((r) => r.row)).toEqual([1, 2]);
    expect(byKind.get('hamlets')).toBeUndefined();
  });

  it('is made once per records array, and again when rows were added to it', () => {
    const records = [rec('members', 1)];
    const first = recordsByKind(records);
    expect(recordsByKind(records)).toBe(first);
    expect(recordsByKind([...records])).not.toBe(first);
    records.push(rec('members', 2));
    expect(
      recordsByKind(records)
        .get('members')!
        .map((r) => r.row),
    ).toEqual([1, 2]);
  });
});
