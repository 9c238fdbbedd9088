/**
 * A workbook once read: the tables found, their records, and the issues met while reading.
 * This is also what the add-in sends to the `validate` function after `redactPersonal`.
 */
import type { Issue } from './issue.ts';
import type { Period } from './period.ts';
import type { UnitRef } from './summary.ts';
import type { TableKind } from './fields.ts';
import type { DetectedTable, RowRecord } from './table.ts';

export interface WorkbookData {
  workbook: string;
  sheetNames: string[];
  tables: DetectedTable[];
  records: RowRecord[];
  /** Detection and parsing issues (unrecognized layout, unparseable values). */
  issues: Issue[];
  /** From the title ("… NĂM 2023", "QUÝ I NĂM 2024", "NHIỆM KỲ 2015-2020"). */
  period?: Period;
  /** From the header block ("ĐẢNG BỘ XÃ NẬM LẠNH"). */
  unit?: UnitRef;
}

const grouped = new WeakMap<readonly RowRecord[], { length: number; byKind: Map<TableKind, RowRecord[]> }>();

/**
 * The records of each kind, in workbook order. Counting, the rules and the targets each visit
 * a few kinds, and a province's 100,000 member rows would otherwise be walked by each of them
 * to find its few thousand others: the grouping is made once per records array (again if rows
 * were added to it since).
 */
export function recordsByKind(records: readonly RowRecord[]): ReadonlyMap<TableKind, readonly RowRecord[]> {
  const known = grouped.get(records);
  if (known && known.length === records.length) return known.byKind;
  // Records come table by table: each kind's runs of rows are found (as start, end pairs),
  // then copied out whole; pushing 100,000 records one by one copied the list as it grew.
  const runs = new Map<TableKind, number[]>();
  let kind: TableKind | undefined;
  let start = 0;
  for (let i = 0; i <= records.length; i++) {
    const k = i < records.length ? records[i]!.kind : undefined;
    if (k === kind) continue;
    if (kind !== undefined) {
      const bounds = runs.get(kind);
      if (bounds) bounds.push(start, i);
      else runs.set(kind, [start, i]);
    }
    kind = k;
    start = i;
  }
  const byKind = new Map<TableKind, RowRecord[]>();
  for (const [k, bounds] of runs) {
    const list = records.slice(bounds[0], bounds[1]);
    for (let j = 2; j < bounds.length; j += 2)
      for (let i = bounds[j]!; i < bounds[j + 1]!; i++) list.push(records[i]!);
    byKind.set(k, list);
  }
  grouped.set(records, { length: records.length, byKind });
  return byKind;
}
