/**
 * Literal records for tests: a table of one kind laid out with its fields in the order of
 * FIELDS[kind], column A onward, data starting on sheet row 5 (0-based 4), so that every value
 * has a real cell address.
 */
import { FIELDS, type TableKind } from '../../../shared/src/fields.ts';
import { a1 } from '../../../shared/src/grid.ts';
import type { FieldValue, RowRecord } from '../../../shared/src/table.ts';
import type { WorkbookData } from '../../../shared/src/workbook-data.ts';

export interface TableSpec {
  kind: TableKind;
  sheet?: string;
  /** 0-based sheet row of the first data row. */
  firstRow?: number;
  rows: { values: Record<string, FieldValue | undefined>; groups?: string[] }[];
}

export function columnOf(kind: TableKind, field: string): number {
  const i = FIELDS[kind].findIndex((f) => f.id === field);
  if (i < 0) throw new Error(`no field ${field} in ${kind}`);
  return i;
}

export function tableRecords(spec: TableSpec, tableIndex = 0): RowRecord[] {
  const sheet = spec.sheet ?? spec.kind;
  const tableId = `${sheet}#${tableIndex}`;
  const first = spec.firstRow ?? 4;
  return spec.rows.map((r, i) => {
    const row = first + i;
    const values: Record<string, FieldValue> = {};
    const cells: RowRecord['cells'] = {};
    for (const [field, value] of Object.entries(r.values)) {
      const address = a1(row, columnOf(spec.kind, field));
      cells[field] = {
        address,
        raw: value === undefined ? null : typeof value === 'boolean' ? (value ? 'x' : '') : value,
      };
      if (value !== undefined) values[field] = value;
    }
    return {
      tableId,
      kind: spec.kind,
      sheet,
      row,
      values,
      cells,
      groups: r.groups ?? [],
      ref: `${tableId}:${row}`,
    };
  });
}

export function workbookOf(...specs: TableSpec[]): WorkbookData {
  const records = specs.flatMap((s, i) => tableRecords(s, i));
  return {
    workbook: 'test.xlsx',
    sheetNames: [...new Set(specs.map((s) => s.sheet ?? s.kind))],
    tables: [],
    records,
    issues: [],
  };
}

/** The A1 address a field of the n-th data row gets (n 0-based). */
export function addressOf(kind: TableKind, field: string, n: number, firstRow = 4): string {
  return a1(firstRow + n, columnOf(kind, field));
}
