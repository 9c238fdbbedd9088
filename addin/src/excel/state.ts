/**
 * The hidden sheet STATE_SHEET remembers what a host changed in the official's sheets, in the
 * layout every host shares (StateEntry in shared/src/plan/types.ts): the original fill of
 * every highlighted cell, the areas result columns took, the widths of those columns, the
 * header cells merged, and the result sheets created. The next run, by the add-in or the
 * command line, restores and clears exactly those, so results are replaced, never piled up.
 *
 * What the add-in keeps here is only what the engine's helpers do not: Excel measures widths
 * in points, the shared layout (like the command line) in characters.
 */
import { STATE_SHEET, decodeStateRows, encodeStateRows, type StateEntry } from '@kiemtra/shared';

export { STATE_SHEET, decodeStateRows, encodeStateRows, type StateEntry };

/** Widths in characters to points (a character of Calibri 11 is about 7 px, 0.75 pt per px). */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Points back to characters, precise enough that columnPoints gives the same points again
 * (a width restored by the add-in is the width it found).
 */
export function columnChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 1e6) / 1e6;
}

/**
 * The order removal follows: unmerge before clearing areas (Excel refuses to clear part of a
 * merge), clear areas before restoring fills, widths and heights that lie in or beside them.
 */
const REMOVAL_ORDER: Record<StateEntry['kind'], number> = {
  merge: 0,
  area: 1,
  style: 2,
  fill: 3,
  width: 4,
  height: 5,
  sheet: 6,
};

export function inRemovalOrder(entries: readonly StateEntry[]): StateEntry[] {
  return [...entries].sort((a, b) => REMOVAL_ORDER[a.kind] - REMOVAL_ORDER[b.kind]);
}
