/**
 * The hidden sheet STATE_SHEET remembers what the add-in changed in the official's sheets:
 * the original fill of every cell it highlighted, the areas its result columns took, and the
 * result sheets it created. The next run restores and clears exactly those, so results are
 * replaced, never piled up, and nothing the official typed is touched.
 */
import { STATE_SHEET } from '@kiemtra/shared';

export const STATE_HEADER = ['kiemtra-state v1', 'sheet', 'address', 'value'];

export type StateRecord =
  | { kind: 'fill'; sheet: string; address: string; original: string }
  | { kind: 'area'; sheet: string; address: string }
  | { kind: 'sheet'; sheet: string };

export function encodeState(records: StateRecord[]): string[][] {
  return [
    STATE_HEADER,
    ...records.map((r) =>
      r.kind === 'fill'
        ? ['fill', r.sheet, r.address, r.original]
        : r.kind === 'area'
          ? ['area', r.sheet, r.address, '']
          : ['sheet', r.sheet, '', ''],
    ),
  ];
}

export function decodeState(values: unknown[][]): StateRecord[] {
  const out: StateRecord[] = [];
  for (const row of values.slice(1)) {
    const [kind, sheet, address, value] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!sheet) continue;
    if (kind === 'fill' && address) out.push({ kind, sheet, address, original: value ?? '' });
    else if (kind === 'area' && address) out.push({ kind, sheet, address });
    else if (kind === 'sheet') out.push({ kind, sheet });
  }
  return out;
}

export { STATE_SHEET };
