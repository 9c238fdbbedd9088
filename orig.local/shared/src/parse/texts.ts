/**
 * Free text (names, notes, justifications): spaces tidied, case and diacritics kept. Numbers
 * become their plain JavaScript text ("12", "6.8"); booleans become "TRUE"/"FALSE", as Excel
 * shows them in the cell.
 */
import type { CellValue } from '../grid.ts';
import { screen, valueOf } from './common.ts';
import type { ParseOutcome } from './index.ts';

export function parseText(raw: CellValue): ParseOutcome {
  return screen(raw, (v) => {
    if (typeof v === 'boolean') return valueOf(v ? 'TRUE' : 'FALSE');
    return valueOf(String(v));
  });
}
