/**
 * Builds detected tables and their records literally, from compact row arrays, with the A1
 * addresses a sheet laid out that way would have. Independent of table detection, so rule
 * tests only depend on the rules.
 *
 *   const cells = buildTable({
 *     sheet: 'Chi bộ', kind: 'partyCells', fields: ['name', 'membersTotal', 'meetingsRegular'],
 *     rows: [['Chi bộ bản Nặm Bao', 8, 6], { total: 'Tổng cộng', values: [null, 8, 6] }],
 *   });
 *
 * Layout: the header row is sheet row `headerRow` (0-based, default 3: row 4), each entry of
 * `rows` takes the next sheet row, fields take columns from `firstCol` (default 0: A) on.
 * A row entry is an array of values (null/undefined: blank cell), `{ group }` for a group
 * row ("I. Đảng bộ xã Nậm Lạnh"), or `{ total, values }` for a total row covering every data
 * row so far (`scope: 'group'`: only the rows since the last group row).
 */
import { a1, type CellValue } from '../../shared/src/grid.ts';
import { FIELDS, type TableKind } from '../../shared/src/fields.ts';
import type { Period } from '../../shared/src/period.ts';
import { emptyCounts, type Counts, type UnitRef, type UnitSummary } from '../../shared/src/summary.ts';
import type { CellRef, DetectedTable, FieldValue, RowRecord, TotalRow } from '../../shared/src/table.ts';
import type { WorkbookData } from '../../shared/src/workbook-data.ts';

/** A value as parsed, or `{ raw }` for a cell whose text the parser could not read. */
export type CellSpec = FieldValue | null | undefined | { raw: CellValue };

export type RowSpec =
  | CellSpec[]
  | { group: string; level?: number }
  | { total: string; values: (number | null | undefined)[]; scope?: 'all' | 'group' };

export interface TableSpec {
  sheet: string;
  kind: TableKind;
  fields: string[];
  rows: RowSpec[];
  /** 0-based sheet row of the (last) header row. */
  headerRow?: number;
  /** 0-based sheet column of the first field. */
  firstCol?: number;
  /** Index of the table within its sheet (for the table id). */
  index?: number;
}

export interface BuiltTable {
  table: DetectedTable;
  records: RowRecord[];
}

export function buildTable(spec: TableSpec): BuiltTable {
  const headerRow = spec.headerRow ?? 3;
  const firstCol = spec.firstCol ?? 0;
  const id = `${spec.sheet}#${spec.index ?? 0}`;
  const records: RowRecord[] = [];
  const dataRows: number[] = [];
  const groupRows: DetectedTable['groupRows'] = [];
  const totalRows: TotalRow[] = [];
  const groups: { label: string; level: number }[] = [];
  let groupStart = 0;

  spec.rows.forEach((entry, i) => {
    const row = headerRow + 1 + i;
    if (Array.isArray(entry)) {
      const values: Record<string, FieldValue> = {};
      const cells: Record<string, CellRef> = {};
      spec.fields.forEach((field, c) => {
        const v = entry[c];
        const address = a1(row, firstCol + c);
        if (v !== null && typeof v === 'object') {
          cells[field] = { address, raw: v.raw };
        } else {
          cells[field] = { address, raw: v ?? null };
          if (v !== null && v !== undefined) values[field] = v;
        }
      });
      dataRows.push(row);
      records.push({
        tableId: id,
        kind: spec.kind,
        sheet: spec.sheet,
        row,
        values,
        cells,
        groups: groups.map((g) => g.label),
        ref: `${id}:${row + 1}`,
      });
    } else if ('group' in entry) {
      const level = entry.level ?? 1;
      while (groups.length > 0 && groups[groups.length - 1]!.level >= level) groups.pop();
      groups.push({ label: entry.group, level });
      groupRows.push({ row, label: entry.group, level });
      groupStart = dataRows.length;
    } else {
      const values: Record<string, number | undefined> = {};
      spec.fields.forEach((field, c) => {
        const v = entry.values[c];
        if (typeof v === 'number') values[field] = v;
      });
      totalRows.push({
        row,
        label: entry.total,
        coversRows: entry.scope === 'group' ? dataRows.slice(groupStart) : [...dataRows],
        values,
      });
    }
  });

  const lastCol = firstCol + spec.fields.length - 1;
  const table: DetectedTable = {
    id,
    sheet: spec.sheet,
    kind: spec.kind,
    kindConfidence: 1,
    headerRows: [headerRow],
    dataRows,
    groupRows,
    totalRows,
    firstCol,
    lastCol,
    lastRow: headerRow + spec.rows.length,
    resultCol: lastCol + 1,
    columns: spec.fields.map((field, c) => ({
      col: firstCol + c,
      header: FIELDS[spec.kind].find((d) => d.id === field)?.label.vi ?? field,
      field,
      confidence: 1,
    })),
    missingRequired: FIELDS[spec.kind]
      .filter((d) => d.required && !spec.fields.includes(d.id))
      .map((d) => d.id),
  };
  return { table, records };
}

export function buildWorkbook(
  tables: BuiltTable[],
  opts: { name?: string; period?: Period; unit?: UnitRef } = {},
): WorkbookData {
  return {
    workbook: opts.name ?? 'test.xlsx',
    sheetNames: [...new Set(tables.map((t) => t.table.sheet))],
    tables: tables.map((t) => t.table),
    records: tables.flatMap((t) => t.records),
    issues: [],
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.unit ? { unit: opts.unit } : {}),
  };
}

/** A unit summary with every count zero except those given. */
export function summaryWith(counts: Partial<Counts>, period: Period, name = 'Đảng bộ xã Thử'): UnitSummary {
  return {
    unit: { name },
    period,
    counts: { ...emptyCounts(), ...counts },
    targetsMissed: [],
    openErrors: 0,
    openWarnings: 0,
    unitsIncluded: 1,
    rulebookVersion: 'test',
  };
}
