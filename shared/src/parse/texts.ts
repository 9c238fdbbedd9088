/**
 * Free text (names, notes, justifications): spaces tidied, case and diacritics kept. Numbers
 * become their plain JavaScript text ("12", "6.8"); booleans become "TRUE"/"FALSE", as Excel
 * shows them in the cell.
 */
import type { CellValue } from '../grid.ts';
import { screen, valueOf, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

export function parseText(raw: CellValue): ParseOutcome {
  return screen(raw, readText);
}

function readText(v: Present): ParseOutcome {
  if (typeof v === 'boolean') return valueOf(v ? 'TRUE' : 'FALSE');
  if (typeof v === 'number' && v >= 0 && v < NUMBERED && Number.isInteger(v)) {
    numberTexts ??= new Array<ParseOutcome | undefined>(NUMBERED).fill(undefined);
    return (numberTexts[v] ??= valueOf(String(v)));
  }
  return valueOf(String(v));
}

/**
 * Whole numbers below this are read as text once each, and their outcomes kept (outcomes are
 * never changed): a list's numbering column (STT) is a text field, a province's member list
 * numbers 100,000 rows, and making each number's text again on every check was a tenth of
 * reading the province sample.
 */
const NUMBERED = 1 << 17;
let numberTexts: (ParseOutcome | undefined)[] | undefined;
