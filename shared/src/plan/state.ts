/**
 * Encoding and decoding the rows of STATE_SHEET (layout in types.ts): plain strings, so any
 * host can write them with its own spreadsheet API and read them back.
 */
import { STATE_HEADER, type StateEntry } from './types.ts';

type StateRow = [string, string, string, string, string];

function numberText(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

/** The header row, then one row per entry. */
export function encodeStateRows(entries: readonly StateEntry[]): string[][] {
  const rows: string[][] = [[...STATE_HEADER]];
  for (const e of entries) {
    let row: StateRow;
    switch (e.kind) {
      case 'fill':
        row = [e.kind, e.sheet, e.ref, e.original, e.detail ?? ''];
        break;
      case 'style':
        row = [e.kind, e.sheet, e.ref, '', e.detail];
        break;
      case 'width':
      case 'height':
        row = [e.kind, e.sheet, e.ref, numberText(e.original), ''];
        break;
      case 'area':
      case 'merge':
        row = [e.kind, e.sheet, e.ref, '', ''];
        break;
      case 'sheet':
        row = [e.kind, e.sheet, '', '', ''];
        break;
    }
    rows.push(row);
  }
  return rows;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function numberOf(s: string): number | undefined {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Entries from the sheet's values as a host reads them (numbers may come back as numbers,
 * blanks as null). The header row is skipped; rows without a sheet, a needed ref, or with a
 * kind this version does not know are left out. An earlier command-line layout called areas
 * "block" and kept its own fill JSON in the value column: both are still read.
 */
export function decodeStateRows(rows: readonly (readonly unknown[])[]): StateEntry[] {
  const out: StateEntry[] = [];
  for (const [i, raw] of rows.entries()) {
    const [kind = '', sheet = '', ref = '', value = '', detail = ''] = raw.map(text);
    if (i === 0 && kind.startsWith('kiemtra-state')) continue;
    if (sheet === '') continue;
    if (kind === 'sheet') {
      out.push({ kind, sheet });
      continue;
    }
    if (ref === '') continue;
    switch (kind) {
      case 'area':
      case 'block':
        out.push({ kind: 'area', sheet, ref });
        break;
      case 'merge':
        out.push({ kind, sheet, ref });
        break;
      case 'fill':
        if (value.startsWith('{')) out.push({ kind, sheet, ref, original: '', detail: value });
        else out.push({ kind, sheet, ref, original: value, ...(detail !== '' ? { detail } : {}) });
        break;
      case 'style': {
        const d = detail !== '' ? detail : value;
        if (d !== '') out.push({ kind, sheet, ref, detail: d });
        break;
      }
      case 'width':
      case 'height': {
        const original = numberOf(value);
        out.push(original === undefined ? { kind, sheet, ref } : { kind, sheet, ref, original });
        break;
      }
    }
  }
  return out;
}
