/**
 * Personal data (members' names, birth dates) stays in the workbook. Before anything leaves
 * it, personal fields are removed from values and raw cells alike; what remains is counts,
 * statuses and pseudonymous row references.
 */
import { FIELDS } from './fields.ts';
import { plainRecord, type RowRecord } from './table.ts';
import type { WorkbookData } from './workbook-data.ts';

const personalFields = new Map(
  Object.entries(FIELDS).map(([kind, defs]) => [
    kind,
    new Set(defs.filter((d) => d.personal).map((d) => d.id)),
  ]),
);

/** A plain record (whatever kind of record the engine made) without personal fields. */
export function redactRecord(rec: RowRecord): RowRecord {
  const personal = personalFields.get(rec.kind);
  if (!personal || personal.size === 0) return plainRecord(rec);
  const plain = plainRecord(rec);
  const values: RowRecord['values'] = {};
  for (const [k, v] of Object.entries(plain.values)) if (!personal.has(k)) values[k] = v;
  const cells: RowRecord['cells'] = {};
  for (const [k, c] of Object.entries(plain.cells)) if (!personal.has(k)) cells[k] = c;
  return { ...plain, values, cells };
}

/** The workbook data with every personal value removed, fit to send to the server. */
export function redactPersonal(data: WorkbookData): WorkbookData {
  return {
    ...data,
    records: data.records.map(redactRecord),
    // Parse issues may quote a raw value; drop the values of issues on personal cells.
    issues: data.issues.map((i) => (i.values['personal'] ? { ...i, values: {} } : i)),
  };
}
