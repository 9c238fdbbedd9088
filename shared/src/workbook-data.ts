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
  const byKind = new Map<TableKind, RowRecord[]>();
  let kind: TableKind | undefined;
  let list: RowRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    // Records come table by table: the list changes only where the kind does.
    if (rec.kind !== kind) {
      kind = rec.kind;
      list = byKind.get(kind) ?? [];
      byKind.set(kind, list);
    }
    list.push(rec);
  }
  grouped.set(records, { length: records.length, byKind });
  return byKind;
}
