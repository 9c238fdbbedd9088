/**
 * Drawing a sheet the way officials lay it out for printing: a header block, a title,
 * merged multi-row headers, a "(1) (2) (3)" row, group and total rows, a signature block.
 */
import type { CellValue, MergeArea, SheetGrid } from '../grid.ts';

export interface SheetDraft {
  name: string;
  rows: CellValue[][];
  merges: MergeArea[];
  numberFormats: (string | null)[][];
}

export function draft(name: string): SheetDraft {
  return { name, rows: [], merges: [], numberFormats: [] };
}

export function put(d: SheetDraft, row: number, col: number, value: CellValue): void {
  while (d.rows.length <= row) d.rows.push([]);
  const r = d.rows[row]!;
  while (r.length < col) r.push(null);
  r[col] = value;
}

export function putRow(d: SheetDraft, row: number, col: number, values: CellValue[]): void {
  values.forEach((v, i) => {
    if (v !== null) put(d, row, col + i, v);
  });
}

export function merge(d: SheetDraft, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  d.merges.push({ top, left, bottom, right });
}

export function setFormat(d: SheetDraft, row: number, col: number, format: string): void {
  while (d.numberFormats.length <= row) d.numberFormats.push([]);
  const r = d.numberFormats[row]!;
  while (r.length < col) r.push(null);
  r[col] = format;
}

/** A finished sheet; number formats only when some were set. */
export function finish(d: SheetDraft): SheetGrid {
  const sheet: SheetGrid = { name: d.name, rows: d.rows, merges: d.merges };
  if (d.numberFormats.length > 0) sheet.numberFormats = d.numberFormats;
  return sheet;
}

export interface HeaderBlock {
  /** Upper committee, e.g. "ĐẢNG BỘ HUYỆN SỐP CỘP". */
  parent?: string;
  /** The reporting committee, e.g. "ĐẢNG ỦY XÃ NẬM LẠNH". */
  unit: string;
  /** "Số 125-BC/ĐU". */
  number: string;
  /** "Nậm Lạnh, ngày 15 tháng 12 năm 2023". */
  dateLine: string;
}

/**
 * Rows 0–3: committee names on the left, the party's name and the date line on the right,
 * each merged over a few columns as in printed reports. Returns the next free row.
 */
export function drawHeaderBlock(d: SheetDraft, h: HeaderBlock, width: number): number {
  const leftSpan = Math.max(2, Math.floor(width / 3));
  const rightStart = Math.max(leftSpan + 1, width - Math.max(3, Math.floor(width / 3)));
  const left = [h.parent, h.unit, h.number].filter((s): s is string => !!s);
  left.forEach((text, i) => {
    put(d, i, 0, text);
    merge(d, i, 0, i, leftSpan - 1);
  });
  put(d, 0, rightStart, 'ĐẢNG CỘNG SẢN VIỆT NAM');
  merge(d, 0, rightStart, 0, width - 1);
  put(d, 1, rightStart, '*');
  put(d, 2, rightStart, h.dateLine);
  merge(d, 2, rightStart, 2, width - 1);
  return Math.max(left.length, 3) + 1;
}

/** A title line merged over the table width. */
export function drawTitle(d: SheetDraft, row: number, text: string, width: number): number {
  put(d, row, 0, text);
  merge(d, row, 0, row, width - 1);
  return row + 1;
}

/** A header: a leaf is one column; a group spans its children. */
export interface HeaderNode {
  label: string;
  children?: HeaderNode[];
}

function leafCount(n: HeaderNode): number {
  return n.children ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

/**
 * Draws a header over `depth` rows starting at `top`; a leaf above the bottom level is merged
 * down to the bottom row. Returns the number of columns.
 */
export function drawHeaders(d: SheetDraft, top: number, nodes: HeaderNode[], depth: number): number {
  const bottom = top + depth - 1;
  const walk = (list: HeaderNode[], row: number, col: number): number => {
    let c = col;
    for (const n of list) {
      put(d, row, c, n.label);
      if (n.children) {
        const w = leafCount(n);
        merge(d, row, c, row, c + w - 1);
        walk(n.children, row + 1, c);
        c += w;
      } else {
        merge(d, row, c, bottom, c);
        c += 1;
      }
    }
    return c;
  };
  return walk(nodes, top, 0);
}

/** The "(1) (2) (3)" row under the headers. */
export function drawColumnNumbers(d: SheetDraft, row: number, width: number): number {
  for (let c = 0; c < width; c++) put(d, row, c, `(${c + 1})`);
  return row + 1;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  let s = '';
  let left = n;
  for (const [v, r] of ROMAN) {
    while (left >= v) {
      s += r;
      left -= v;
    }
  }
  return s;
}

/** A group row: Roman numeral in the first column, label merged over the next few. */
export function drawGroupRow(d: SheetDraft, row: number, index: number, label: string, span: number): void {
  put(d, row, 0, roman(index));
  put(d, row, 1, label);
  merge(d, row, 1, row, Math.max(1, span - 1));
}

/** The signature block: the compiler on the left, the committee on the right. */
export function drawSignature(
  d: SheetDraft,
  row: number,
  width: number,
  s: { committee: string; role: string; signer: string; compiler: string },
): number {
  const right = Math.max(2, width - 4);
  put(d, row, 1, 'NGƯỜI LẬP BIỂU');
  put(d, row, right, `T/M ${s.committee}`);
  merge(d, row, right, row, width - 1);
  put(d, row + 1, right, s.role);
  merge(d, row + 1, right, row + 1, width - 1);
  put(d, row + 2, right, '(Ký tên, đóng dấu)');
  put(d, row + 5, 1, s.compiler);
  put(d, row + 5, right, s.signer);
  merge(d, row + 5, right, row + 5, width - 1);
  return row + 6;
}

/** 1922 → "1.922", the way numbers are typed as text in Vietnamese sheets. */
export function viNumber(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${grouped}` : grouped;
}

/** 0.068 → "6,8%". */
export function viPercent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals).replace('.', ',')}%`;
}

/** 2023-03-07 → "07/03/2023". */
export function viDate(year: number, month: number, day: number): string {
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Days since 1899-12-30 (Excel's date serial) for a calendar date. */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86400000) + 25569;
}
