/**
 * What table detection finds in a sheet, and the records read from it. Every value keeps
 * the address of the cell it came from so that every issue can point at a cell.
 */
import type { CellValue } from './grid.ts';
import type { TableKind } from './fields.ts';

/** How one sheet column became (or did not become) a canonical field. */
export interface ColumnMapping {
  /** 0-based sheet column. */
  col: number;
  /** The header as the official wrote it, merged levels joined with " / ". */
  header: string;
  /** Canonical field id, or undefined when the column was not recognized. */
  field?: string;
  /** 0..1: 1 for an exact alias, lower for partial or positional matches. */
  confidence: number;
  /** The alias that matched, for the report. */
  matchedAlias?: string;
  /**
   * For a field marked in one of several columns ("Xếp loại" over "HTXSNV | HTTNV | HTNV |
   * KHTNV", an "x" under the row's rating): the value a mark in this column stands for.
   */
  category?: string;
}

/** A group row ("I. Đảng bộ xã Nậm Lạnh") names the parent unit of the rows below it. */
export interface GroupRow {
  row: number;
  label: string;
  /** Nesting depth: "I." is 1, "1." under it is 2. */
  level: number;
}

/** A total row ("Tổng cộng", "Cộng") and the data rows it totals. */
export interface TotalRow {
  row: number;
  label: string;
  /** Data rows covered: the rows of its group, or all rows for a grand total. */
  coversRows: number[];
  /** Values of the total row per field, parsed. */
  values: Record<string, number | undefined>;
}

export interface DetectedTable {
  /** Stable within a workbook: `${sheet}#${index}`. */
  id: string;
  sheet: string;
  kind: TableKind;
  /** 0..1 certainty of the kind. */
  kindConfidence: number;
  /** Title text found above the table ("BIỂU TỔNG HỢP … NĂM 2023"), if any. */
  title?: string;
  /** 0-based sheet rows of the header block (1–3 rows). */
  headerRows: number[];
  /** The "(1) (2) (3)" column-number row, if present. */
  columnNumberRow?: number;
  /** 0-based sheet rows holding data (not group, total, blank or signature rows). */
  dataRows: number[];
  groupRows: GroupRow[];
  totalRows: TotalRow[];
  /** 0-based inclusive column span of the table as the official laid it out. */
  firstCol: number;
  lastCol: number;
  /** Last row of the table (data, group or total), 0-based. */
  lastRow: number;
  /**
   * 0-based column where result columns go: the first column right of the table from which
   * all of them would be empty from the header to the last row, or where our own earlier
   * result columns start. Not right of the table (the table's last column) when there is no
   * room for them: another table lies beside it (a `table.beside` issue says so).
   */
  resultCol: number;
  columns: ColumnMapping[];
  /** Required fields of this kind with no column. */
  missingRequired: string[];
}

/** A cell behind a field value. */
export interface CellRef {
  /** A1 address on the record's sheet. */
  address: string;
  raw: CellValue;
}

export type FieldValue = number | string | boolean;

/** One data row of a table, parsed. */
export interface RowRecord {
  tableId: string;
  kind: TableKind;
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /**
   * Parsed values; a field whose cell was blank or invalid is absent or undefined (records
   * read from a sheet list every field of their table, `plainRecord` drops the blank ones).
   */
  values: Record<string, FieldValue>;
  /**
   * The value of one field, for records that keep their values elsewhere than in `values`
   * (a detected table's, by column): read fields through `fieldValue`.
   */
  value?(field: string): FieldValue | undefined;
  /** The cells behind every mapped field, blank ones included. */
  cells: Record<string, CellRef>;
  /** Labels of the enclosing group rows, outermost first; the last names the parent unit. */
  groups: string[];
  /** Pseudonymous, stable row reference (sheet + row + table), safe to send: no names. */
  ref: string;
}

/** A field's parsed value on a record: undefined when blank, invalid or not a column. */
export function fieldValue(rec: RowRecord, field: string): FieldValue | undefined {
  return rec.value !== undefined ? rec.value(field) : rec.values[field];
}

/** The record as a plain object, `cells` included: what is serialized or sent. */
export function plainRecord(rec: RowRecord): RowRecord {
  return {
    tableId: rec.tableId,
    kind: rec.kind,
    sheet: rec.sheet,
    row: rec.row,
    values: presentValues(rec.values),
    cells: rec.cells,
    groups: rec.groups,
    ref: rec.ref,
  };
}

/** The values a row has: a detected record also lists its table's blank fields as undefined. */
function presentValues(values: RowRecord['values']): RowRecord['values'] {
  const out: RowRecord['values'] = {};
  for (const k in values) {
    const v = values[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
