/**
 * A workbook once read: the tables found, their records, and the issues met while reading.
 * This is also what the add-in sends to the `validate` function after `redactPersonal`.
 */
import type { Issue } from './issue.ts';
import type { Period } from './period.ts';
import type { UnitRef } from './summary.ts';
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
